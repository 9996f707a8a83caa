import { describe, expect, it } from "vitest";
import { buildProblem, workdaysBetween } from "../helpers/problemBuilder.js";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { OFFICE, LEAVE, type Problem, type Roster } from "../../src/domain/problem.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { apportion } from "../../solver/count/apportion.js";

const solve = (problem: Problem): Roster => solveProblem(problem, { backend: jslpBackend }).roster;
const officeDays = (problem: Problem, roster: Roster, id: string): number => {
  const p = problem.people.findIndex((x) => x.id === id);
  let n = 0;
  for (let d = 0; d < roster.days; d++) n += roster.modes[p * roster.days + d] === OFFICE ? 1 : 0;
  return n;
};
const dailyOffice = (problem: Problem, roster: Roster, agency: number): number[] =>
  problem.calendar.days.map((_, d) => problem.agencies[agency].people.filter((p) => roster.modes[p * roster.days + d] === OFFICE).length);

describe("count solver", () => {
  it("fills the cap every day and gives each member floor or ceil of the share", () => {
    const people = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}` }));
    const problem = buildProblem({ days: workdaysBetween("2021-07-19", "2021-07-30"), agencies: [{ id: "A", cap: 3 }], people });
    const roster = solve(problem);
    expect(verifyRoster(problem, roster).ok).toBe(true);
    expect(dailyOffice(problem, roster, 0)).toEqual(Array(10).fill(3));
    const counts = people.map((p) => officeDays(problem, roster, p.id));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b)).toBe(30);
  });

  it("keeps health-priority people home while others can fill the cap", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-23"),
      agencies: [{ id: "A", cap: 2 }],
      people: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "old", attendance: "priority" }],
    });
    const roster = solve(problem);
    expect(officeDays(problem, roster, "old")).toBe(0);
    expect(dailyOffice(problem, roster, 0)).toEqual([2, 2, 2, 2, 2]);
  });

  it("sends a priority person only when a rule cannot be met otherwise", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-23"),
      agencies: [{ id: "A", cap: 3, rules: [{ rank: "eselon_3", min: 1 }] }],
      people: [{ id: "a" }, { id: "b" }, { id: "boss", rank: "eselon_3", attendance: "priority" }],
    });
    const roster = solve(problem);
    expect(verifyRoster(problem, roster).ok).toBe(true);
    expect(officeDays(problem, roster, "boss")).toBe(5);
  });

  it("keeps a weekly rotator's mode constant within each week", () => {
    const people = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}` }));
    const problem = buildProblem({ rotation: "weekly", days: workdaysBetween("2021-07-19", "2021-08-13"), agencies: [{ id: "A", cap: 2 }], people });
    const roster = solve(problem);
    expect(verifyRoster(problem, roster).ok).toBe(true);
    const counts = people.map((p) => officeDays(problem, roster, p.id));
    expect(counts.sort((a, b) => a - b)).toEqual([5, 5, 5, 5, 10, 10]);
  });

  it("marks leave days as leave and never sends people on leave", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-23"),
      agencies: [{ id: "A", cap: 2 }],
      people: [{ id: "a", leave: ["2021-07-19", "2021-07-20"] }, { id: "b" }, { id: "c" }, { id: "d" }],
    });
    const roster = solve(problem);
    expect(verifyRoster(problem, roster).ok).toBe(true);
    expect(roster.modes[0]).toBe(LEAVE);
    expect(dailyOffice(problem, roster, 0)).toEqual([2, 2, 2, 2, 2]);
  });

  it("reports mandatory staff above the cap with the numbers", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-20"),
      agencies: [{ id: "A", cap: 1, capBasis: "25 % of 4" }],
      people: [{ id: "k1", attendance: "fixed" }, { id: "k2", attendance: "fixed" }, { id: "x" }, { id: "y" }],
    });
    try {
      solve(problem);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InfeasibleError);
      const causes = (error as InfeasibleError).causes;
      expect(causes).toHaveLength(2);
      expect(causes[0]).toMatchObject({ code: "infeasible.fixed_over_cap", agencyId: "A", date: "2021-07-19", values: { fixed: 2, cap: 1, basis: "25 % of 4" } });
    }
  });
});

describe("apportion", () => {
  it("shares a total by largest remainders within sizes", () => {
    expect(apportion(5, [2.5, 2.5], [10, 10])).toEqual([3, 2]);
    expect(apportion(4, [3.9, 0.1], [2, 5])).toEqual([2, 2]);
    expect(apportion(0, [0.4, 0.6], [1, 1])).toEqual([0, 0]);
  });
});

describe("fairness without leave or history", () => {
  it("keeps everyone within a day of their share (a week in weekly rotation), and within a day of each week's share", async () => {
    const fc = (await import("fast-check")).default;
    const { problemArbitrary } = await import("../helpers/arbitraries.js");
    const { objectiveValues } = await import("../../src/metrics/objectives.js");
    let solved = 0;
    fc.assert(
      fc.property(problemArbitrary(), (problem) => {
        let roster: Roster;
        try {
          roster = solve(problem);
        } catch (error) {
          if (error instanceof InfeasibleError) return;
          throw error;
        }
        solved++;
        const { maxDeviation, weeklyDeviation } = objectiveValues(problem, roster);
        const longestWeek = Math.max(...problem.calendar.weekStarts.map((_, w) => problem.calendar.week.filter((x) => x === w).length));
        expect(maxDeviation).toBeLessThan(problem.rotation === "daily" ? 1 : longestWeek);
        expect(weeklyDeviation).toBeLessThan(1);
      }),
      { numRuns: 300, seed: 4242 },
    );
    expect(solved).toBeGreaterThan(100);
  });
});
