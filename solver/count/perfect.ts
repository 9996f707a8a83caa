/**
 * Fairness objectives 3 and 4 of DESIGN.md. The cyclic rotation already gives every steady
 * member of a class the floor or the ceiling of the class's share, so a group's spread is 0
 * exactly when its office total is a multiple of its size, and 1 otherwise. What is left to
 * optimize is the choice of totals: this pass looks for counts, with every hard rule and
 * each block's optimal office and priority days kept, under which every class's total is a
 * multiple of its size: first within every week (daily rotation: weekly spread 0, which
 * gives horizon spread 0 too), else over the whole horizon. Among those, the closest to the
 * proportional split already chosen.
 */
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import type { Backend } from "../backend.js";
import type { Problem } from "../../src/domain/problem.js";
import { hardRuleRows, poolVar } from "./blockModel.js";
import type { AgencyStructure, Block } from "./pools.js";
import { addMultiples } from "./levelFlow.js";

/** Classes whose spread the pass can drive to 0: not priority, 2+ steady members, equal history. */
export function levelableClasses(problem: Problem, s: AgencyStructure): number[] {
  return s.classes
    .filter((c) => !c.priority && c.steady.length >= 2 && c.steady.every((p) => problem.people[p].history === problem.people[c.steady[0]].history))
    .map((c) => c.index);
}

/** Are the class totals over these blocks multiples of the class sizes? */
export function isLevel(s: AgencyStructure, blocks: Block[], counts: number[][], classes: number[]): boolean {
  return classes.every((c) => {
    let total = 0;
    for (const block of blocks) block.pools.forEach((pool, i) => {
      if (pool.cls === c && pool.steady) total += counts[block.index][i];
    });
    return total % s.classes[c].steady.length === 0;
  });
}

/**
 * A necessary condition, cheap to test before any model is solved (an integer program that
 * is infeasible only by divisibility can take branch and bound a long time to prove so):
 * can the blocks' non-priority office units be written as multiples of the levelable
 * classes' sizes plus what the other pools can absorb?
 */
export function levelPossible(s: AgencyStructure, blocks: Block[], counts: number[][], classes: number[]): boolean {
  let total = 0;
  let others = 0;
  const most = new Map<number, number>();
  const levelable = new Set(classes);
  for (const block of blocks) block.pools.forEach((pool, i) => {
    if (s.classes[pool.cls].priority) return;
    total += counts[block.index][i];
    if (pool.steady && levelable.has(pool.cls)) most.set(pool.cls, (most.get(pool.cls) ?? 0) + pool.size);
    else others += pool.size;
  });
  let reachable: Uint8Array = new Uint8Array(total + 1);
  reachable[0] = 1;
  for (const [c, upper] of most) {
    const n = s.classes[c].steady.length;
    reachable = addMultiples(reachable, n, Math.floor(upper / n));
  }
  for (let sum = Math.max(0, total - others); sum <= total; sum++) if (reachable[sum] === 1) return true;
  return false;
}

/**
 * Counts for `blocks` under which every class in `classes` has a total that is a multiple of
 * its size, or null when there are none (or the backend gives up).
 */
export function levelCounts(s: AgencyStructure, blocks: Block[], counts: number[][], classes: number[], backend: Backend): number[][] | null {
  const vars: ModelVar[] = [];
  const constraints: ModelConstraint[] = [];
  const objective = new Map<string, number>();
  const name = (b: number, i: number): string => `b${b}_${poolVar(i)}`;
  const streamTerms = new Map<string, Array<[string, number]>>();
  const streamTotal = new Map<string, number>();
  let free = false;

  for (const block of blocks) {
    const chosen = counts[block.index];
    const rename = (terms: Array<[string, number]>): Array<[string, number]> => terms.map(([v, c]) => [`b${block.index}_${v}`, c]);
    for (const row of hardRuleRows(s, block)) constraints.push({ ...row, terms: rename(row.terms) });
    const office: Array<[string, number]> = [];
    const priority: Array<[string, number]> = [];
    let officeDays = 0;
    let priorityDays = 0;
    block.pools.forEach((pool, i) => {
      vars.push({ name: name(block.index, i), lower: 0, upper: pool.size, integer: true });
      office.push([name(block.index, i), pool.days.length]);
      officeDays += chosen[i] * pool.days.length;
      if (s.classes[pool.cls].priority) {
        priority.push([name(block.index, i), pool.days.length]);
        priorityDays += chosen[i] * pool.days.length;
      }
      const stream = `${pool.cls}${pool.steady ? "s" : "l"}`;
      streamTerms.set(stream, [...(streamTerms.get(stream) ?? []), [name(block.index, i), 1]]);
      streamTotal.set(stream, (streamTotal.get(stream) ?? 0) + chosen[i]);
    });
    if (block.pools.length > 1) free = true;
    if (office.length > 0) constraints.push({ name: `office_b${block.index}`, terms: office, lower: officeDays, upper: officeDays });
    if (priority.length > 0) constraints.push({ name: `priority_b${block.index}`, terms: priority, lower: priorityDays, upper: priorityDays });
  }
  if (!free) return null;

  for (const c of classes) {
    const terms = streamTerms.get(`${c}s`);
    if (!terms) continue;
    vars.push({ name: `q${c}`, lower: 0, upper: Infinity, integer: true });
    constraints.push({ name: `level${c}`, terms: [...terms, [`q${c}`, -s.classes[c].steady.length]], lower: 0, upper: 0 });
  }
  // Stay close to the proportional split: |stream total - chosen total|.
  let k = 0;
  for (const [stream, terms] of streamTerms) {
    const [over, under] = [`o${k}`, `u${k}`];
    vars.push({ name: over, lower: 0, upper: Infinity, integer: false }, { name: under, lower: 0, upper: Infinity, integer: false });
    constraints.push({ name: `dev${k}`, terms: [...terms, [over, -1], [under, 1]], lower: streamTotal.get(stream)!, upper: streamTotal.get(stream)! });
    objective.set(over, 1).set(under, 1);
    k++;
  }

  const model: Model = { name: "level", sense: "min", objective, constraints, vars };
  // No time limit: a limit would make the roster depend on the machine's speed.
  const result = backend.solve(model);
  if (result.status !== "optimal") return null;
  return blocks.map((block) => block.pools.map((_, i) => result.values.get(name(block.index, i)) ?? 0));
}
