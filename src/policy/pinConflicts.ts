/**
 * Pins that cannot hold, found before any model is built, each named with the person (or the
 * agency), the day, the rule and the numbers: a pin on a leave day, a fixed person pinned
 * home, office and home pinned in one week of weekly rotation, more people pinned to the
 * office than the cap leaves room for, fewer left available than min_office once pins keep
 * people home. `solve` and `replan` throw them as an `InfeasibleError` (exit 2).
 */
import type { InfeasibleCause } from "../domain/errors.js";
import { PIN_HOME, PIN_OFFICE, REQUEST_NONE, capBasisOn, capOn, type Agency, type Person, type Problem } from "../domain/problem.js";

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
  const n = days.length;
  for (const agency of problem.agencies) {
    if (!agency.people.some((p) => problem.people[p].requests)) continue;
    // One pass over the agency's people, person by person: the counts of each day, and whether
    // any person-day conflicts (then a second pass names them; a replan pins everyone).
    const fixedIn = new Int32Array(n);
    const pinnedIn = new Int32Array(n);
    const available = new Int32Array(n);
    const pinnedHome = new Int32Array(n);
    let personalConflicts = false;
    for (let i = 0; i < agency.people.length; i++) {
      const person = problem.people[agency.people[i]];
      const leave = person.leave;
      const requests = person.requests;
      const fixed = person.attendance === "fixed";
      for (let d = 0; d < n; d++) {
        const code = requests ? requests[d] : REQUEST_NONE;
        if (leave !== null && leave[d] === 1) {
          if (code === PIN_OFFICE || code === PIN_HOME) personalConflicts = true;
          continue;
        }
        available[d]++;
        if (fixed) {
          fixedIn[d]++;
          if (code === PIN_HOME) personalConflicts = true;
        } else if (code === PIN_OFFICE) pinnedIn[d]++;
        else if (code === PIN_HOME) pinnedHome[d]++;
      }
    }
    const personal = personalConflicts ? personalCauses(problem, agency) : [];
    // Report order: day, then person (input order), then the agency's counts of that day.
    personal.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let k = 0;
    for (let d = 0; d < n; d++) {
      const date = days[d];
      while (k < personal.length && personal[k].date === date) causes.push(personal[k++]);
      const cap = capOn(agency, d);
      if (cap !== null && pinnedIn[d] > 0 && fixedIn[d] + pinnedIn[d] > cap) {
        causes.push({ code: "infeasible.pins_over_cap", rule: "capPerAgencyDay", agencyId: agency.id, date, values: { agency: agency.name, date, fixed: fixedIn[d] + pinnedIn[d], pinned: pinnedIn[d], cap, basis: capBasisOn(agency, d) } });
      }
      if (!agency.exempt && pinnedHome[d] > 0 && available[d] - pinnedHome[d] < agency.minOffice) {
        causes.push({ code: "infeasible.pins_below_min_office", rule: "minOfficePerAgencyDay", agencyId: agency.id, date, values: { agency: agency.name, date, min: agency.minOffice, available: available[d] - pinnedHome[d], pinned: pinnedHome[d] } });
      }
    }
    if (problem.rotation !== "weekly") continue;
    for (const person of agency.people.map((p) => problem.people[p]).filter((person) => person.requests)) {
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

/** The person-days of an agency pinned against leave or against a fixed person's attendance, person by person. */
function personalCauses(problem: Problem, agency: Agency): InfeasibleCause[] {
  const { days } = problem.calendar;
  const personal: InfeasibleCause[] = [];
  for (const p of agency.people) {
    const person = problem.people[p];
    const leave = person.leave;
    const requests = person.requests;
    const fixed = person.attendance === "fixed";
    for (let d = 0; d < days.length; d++) {
      const code = requests?.[d];
      if (leave !== null && leave[d] === 1) {
        if (code === PIN_OFFICE || code === PIN_HOME) {
          personal.push({ code: "infeasible.pin_on_leave", rule: "pinsHold", agencyId: agency.id, date: days[d], values: { employee: label(person), agency: agency.name, date: days[d], mode: code === PIN_OFFICE ? "office" : "home" } });
        }
        continue;
      }
      if (fixed && code === PIN_HOME) personal.push({ code: "infeasible.pin_home_fixed", rule: "fixedAlwaysIn", agencyId: agency.id, date: days[d], values: { employee: label(person), agency: agency.name, date: days[d], reason: person.fixedBy ?? "mandatory" } });
    }
  }
  return personal;
}
