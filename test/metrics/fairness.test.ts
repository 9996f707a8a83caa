import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/metrics/fairness.js";
import { compareObjectives, objectiveValues } from "../../src/metrics/objectives.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

describe("computeMetrics, daily rotation", () => {
  // Thu, Fri | Mon .. Thu: two calendar weeks of 2 and 4 workdays.
  const problem = buildProblem({
    days: workdaysBetween("2021-07-22", "2021-07-29"),
    agencies: [{ id: "A", name: "Dinas A", cap: 3 }, { id: "E", name: "RSUD", exempt: true }],
    people: [
      { id: "kadis", rank: "eselon_2", attendance: "fixed" },
      { id: "r1", history: 2 },
      { id: "r2" },
      { id: "r3", leave: ["2021-07-29"] },
      { id: "r4", unit: "Umum" },
      { id: "pr", attendance: "priority" },
      { id: "nurse", agency: "E" },
    ],
  });
  const roster = rosterOf(problem, {
    kadis: "OO OOOO",
    r1: "OH HOHH", // 2 office days + history 2 = 4
    r2: "HO OHOH", // 3 office days = 3
    r3: "HH HHOL", // on leave one day: a member, not counted
    r4: "OH HHHH", // alone in the Umum group
    pr: "HO HHHH",
    nurse: "OO OOOO",
  });
  const m = computeMetrics(problem, roster);

  it("counts person-days and cap use per agency (null for the exempt one)", () => {
    const [a, e] = m.agencies;
    expect(a).toMatchObject({ agencyId: "A", officeDays: 14, homeDays: 21, leaveDays: 1, cap: 3, priorityOfficeDays: 1 });
    expect(a.capUse).toBeCloseTo(14 / 18, 6);
    expect(e).toMatchObject({ agencyId: "E", exempt: true, officeDays: 6, homeDays: 0, leaveDays: 0, capUse: null, groups: [] });
  });

  it("measures each fairness group on its members without leave, counting history", () => {
    const [main, umum] = m.agencies[0].groups;
    expect(main).toEqual({
      rank: "pelaksana", unit: "", members: 3, counted: 2, min: 3, max: 4, spread: 1,
      mean: 3.5, stdDev: 0.5, gini: 0.071429, jain: 0.98, weeklySpread: 1,
    });
    expect(umum).toEqual({
      rank: "pelaksana", unit: "Umum", members: 1, counted: 1, min: 1, max: 1, spread: 0,
      mean: 1, stdDev: 0, gini: 0, jain: 1, weeklySpread: 0,
    });
    expect(m.agencies[0]).toMatchObject({ worstSpread: 1, worstWeeklySpread: 1 });
  });

  it("aggregates overall: cap use over non-exempt agencies, Gini and Jain over every counted rotating person", () => {
    expect(m.overall).toEqual({
      people: 7, officeDays: 20, homeDays: 21, leaveDays: 1, capUse: 0.777778, priorityOfficeDays: 1,
      worstSpread: 1, worstWeeklySpread: 1, counted: 3,
      // values [4, 3, 1]
      stdDev: 1.247219, gini: 0.25, jain: 0.820513,
    });
    expect(m).toMatchObject({ rotation: "daily", unit: "days", workdays: 6, weeks: 2 });
  });

  it("reports the objective values", () => {
    expect(m.objectives).toEqual({ capUse: 14, priorityOfficeDays: 1, horizonSpread: 1, weeklySpread: 1 });
    expect(objectiveValues(problem, roster)).toEqual(m.objectives);
  });

  it("is the same JSON every time, keys in a fixed order", () => {
    expect(JSON.stringify(computeMetrics(problem, roster))).toBe(JSON.stringify(m));
    expect(Object.keys(m)).toEqual(["rotation", "unit", "workdays", "weeks", "overall", "agencies", "objectives", "contacts"]);
  });
});

describe("computeMetrics, weekly rotation", () => {
  const problem = buildProblem({
    rotation: "weekly",
    days: workdaysBetween("2021-07-19", "2021-07-30"),
    agencies: [{ id: "B", name: "Dinas Babel", cap: 2 }],
    people: [
      { id: "w1", history: 1 },
      { id: "w2" },
      { id: "w3" },
      { id: "w4", leave: ["2021-07-27"] },
      { id: "w5" },
    ],
  });
  const roster = rosterOf(problem, {
    w1: "OOOOO HHHHH", // 1 office week + history 1 = 2
    w2: "HHHHH OOOOO", // 1
    w3: "HHHHH HHHHH", // 0
    w4: "HHHHH OLOOO", // not counted
    w5: "OOOOH HHHHH", // a week with a home day is not an office week: 0
  });
  const m = computeMetrics(problem, roster);

  it("counts office weeks, and no weekly spread", () => {
    expect(m.unit).toBe("weeks");
    expect(m.agencies[0].groups).toEqual([{
      rank: "pelaksana", unit: "", members: 5, counted: 4, min: 0, max: 2, spread: 2,
      mean: 0.75, stdDev: 0.829156, gini: 0.583333, jain: 0.45, weeklySpread: 0,
    }]);
    expect(m.agencies[0]).toMatchObject({ officeDays: 18, homeDays: 31, leaveDays: 1, capUse: 0.9 });
    expect(objectiveValues(problem, roster)).toEqual({ capUse: 18, priorityOfficeDays: 0, horizonSpread: 2, weeklySpread: 0 });
  });
});

describe("fairness groups", () => {
  it("are ordered by agency, rank (top first), unit, whatever the input order", () => {
    const problem = buildProblem({
      days: ["2021-07-19"],
      agencies: [{ id: "A" }, { id: "B" }],
      people: [
        { id: "b", agency: "B" },
        { id: "p2", unit: "Umum" },
        { id: "p1", unit: "Keuangan" },
        { id: "e4", rank: "eselon_4" },
      ],
    });
    const m = computeMetrics(problem, rosterOf(problem, {}));
    expect(m.agencies.map((a) => a.groups.map((g) => `${g.rank}/${g.unit}`))).toEqual([
      ["eselon_4/", "pelaksana/Keuangan", "pelaksana/Umum"],
      ["pelaksana/"],
    ]);
  });

  it("with nobody counted have no min or max and a spread of 0", () => {
    const problem = buildProblem({ days: ["2021-07-19", "2021-07-20"], agencies: [{ id: "A" }], people: [{ id: "x", leave: [0] }] });
    const [g] = computeMetrics(problem, rosterOf(problem, { x: "LO" })).agencies[0].groups;
    expect(g).toEqual({ rank: "pelaksana", unit: "", members: 1, counted: 0, min: null, max: null, spread: 0, mean: 0, stdDev: 0, gini: 0, jain: 1, weeklySpread: 0 });
    expect(objectiveValues(problem, rosterOf(problem, { x: "LO" })).horizonSpread).toBe(0);
  });
});

describe("compareObjectives", () => {
  it("prefers more cap use, then fewer priority days, then smaller spreads", () => {
    const base = { capUse: 10, priorityOfficeDays: 2, horizonSpread: 1, weeklySpread: 1 };
    expect(compareObjectives(base, { ...base })).toBe(0);
    expect(compareObjectives({ ...base, capUse: 11, priorityOfficeDays: 5 }, base)).toBeLessThan(0);
    expect(compareObjectives({ ...base, priorityOfficeDays: 1, horizonSpread: 3 }, base)).toBeLessThan(0);
    expect(compareObjectives({ ...base, horizonSpread: 2, weeklySpread: 0 }, base)).toBeGreaterThan(0);
    expect(compareObjectives({ ...base, weeklySpread: 0 }, base)).toBeLessThan(0);
  });
});
