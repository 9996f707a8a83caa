/**
 * Fairness and coverage figures of a roster, per fairness group, per agency and overall:
 * what `metrics.json`, the report and `compare` show. A plain JSON-able object whose keys
 * are always built in the same order, so the same roster gives the same bytes.
 *
 * Fairness is measured as the solver's objective defines it: within a fairness group (same
 * agency, rank and unit, attendance "rotating"), on the members with no leave day in the
 * horizon, over history + office units (office days; office weeks in weekly rotation).
 */
import type { Problem, Roster } from "../domain/problem.js";
import type { Rank } from "../domain/values.js";
import { objectiveValues, type ObjectiveValues } from "./objectives.js";
import { contactFigures, type AgencyContacts, type ContactFigures } from "./contacts.js";
import { gini, jain, mean, stdDev } from "./stats.js";
import { groupSpread, groupWeeklySpread, tally } from "./tally.js";

export interface GroupMetrics {
  rank: Rank;
  /** "" when the group has no unit. */
  unit: string;
  members: number;
  /** Members with no leave day in the horizon: the ones the figures below are about. */
  counted: number;
  /** Fewest and most history + office units among the counted; null when none is counted. */
  min: number | null;
  max: number | null;
  spread: number;
  mean: number;
  stdDev: number;
  gini: number;
  jain: number;
  /** Largest max-min of office days within one week among the counted; 0 in weekly rotation. */
  weeklySpread: number;
}

export interface AgencyMetrics {
  agencyId: string;
  name: string;
  exempt: boolean;
  cap: number | null;
  headcount: number;
  officeDays: number;
  homeDays: number;
  leaveDays: number;
  /** officeDays / (cap x workdays); null for an exempt agency (or a cap of 0). */
  capUse: number | null;
  priorityOfficeDays: number;
  /** Worst spread and worst weekly spread over the agency's groups (0 when it has none). */
  worstSpread: number;
  worstWeeklySpread: number;
  groups: GroupMetrics[];
}

export interface OverallMetrics {
  people: number;
  officeDays: number;
  homeDays: number;
  leaveDays: number;
  /** Office days of non-exempt agencies / the sum of their cap x workdays; null when no agency has a positive cap. */
  capUse: number | null;
  priorityOfficeDays: number;
  worstSpread: number;
  worstWeeklySpread: number;
  /** Counted rotating people over all groups, and the figures of their history + office units. */
  counted: number;
  stdDev: number;
  gini: number;
  jain: number;
}

export interface Metrics {
  rotation: Problem["rotation"];
  /** What fairness figures count: office days (daily rotation) or office weeks (weekly). */
  unit: "days" | "weeks";
  workdays: number;
  weeks: number;
  overall: OverallMetrics;
  agencies: AgencyMetrics[];
  /** The solver's objective values for this roster. */
  objectives: ObjectiveValues;
  /** Distinct office colleagues per rotating person (contact spread, src/metrics/contacts.ts). */
  contacts: { overall: ContactFigures; agencies: AgencyContacts[] };
}

/** Ratios to 6 decimals: enough for any comparison, and metrics.json stays readable. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * Compute the figures of a roster. O(person-days), one pass over the modes.
 *
 * @example computeMetrics(problem, roster).overall.worstSpread //=> 1
 */
export function computeMetrics(problem: Problem, roster: Roster): Metrics {
  const t = tally(problem, roster);
  const workdays = t.days;

  // Counted members' values, grouped: a counting sort by group.
  const groupCount = t.groups.length;
  const start = new Int32Array(groupCount + 1);
  for (let g = 0; g < groupCount; g++) start[g + 1] = start[g] + t.countedMembers[g];
  const values = new Float64Array(start[groupCount]);
  const fill = start.slice(0, groupCount);
  for (let p = 0; p < t.groupOf.length; p++) if (t.counted[p] === 1) values[fill[t.groupOf[p]]++] = t.value[p];

  const perAgency: GroupMetrics[][] = problem.agencies.map(() => []);
  const worst = problem.agencies.map(() => ({ spread: 0, weekly: 0 }));
  for (let g = 0; g < groupCount; g++) {
    const info = t.groups[g];
    const xs = values.subarray(start[g], start[g + 1]);
    const spread = groupSpread(t, g);
    const weeklySpread = groupWeeklySpread(t, g);
    perAgency[info.agency].push({
      rank: info.rank,
      unit: info.unit,
      members: t.members[g],
      counted: t.countedMembers[g],
      min: xs.length === 0 ? null : t.valueMin[g],
      max: xs.length === 0 ? null : t.valueMax[g],
      spread,
      mean: round(mean(xs)),
      stdDev: round(stdDev(xs)),
      gini: round(gini(xs)),
      jain: round(jain(xs)),
      weeklySpread,
    });
    const w = worst[info.agency];
    w.spread = Math.max(w.spread, spread);
    w.weekly = Math.max(w.weekly, weeklySpread);
  }

  let office = 0, home = 0, leave = 0, priority = 0, capOffice = 0, capDays = 0, worstSpread = 0, worstWeekly = 0;
  const agencies: AgencyMetrics[] = problem.agencies.map((agency) => {
    const a = agency.index;
    const capacity = agency.exempt || agency.cap === null ? 0 : agency.cap * workdays;
    office += t.office[a];
    home += t.home[a];
    leave += t.leave[a];
    priority += t.priorityOffice[a];
    if (!agency.exempt && agency.cap !== null) {
      capOffice += t.office[a];
      capDays += capacity;
    }
    worstSpread = Math.max(worstSpread, worst[a].spread);
    worstWeekly = Math.max(worstWeekly, worst[a].weekly);
    return {
      agencyId: agency.id,
      name: agency.name,
      exempt: agency.exempt,
      cap: agency.cap,
      headcount: agency.headcount,
      officeDays: t.office[a],
      homeDays: t.home[a],
      leaveDays: t.leave[a],
      capUse: capacity > 0 ? round(t.office[a] / capacity) : null,
      priorityOfficeDays: t.priorityOffice[a],
      worstSpread: worst[a].spread,
      worstWeeklySpread: worst[a].weekly,
      groups: perAgency[a],
    };
  });

  return {
    rotation: problem.rotation,
    unit: problem.rotation === "weekly" ? "weeks" : "days",
    workdays,
    weeks: t.weeks,
    overall: {
      people: problem.people.length,
      officeDays: office,
      homeDays: home,
      leaveDays: leave,
      capUse: capDays > 0 ? round(capOffice / capDays) : null,
      priorityOfficeDays: priority,
      worstSpread,
      worstWeeklySpread: worstWeekly,
      counted: values.length,
      stdDev: round(stdDev(values)),
      gini: round(gini(values)),
      jain: round(jain(values)),
    },
    agencies,
    objectives: objectiveValues(problem, roster),
    contacts: contactFigures(problem, roster),
  };
}
