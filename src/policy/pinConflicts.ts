/**
 * Pins that cannot hold, found before any model is built, each named with the person (or the
 * agency), the day, the rule and the numbers: a pin on a leave day, a fixed person pinned
 * home, office and home pinned in one week of weekly rotation, more people pinned to the
 * office than the cap leaves room for, fewer left available than min_office once pins keep
 * people home. `solve` and `replan` throw them as an `InfeasibleError` (exit 2).
 */
import type { InfeasibleCause } from "../domain/errors.js";
import { PIN_HOME, PIN_OFFICE, capBasisOn, capOn, type Person, type Problem } from "../domain/problem.js";

function label(person: Person): string {
  return person.name === "" || person.name === person.id ? person.id : `${person.id} ${person.name}`;
}

/**
 * Every pin conflict of a problem, in agency, day, person order.
 *
 * @example pinConflicts(problem) //=> [] when requests.csv pins nothing impossible
 */
export function pinConflicts(problem: Problem): InfeasibleCause[] {
  const causes: InfeasibleCause[] = [];
  const { days, week, weekStarts } = problem.calendar;
  for (const agency of problem.agencies) {
    const pinned = agency.people.map((p) => problem.people[p]).filter((person) => person.requests);
    if (pinned.length === 0) continue;
    for (let d = 0; d < days.length; d++) {
      const date = days[d];
      let fixedIn = 0;
      let pinnedIn = 0;
      let available = 0;
      let pinnedHome = 0;
      for (const p of agency.people) {
        const person = problem.people[p];
        if (person.leave !== null && person.leave[d] === 1) continue;
        available++;
        const code = person.requests?.[d];
        if (person.attendance === "fixed") fixedIn++;
        else if (code === PIN_OFFICE) pinnedIn++;
        else if (code === PIN_HOME) pinnedHome++;
      }
      for (const person of pinned) {
        const code = person.requests![d];
        if (code !== PIN_OFFICE && code !== PIN_HOME) continue;
        const values = { employee: label(person), agency: agency.name, date };
        if (person.leave !== null && person.leave[d] === 1) {
          causes.push({ code: "infeasible.pin_on_leave", rule: "pinsHold", agencyId: agency.id, date, values: { ...values, mode: code === PIN_OFFICE ? "office" : "home" } });
        } else if (code === PIN_HOME && person.attendance === "fixed") {
          causes.push({ code: "infeasible.pin_home_fixed", rule: "fixedAlwaysIn", agencyId: agency.id, date, values: { ...values, reason: person.fixedBy ?? "mandatory" } });
        }
      }
      const cap = capOn(agency, d);
      if (cap !== null && pinnedIn > 0 && fixedIn + pinnedIn > cap) {
        causes.push({ code: "infeasible.pins_over_cap", rule: "capPerAgencyDay", agencyId: agency.id, date, values: { agency: agency.name, date, fixed: fixedIn + pinnedIn, pinned: pinnedIn, cap, basis: capBasisOn(agency, d) } });
      }
      if (!agency.exempt && pinnedHome > 0 && available - pinnedHome < agency.minOffice) {
        causes.push({ code: "infeasible.pins_below_min_office", rule: "minOfficePerAgencyDay", agencyId: agency.id, date, values: { agency: agency.name, date, min: agency.minOffice, available: available - pinnedHome, pinned: pinnedHome } });
      }
    }
    if (problem.rotation !== "weekly") continue;
    for (const person of pinned) {
      if (person.attendance === "fixed") continue;
      const seen = new Map<number, number>();
      for (let d = 0; d < days.length; d++) {
        const code = person.requests![d];
        if ((code !== PIN_OFFICE && code !== PIN_HOME) || (person.leave !== null && person.leave[d] === 1)) continue;
        const before = seen.get(week[d]);
        if (before === undefined) seen.set(week[d], code);
        else if (before !== code) {
          seen.set(week[d], -1);
          causes.push({ code: "infeasible.pin_week_split", rule: "weeklyBlocks", agencyId: agency.id, date: weekStarts[week[d]], values: { employee: label(person), agency: agency.name, week: weekStarts[week[d]] } });
        }
      }
    }
  }
  return causes;
}
