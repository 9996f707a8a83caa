/**
 * One agency, solved over counts. Agencies are independent (every rule is per agency), and
 * inside one, blocks are independent for the hard rules and the first two objectives:
 *   1. per block, fill the cap and then spare health-priority people: in closed form, or a
 *      small integer program over rule-signature groups (identical blocks solved once);
 *   2. per block, in order, share the places among pools close to each pool's fair share,
 *      carried over from earlier blocks, so classes share office days by size (`split.ts`);
 *   3. level class totals to multiples of the class sizes where the rules allow: spread 0
 *      (`levelSearch.ts`, checked by `levelFlow.ts` or `perfect.ts`);
 *   4. turn counts into people by cyclic rotation (`rotate.ts`).
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import type { Problem, Roster } from "../../src/domain/problem.js";
import type { Backend } from "../backend.js";
import { capThenPriorityModel, poolVar } from "./blockModel.js";
import { conflictCause, diagnoseAgency } from "./diagnose.js";
import { agencyStructure, type AgencyStructure, type Block } from "./pools.js";
import { assignTurns } from "./rotate.js";
import { apportion } from "./apportion.js";
import { levelByFlow } from "./levelFlow.js";
import { poolGroups, shareBlock } from "./split.js";
import { isLevel, levelableClasses, levelByLp } from "./perfect.js";
import { daysByWeek } from "../../src/calendar/workdays.js";

export { apportion } from "./apportion.js";

/**
 * Replace `counts` by level ones where they exist: within every week first (daily rotation;
 * weekly spread 0 implies horizon spread 0), else over the horizon.
 */
function levelTotals(problem: Problem, s: AgencyStructure, counts: number[][], backend: Backend, stats: AgencyStats, interchangeable: boolean): void {
  const classes = levelableClasses(problem, s);
  if (classes.length === 0) return;
  const attempt = (blocks: Block[]): boolean => {
    if (isLevel(s, blocks, counts, classes)) return true;
    const found = interchangeable ? levelByFlow(s, blocks, counts, classes) : levelByLp(s, blocks, counts, classes, backend);
    if (!interchangeable) stats.models++;
    if (typeof found === "string") return false;
    const level = found;
    blocks.forEach((block, k) => (counts[block.index] = level[k]));
    return true;
  };
  if (problem.rotation === "daily") {
    const weeks = daysByWeek(problem.calendar).map((days) => days.map((d) => s.blocks[d]));
    const saved = counts.map((c) => c.slice());
    if (weeks.every((week) => attempt(week))) return;
    saved.forEach((c, b) => (counts[b] = c));
  }
  attempt(s.blocks);
}

export interface AgencyStats {
  /** Integer and linear programs solved (after de-duplication of identical blocks). */
  models: number;
}

/** A block's shape: two blocks with the same key have the same optimum. */
function blockKey(s: AgencyStructure, block: Block): string {
  const parts: string[] = [];
  for (const d of block.days) parts.push(`${s.fixedOffice[d]}/${s.fixedMatch.map((m) => m[d]).join(".")}`);
  const first = block.days[0];
  for (const pool of block.pools) parts.push(`${pool.cls}:${pool.steady ? "s" : "l"}:${pool.size}:${pool.days.map((d) => d - first).join(".")}`);
  return `${block.days.length}|${parts.join("|")}`;
}

/**
 * The pools of a block merged by group (priority, days, rule signature): equivalent for
 * every hard rule and the objectives. `share` turns the merged
 * counts back into pool counts (in proportion to pool sizes).
 */
function groupPools(s: AgencyStructure, block: Block): { block: Block; share: (merged: number[]) => number[] } {
  const members = poolGroups(s, block);
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
 * The optimum of `capThenPriorityModel` in closed form, for a block where no composition
 * rule counts rotating people and every pool covers every day of the block: then only the
 * total chosen matters, at most the smallest room under the cap, at least the largest gap to
 * min_office; priority people make up only what the others cannot. null: infeasible.
 */
export function capThenPriorityDirect(s: AgencyStructure, block: Block): number[] | null {
  const cap = s.agency.cap!;
  let room = Infinity;
  let need = 0;
  for (const d of block.days) {
    room = Math.min(room, cap - s.fixedOffice[d]);
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

/** Solve one agency into `roster` (whose fixed and leave days are already set); causes if it has no roster. */
export function solveAgency(problem: Problem, agencyIndex: number, backend: Backend, roster: Roster): { causes: InfeasibleCause[]; stats: AgencyStats } {
  const agency = problem.agencies[agencyIndex];
  const stats: AgencyStats = { models: 0 };
  if (agency.exempt) return { causes: [], stats };
  const s = agencyStructure(problem, agency);
  const named = diagnoseAgency(s, problem);
  if (named.length > 0) return { causes: named, stats };

  const rulesTouchRotating = agency.rules.some((_, r) => s.classes.some((c) => c.matches[r]));

  // 1. Fill the cap, spare the priority people: one model per distinct block shape.
  const optimum = new Map<string, number[] | null>();
  const best: number[][] = [];
  const causes: InfeasibleCause[] = [];
  for (const block of s.blocks) {
    const key = blockKey(s, block);
    let counts = optimum.get(key);
    if (counts === undefined) {
      counts = null;
      if (block.pools.length === 0) counts = [];
      else if (!rulesTouchRotating && block.pools.every((pool) => pool.days.length === block.days.length)) {
        counts = capThenPriorityDirect(s, block);
      } else {
        // Only the total of a group (same priority, days and rule signature) matters for
        // every row: solve over groups (a handful of variables), then share.
        const grouped = groupPools(s, block);
        const result = backend.solve(capThenPriorityModel(s, grouped.block));
        stats.models++;
        if (result.status === "optimal") {
          const chosen = (grouped.block).pools.map((_, i) => result.values.get(poolVar(i)) ?? 0);
          counts = grouped.share(chosen);
        } else if (result.status !== "infeasible") throw new Error(`${backend.name} returned ${result.status} on ${agency.id} block ${block.index}${result.detail ? `: ${result.detail}` : ""}`);
      }
      optimum.set(key, counts);
    }
    if (counts === null) causes.push(conflictCause(s, problem, block.days[0]));
    best.push(counts ?? []);
  }
  if (causes.length > 0) return { causes, stats };

  // 2. Share each block's office days among pools in proportion to their size, carrying
  //    what each stream got so far, so that no class is favoured block after block.
  const owed = new Map<string, number>();
  // A stream: a class's steady members, or its members with leave (several pools a block in weekly rotation).
  const streamKey = (b: Block, i: number): string => `${b.pools[i].cls}:${b.pools[i].steady ? "s" : "l"}`;
  const counts: number[][] = s.blocks.map((block) => {
    const chosen = best[block.index];
    if (block.pools.length === 0) return chosen;
    // Fair shares: each pool's part of the office places of its priority and days, in
    // proportion to its size, plus what its stream is owed from earlier blocks.
    const sharing = new Map<string, number[]>();
    block.pools.forEach((pool, i) => {
      const key = `${s.classes[pool.cls].priority}|${pool.days.join(",")}`;
      sharing.set(key, [...(sharing.get(key) ?? []), i]);
    });
    const streamSize = new Map<string, number>();
    block.pools.forEach((pool, i) => streamSize.set(streamKey(block, i), (streamSize.get(streamKey(block, i)) ?? 0) + pool.size));
    const targets = new Array<number>(block.pools.length).fill(0);
    for (const members of sharing.values()) {
      const total = members.reduce((sum, i) => sum + chosen[i], 0);
      const size = members.reduce((sum, i) => sum + block.pools[i].size, 0);
      for (const i of members) {
        const key = streamKey(block, i);
        const carried = ((owed.get(key) ?? 0) * block.pools[i].size) / streamSize.get(key)!;
        targets[i] = carried + (total * block.pools[i].size) / size;
      }
    }
    const split = shareBlock(s, block, chosen, targets);
    const seen = new Set<string>();
    block.pools.forEach((_, i) => {
      const key = streamKey(block, i);
      owed.set(key, (seen.has(key) ? owed.get(key)! : 0) + targets[i] - split[i]);
      seen.add(key);
    });
    return split;
  });

  // 3. Totals that are multiples of the class sizes, where the rules allow: spread 0.
  const interchangeable = !rulesTouchRotating;
  levelTotals(problem, s, counts, backend, stats, interchangeable);

  // 4. Counts into people.
  assignTurns(problem, s, counts, roster);
  return { causes: [], stats };
}
