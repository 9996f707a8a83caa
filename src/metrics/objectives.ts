/**
 * The solver's lexicographic objectives (DESIGN.md "Objectives") measured on a roster, so
 * that tests can hold any solver's roster against the optimum of an exact model.
 *
 * Agencies are independent and the objectives are per agency ("minimize the largest |dev_p|
 * in each agency"), so the values are kept per agency; the problem-wide figures sum the
 * first two and the squares, and take the worst agency for the largest deviations.
 */
import { OFFICE, type Problem, type Roster } from "../domain/problem.js";
import { fairShares, shareBasis, sharesTurns, type ShareBasis } from "../domain/shares.js";

/** One agency's objective values, in priority order. */
export interface AgencyObjectives {
  /** 1. Office person-days on workdays (non-exempt agencies; maximize: use the cap). */
  capUse: number;
  /** 2. Office days of health-priority people (minimize). */
  priorityOfficeDays: number;
  /** 3. Largest |dev_p| = |hist + office - share| over rotating, non-priority people, in days (minimize). */
  maxDeviation: number;
  /** 4. Sum of dev_p^2 over the same people (minimize). */
  sumSquaredDeviation: number;
  /**
   * 5. Daily rotation: largest |office days in a week - share of that week| over the same
   * people and every week, the week's share being the week's office days of those people
   * pro rata to the days each is available in it (minimize); 0 in weekly rotation.
   */
  weeklyDeviation: number;
}

export interface ObjectiveValues extends AgencyObjectives {
  /** Per agency, in `problem.agencies` order (exempt agencies all zero). */
  perAgency: AgencyObjectives[];
}

/** Floating noise from shares is cut at this many decimals, so equal rosters compare equal. */
const DECIMALS = 1e9;
const round = (x: number): number => Math.round(x * DECIMALS) / DECIMALS;

/** The share basis of each person of an agency that fair shares count, in the agency's order: the same for every roster. */
export function agencyShareBasis(problem: Problem, agencyIndex: number): ShareBasis[] {
  const days = problem.calendar.days.length;
  const basis: ShareBasis[] = [];
  const people = problem.agencies[agencyIndex].people;
  for (let i = 0; i < people.length; i++) if (sharesTurns(problem.people[people[i]])) basis.push(shareBasis(problem.people[people[i]], days));
  return basis;
}

/**
 * The objective values of one agency's roster. With `weekly: false`, objectives 1-4 only
 * (`weeklyDeviation` 0, not measured: a replan's wished roster is compared on those);
 * `basis`, the agency's `agencyShareBasis` when it is measured on several rosters.
 */
export function agencyObjectives(problem: Problem, roster: Roster, agencyIndex: number, { weekly = true, basis: given }: { weekly?: boolean; basis?: readonly ShareBasis[] } = {}): AgencyObjectives {
  const agency = problem.agencies[agencyIndex];
  const days = problem.calendar.days.length;
  const week = problem.calendar.week;
  const weeks = problem.calendar.weekStarts.length;
  let capUse = 0;
  let priorityOfficeDays = 0;
  const counted: number[] = [];
  const office: number[] = [];
  for (const p of agency.people) {
    const person = problem.people[p];
    let n = 0;
    for (let d = 0; d < days; d++) if (roster.modes[p * days + d] === OFFICE) n++;
    if (!agency.exempt) capUse += n;
    if (person.attendance === "priority") priorityOfficeDays += n;
    if (sharesTurns(person)) {
      counted.push(p);
      office.push(n);
    }
  }
  if (agency.exempt || counted.length === 0) return { capUse: agency.exempt ? 0 : capUse, priorityOfficeDays, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 0 };

  const basis = given ?? counted.map((p) => shareBasis(problem.people[p], days));
  const share = fairShares(basis, office.reduce((a, b) => a + b, 0));
  let maxDeviation = 0;
  let sumSquaredDeviation = 0;
  counted.forEach((_, i) => {
    const dev = basis[i].history + office[i] - share[i];
    maxDeviation = Math.max(maxDeviation, Math.abs(dev));
    sumSquaredDeviation += dev * dev;
  });

  let weeklyDeviation = 0;
  if (problem.rotation === "daily" && weekly) {
    // Per week: each counted person's office days and available days, and the week's totals.
    const inWeek = new Float64Array(counted.length * weeks);
    const availInWeek = new Float64Array(counted.length * weeks);
    const weekOffice = new Float64Array(weeks);
    const weekAvail = new Float64Array(weeks);
    counted.forEach((p, i) => {
      const leave = problem.people[p].leave;
      for (let d = 0; d < days; d++) {
        // Availability is the scenario's (leave.csv), as in the horizon share, whatever a
        // hand-edited roster says; office days are the roster's, as in the horizon count.
        if (leave === null || leave[d] === 0) {
          availInWeek[i * weeks + week[d]]++;
          weekAvail[week[d]]++;
        }
        if (roster.modes[p * days + d] === OFFICE) {
          inWeek[i * weeks + week[d]]++;
          weekOffice[week[d]]++;
        }
      }
    });
    for (let i = 0; i < counted.length; i++) {
      for (let w = 0; w < weeks; w++) {
        if (weekAvail[w] === 0) continue;
        const dev = inWeek[i * weeks + w] - (weekOffice[w] * availInWeek[i * weeks + w]) / weekAvail[w];
        weeklyDeviation = Math.max(weeklyDeviation, Math.abs(dev));
      }
    }
  }
  return { capUse, priorityOfficeDays, maxDeviation: round(maxDeviation), sumSquaredDeviation: round(sumSquaredDeviation), weeklyDeviation: round(weeklyDeviation) };
}

/**
 * Measure a roster against the objectives.
 *
 * @example objectiveValues(problem, roster) //=> { capUse: 40, priorityOfficeDays: 0, maxDeviation: 0.4, sumSquaredDeviation: 1.2, weeklyDeviation: 0.6, perAgency: [...] }
 */
export function objectiveValues(problem: Problem, roster: Roster): ObjectiveValues {
  const perAgency = problem.agencies.map((a) => agencyObjectives(problem, roster, a.index));
  return {
    capUse: perAgency.reduce((s, o) => s + o.capUse, 0),
    priorityOfficeDays: perAgency.reduce((s, o) => s + o.priorityOfficeDays, 0),
    maxDeviation: perAgency.reduce((s, o) => Math.max(s, o.maxDeviation), 0),
    sumSquaredDeviation: round(perAgency.reduce((s, o) => s + o.sumSquaredDeviation, 0)),
    weeklyDeviation: perAgency.reduce((s, o) => Math.max(s, o.weeklyDeviation), 0),
    perAgency,
  };
}

/** Tolerance for comparing deviations computed along different paths (shares are fractions). */
export const OBJECTIVE_TOLERANCE = 1e-6;

/**
 * Compare two agencies' objective vectors lexicographically in DESIGN.md's order: negative
 * when `a` is better, positive when `b` is, 0 when equal (within `OBJECTIVE_TOLERANCE`).
 */
export function compareAgencyObjectives(a: AgencyObjectives, b: AgencyObjectives): number {
  const by = (x: number, y: number): number => (Math.abs(x - y) <= OBJECTIVE_TOLERANCE ? 0 : x - y);
  return b.capUse - a.capUse || a.priorityOfficeDays - b.priorityOfficeDays || by(a.maxDeviation, b.maxDeviation) || by(a.sumSquaredDeviation, b.sumSquaredDeviation) || by(a.weeklyDeviation, b.weeklyDeviation);
}

/**
 * Compare two rosters' objectives: agency by agency (the contract's order is per agency);
 * negative when `a` is at least as good in every agency and better in one, positive when
 * `b` is, 0 when equal everywhere or when each is better somewhere.
 */
export function compareObjectives(a: ObjectiveValues, b: ObjectiveValues): number {
  let sign = 0;
  a.perAgency.forEach((o, i) => {
    const c = compareAgencyObjectives(o, b.perAgency[i]);
    if (c !== 0 && sign === 0) sign = Math.sign(c);
    else if (c !== 0 && Math.sign(c) !== sign) sign = NaN;
  });
  return Number.isNaN(sign) ? 0 : sign;
}
