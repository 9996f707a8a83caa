/**
 * Shift teams (rotation "teams", docs/teams.md): what the teams solver decides besides the
 * modes, so that the verifier, the outputs and the report can read it. Each agency's rotating
 * staff are split into fixed teams for the horizon; the teams take turns block by block
 * (a workday, or a calendar week); stand-ins are people called in on a day that is not
 * their team's turn, because leave broke a rule on that day.
 */
import type { Problem } from "./problem.js";

/** The teams of one non-exempt agency. */
export interface AgencyTeams {
  /** Index into `Problem.agencies`. */
  agency: number;
  /** Number of teams (0 when nobody rotates or no team fits under the cap). */
  count: number;
  /** Most rotating people in the office beside the fixed staff under the cap (the smallest over the workdays sized on). */
  room: number;
  /** Person indices of each team, in input order. */
  members: number[][];
  /** Per workday: the team on turn, -1 when none is (no team, or a dated cap too small for it). */
  turn: Int32Array;
}

/** A person called in on a day that is not their team's turn. */
export interface StandIn {
  /** Index into `Problem.people`. */
  person: number;
  /** Workday index. */
  day: number;
  /** The person's own team (-1: in no team, e.g. health priority). */
  team: number;
  /** The team on turn that day (-1: none). */
  forTeam: number;
  /** What the stand-in makes up for: "min_office" or "rules.csv line N". */
  reasons: string[];
}

export interface TeamsOutcome {
  period: "day" | "week";
  /** Per person: the index of their team within their agency, -1 when in none. */
  teamOf: Int32Array;
  /** One entry per non-exempt agency, in agency order. */
  agencies: AgencyTeams[];
  /** In agency, then day, then person order. */
  standIns: StandIn[];
}

/** A stand-in's values for the messages (`solve.stand_in`) and the report. */
export function standInValues(problem: Problem, s: StandIn): Record<string, string> {
  const person = problem.people[s.person];
  return {
    employee: person.name === "" || person.name === person.id ? person.id : `${person.id} ${person.name}`,
    agency: problem.agencies[person.agency].id,
    own: teamName(s.team) || "-",
    date: problem.calendar.days[s.day],
    team: teamName(s.forTeam) || "-",
    reasons: s.reasons.join(", "),
  };
}

/**
 * A team's name as planners write them: A, B, ..., Z, AA, AB, ... (spreadsheet columns).
 *
 * @example teamName(0) //=> "A"
 * @example teamName(27) //=> "AB"
 */
export function teamName(index: number): string {
  if (index < 0) return "";
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
