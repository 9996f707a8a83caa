/**
 * Shift teams, step 2: the team on turn comes in; where leave (or a team short of a rank)
 * leaves a day below `min_office` or a composition rule's minimum, the fewest stand-ins are
 * called in from the other teams (docs/teams.md).
 *
 * Per workday, greedily: the candidate who closes the most open minimums (min_office and
 * each rule below its minimum that the person counts for), within the cap and every rule's
 * maximum; ties go to staff who are not health priority, then the least served (history +
 * office days in the roster so far, stand-in days included), then input order. One rule
 * short by n needs n stand-ins whatever the choice; with several rules short, a person who
 * counts for two is called before two who count for one each.
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import { capBasisOn, capOn, HOME, OFFICE, ruleMatches, type Problem, type Roster } from "../../src/domain/problem.js";
import { teamName, type StandIn } from "../../src/domain/teams.js";
import { onLeave, ruleWho, type TeamPlan } from "./form.js";

/** Put each team's members in the office on its turns (leave days stay leave). */
export function fillTurns(problem: Problem, plan: TeamPlan, roster: Roster): void {
  const days = roster.days;
  plan.members.forEach((team, t) => {
    for (const p of team) {
      const person = problem.people[p];
      for (let d = 0; d < days; d++) if (plan.turn[d] === t && !onLeave(person, d)) roster.modes[p * days + d] = OFFICE;
    }
  });
}

/** Call the stand-ins of one agency into `roster`; the causes of days no stand-in can mend. */
export function callStandIns(problem: Problem, plan: TeamPlan, teamOf: Int32Array, roster: Roster): { standIns: StandIn[]; causes: InfeasibleCause[] } {
  const agency = problem.agencies[plan.agency];
  const days = roster.days;
  const modes = roster.modes;
  const rules = agency.rules;
  const standIns: StandIn[] = [];
  const causes: InfeasibleCause[] = [];
  if (agency.exempt || (agency.minOffice <= 0 && !rules.some((r) => r.min > 0 || r.max !== null))) return { standIns, causes };

  const people = agency.people;
  const matches = people.map((p) => rules.map((rule) => ruleMatches(rule, problem.people[p])));
  const served = people.map((p) => {
    let office = problem.people[p].history;
    for (let d = 0; d < days; d++) if (modes[p * days + d] === OFFICE) office++;
    return office;
  });

  for (let d = 0; d < days; d++) {
    const date = problem.calendar.days[d];
    const cap = capOn(agency, d) ?? Infinity;
    let total = 0;
    const count = new Int32Array(rules.length);
    people.forEach((p, i) => {
      if (modes[p * days + d] !== OFFICE) return;
      total++;
      matches[i].forEach((m, r) => (m ? count[r]++ : 0));
    });
    const team = teamName(plan.turn[d]);
    // A team's maximum was checked when it was formed; a team dealt past one (overlapping rules) is named here.
    rules.forEach((rule, r) => {
      if (rule.max !== null && count[r] > rule.max) {
        causes.push({ code: "infeasible.teams_over_max", rule: "compositionRule", agencyId: agency.id, date, values: { agency: agency.name, date, team, count: count[r], who: ruleWho(rule), line: rule.line, max: rule.max } });
      }
    });
    for (;;) {
      const officeShort = agency.minOffice - total;
      const short = rules.map((rule, r) => rule.min - count[r]);
      if (officeShort <= 0 && short.every((s) => s <= 0)) break;
      let best = -1;
      let bestKey: number[] = [];
      if (total < cap) {
        people.forEach((p, i) => {
          if (modes[p * days + d] !== HOME) return;
          const person = problem.people[p];
          if (person.attendance === "fixed" || onLeave(person, d)) return;
          if (rules.some((rule, r) => matches[i][r] && rule.max !== null && count[r] >= rule.max)) return;
          let gain = officeShort > 0 ? 1 : 0;
          matches[i].forEach((m, r) => (m && short[r] > 0 ? gain++ : 0));
          if (gain === 0) return;
          const key = [-gain, person.attendance === "priority" ? 1 : 0, served[i], p];
          if (best < 0 || lexLess(key, bestKey)) [best, bestKey] = [i, key];
        });
      }
      if (best < 0) {
        causes.push(...shortCauses(problem, plan, d, total, count, officeShort, short));
        break;
      }
      const p = people[best];
      modes[p * days + d] = OFFICE;
      served[best]++;
      total++;
      const reasons: string[] = [];
      if (officeShort > 0) reasons.push("min_office");
      matches[best].forEach((m, r) => {
        if (!m) return;
        if (short[r] > 0) reasons.push(`rules.csv line ${rules[r].line}`);
        count[r]++;
      });
      standIns.push({ person: p, day: d, team: teamOf[p], forTeam: plan.turn[d], reasons });
    }
  }
  standIns.sort((a, b) => a.day - b.day || a.person - b.person);
  return { standIns, causes };
}

/** Why a day stays short: each open minimum, with who is in, who could still come and the cap. */
function shortCauses(problem: Problem, plan: TeamPlan, d: number, total: number, count: Int32Array, officeShort: number, short: number[]): InfeasibleCause[] {
  const agency = problem.agencies[plan.agency];
  const date = problem.calendar.days[d];
  const base = { agency: agency.name, date, team: teamName(plan.turn[d]) || "-", office: total, cap: capOn(agency, d) ?? "-", basis: capBasisOn(agency, d) };
  const causes: InfeasibleCause[] = [];
  if (officeShort > 0) {
    causes.push({ code: "infeasible.teams_min_office_short", rule: "minOfficePerAgencyDay", agencyId: agency.id, date, values: { ...base, min: agency.minOffice } });
  }
  agency.rules.forEach((rule, r) => {
    if (short[r] <= 0) return;
    let available = 0;
    for (const p of agency.people) if (!onLeave(problem.people[p], d) && ruleMatches(rule, problem.people[p])) available++;
    causes.push({ code: "infeasible.teams_rule_short", rule: "compositionRule", agencyId: agency.id, date, values: { ...base, line: rule.line, min: rule.min, who: ruleWho(rule), count: count[r], available } });
  });
  return causes;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
