/**
 * Solve a compiled problem: every agency on its own (DESIGN.md, "what the structure
 * allows"), over counts, then counts into people. Throws `InfeasibleError` with every cause
 * of every agency when the hard rules cannot all hold.
 */
import { InfeasibleError, type InfeasibleCause } from "../src/domain/errors.js";
import { emptyRoster, LEAVE, OFFICE, type Problem, type Roster } from "../src/domain/problem.js";
import type { Backend } from "./backend.js";
import { solveAgency } from "./count/solveAgency.js";
import { solveTeams } from "./teams/solveTeams.js";
import type { TeamsOutcome } from "../src/domain/teams.js";

export interface SolveOptions {
  backend: Backend;
  /** Only these agencies (indices); all when omitted. Used by parallel workers. */
  agencies?: number[];
  onAgency?: (done: number, total: number) => void;
}

export interface SolveStats {
  models: number;
  /** Agencies whose fairness search ran out of budget: every hard rule and objectives 1-2 hold, 3-4 unproven. */
  unproven: number;
  /** Their ids, for the summary. */
  unprovenAgencies: string[];
}

/** Leave days are leave, fixed people are in on every other day, everyone else home. */
export function baseRoster(problem: Problem, agencies?: number[]): Roster {
  const days = problem.calendar.days.length;
  const roster = emptyRoster(problem.people.length, days);
  const people = agencies === undefined ? problem.people : agencies.flatMap((a) => problem.agencies[a].people.map((p) => problem.people[p]));
  for (const person of people) {
    const base = person.index * days;
    if (person.attendance === "fixed") roster.modes.fill(OFFICE, base, base + days);
    if (person.leave !== null) for (let d = 0; d < days; d++) if (person.leave[d] === 1) roster.modes[base + d] = LEAVE;
  }
  return roster;
}

export function solveProblem(problem: Problem, options: SolveOptions): { roster: Roster; stats: SolveStats; teams?: TeamsOutcome } {
  const indices = options.agencies ?? problem.agencies.map((a) => a.index);
  const roster = baseRoster(problem, options.agencies);
  if (problem.rotation === "teams") {
    const { teams, causes } = solveTeams(problem, roster, indices, options.onAgency);
    if (causes.length > 0) throw new InfeasibleError(causes);
    return { roster, stats: { models: 0, unproven: 0, unprovenAgencies: [] }, teams };
  }
  const causes: InfeasibleCause[] = [];
  const stats: SolveStats = { models: 0, unproven: 0, unprovenAgencies: [] };
  indices.forEach((a, k) => {
    const outcome = solveAgency(problem, a, options.backend, roster);
    causes.push(...outcome.causes);
    stats.models += outcome.stats.models;
    if (!outcome.stats.proven) {
      stats.unproven++;
      stats.unprovenAgencies.push(problem.agencies[a].id);
    }
    options.onAgency?.(k + 1, indices.length);
  });
  if (causes.length > 0) throw new InfeasibleError(causes);
  return { roster, stats };
}
