/**
 * The team pattern of a roster made with rotation "teams" (docs/teams.md), checked apart
 * from the hard rules because it needs what the solver decided (who is in which team, whose
 * turn each day is, the stand-ins), which a hand-made roster does not carry.
 *
 * `teamPattern`, precisely: for every rotating or health-priority person p of a non-exempt
 * agency and every workday d that p is not on leave, p is in the office exactly when d is the
 * turn of p's team, or (p, d) is a listed stand-in; home otherwise. A listed stand-in is a
 * rotating or priority person, not on leave that day, and not on their own team's turn.
 * So the members of a team share their mode on every day they are not on leave, except the
 * listed stand-ins.
 */
import { MODE_NAMES, OFFICE, HOME, type Problem, type Roster } from "../domain/problem.js";
import { teamName, type TeamsOutcome } from "../domain/teams.js";
import type { MessageCode, MessageValues } from "../messages/index.js";

export interface TeamViolation {
  code: MessageCode;
  agencyId: string;
  employeeId: string;
  date: string;
  values: MessageValues;
}

/** Every person-day off the team pattern (at most `limit` kept) and how many there are. */
export function teamPattern(problem: Problem, roster: Roster, teams: TeamsOutcome, limit = 1000): { violations: TeamViolation[]; count: number } {
  const days = roster.days;
  const violations: TeamViolation[] = [];
  let count = 0;
  const keep = (v: TeamViolation): void => {
    count++;
    if (violations.length < limit) violations.push(v);
  };
  const called = new Set<number>();
  for (const s of teams.standIns) {
    const person = problem.people[s.person];
    const agency = problem.agencies[person.agency];
    const turn = teams.agencies.find((a) => a.agency === person.agency)?.turn[s.day] ?? -1;
    const onLeave = person.leave !== null && person.leave[s.day] === 1;
    called.add(s.person * days + s.day);
    if (person.attendance === "fixed" || onLeave || (teams.teamOf[s.person] >= 0 && turn === teams.teamOf[s.person])) {
      const date = problem.calendar.days[s.day];
      keep({ code: "violation.teamStandIn", agencyId: agency.id, employeeId: person.id, date, values: { employee: person.id, agency: agency.name, date, team: teamName(teams.teamOf[s.person]) || "-" } });
    }
  }
  for (const plan of teams.agencies) {
    const agency = problem.agencies[plan.agency];
    if (agency.exempt) continue;
    for (const p of agency.people) {
      const person = problem.people[p];
      if (person.attendance === "fixed") continue;
      const team = teams.teamOf[p];
      for (let d = 0; d < days; d++) {
        if (person.leave !== null && person.leave[d] === 1) continue;
        const mode = roster.modes[p * days + d];
        const expected = (team >= 0 && plan.turn[d] === team) || called.has(p * days + d) ? OFFICE : HOME;
        if (mode === expected) continue;
        const date = problem.calendar.days[d];
        keep({
          code: "violation.teamPattern", agencyId: agency.id, employeeId: person.id, date,
          values: { employee: person.id, agency: agency.name, date, team: teamName(team) || "-", turn: teamName(plan.turn[d]) || "-", mode: MODE_NAMES[mode] ?? String(mode), expected: MODE_NAMES[expected] },
        });
      }
    }
  }
  return { violations, count };
}
