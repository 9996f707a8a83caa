import { describe, expect, it } from "vitest";
import { computeMetrics } from "../../src/metrics/fairness.js";
import { forcedRulePerPerson } from "../../src/metrics/ruleForced.js";
import { tally } from "../../src/metrics/tally.js";
import { objectiveValues } from "../../src/metrics/objectives.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

const close = (x: number) => Math.round(x * 1e6) / 1e6;

describe("computeMetrics, daily rotation", () => {
  // Thu, Fri | Mon .. Thu: two calendar weeks of 2 and 4 workdays.
  const problem = buildProblem({
    days: workdaysBetween("2021-07-22", "2021-07-29"),
    agencies: [{ id: "A", name: "Dinas A", cap: 3 }, { id: "E", name: "RSUD", exempt: true }],
    people: [
      { id: "kadis", rank: "eselon_2", attendance: "fixed" },
      { id: "r1", history: 2 }, // prior workdays 6 (the horizon's length: history without a workdays column)
      { id: "r2" },
      { id: "r3", leave: ["2021-07-29"] },
      { id: "r4", unit: "Umum" },
      { id: "pr", attendance: "priority" },
      { id: "nurse", agency: "E" },
    ],
  });
  const roster = rosterOf(problem, {
    kadis: "OO OOOO",
    r1: "OH HOHH", // 2 office days, history 2: weight 6 + 6 = 12
    r2: "HO OHOH", // 3, weight 6
    r3: "HH HHOL", // 1, weight 5 (one leave day)
    r4: "OH HHHH", // 1, weight 6
    pr: "HO HHHH", // health priority: not in the pool
    nurse: "OO OOOO",
  });
  const m = computeMetrics(problem, roster);
  // The pool: r1..r4, weights 12, 6, 5, 6 (29); history 2 + office 7 = 9 days to share.
  // Shares 9 * w / 29: 108/29, 54/29, 45/29, 54/29; deviations 8/29, 33/29, -16/29, -25/29.
  const devs = [8 / 29, 33 / 29, -16 / 29, -25 / 29];
  const rates = [4 / 12, 3 / 6, 1 / 5, 1 / 6];

  it("counts person-days and cap use per agency (null for the exempt one)", () => {
    const [a, e] = m.agencies;
    expect(a).toMatchObject({ agencyId: "A", officeDays: 14, homeDays: 21, leaveDays: 1, cap: 3, priorityOfficeDays: 1 });
    expect(a.capUse).toBeCloseTo(14 / 18, 6);
    expect(e).toMatchObject({ agencyId: "E", exempt: true, officeDays: 6, homeDays: 0, leaveDays: 0, capUse: null, groups: [], rotating: 0, maxDeviation: 0, worstEmployeeId: null });
  });

  it("pools the agency's rotating, non-priority staff across ranks and units, against fair shares", () => {
    const a = m.agencies[0];
    const sumSq = devs.reduce((s, d) => s + d * d, 0);
    expect(a).toMatchObject({
      rotating: 4,
      maxDeviation: close(33 / 29),
      worstEmployeeId: "r2",
      over1: 1,
      over2: 0,
      noOffice: 0,
      sumSquaredDeviation: close(sumSq),
      stdDev: close(Math.sqrt(sumSq / 4)),
      weekdayPeople: 0,
      weekdayLocked: 0,
      weekdayLockedShare: null,
      topWeekdayShare: null,
      ruleForced: [],
    });
    // Gini of the rates, sorted 1/6, 1/5, 1/3, 1/2 (sum 1.2): 2 * (1/6 + 2/5 + 1 + 2) / (4 * 1.2) - 5/4.
    expect(a.gini).toBe(close((2 * (1 / 6 + 2 / 5 + 1 + 2)) / 4.8 - 1.25));
    const sum = rates.reduce((s, r) => s + r, 0);
    expect(a.jain).toBe(close((sum * sum) / (4 * rates.reduce((s, r) => s + r * r, 0))));
  });

  it("agrees with the solver's objectives on the largest, squared and weekly deviations", () => {
    const o = objectiveValues(problem, roster).perAgency[0];
    const a = m.agencies[0];
    expect(a.maxDeviation).toBeCloseTo(o.maxDeviation, 6);
    expect(a.sumSquaredDeviation).toBeCloseTo(o.sumSquaredDeviation, 6);
    expect(a.weeklyDeviation).toBeCloseTo(o.weeklyDeviation, 6);
    expect(m.objectives).toEqual(objectiveValues(problem, roster));
  });

  it("keeps (rank, unit) groups as detail, with the old spread among members without leave", () => {
    const [main, umum] = m.agencies[0].groups;
    expect(main).toEqual({
      rank: "pelaksana", unit: "", members: 3, meanOffice: 2,
      meanShare: close(69 / 29), meanDeviation: close(25 / 87), worstDeviation: close(33 / 29), noOffice: 0,
      spread: 1, // r1 2 + 2 = 4, r2 3; r3 has leave
    });
    expect(umum).toEqual({ rank: "pelaksana", unit: "Umum", members: 1, meanOffice: 1, meanShare: close(54 / 29), meanDeviation: close(-25 / 29), worstDeviation: close(-25 / 29), noOffice: 0, spread: 0 });
  });

  it("aggregates overall: the same figures pooled over every agency", () => {
    expect(m.overall).toMatchObject({
      people: 7, officeDays: 20, homeDays: 21, leaveDays: 1, capUse: close(14 / 18), priorityOfficeDays: 1,
      rotating: 4, maxDeviation: close(33 / 29), over1: 1, over2: 0, noOffice: 0,
    });
    expect(m).toMatchObject({ rotation: "daily", workdays: 6, weeks: 2 });
  });

  it("is the same JSON every time, keys in a fixed order", () => {
    expect(JSON.stringify(computeMetrics(problem, roster))).toBe(JSON.stringify(m));
    expect(Object.keys(m)).toEqual(["rotation", "workdays", "weeks", "overall", "agencies", "objectives", "contacts"]);
  });
});

describe("computeMetrics, weekly rotation", () => {
  const problem = buildProblem({
    rotation: "weekly",
    days: workdaysBetween("2021-07-19", "2021-07-30"),
    agencies: [{ id: "B", name: "Dinas Babel", cap: 2 }],
    people: [
      { id: "w1", history: 5, priorWorkdays: 10 },
      { id: "w2" },
      { id: "w3" },
      { id: "w4", leave: ["2021-07-27"] },
    ],
  });
  const roster = rosterOf(problem, {
    w1: "OOOOO HHHHH",
    w2: "HHHHH OOOOO",
    w3: "HHHHH HHHHH",
    w4: "OOOOO OLOOO",
  });
  const m = computeMetrics(problem, roster);

  it("counts deviations in days, history in days too", () => {
    // Weights 20, 10, 10, 9 (49); history 5 + office 5 + 5 + 0 + 9 = 24.
    const share = (w: number) => (24 * w) / 49;
    const a = m.agencies[0];
    expect(a.maxDeviation).toBe(close(share(10))); // w3: 0 office days against 4.9
    expect(a.worstEmployeeId).toBe("w3");
    expect(a).toMatchObject({ rotating: 4, over1: 2, over2: 2, noOffice: 1, weeklyDeviation: 0, officeDays: 19, capUse: 0.95 });
    // w1 (5 + 5 = 10, share 9.8) is within a day; w2 (5 vs 4.9) too; w3 (0 vs 4.9) and w4 (9 vs 4.4) are more than 2 off.
  });
});

describe("weekday concentration", () => {
  it("counts people with 4+ office days whose days all fall on one weekday, and the mean share of their usual weekday", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-08-13"), // 4 weeks, Monday first
      agencies: [{ id: "A" }],
      people: [{ id: "mondays" }, { id: "varied" }, { id: "few" }],
    });
    const roster = rosterOf(problem, {
      mondays: "OHHHH OHHHH OHHHH OHHHH",
      varied: "OHHHH HOHHH HHOHH HHHOH",
      few: "OHHHH OHHHH OHHHH HHHHH", // 3 office days: too few to count
    });
    const a = computeMetrics(problem, roster).agencies[0];
    expect(a).toMatchObject({ weekdayPeople: 2, weekdayLocked: 1, weekdayLockedShare: 0.5, topWeekdayShare: 0.625 });
  });
});

describe("people never in the office", () => {
  it("counts rotating people available at least one day with no office day, not those on leave throughout", () => {
    const problem = buildProblem({
      days: ["2021-07-19", "2021-07-20"],
      agencies: [{ id: "A" }],
      people: [{ id: "in" }, { id: "out" }, { id: "away", leave: [0, 1] }, { id: "pr", attendance: "priority" }],
    });
    const a = computeMetrics(problem, rosterOf(problem, { in: "OO", away: "LL" })).agencies[0];
    expect(a).toMatchObject({ rotating: 3, noOffice: 1, maxDeviation: 1, over1: 0 });
  });
});

describe("rules that hold people away from their share", () => {
  // Exactly 1 eselon III a day (rules.csv line 4): the one eselon III is in every day.
  const problem = buildProblem({
    days: workdaysBetween("2021-07-19", "2021-07-22"),
    agencies: [{ id: "A", cap: 2, rules: [{ rank: "eselon_3", min: 1, max: 1, line: 4 }, { rank: "pelaksana", min: 0, max: 3, line: 5 }] }],
    people: [{ id: "e3", rank: "eselon_3" }, { id: "p1" }, { id: "p2" }, { id: "p3" }],
  });
  const roster = rosterOf(problem, { e3: "OOOO", p1: "OHHO", p2: "HOHH", p3: "HHOH" });

  it("names the rules.csv line, the direction and the people it holds", () => {
    // 8 office days over 4 equal people: shares 2; e3 +2, the pelaksana 0, -1, -1.
    const m = computeMetrics(problem, roster);
    expect(m.agencies[0].ruleForced).toEqual([{ file: "rules.csv", line: 4, rank: "eselon_3", unit: null, min: 1, max: 1, direction: "up", people: 1, meanDeviation: 2, away: 1 }]);
    expect(forcedRulePerPerson(problem, tally(problem, roster), m.agencies.map((a) => a.ruleForced))).toEqual(["rules.csv:4", "", "", ""]);
  });

  it("does not name a rule that leaves room on some day", () => {
    const loose = buildProblem({ ...{ days: workdaysBetween("2021-07-19", "2021-07-22") }, agencies: [{ id: "A", cap: 2, rules: [{ rank: "eselon_3", min: 1, line: 4 }] }], people: [{ id: "e3", rank: "eselon_3" }, { id: "e3b", rank: "eselon_3" }, { id: "p1" }] });
    const m = computeMetrics(loose, rosterOf(loose, { e3: "OOOO", e3b: "OHOH", p1: "HOHO" }));
    expect(m.agencies[0].ruleForced).toEqual([]);
  });
});
