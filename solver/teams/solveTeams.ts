/**
 * Rotation "teams" (docs/teams.md): each non-exempt agency's rotating staff in fixed teams
 * for the horizon, taking turns by day or by week, with the fewest stand-ins where leave
 * breaks a rule on a team's day. No integer program: the teams' sizes and turns are what the
 * policy asks, so the roster follows from them (`form.ts`, `standIns.ts`).
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import type { Problem, Roster } from "../../src/domain/problem.js";
import type { TeamsOutcome } from "../../src/domain/teams.js";
import { planTeams } from "./form.js";
import { callStandIns, fillTurns } from "./standIns.js";

export { planTeams, dealTeams, agencyFrame, turns } from "./form.js";

/**
 * Solve the agencies `indices` of a teams problem into `roster` (fixed and leave days set).
 * Returns the teams and the causes of every agency that has none.
 */
export function solveTeams(problem: Problem, roster: Roster, indices: number[], onAgency?: (done: number, total: number) => void): { teams: TeamsOutcome; causes: InfeasibleCause[] } {
  const teamOf = new Int32Array(problem.people.length).fill(-1);
  const outcome: TeamsOutcome = { period: problem.teams?.period ?? "day", teamOf, agencies: [], standIns: [] };
  const causes: InfeasibleCause[] = [];
  indices.forEach((a, k) => {
    if (!problem.agencies[a].exempt) {
      const plan = planTeams(problem, a);
      causes.push(...plan.causes);
      if (plan.causes.length === 0) {
        plan.members.forEach((team, t) => team.forEach((p) => (teamOf[p] = t)));
        fillTurns(problem, plan, roster);
        const called = callStandIns(problem, plan, teamOf, roster);
        causes.push(...called.causes);
        outcome.standIns.push(...called.standIns);
      }
      outcome.agencies.push({ agency: a, count: plan.count, room: plan.room, members: plan.members, turn: plan.turn });
    }
    onAgency?.(k + 1, indices.length);
  });
  return { teams: outcome, causes };
}
