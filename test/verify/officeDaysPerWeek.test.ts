import { describe, expect, it } from "vitest";
import { officeDaysPerWeek, compositionRule, fixedAlwaysIn, verifyRoster } from "../../src/verify/rules.js";
import { formatViolation } from "../../src/verify/format.js";
import { PIN_HOME, type Problem } from "../../src/domain/problem.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

/** Two full weeks, 14-25 April 2025, Good Friday (18 April) a holiday. */
const DAYS = workdaysBetween("2025-04-14", "2025-04-25", ["2025-04-18"]);

function flexible(min: number, max: number, nominalDays = [5, 5]): Problem {
  const problem = buildProblem({
    days: DAYS,
    agencies: [{ id: "A", name: "Dinas A" }],
    people: [
      { id: "r1", name: "Ani" },
      { id: "r2", leave: ["2025-04-22", "2025-04-23", "2025-04-24"] },
      { id: "p1", attendance: "priority" },
      { id: "kadis", attendance: "fixed" },
    ],
  });
  problem.perPerson = { min, max, fullWeeks: nominalDays.map((n) => n > 0), nominalDays };
  return problem;
}

describe("officeDaysPerWeek", () => {
  const problem = flexible(2, 3);

  it("reports nothing when every rotating person is within the bounds of every full week", () => {
    const roster = rosterOf(problem, { r1: "OOHH OOOHH", r2: "OHOH HLLLO", p1: "HOOH OHOHH", kadis: "OOOO OOOOO" });
    expect(officeDaysPerWeek(problem, roster)).toEqual([]);
  });

  it("reports each person-week below the minimum or above the maximum, health priority included, fixed people not", () => {
    // r1: 0 in week 1 (the holiday lowers the minimum to 1), 4 in week 2; p1: 1 in week 2; kadis is fixed.
    const roster = rosterOf(problem, { r1: "HHHH OOOOH", r2: "OHOH OLLLH", p1: "OOHH HHHHO", kadis: "OOOO OOOOO" });
    const found = officeDaysPerWeek(problem, roster);
    expect(found.map((v) => [v.employeeId, v.date, v.values.office, v.values.low, v.values.high])).toEqual([
      ["r1", "2025-04-14", 0, 1, 3],
      ["r1", "2025-04-21", 4, 2, 3],
      ["p1", "2025-04-21", 1, 2, 3],
    ]);
    expect(formatViolation(found[0])).toBe("r1 Ani (Dinas A), week of 2025-04-14: 0 office day(s); the week allows between 1 and 3 (perPerson.officeDaysPerWeek 2-3, 4 open day(s) of 5)");
    expect(formatViolation(found[2], "id")).toMatch(/^p1 \(Dinas A\), minggu 2025-04-21: 1 hari di kantor; minggu itu membolehkan antara 2 dan 3/);
  });

  it("lowers the minimum by leave days: three days of leave leave a minimum of 0", () => {
    const roster = rosterOf(problem, { r1: "OOHH OOHHH", r2: "OOHH HLLLH", p1: "OOHH OOHHH", kadis: "OOOO OOOOO" });
    expect(officeDaysPerWeek(problem, roster)).toEqual([]);
  });

  it("lowers the minimum by days pinned home (requests.csv) and days whose cap is 0", () => {
    const pinned = flexible(3, 5);
    pinned.people[0].requests = Uint8Array.from([0, 0, 0, 0, PIN_HOME, 0, 0, 0, 0]);
    pinned.agencies[0].dayCaps = [null, null, null, null, null, 0, null, null, null];
    const roster = rosterOf(pinned, { r1: "OOOH HHOHH", r2: "OOOH HLLLO", p1: "OOOH HOOOO", kadis: "OOOO OOOOO" });
    // r1, week 2: 2 of the 5 days cannot count (pinned home, a closed day): at least 1, and 1 it is.
    expect(officeDaysPerWeek(pinned, roster)).toEqual([]);
    // Without the pin only the closed day counts: at least 2.
    pinned.people[0].requests = null;
    expect(officeDaysPerWeek(pinned, roster).map((v) => [v.employeeId, v.date, v.values.low])).toEqual([["r1", "2025-04-21", 2]]);
  });

  it("skips weeks the horizon cuts", () => {
    const cut = flexible(2, 3, [0, 5]);
    const roster = rosterOf(cut, { r1: "HHHH OOHHH", r2: "OOOO OLLLH", p1: "HHHH OOHHH", kadis: "OOOO OOOOO" });
    expect(officeDaysPerWeek(cut, roster)).toEqual([]);
  });

  it("is one of the hard rules verifyRoster runs (and so check), and does nothing without perPerson", () => {
    const roster = rosterOf(problem, { r1: "HHHH OOOOH", r2: "OHOH OLLLH", p1: "OOHH HHHHO", kadis: "OOOO OOOOO" });
    expect(verifyRoster(problem, roster).total.officeDaysPerWeek).toBe(3);
    const plain = { ...problem, perPerson: null };
    expect(officeDaysPerWeek(plain, roster)).toEqual([]);
  });
});

describe("rules from units.csv and the new fixed reasons", () => {
  const problem = buildProblem({
    days: DAYS.slice(0, 2),
    agencies: [{ id: "A", name: "Dinas A", rules: [{ unit: "Perpustakaan", min: 2, line: 3 }] }],
    people: [
      { id: "u1", unit: "Perpustakaan" },
      { id: "u2", unit: "perpustakaan" },
      { id: "pk", unit: "Puskesmas", attendance: "fixed", fixedBy: "exempt_unit" },
      { id: "new", attendance: "fixed", fixedBy: "ineligible" },
    ],
  });
  problem.agencies[0].rules[0].file = "units.csv";

  it("names units.csv and its line in a composition violation", () => {
    const found = compositionRule(problem, rosterOf(problem, { u1: "OO", u2: "HO", pk: "OO", new: "OO" }));
    expect(found).toHaveLength(1);
    expect(formatViolation(found[0])).toBe("Dinas A, 2025-04-14: 1 staff of unit Perpustakaan in the office, units.csv line 3 asks at least 2");
  });

  it("says why an exempt-unit or ineligible person must be in", () => {
    const found = fixedAlwaysIn(problem, rosterOf(problem, { u1: "OO", u2: "OO", pk: "HO", new: "OH" }));
    expect(found.map((v) => formatViolation(v))).toEqual([
      "pk (Dinas A), 2025-04-14: marked home but must be in the office (exempt unit (units.csv))",
      "new (Dinas A), 2025-04-15: marked home but must be in the office (not eligible for remote work)",
    ]);
  });
});
