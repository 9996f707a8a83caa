/**
 * Fairness and coverage figures of a roster, per agency and overall, with (rank, unit)
 * groups as detail: what `metrics.json`, `giliran metrics`, `compare` and report.html show.
 * A plain JSON-able object whose keys are always built in the same order, so the same
 * roster gives the same bytes.
 *
 * Fairness is measured as a planner means it (docs/fairness.md): within each agency, over
 * its rotating, non-priority staff pooled whatever their rank or unit, each person's office
 * days (history included) against their fair share (src/domain/shares.ts), in days in daily
 * and weekly rotation alike.
 */
import type { Problem, Roster } from "../domain/problem.js";
import type { Rank } from "../domain/values.js";
import { objectiveValues, type ObjectiveValues } from "./objectives.js";
import { contactFigures, type AgencyContacts, type ContactFigures } from "./contacts.js";
import { ruleForcedAway, type RuleForced } from "./ruleForced.js";
import { gini, jain, stdDev } from "./stats.js";
import { tally, type Tally } from "./tally.js";

/** A person is "locked to one weekday" only with at least this many office days. */
export const WEEKDAY_MIN_OFFICE = 4;
/** Deviations within this of a threshold count as on it (shares are fractions). */
const EPS = 1e-9;

/** The fairness figures of a pool of rotating, non-priority people (an agency's, or everyone's). */
export interface FairnessFigures {
  /** People in the pool: rotating, not health priority. */
  rotating: number;
  /** Largest |office + history - fair share| in the pool, days. */
  maxDeviation: number;
  /** People more than 1 day, and more than 2 days, from their fair share. */
  over1: number;
  over2: number;
  /** People of the pool available at least one day who never come to the office. */
  noOffice: number;
  /** Sum of squared deviations (days^2). */
  sumSquaredDeviation: number;
  /** Standard deviation of the deviations (days): the typical distance from a fair share. */
  stdDev: number;
  /**
   * Gini coefficient and Jain's index of each person's rate (history + office) / (available
   * + prior workdays): 0 and 1 when everyone comes in at the same rate (everyone at their share).
   */
  gini: number;
  jain: number;
  /** Largest deviation within one week (daily rotation; 0 in weekly rotation), days. */
  weeklyDeviation: number;
  /** People of the pool with at least WEEKDAY_MIN_OFFICE office days. */
  weekdayPeople: number;
  /** Of those, the people whose office days all fall on one weekday. */
  weekdayLocked: number;
  /** weekdayLocked / weekdayPeople; null when weekdayPeople is 0. */
  weekdayLockedShare: number | null;
  /** Mean over weekdayPeople of (office days on the most frequent weekday / office days); null when none. */
  topWeekdayShare: number | null;
}

export interface GroupMetrics {
  rank: Rank;
  /** "" when the group has no unit. */
  unit: string;
  members: number;
  /** Mean office days in the horizon, mean fair share (history included), mean deviation. */
  meanOffice: number;
  meanShare: number;
  meanDeviation: number;
  /** The deviation farthest from 0 (signed: negative is below the share). */
  worstDeviation: number;
  noOffice: number;
  /** Detail only: max - min of history + office days among members with no leave day (0 when none). */
  spread: number;
}

export interface AgencyMetrics extends FairnessFigures {
  agencyId: string;
  name: string;
  exempt: boolean;
  cap: number | null;
  headcount: number;
  officeDays: number;
  homeDays: number;
  leaveDays: number;
  /** officeDays / the sum over workdays of the cap that day; null for an exempt agency (or caps of 0). */
  capUse: number | null;
  priorityOfficeDays: number;
  /** The person farthest from their share (the smallest id on a tie); null when the pool is empty. */
  worstEmployeeId: string | null;
  /** Composition rules that hold people of the pool away from their share (rules.csv lines). */
  ruleForced: RuleForced[];
  groups: GroupMetrics[];
}

export interface OverallMetrics extends FairnessFigures {
  people: number;
  officeDays: number;
  homeDays: number;
  leaveDays: number;
  /** Office days of non-exempt agencies / the sum of their caps over the workdays; null when no cap is positive. */
  capUse: number | null;
  priorityOfficeDays: number;
}

export interface Metrics {
  rotation: Problem["rotation"];
  workdays: number;
  weeks: number;
  overall: OverallMetrics;
  agencies: AgencyMetrics[];
  /** The solver's objective values for this roster (src/metrics/objectives.ts). */
  objectives: ObjectiveValues;
  /** Distinct office colleagues per rotating person (contact spread, src/metrics/contacts.ts). */
  contacts: { overall: ContactFigures; agencies: AgencyContacts[] };
}

/** Ratios to 6 decimals: enough for any comparison, and metrics.json stays readable. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Accumulates a pool's figures person by person. */
class Pool {
  rotating = 0;
  maxDeviation = 0;
  worst = -1;
  worstId = "";
  over1 = 0;
  over2 = 0;
  noOffice = 0;
  sumSq = 0;
  devs: number[] = [];
  rates: number[] = [];
  weekdayPeople = 0;
  weekdayLocked = 0;
  topShareSum = 0;

  add(t: Tally, p: number, weight: number, history: number, id: string): void {
    const dev = t.dev[p];
    const abs = Math.abs(dev);
    this.rotating++;
    // Ties go to the smallest id, so the order of employees.csv's rows changes nothing.
    if (this.worst < 0 || abs > this.maxDeviation + EPS || (abs >= this.maxDeviation - EPS && id < this.worstId)) {
      this.maxDeviation = Math.max(abs, this.maxDeviation);
      this.worst = p;
      this.worstId = id;
    }
    if (abs > 1 + EPS) this.over1++;
    if (abs > 2 + EPS) this.over2++;
    const office = t.personOffice[p];
    if (office === 0 && t.avail[p] > 0) this.noOffice++;
    this.sumSq += dev * dev;
    this.devs.push(dev);
    if (weight > 0) this.rates.push((history + office) / weight);
    if (office >= WEEKDAY_MIN_OFFICE) {
      this.weekdayPeople++;
      if (t.topWeekday[p] === office) this.weekdayLocked++;
      this.topShareSum += t.topWeekday[p] / office;
    }
  }

  figures(weeklyDeviation: number): FairnessFigures {
    return {
      rotating: this.rotating,
      maxDeviation: round(this.maxDeviation),
      over1: this.over1,
      over2: this.over2,
      noOffice: this.noOffice,
      sumSquaredDeviation: round(this.sumSq),
      stdDev: round(stdDev(this.devs)),
      gini: round(gini(this.rates)),
      jain: round(jain(this.rates)),
      weeklyDeviation: round(weeklyDeviation),
      weekdayPeople: this.weekdayPeople,
      weekdayLocked: this.weekdayLocked,
      weekdayLockedShare: this.weekdayPeople === 0 ? null : round(this.weekdayLocked / this.weekdayPeople),
      topWeekdayShare: this.weekdayPeople === 0 ? null : round(this.topShareSum / this.weekdayPeople),
    };
  }
}

/**
 * Compute the figures of a roster. O(person-days).
 *
 * @example computeMetrics(problem, roster).agencies[0].maxDeviation //=> 0.4
 */
export function computeMetrics(problem: Problem, roster: Roster): Metrics {
  const t = tally(problem, roster);
  const objectives = objectiveValues(problem, roster);
  const overallPool = new Pool();
  let office = 0, home = 0, leave = 0, priority = 0, capOffice = 0, capDays = 0;

  const agencies: AgencyMetrics[] = problem.agencies.map((agency) => {
    const a = agency.index;
    const pool = new Pool();
    for (const p of agency.people) {
      if (t.pooled[p] !== 1) continue;
      const person = problem.people[p];
      const weight = t.avail[p] + person.priorWorkdays;
      pool.add(t, p, weight, person.history, person.id);
      overallPool.add(t, p, weight, person.history, person.id);
    }
    office += t.office[a];
    home += t.home[a];
    leave += t.leave[a];
    priority += t.priorityOffice[a];
    if (!agency.exempt) {
      capOffice += t.office[a];
      capDays += t.capDays[a];
    }
    const weekly = objectives.perAgency[a].weeklyDeviation;
    return {
      agencyId: agency.id,
      name: agency.name,
      exempt: agency.exempt,
      cap: agency.cap,
      headcount: agency.headcount,
      officeDays: t.office[a],
      homeDays: t.home[a],
      leaveDays: t.leave[a],
      capUse: !agency.exempt && t.capDays[a] > 0 ? round(t.office[a] / t.capDays[a]) : null,
      priorityOfficeDays: t.priorityOffice[a],
      ...pool.figures(weekly),
      worstEmployeeId: pool.worst < 0 ? null : problem.people[pool.worst].id,
      ruleForced: ruleForcedAway(problem, roster, t, agency),
      groups: [],
    };
  });
  for (const [g, detail] of groupMetrics(problem, t).entries()) agencies[t.groups[g].agency].groups.push(detail);

  return {
    rotation: problem.rotation,
    workdays: t.days,
    weeks: t.weeks,
    overall: {
      people: problem.people.length,
      officeDays: office,
      homeDays: home,
      leaveDays: leave,
      capUse: capDays > 0 ? round(capOffice / capDays) : null,
      priorityOfficeDays: priority,
      ...overallPool.figures(objectives.weeklyDeviation),
    },
    agencies,
    objectives,
    contacts: contactFigures(problem, roster),
  };
}

/** The (rank, unit) detail of each group, in `t.groups` order. */
function groupMetrics(problem: Problem, t: Tally): GroupMetrics[] {
  const count = t.groups.length;
  const members = new Int32Array(count);
  const office = new Float64Array(count);
  const share = new Float64Array(count);
  const dev = new Float64Array(count);
  const worst = new Float64Array(count);
  const noOffice = new Int32Array(count);
  const min = new Float64Array(count).fill(Infinity);
  const max = new Float64Array(count).fill(-Infinity);
  for (let p = 0; p < t.groupOf.length; p++) {
    const g = t.groupOf[p];
    if (g < 0) continue;
    members[g]++;
    office[g] += t.personOffice[p];
    share[g] += t.share[p];
    dev[g] += t.dev[p];
    if (Math.abs(t.dev[p]) > Math.abs(worst[g]) + EPS) worst[g] = t.dev[p];
    if (t.personOffice[p] === 0 && t.avail[p] > 0) noOffice[g]++;
    if (t.avail[p] === t.days) {
      const value = problem.people[p].history + t.personOffice[p];
      if (value < min[g]) min[g] = value;
      if (value > max[g]) max[g] = value;
    }
  }
  return t.groups.map((info, g) => ({
    rank: info.rank,
    unit: info.unit,
    members: members[g],
    meanOffice: round(office[g] / members[g]),
    meanShare: round(share[g] / members[g]),
    meanDeviation: round(dev[g] / members[g]),
    worstDeviation: round(worst[g]),
    noOffice: noOffice[g],
    spread: max[g] >= min[g] ? max[g] - min[g] : 0,
  }));
}
