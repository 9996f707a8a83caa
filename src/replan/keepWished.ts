/**
 * Fewest changes where the wishes themselves are optimal: for each agency, the roster its
 * people wish (requests.csv wishes; in a replan, the published roster) replaces the solver's
 * whenever it keeps every hard rule and is at least as good on objectives 1-4. That is what
 * makes a replan with unchanged inputs change nothing: the published roster was optimal, and
 * pins on the published days only narrow the choice, so it still is.
 */
import { LEAVE, OFFICE, HOME, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, emptyRoster, type Problem, type Roster } from "../domain/problem.js";
import { subProblem } from "../../solver/parallel.js";
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
  for (let k = 0; k < problem.people.length; k++) {
    const person = problem.people[k];
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
  const days = roster.days;
  // Objectives 1-4 only: the weekly figures rank below wishes.
  const noWorse = problem.agencies.filter((agency) => {
    if (agency.exempt || differs[agency.index] === 0) return false;
    const basis = agencyShareBasis(problem, agency.index);
    const ours = agencyObjectives(problem, roster, agency.index, { weekly: false, basis });
    const theirs = agencyObjectives(problem, wished, agency.index, { weekly: false, basis });
    return compareAgencyObjectives(theirs, ours) <= 0;
  });
  if (noWorse.length === 0) return [];
  // Every hard rule is judged within one agency: the wished days of these agencies are verified
  // on their own (one verification of them); an agency with any violation keeps the solver's.
  const part = subProblem(problem, noWorse.map((agency) => agency.index));
  const partRoster = emptyRoster(part.people.length, days);
  let row = 0;
  for (const agency of noWorse) for (const p of agency.people) partRoster.modes.set(wished.modes.subarray(p * days, (p + 1) * days), days * row++);
  const broken = new Set(verifyRoster(part, partRoster, Number.MAX_SAFE_INTEGER).violations.map((v) => v.agencyId));
  const kept: string[] = [];
  for (const agency of noWorse) {
    if (broken.has(agency.id)) continue;
    for (const p of agency.people) roster.modes.set(wished.modes.subarray(p * days, (p + 1) * days), p * days);
    kept.push(agency.id);
  }
  return kept;
}
