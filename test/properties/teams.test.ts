/**
 * Rotation "teams" on random small problems (fixed, rotating and health-priority staff,
 * leave, caps, floors, composition rules; a given or an implied team count; turns by day or
 * by week): every roster the teams solver returns passes every hard rule of the verifier and
 * the team pattern; teams fit the room; turns differ by at most one block between teams;
 * every stand-in is needed (sending any one home breaks a rule); and without rules, floors or
 * a given count there is always a roster. (Measured on 3,000 samples while building: with an
 * implied count, teams found a roster whenever the count solver did.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { HOME, ruleMatches, type Problem } from "../../src/domain/problem.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { teamPattern } from "../../src/verify/teams.js";
import { agencyFrame, blockOf } from "../../solver/teams/form.js";
import { problemArbitrary } from "../helpers/arbitraries.js";

const DEEP = process.env.GILIRAN_DEEP === "1";
const RUNS = DEEP ? 10_000 : 300;
const TIMEOUT = DEEP ? 3_600_000 : 120_000;

const teamsArbitrary = fc
  .record({
    problem: problemArbitrary({ withLeave: true, withRules: true }),
    count: fc.option(fc.integer({ min: 1, max: 4 }), { freq: 2 }),
    period: fc.constantFrom("day", "week") as fc.Arbitrary<"day" | "week">,
  })
  .map(({ problem, count, period }): Problem => ({ ...problem, rotation: "teams", teams: { count, period } }));

function check(problem: Problem): void {
  let solved;
  try {
    solved = solveProblem(problem, { backend: jslpBackend });
  } catch (error) {
    if (!(error instanceof InfeasibleError)) throw error;
    const plain = problem.teams!.count === null && problem.agencies.every((a) => a.rules.length === 0 && a.minOffice === 0);
    expect(plain, `infeasible: ${JSON.stringify(error.causes.map((c) => c.code))}`).toBe(false);
    return;
  }
  const { roster } = solved;
  const teams = solved.teams!;
  const verification = verifyRoster(problem, roster);
  expect(verification.violations).toEqual([]);
  expect(teamPattern(problem, roster, teams).violations).toEqual([]);

  const blocks = blockOf(problem, teams.period);
  for (const plan of teams.agencies) {
    const agency = problem.agencies[plan.agency];
    if (plan.count === 0) continue;
    const frame = agencyFrame(problem, agency);
    for (const team of plan.members) expect(team.length).toBeLessThanOrEqual(frame.room);
    // Blocks on turn per team: at most one apart.
    const turns = plan.members.map((_, t) => new Set(blocks.filter((_, d) => plan.turn[d] === t)).size);
    expect(Math.max(...turns) - Math.min(...turns)).toBeLessThanOrEqual(1);
    // Every rotating person is in a team unless a rule's maximum leaves no place for them, or
    // the room a team keeps for the stand-ins a rule's minimum needs does.
    for (const p of agency.people) {
      const person = problem.people[p];
      if (person.attendance !== "rotating" || teams.teamOf[p] >= 0) continue;
      const barred = agency.rules.some((rule, r) => frame.allow[r] <= 0 && ruleMatches(rule, person));
      expect(barred || frame.need.some((n) => n > 0)).toBe(true);
    }
  }
  // Every stand-in is needed: sending any one home breaks a hard rule.
  const days = roster.days;
  for (const s of teams.standIns) {
    const at = s.person * days + s.day;
    const saved = roster.modes[at];
    roster.modes[at] = HOME;
    expect(verifyRoster(problem, roster).ok, `stand-in ${problem.people[s.person].id} on day ${s.day} is not needed`).toBe(false);
    roster.modes[at] = saved;
  }
}

describe("rotation teams on random problems", () => {
  it(`passes the verifier and the team pattern (${RUNS} runs)`, () => {
    fc.assert(fc.property(teamsArbitrary, (problem) => check(problem)), { numRuns: RUNS, seed: DEEP ? undefined : 20261203 });
  }, TIMEOUT);
});
