/**
 * Fewest changes where the wishes themselves are optimal: for each agency, the roster its
 * people wish (requests.csv wishes; in a replan, the published roster) replaces the solver's
 * whenever it keeps every hard rule and is at least as good on objectives 1-4. That is what
 * makes a replan with unchanged inputs change nothing: the published roster was optimal, and
 * pins on the published days only narrow the choice, so it still is.
 */
import { LEAVE, OFFICE, HOME, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, type Problem, type Roster } from "../domain/problem.js";
import { agencyObjectives, agencyShareBasis, compareAgencyObjectives } from "../metrics/objectives.js";
import { verifyRoster } from "../verify/rules.js";

/**
 * The wished mode of each person-day (the roster's mode where nobody wishes anything), and
 * which agencies it changes (by index).
 */
function wishedRoster(problem: Problem, roster: Roster): { wished: Roster; differs: Uint8Array } {
  const days = roster.days;
  const modes = roster.modes.slice();
  const differs = new Uint8Array(problem.agencies.length);
  for (const person of problem.people) {
    const r = person.requests;
    if (!r || person.attendance === "fixed") continue;
    for (let d = 0; d < days; d++) {
      const i = person.index * days + d;
      if (modes[i] === LEAVE) continue;
      if (r[d] === WISH_OFFICE || r[d] === PIN_OFFICE) modes[i] = OFFICE;
      else if (r[d] === WISH_HOME || r[d] === PIN_HOME) modes[i] = HOME;
      if (modes[i] !== roster.modes[i]) differs[person.agency] = 1;
    }
  }
  return { wished: { days, modes }, differs };
}

/** Replace agencies of `roster` by their wished roster where that is allowed and no worse; returns their ids. */
export function keepWished(problem: Problem, roster: Roster): string[] {
  const { wished, differs } = wishedRoster(problem, roster);
  if (differs.every((x) => x === 0)) return [];
  // One verification of the whole wished roster; agencies with any violation keep the solver's.
  const broken = new Set(verifyRoster(problem, wished, Number.MAX_SAFE_INTEGER).violations.map((v) => v.agencyId));
  const kept: string[] = [];
  const days = roster.days;
  for (const agency of problem.agencies) {
    if (agency.exempt || broken.has(agency.id) || differs[agency.index] === 0) continue;
    // Objectives 1-4 only: the weekly figures rank below wishes.
    const basis = agencyShareBasis(problem, agency.index);
    const ours = agencyObjectives(problem, roster, agency.index, { weekly: false, basis });
    const theirs = agencyObjectives(problem, wished, agency.index, { weekly: false, basis });
    if (compareAgencyObjectives(theirs, ours) > 0) continue;
    for (const p of agency.people) roster.modes.set(wished.modes.subarray(p * days, (p + 1) * days), p * days);
    kept.push(agency.id);
  }
  return kept;
}
