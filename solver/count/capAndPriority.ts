/**
 * Objectives 1 and 2, block by block: fill the cap (office person-days), then keep health-
 * priority people home. Blocks are independent for both (every hard rule is per day, and per
 * week in weekly rotation), so the optimum of the horizon is every block's own optimum; each
 * distinct block shape is solved once. The result fixes, per block, how many office days go
 * to rotating people and how many of those to priority people: the fairness stages share
 * exactly those, so objectives 1 and 2 can never get worse there.
 */
import { capOn, type Problem } from "../../src/domain/problem.js";
import type { InfeasibleCause } from "../../src/domain/errors.js";
import type { Backend } from "../backend.js";
import { apportion } from "./apportion.js";
import { capThenPriorityModel, poolVar } from "./blockModel.js";
import { conflictCause } from "./diagnose.js";
import type { AgencyStructure, Block } from "./pools.js";

/** The key of a pool's group: priority, days, and which rules count it. */
function groupKey(s: AgencyStructure, block: Block, i: number): string {
  const pool = block.pools[i];
  const cls = s.classes[pool.cls];
  return `${cls.priority ? "p" : "r"}|${pool.days.join(",")}|${cls.matches.map((m) => (m ? 1 : 0)).join("")}`;
}

/**
 * The pools of a block merged by group (priority, days, rule signature): equivalent for
 * every hard rule and objectives 1-2. `share` turns merged counts back into pool counts.
 */
function groupPools(s: AgencyStructure, block: Block): { block: Block; share: (merged: number[]) => number[] } {
  const groups = new Map<string, number[]>();
  block.pools.forEach((_, i) => {
    const key = groupKey(s, block, i);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  const members = [...groups.values()];
  const merged: Block = {
    index: block.index,
    days: block.days,
    pools: members.map((ids) => ({ cls: block.pools[ids[0]].cls, steady: true, size: ids.reduce((sum, i) => sum + block.pools[i].size, 0), days: block.pools[ids[0]].days, members: [] })),
  };
  const share = (totals: number[]): number[] => {
    const counts = new Array<number>(block.pools.length).fill(0);
    members.forEach((ids, g) => {
      const sizes = ids.map((i) => block.pools[i].size);
      const total = sizes.reduce((a, b) => a + b, 0);
      const parts = apportion(totals[g], sizes.map((n) => (totals[g] * n) / total), sizes);
      ids.forEach((i, k) => (counts[i] = parts[k]));
    });
    return counts;
  };
  return { block: merged, share };
}

/**
 * The optimum in closed form, for a block where no composition rule counts rotating people
 * and every pool covers every day of the block: only the total chosen matters, at most the
 * smallest room under the cap, at least the largest gap to min_office; priority people make
 * up only what the others cannot. null: infeasible.
 */
export function capThenPriorityDirect(s: AgencyStructure, block: Block): number[] | null {
  let room = Infinity;
  let need = 0;
  for (const d of block.days) {
    room = Math.min(room, capOn(s.agency, d)! - s.fixedOffice[d]);
    need = Math.max(need, s.agency.minOffice - s.fixedOffice[d]);
  }
  let normal = 0;
  let priority = 0;
  for (const pool of block.pools) {
    if (s.classes[pool.cls].priority) priority += pool.size;
    else normal += pool.size;
  }
  const chosen = Math.min(room, normal + priority);
  if (chosen < need || chosen < 0) return null;
  let normalLeft = Math.min(chosen, normal);
  let priorityLeft = chosen - normalLeft;
  return block.pools.map((pool) => {
    const take = Math.min(pool.size, s.classes[pool.cls].priority ? priorityLeft : normalLeft);
    if (s.classes[pool.cls].priority) priorityLeft -= take;
    else normalLeft -= take;
    return take;
  });
}

/** A block's shape: two blocks with the same key have the same optimum. */
function blockKey(s: AgencyStructure, block: Block): string {
  const parts: string[] = [];
  for (const d of block.days) parts.push(`${s.fixedOffice[d]}/${capOn(s.agency, d)}/${s.fixedMatch.map((m) => m[d]).join(".")}`);
  const first = block.days[0];
  for (const pool of block.pools) parts.push(`${pool.cls}:${pool.steady ? "s" : "l"}:${pool.size}:${pool.days.map((d) => d - first).join(".")}`);
  return `${block.days.length}|${parts.join("|")}`;
}

export interface CapAndPriority {
  /** counts[block][pool]: one optimal choice per block (the fairness stages may re-share it). */
  counts: number[][];
  /** Office person-days of rotating people per block, and of priority people. */
  office: number[];
  priority: number[];
  causes: InfeasibleCause[];
  models: number;
}

/** Objectives 1 and 2 for every block of an agency. */
export function capAndPriority(problem: Problem, s: AgencyStructure, backend: Backend, rulesCountRotating: boolean): CapAndPriority {
  const optimum = new Map<string, number[] | null>();
  const counts: number[][] = [];
  const causes: InfeasibleCause[] = [];
  let models = 0;
  for (const block of s.blocks) {
    const key = blockKey(s, block);
    let chosen = optimum.get(key);
    if (chosen === undefined) {
      chosen = null;
      if (block.pools.length === 0) chosen = [];
      else if (!rulesCountRotating && block.pools.every((pool) => pool.days.length === block.days.length)) {
        chosen = capThenPriorityDirect(s, block);
      } else {
        // Only the total of a group (same priority, days and rule signature) matters for
        // every row: solve over groups (a handful of variables), then share.
        const grouped = groupPools(s, block);
        const result = backend.solve(capThenPriorityModel(s, grouped.block));
        models++;
        if (result.status === "optimal") chosen = grouped.share(grouped.block.pools.map((_, i) => result.values.get(poolVar(i)) ?? 0));
        else if (result.status !== "infeasible") throw new Error(`${backend.name} returned ${result.status} on ${s.agency.id} block ${block.index}${result.detail ? `: ${result.detail}` : ""}`);
      }
      optimum.set(key, chosen);
    }
    if (chosen === null) causes.push(conflictCause(s, problem, block.days[0]));
    counts.push(chosen ?? []);
  }
  const office = s.blocks.map((block) => block.pools.reduce((sum, pool, i) => sum + (counts[block.index][i] ?? 0) * pool.days.length, 0));
  const priority = s.blocks.map((block) => block.pools.reduce((sum, pool, i) => sum + (s.classes[pool.cls].priority ? (counts[block.index][i] ?? 0) * pool.days.length : 0), 0));
  return { counts, office, priority, causes, models };
}
