/**
 * The solver's lexicographic objectives (DESIGN.md "Objectives") measured on a roster, so
 * that tests can hold any solver's roster against the optimum of an exact model.
 */
import type { Problem, Roster } from "../domain/problem.js";
import { groupSpread, groupWeeklySpread, tally, type Tally } from "./tally.js";

/** The objective values in priority order: maximize `capUse`, then minimize the other three in turn. */
export interface ObjectiveValues {
  /** Office person-days summed over non-exempt agencies and workdays (maximize: use the cap). */
  capUse: number;
  /** Office days of health-priority people (minimize). */
  priorityOfficeDays: number;
  /** Largest spread of history + office units (days, or weeks in weekly rotation) in a fairness group, among members with no leave (minimize). */
  horizonSpread: number;
  /** Largest spread of office days within one week in a fairness group; 0 in weekly rotation (minimize). */
  weeklySpread: number;
}

/** The objective values of a tally already taken (shared with `computeMetrics`). */
export function objectivesOf(problem: Problem, t: Tally): ObjectiveValues {
  let capUse = 0;
  let priorityOfficeDays = 0;
  for (const agency of problem.agencies) {
    if (!agency.exempt) capUse += t.office[agency.index];
    priorityOfficeDays += t.priorityOffice[agency.index];
  }
  let horizonSpread = 0;
  let weeklySpread = 0;
  for (let g = 0; g < t.groups.length; g++) {
    horizonSpread = Math.max(horizonSpread, groupSpread(t, g));
    weeklySpread = Math.max(weeklySpread, groupWeeklySpread(t, g));
  }
  return { capUse, priorityOfficeDays, horizonSpread, weeklySpread };
}

/**
 * Measure a roster against the objectives.
 *
 * @example objectiveValues(problem, roster) //=> { capUse: 40, priorityOfficeDays: 0, horizonSpread: 1, weeklySpread: 1 }
 */
export function objectiveValues(problem: Problem, roster: Roster): ObjectiveValues {
  return objectivesOf(problem, tally(problem, roster));
}

/**
 * Compare two objective vectors lexicographically in DESIGN.md's order: negative when `a` is
 * better, positive when `b` is, 0 when equal.
 */
export function compareObjectives(a: ObjectiveValues, b: ObjectiveValues): number {
  return b.capUse - a.capUse || a.priorityOfficeDays - b.priorityOfficeDays || a.horizonSpread - b.horizonSpread || a.weeklySpread - b.weeklySpread;
}
