/**
 * One agency, solved over counts, its stages in the order of the objectives:
 *   1-2. cap, then priority: each block's optimum (`capAndPriority.ts`);
 *   3-4. fair shares: class totals with the smallest largest deviation, then the least sum
 *        of squares (`levelTargets.ts`), fitted to the days (`realize.ts`); where rules count
 *        rotating people, in weekly rotation, or where the totals do not fit the days, an
 *        integer program over counts searched by deviation (`fairMip.ts`);
 *   5.   weeks and people: cyclic turns per class, weekdays varied (`turns.ts`).
 * Share classes (`shareClasses.ts`) merge people identical for all of it, across ranks and
 * units unless a rule tells them apart.
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import type { Problem, Roster } from "../../src/domain/problem.js";
import type { Backend } from "../backend.js";
import { capAndPriority } from "./capAndPriority.js";
import { diagnoseAgency } from "./diagnose.js";
import { pinConflicts } from "../../src/policy/pinConflicts.js";
import { baseModel, relaxedDeviation, solveFairMip, totalsOverCounts } from "./fairMip.js";
import { levelTotals, type LevelClass } from "./levelTargets.js";
import { agencyStructure } from "./pools.js";
import { realize } from "./realize.js";
import { levelView, setTargets, shareClasses, type ShareClass } from "./shareClasses.js";
import { assignTurns } from "./turns.js";

export interface AgencyStats {
  /** Integer and linear programs solved (after de-duplication of identical blocks). */
  models: number;
  /** Whether objectives 3-4 are proven optimal for this agency (false: the search budget ran out). */
  proven: boolean;
}

/** Daily rotation, no rule counting rotating people: totals by levelling, fitted to the days. */
function byLevelling(problem: Problem, classes: readonly ShareClass[], views: readonly LevelClass[], perDay: { normal: Int32Array; priority: Int32Array }): number[][] | null {
  const counts: number[][] = classes.map(() => []);
  for (const priority of [false, true]) {
    const family = classes.filter((c) => c.priority === priority);
    if (family.length === 0) continue;
    const demand = priority ? perDay.priority : perDay.normal;
    const total = demand.reduce((a, b) => a + b, 0);
    const level = levelTotals(family.map((c) => views[c.index]), total);
    if (level === null) return null;
    const fitted = realize(family.map((c, i) => ({ size: c.members.length, days: c.days, total: level.totals[i] })), demand, problem.calendar.week);
    if (fitted === null) return null;
    family.forEach((c, i) => (counts[c.index] = Array.from(fitted[i])));
  }
  return counts;
}

/** The cause when the flexible-work rule cannot hold with the cap and the rules. */
function perPersonCause(problem: Problem, s: ReturnType<typeof agencyStructure>): InfeasibleCause {
  const rule = problem.perPerson!;
  const first = problem.calendar.weekStarts[rule.fullWeeks.indexOf(true)];
  return {
    code: "infeasible.per_person_week", rule: "officeDaysPerWeek", agencyId: s.agency.id, date: first,
    values: { agency: s.agency.name, date: first, min: rule.min, max: rule.max, cap: s.agency.cap ?? "-", basis: s.agency.capBasis },
  };
}

/** Whether daily counts per class keep every composition rule on every day. */
function keepsRules(s: ReturnType<typeof agencyStructure>, classes: readonly ShareClass[], counts: number[][]): boolean {
  const rules = s.agency.rules;
  for (const block of s.blocks) {
    const d = block.days[0];
    for (let r = 0; r < rules.length; r++) {
      let n = s.fixedMatch[r][d];
      for (const c of classes) if (c.matches[r]) n += counts[c.index][d] ?? 0;
      if (n < rules[r].min || (rules[r].max !== null && n > rules[r].max!)) return false;
    }
  }
  return true;
}

/** Solve one agency into `roster` (whose fixed and leave days are already set); causes if it has no roster. */
export function solveAgency(problem: Problem, agencyIndex: number, backend: Backend, roster: Roster): { causes: InfeasibleCause[]; stats: AgencyStats } {
  const agency = problem.agencies[agencyIndex];
  const stats: AgencyStats = { models: 0, proven: true };
  if (agency.exempt) return { causes: [], stats };
  const s = agencyStructure(problem, agency);
  // Pins of both modes in one week (weekly rotation): named by the one pin check `solve` runs first.
  if (s.pinned.anyConflict()) return { causes: pinConflicts(problem).filter((c) => c.agencyId === agency.id), stats };
  const named = diagnoseAgency(s, problem);
  if (named.length > 0) return { causes: named, stats };
  const rulesCountRotating = agency.rules.some((_, r) => s.classes.some((c) => c.matches[r]));

  // 1-2. Cap, then priority, per block.
  const first = capAndPriority(problem, s, backend, rulesCountRotating);
  stats.models += first.models;
  if (first.causes.length > 0) return { causes: first.causes, stats };

  // 3-4. Fair shares over share classes.
  const classes = shareClasses(problem, s, rulesCountRotating);
  if (classes.length === 0) return { causes: [], stats };
  let counts: number[][] | null = null;
  if (problem.perPerson && problem.perPerson.fullWeeks.some(Boolean)) {
    // Flexible work ties each week's days together: objectives 1-2 over the horizon at once.
    const totals = totalsOverCounts(problem, s, classes, backend);
    if (totals === null) return { causes: [perPersonCause(problem, s)], stats };
    stats.models += totals.models;
    setTargets(classes, totals.office - totals.priority, totals.priority);
    const views = classes.map((c) => levelView(problem, c));
    const normalViews = classes.filter((c) => !c.priority).map((c) => views[c.index]);
    const outcome = solveFairMip(s, classes, views, totals.base, backend, relaxedDeviation(normalViews, totals.office - totals.priority));
    stats.models += outcome.models;
    stats.proven = outcome.proven;
    counts = outcome.counts ?? totals.counts;
  } else {
    const chosenPriority = first.priority.reduce((a, b) => a + b, 0);
    const chosenNormal = first.office.reduce((a, b) => a + b, 0) - chosenPriority;
    setTargets(classes, chosenNormal, chosenPriority);
    const views = classes.map((c) => levelView(problem, c));
    if (problem.rotation === "daily") {
      const normal = new Int32Array(problem.calendar.days.length);
      const priority = new Int32Array(problem.calendar.days.length);
      s.blocks.forEach((block) => {
        normal[block.days[0]] = first.office[block.index] - first.priority[block.index];
        priority[block.days[0]] = first.priority[block.index];
      });
      counts = byLevelling(problem, classes, views, { normal, priority });
      // The levelling ignores composition rules: its counts stand only where they keep them
      // (then they are optimal, the relaxation's optimum being feasible).
      if (counts !== null && rulesCountRotating && !keepsRules(s, classes, counts)) counts = null;
    }
    if (counts === null) {
      const normalViews = classes.filter((c) => !c.priority).map((c) => views[c.index]);
      const outcome = solveFairMip(s, classes, views, baseModel(problem, s, classes, first)!, backend, relaxedDeviation(normalViews, chosenNormal));
      stats.models += outcome.models;
      stats.proven = outcome.proven;
      counts = outcome.counts ?? stageOneCounts(s, classes, first.counts);
    }
  }

  // 5. Counts into people, weeks and weekdays varied.
  assignTurns(problem, s, classes, counts, roster);
  return { causes: [], stats };
}

/**
 * Stage 1's pool counts shared among the share classes inside each pool: the fallback when the
 * fairness search ran out of budget. Every hard rule and objectives 1-2 hold (the pool counts
 * are stage 1's); inside each pool, block after block, each place goes to the class whose
 * members are furthest below their target so far, so the fallback still takes turns.
 */
function stageOneCounts(s: ReturnType<typeof agencyStructure>, classes: readonly ShareClass[], poolCounts: number[][]): number[][] {
  const classOf = new Map<number, ShareClass>();
  for (const c of classes) for (const p of c.members) classOf.set(p, c);
  const counts = classes.map(() => new Array<number>(s.blocks.length).fill(0));
  // Office days given so far per member of each class.
  const given = new Float64Array(classes.length);
  for (const block of s.blocks) {
    block.pools.forEach((pool, i) => {
      let left = poolCounts[block.index][i] ?? 0;
      if (left === 0) return;
      const cls = s.classes[pool.cls];
      const people = pool.steady ? cls.steady : pool.members;
      const room = new Map<ShareClass, number>();
      for (const p of people) {
        const c = classOf.get(p)!;
        room.set(c, (room.get(c) ?? 0) + 1);
      }
      const here = [...room.keys()];
      for (; left > 0; left--) {
        let best: ShareClass | null = null;
        for (const c of here) {
          if (room.get(c)! === 0) continue;
          if (best === null || c.target - c.forced - given[c.index] > best.target - best.forced - given[best.index]) best = c;
        }
        if (best === null) break;
        counts[best.index][block.index]++;
        room.set(best, room.get(best)! - 1);
        given[best.index] += best.blockDays[block.index].length / best.members.length;
      }
    });
  }
  return counts;
}
