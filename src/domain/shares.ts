/**
 * Fair shares (DESIGN objective 3, "everyone takes turns"): inside an agency, the rotating,
 * non-priority staff share its office days in proportion to the days each is available,
 * history included, whatever their rank or unit.
 *
 *   avail_p = workdays of the horizon not on leave
 *   prior_p = history.csv `workdays` (the horizon's length when only office_days is given; 0 without history)
 *   share_p = (sum over the agency's such people of hist + office) * (avail_p + prior_p) / (sum of avail + prior)
 *   dev_p   = hist_p + office_p - share_p      (days, in daily and weekly rotation alike)
 *
 * The solver, the exact reference, the verifier's figures and the metrics all read shares
 * from here, so they cannot disagree on what "fair" means.
 */
import type { Person, Problem } from "./problem.js";

/** Whether a person is counted in fair shares: rotating and not health priority. */
export function sharesTurns(person: Person): boolean {
  return person.attendance === "rotating";
}

/** Workdays of the horizon the person is not on leave. */
export function availableDays(person: Person, days: number): number {
  if (person.leave === null) return days;
  let n = 0;
  for (let d = 0; d < days; d++) if (person.leave[d] === 0) n++;
  return n;
}

/** What a share is computed from, per person. */
export interface ShareBasis {
  /** avail_p + prior_p: the weight of the person's share. */
  weight: number;
  /** hist_p. */
  history: number;
}

/**
 * Each person's fair share, given the office days of the horizon `office` (same order as
 * `basis`): `share_p = (sum hist + sum office) * weight_p / sum weight`. All 0 when no one
 * has any weight.
 */
export function fairShares(basis: readonly ShareBasis[], totalOffice: number): Float64Array {
  const shares = new Float64Array(basis.length);
  let weight = 0;
  let history = 0;
  for (const b of basis) {
    weight += b.weight;
    history += b.history;
  }
  if (weight === 0) return shares;
  const total = history + totalOffice;
  for (let i = 0; i < basis.length; i++) shares[i] = (total * basis[i].weight) / weight;
  return shares;
}

/** The share basis of one person. */
export function shareBasis(person: Person, days: number): ShareBasis {
  return { weight: availableDays(person, days) + person.priorWorkdays, history: person.history };
}

/**
 * Shares and deviations of an agency's counted people for a roster's office days:
 * `office[i]` is the office days of `people[i]` in the horizon.
 */
export function agencyDeviations(problem: Problem, people: readonly number[], office: readonly number[]): { share: Float64Array; dev: Float64Array } {
  const days = problem.calendar.days.length;
  const basis = people.map((p) => shareBasis(problem.people[p], days));
  let total = 0;
  for (const o of office) total += o;
  const share = fairShares(basis, total);
  const dev = new Float64Array(people.length);
  for (let i = 0; i < people.length; i++) dev[i] = basis[i].history + office[i] - share[i];
  return { share, dev };
}
