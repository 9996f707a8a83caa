/**
 * Sharing a block's office places among its pools, close to each pool's fair share, without
 * an integer program. Pools with the same priority, days and composition-rule signature are
 * interchangeable for every hard rule (a *group*); the block's optimum fixes each group's
 * count. Office places then move between groups of the same priority and days (which leaves
 * the cap, the floor and the objectives unchanged) one at a time, each move the one that most
 * reduces the distance to the fair shares while every composition rule still holds, until
 * no move helps; inside a group, places are shared by largest remainders.
 */
import type { AgencyStructure, Block } from "./pools.js";
import { apportion } from "./apportion.js";

/** The key of a pool's group: priority, days, and which rules count it. */
export function groupKey(s: AgencyStructure, block: Block, i: number): string {
  const pool = block.pools[i];
  const cls = s.classes[pool.cls];
  return `${cls.priority ? "p" : "r"}|${pool.days.join(",")}|${cls.matches.map((m) => (m ? 1 : 0)).join("")}`;
}

/** Pool indices of a block by group, groups in first-pool order. */
export function poolGroups(s: AgencyStructure, block: Block): number[][] {
  const groups = new Map<string, number[]>();
  block.pools.forEach((_, i) => {
    const key = groupKey(s, block, i);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()];
}

/**
 * Pool counts for a block: `chosen` (an optimum, feasible) re-shared towards `targets`.
 */
export function shareBlock(s: AgencyStructure, block: Block, chosen: number[], targets: number[]): number[] {
  const groups = poolGroups(s, block);
  const size = groups.map((g) => g.reduce((sum, i) => sum + block.pools[i].size, 0));
  const count = groups.map((g) => g.reduce((sum, i) => sum + chosen[i], 0));
  const target = groups.map((g) => g.reduce((sum, i) => sum + targets[i], 0));
  const first = groups.map((g) => block.pools[g[0]]);
  const matches = first.map((pool) => s.classes[pool.cls].matches);
  const priority = first.map((pool) => s.classes[pool.cls].priority);
  const daysKey = first.map((pool) => pool.days.join(","));
  const rules = s.agency.rules;

  // Each rule's count on each day of the block, to check moves against its bounds.
  const value = rules.map((_, r) => block.days.map((d) => s.fixedMatch[r][d]));
  groups.forEach((_, g) => {
    for (let r = 0; r < rules.length; r++) if (matches[g][r]) first[g].days.forEach((d) => (value[r][block.days.indexOf(d)] += count[g]));
  });
  const canMove = (from: number, to: number): boolean => {
    for (let r = 0; r < rules.length; r++) {
      const delta = (matches[to][r] ? 1 : 0) - (matches[from][r] ? 1 : 0);
      if (delta === 0) continue;
      const { min, max } = rules[r];
      for (const d of first[from].days) {
        const next = value[r][block.days.indexOf(d)] + delta;
        if (next < min || (max !== null && next > max)) return false;
      }
    }
    return true;
  };
  const gain = (from: number, to: number): number =>
    Math.abs(count[from] - 1 - target[from]) - Math.abs(count[from] - target[from]) + Math.abs(count[to] + 1 - target[to]) - Math.abs(count[to] - target[to]);

  for (;;) {
    let best: [number, number] | null = null;
    let bestGain = -1e-9;
    for (let from = 0; from < groups.length; from++) {
      if (count[from] === 0) continue;
      for (let to = 0; to < groups.length; to++) {
        if (to === from || count[to] >= size[to] || priority[to] !== priority[from] || daysKey[to] !== daysKey[from]) continue;
        const g = gain(from, to);
        if (g < bestGain && canMove(from, to)) [best, bestGain] = [[from, to], g];
      }
    }
    if (best === null) break;
    const [from, to] = best;
    for (let r = 0; r < rules.length; r++) {
      const delta = (matches[to][r] ? 1 : 0) - (matches[from][r] ? 1 : 0);
      if (delta !== 0) for (const d of first[from].days) value[r][block.days.indexOf(d)] += delta;
    }
    count[from]--;
    count[to]++;
  }

  const split = new Array<number>(block.pools.length).fill(0);
  groups.forEach((g, k) => {
    const shares = apportion(count[k], g.map((i) => targets[i]), g.map((i) => block.pools[i].size));
    g.forEach((i, j) => (split[i] = shares[j]));
  });
  return split;
}
