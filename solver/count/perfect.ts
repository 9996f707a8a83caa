/**
 * Fairness objectives 3 and 4 of DESIGN.md. The cyclic rotation already gives every steady
 * member of a class the floor or the ceiling of the class's share, so a group's spread is 0
 * exactly when its office total is a multiple of its size, and 1 otherwise. What is left to
 * optimize is the choice of totals, with every hard rule and each block's optimal office and
 * priority days kept: first within every week (daily rotation: weekly spread 0, which gives
 * horizon spread 0 too), else over the whole horizon. This file holds which classes can be
 * levelled, whether counts are level, and the check of candidate totals by a linear program
 * where composition rules count rotating people (`levelFlow.ts` is the flow check elsewhere).
 */
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import type { Backend } from "../backend.js";
import type { Problem } from "../../src/domain/problem.js";
import { hardRuleRows, poolVar } from "./blockModel.js";
import { searchTotals } from "./levelSearch.js";
import type { AgencyStructure, Block } from "./pools.js";

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
 * Level counts for `blocks` where composition rules count rotating people: the search over
 * class totals of `levelSearch.ts`, each candidate checked by a linear program holding every
 * hard rule, each block's office and priority days, and the class totals. No integer
 * variables (a branch and bound proving that no level split exists can run for minutes): a
 * candidate counts only when the program's vertex is integral, which it is when the rules
 * are by rank or by unit alone (two laminar families: a network matrix).
 */
export function levelByLp(s: AgencyStructure, blocks: Block[], counts: number[][], classes: number[], backend: Backend): number[][] | "none" | "gave-up" {
  // With pools covering part of a block (weekly rotation, leave) the units per block are not
  // fixed, only the office days: then the search cannot prune, and the programs decide.
  const fullBlocks = blocks.every((b) => b.pools.every((pool) => pool.days.length === b.days.length));
  const levelable = new Set(classes);
  const isLevelPool = (pool: Block["pools"][number]): boolean => pool.steady && levelable.has(pool.cls) && !s.classes[pool.cls].priority;
  const rows = classes.filter((c) => blocks.some((b) => b.pools.some((p) => p.cls === c && isLevelPool(p))));
  const name = (b: number, i: number): string => `b${b}_${poolVar(i)}`;

  const vars: ModelVar[] = [];
  const constraints: ModelConstraint[] = [];
  const classTerms = new Map<number, Array<[string, number]>>();
  let total = 0;
  let otherMost = 0;
  const most = new Map<number, number>();
  const current = new Map<number, number>();
  for (const block of blocks) {
    const chosen = counts[block.index];
    const rename = (terms: Array<[string, number]>): Array<[string, number]> => terms.map(([v, c]) => [`b${block.index}_${v}`, c]);
    for (const row of hardRuleRows(s, block)) constraints.push({ ...row, terms: rename(row.terms) });
    const office: Array<[string, number]> = [];
    const priority: Array<[string, number]> = [];
    let officeDays = 0;
    let priorityDays = 0;
    block.pools.forEach((pool, i) => {
      const v = name(block.index, i);
      vars.push({ name: v, lower: 0, upper: pool.size, integer: false });
      office.push([v, pool.days.length]);
      officeDays += chosen[i] * pool.days.length;
      if (s.classes[pool.cls].priority) {
        priority.push([v, pool.days.length]);
        priorityDays += chosen[i] * pool.days.length;
        return;
      }
      total += chosen[i];
      if (isLevelPool(pool)) {
        classTerms.set(pool.cls, [...(classTerms.get(pool.cls) ?? []), [v, 1]]);
        most.set(pool.cls, (most.get(pool.cls) ?? 0) + pool.size);
        current.set(pool.cls, (current.get(pool.cls) ?? 0) + chosen[i]);
      } else otherMost += pool.size;
    });
    if (office.length > 0) constraints.push({ name: `office_b${block.index}`, terms: office, lower: officeDays, upper: officeDays });
    if (priority.length > 0) constraints.push({ name: `priority_b${block.index}`, terms: priority, lower: priorityDays, upper: priorityDays });
  }

  const spec = {
    size: rows.map((c) => s.classes[c].steady.length),
    most: rows.map((c) => most.get(c)!),
    current: rows.map((c) => current.get(c)!),
    total: fullBlocks ? total : null,
    otherMost,
  };
  return searchTotals(spec, (totals) => {
    const fixed: ModelConstraint[] = rows.map((c, k) => ({ name: `level${c}`, terms: classTerms.get(c)!, lower: totals[k], upper: totals[k] }));
    const model: Model = { name: "level", sense: "min", objective: new Map(), constraints: [...constraints, ...fixed], vars };
    const result = backend.solve(model);
    if (result.status !== "optimal") return null;
    const values = blocks.map((block) => block.pools.map((_, i) => result.values.get(name(block.index, i)) ?? 0));
    const integral = values.every((row) => row.every((x) => Math.abs(x - Math.round(x)) < 1e-6));
    return integral ? values.map((row) => row.map((x) => Math.round(x))) : null;
  });
}
