import { describe, expect, it } from "vitest";
import { ruleMatches } from "../../src/domain/problem.js";
import { describeBounds, describeWho, formatViolation } from "../../src/verify/format.js";
import {
  HARD_RULES, capPerAgencyDay, compositionRule, fixedAlwaysIn, leaveIsLeave, minOfficePerAgencyDay, unknownMode, verifyRoster, weeklyBlocks,
} from "../../src/verify/rules.js";
import { HARD_RULE_NAMES, ViolationSink } from "../../src/verify/types.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

const THREE_DAYS = ["2021-07-19", "2021-07-20", "2021-07-21"];
const TWO_WEEKS = workdaysBetween("2021-07-19", "2021-07-30");

describe("unknownMode", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{ id: "A", name: "Dinas A" }],
    people: [{ id: "E01", name: "Budi Santoso" }, { id: "E02" }],
  });

  it("reports nothing when every mode is home, office or leave", () => {
    expect(unknownMode(problem, rosterOf(problem, { E01: "OHH", E02: "HOH" }))).toEqual([]);
  });

  it("reports each byte other than 0, 1, 2", () => {
    const found = unknownMode(problem, rosterOf(problem, { E01: "O9H", E02: "3HH" }));
    expect(found.map((v) => [v.employeeId, v.date, v.values.mode])).toEqual([
      ["E02", "2021-07-19", "3"],
      ["E01", "2021-07-20", "9"],
    ]);
    expect(formatViolation(found[1])).toBe("E01 Budi Santoso (Dinas A), 2021-07-20: mode code 9 is not office, home or leave");
  });
});

describe("leaveIsLeave", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{ id: "A", name: "Dinas A" }],
    people: [{ id: "E01", name: "Budi Santoso", leave: ["2021-07-20"] }, { id: "E02" }],
  });

  it("reports nothing when exactly the leave days are leave", () => {
    expect(leaveIsLeave(problem, rosterOf(problem, { E01: "OLH", E02: "HOH" }))).toEqual([]);
  });

  it("reports a leave day marked office and a non-leave day marked leave", () => {
    const found = leaveIsLeave(problem, rosterOf(problem, { E01: "LOH", E02: "HHL" }));
    expect(found).toHaveLength(3);
    expect(found.map((v) => [v.code, v.employeeId, v.date, v.values.mode])).toEqual([
      ["violation.notLeave", "E01", "2021-07-19", "leave"],
      ["violation.leaveIsLeave", "E01", "2021-07-20", "office"],
      ["violation.notLeave", "E02", "2021-07-21", "leave"],
    ]);
    expect(formatViolation(found[1])).toBe("E01 Budi Santoso (Dinas A), 2021-07-20: on leave but marked office");
    expect(formatViolation(found[1], "id")).toBe("E01 Budi Santoso (Dinas A), 2021-07-20: sedang cuti tetapi ditandai kantor");
    expect(formatViolation(found[0])).toBe("E01 Budi Santoso (Dinas A), 2021-07-19: marked leave but has no leave that day");
  });
});

describe("fixedAlwaysIn", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{ id: "A", name: "Dinas A" }, { id: "RSUD", name: "RSUD Panglima Sebaya", exempt: true }],
    people: [
      { id: "kadis", name: "Kepala Dinas", attendance: "fixed", leave: [2] },
      { id: "hon", attendance: "fixed", fixedBy: "employment", employment: "honorer" },
      { id: "rot" },
      { id: "nurse", agency: "RSUD" },
    ],
  });

  it("reports nothing when fixed people are in on every day they are not on leave", () => {
    expect(fixedAlwaysIn(problem, rosterOf(problem, { kadis: "OOL", hon: "OOO", rot: "HHH", nurse: "OOO" }))).toEqual([]);
  });

  it("reports every non-leave day a fixed person is not in, whatever the reason they are fixed", () => {
    const found = fixedAlwaysIn(problem, rosterOf(problem, { kadis: "HOL", hon: "OHO", rot: "HHH", nurse: "OOH" }));
    expect(found.map((v) => [v.agencyId, v.employeeId, v.date, v.values.reason])).toEqual([
      ["A", "kadis", "2021-07-19", "mandatory"],
      ["A", "hon", "2021-07-20", "employment"],
      ["RSUD", "nurse", "2021-07-21", "exempt"],
    ]);
    expect(formatViolation(found[0])).toBe("kadis Kepala Dinas (Dinas A), 2021-07-19: marked home but must be in the office (mandatory)");
    expect(formatViolation(found[1])).toBe("hon (Dinas A), 2021-07-20: marked home but must be in the office (honorer staff do not rotate)");
    expect(formatViolation(found[2], "id")).toBe("nurse (RSUD Panglima Sebaya), 2021-07-21: ditandai rumah tetapi wajib di kantor (perangkat daerah dikecualikan)");
  });

  it("does not excuse a fixed person marked leave on a day without leave", () => {
    const roster = rosterOf(problem, { kadis: "LOL", hon: "OOO", nurse: "OOO" });
    expect(fixedAlwaysIn(problem, roster)).toHaveLength(1);
    expect(leaveIsLeave(problem, roster)).toHaveLength(1);
  });
});

describe("capPerAgencyDay and minOfficePerAgencyDay", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [
      { id: "A", name: "Dinas X", cap: 2, capBasis: "25 % of 9", minOffice: 1 },
      { id: "P", name: "Puskesmas", exempt: true },
    ],
    people: [{ id: "a1" }, { id: "a2" }, { id: "a3" }, { id: "p1", agency: "P" }, { id: "p2", agency: "P" }, { id: "p3", agency: "P" }],
  });

  it("report nothing when each day's office count is within [min_office, cap]", () => {
    const roster = rosterOf(problem, { a1: "OOH", a2: "OHO", a3: "HHO", p1: "OOO", p2: "OOO", p3: "OOO" });
    expect(capPerAgencyDay(problem, roster)).toEqual([]);
    expect(minOfficePerAgencyDay(problem, roster)).toEqual([]);
  });

  it("report a day over the cap and a day under min_office with the numbers, never for the exempt agency", () => {
    const roster = rosterOf(problem, { a1: "OOH", a2: "OOH", a3: "OHH", p1: "HHH", p2: "HHH", p3: "HHH" });
    const over = capPerAgencyDay(problem, roster);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ agencyId: "A", date: "2021-07-19", values: { office: 3, cap: 2 } });
    expect(formatViolation(over[0])).toBe("Dinas X, 2021-07-19: 3 in the office, cap 2 (25 % of 9)");
    const under = minOfficePerAgencyDay(problem, roster);
    expect(under).toHaveLength(1);
    expect(under[0]).toMatchObject({ agencyId: "A", date: "2021-07-21", values: { office: 0, min: 1 } });
    expect(formatViolation(under[0])).toBe("Dinas X, 2021-07-21: 0 in the office, min_office 1");
  });

  it("count fixed people toward the cap", () => {
    const fixed = buildProblem({
      days: ["2021-07-19"],
      agencies: [{ id: "A", cap: 1 }],
      people: [{ id: "kadis", attendance: "fixed" }, { id: "a" }],
    });
    expect(capPerAgencyDay(fixed, rosterOf(fixed, { kadis: "O", a: "O" }))).toHaveLength(1);
  });
});

describe("compositionRule", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{
      id: "ARSIP", name: "Dinas Kearsipan dan Perpustakaan",
      rules: [
        { rank: "eselon_3", min: 1, max: 1, line: 2 },
        { rank: "eselon_4", unit: "perpustakaan", min: 1, line: 3 },
        { min: 0, max: 3, line: 4 },
        { unit: "Perpustakaan", min: 1, max: 2, line: 5 },
      ],
    }],
    people: [
      { id: "k3a", rank: "eselon_3" },
      { id: "k3b", rank: "eselon_3" },
      { id: "lib4", rank: "eselon_4", unit: "Perpustakaan" },
      { id: "sek4", rank: "eselon_4", unit: "Sekretariat" },
      { id: "lib", rank: "pelaksana", unit: "PERPUSTAKAAN" },
    ],
  });

  it("counts people with ruleMatches' meaning (units case-insensitive)", () => {
    const rules = problem.agencies[0].rules;
    expect(problem.people.map((p) => rules.map((r) => (ruleMatches(r, p) ? 1 : 0)).join(""))).toEqual(["1010", "1010", "0111", "0010", "0011"]);
  });

  it("reports nothing when every rule holds every day", () => {
    const roster = rosterOf(problem, { k3a: "OHO", k3b: "HOH", lib4: "OOO", sek4: "HHH", lib: "HHO" });
    expect(compositionRule(problem, roster)).toEqual([]);
  });

  it("reports each rule broken on each day, with the count and the rule's bounds", () => {
    // day 0: eselon_3 = 2 (max 1), all = 4 (max 3); day 1: eselon_3 = 0 (min 1); day 2: lib4 out -> eselon_4 Perpustakaan = 0, Perpustakaan = 0
    const roster = rosterOf(problem, { k3a: "OHO", k3b: "OHH", lib4: "OOH", sek4: "OHH", lib: "HHH" });
    const found = compositionRule(problem, roster);
    expect(found.map((v) => [v.date, v.values.line, v.values.count])).toEqual([
      ["2021-07-19", 2, 2],
      ["2021-07-19", 4, 4],
      ["2021-07-20", 2, 0],
      ["2021-07-21", 3, 0],
      ["2021-07-21", 5, 0],
    ]);
    expect(found.map((v) => formatViolation(v))).toEqual([
      "Dinas Kearsipan dan Perpustakaan, 2021-07-19: 2 eselon_3 in the office, rules.csv line 2 asks exactly 1",
      "Dinas Kearsipan dan Perpustakaan, 2021-07-19: 4 staff in the office, rules.csv line 4 asks at most 3",
      "Dinas Kearsipan dan Perpustakaan, 2021-07-20: 0 eselon_3 in the office, rules.csv line 2 asks exactly 1",
      "Dinas Kearsipan dan Perpustakaan, 2021-07-21: 0 eselon_4 of unit perpustakaan in the office, rules.csv line 3 asks at least 1",
      "Dinas Kearsipan dan Perpustakaan, 2021-07-21: 0 staff of unit Perpustakaan in the office, rules.csv line 5 asks between 1 and 2",
    ]);
    expect(formatViolation(found[4], "id")).toBe(
      "Dinas Kearsipan dan Perpustakaan, 2021-07-21: 0 pegawai unit Perpustakaan di kantor, rules.csv baris 5 meminta antara 1 dan 2",
    );
  });
});

describe("describeWho and describeBounds", () => {
  it("name the people a rule counts and what it asks", () => {
    expect(describeWho({ rank: "eselon_3", unit: null })).toBe("eselon_3");
    expect(describeWho({ rank: "eselon_4", unit: "Perpustakaan" })).toBe("eselon_4 of unit Perpustakaan");
    expect(describeWho({ rank: null, unit: null })).toBe("staff");
    expect(describeWho({ rank: null, unit: null }, "id")).toBe("pegawai");
    expect(describeBounds(1, 1)).toBe("exactly 1");
    expect(describeBounds(2, null)).toBe("at least 2");
    expect(describeBounds(0, 4)).toBe("at most 4");
    expect(describeBounds(1, 4)).toBe("between 1 and 4");
  });
});

describe("weeklyBlocks", () => {
  const spec = {
    days: TWO_WEEKS,
    agencies: [{ id: "BABEL", name: "Dinas Babel" }],
    people: [
      { id: "r1", name: "Rina" },
      { id: "r2", leave: ["2021-07-21"] },
      { id: "pr", attendance: "priority" as const },
      { id: "kadis", attendance: "fixed" as const },
    ],
  };
  const weekly = buildProblem({ ...spec, rotation: "weekly" });

  it("uses Monday-based weeks", () => {
    expect(weekly.calendar.weekStarts).toEqual(["2021-07-19", "2021-07-26"]);
    expect(weekly.calendar.week).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it("reports nothing when each rotating person's non-leave days of a week share one mode", () => {
    const roster = rosterOf(weekly, { r1: "OOOOO HHHHH", r2: "HHLHH OOOOO", pr: "HHHHH HHHHH", kadis: "OOOOO OOOOO" });
    expect(weeklyBlocks(weekly, roster)).toEqual([]);
  });

  it("reports each rotating or priority person-week with both office and home days", () => {
    const roster = rosterOf(weekly, { r1: "OOHOO HHHHH", r2: "HOLHH OOOOO", pr: "HHHHH HOHHH", kadis: "OHOOO OOOOO" });
    const found = weeklyBlocks(weekly, roster);
    expect(found.map((v) => [v.employeeId, v.date, v.values.office, v.values.home])).toEqual([
      ["r1", "2021-07-19", 4, 1],
      ["r2", "2021-07-19", 1, 3],
      ["pr", "2021-07-26", 1, 4],
    ]);
    expect(formatViolation(found[0])).toBe("r1 Rina (Dinas Babel), week of 2021-07-19: office on 4 day(s) and home on 1");
  });

  it("does not apply in daily rotation", () => {
    const daily = buildProblem({ ...spec, rotation: "daily" });
    expect(weeklyBlocks(daily, rosterOf(daily, { r1: "OHOHO HOHOH" }))).toEqual([]);
  });
});

describe("verifyRoster", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{ id: "A", name: "Dinas A", cap: 1 }, { id: "B", name: "Dinas B", cap: 1 }],
    people: [
      { id: "b1", agency: "B" },
      { id: "a1", agency: "A" },
      { id: "b2", agency: "B", leave: [0] },
      { id: "a2", agency: "A", leave: [1] },
    ],
  });

  it("is ok for a roster within every rule", () => {
    const result = verifyRoster(problem, rosterOf(problem, { b1: "OHO", a1: "OHH", b2: "LOH", a2: "HLO" }));
    expect(result.ok).toBe(true);
    expect(result.count).toBe(0);
    expect(result.violations).toEqual([]);
    expect(Object.keys(result.total)).toEqual([...HARD_RULE_NAMES]);
  });

  it("lists violations by rule, then agency, date and person, and counts them per rule", () => {
    // leave broken: b2 day 0 home, a2 day 1 office, a1 day 2 leave, b1 day 1 leave; cap broken: A day 1 (a1, a2) and B day 2 (b1, b2)
    const roster = rosterOf(problem, { b1: "HLO", a1: "OOL", b2: "HHO", a2: "HOH" });
    const result = verifyRoster(problem, roster);
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => [v.rule, v.agencyId, v.date, v.employeeId ?? ""])).toEqual([
      ["leaveIsLeave", "A", "2021-07-20", "a2"],
      ["leaveIsLeave", "A", "2021-07-21", "a1"],
      ["leaveIsLeave", "B", "2021-07-19", "b2"],
      ["leaveIsLeave", "B", "2021-07-20", "b1"],
      ["capPerAgencyDay", "A", "2021-07-20", ""],
      ["capPerAgencyDay", "B", "2021-07-21", ""],
    ]);
    expect(result.total).toEqual({ unknownMode: 0, leaveIsLeave: 4, fixedAlwaysIn: 0, pinsHold: 0, capPerAgencyDay: 2, minOfficePerAgencyDay: 0, compositionRule: 0, weeklyBlocks: 0, officeDaysPerWeek: 0 });
    expect(result.count).toBe(6);
    expect(result.truncated).toBe(false);
  });

  it("keeps the first `limit` violations of each rule in report order and counts the rest", () => {
    const roster = rosterOf(problem, { b1: "LLL", a1: "LLL", b2: "HHH", a2: "HHH" });
    const result = verifyRoster(problem, roster, 2);
    expect(result.total.leaveIsLeave).toBe(8);
    expect(result.violations.map((v) => [v.agencyId, v.date, v.employeeId])).toEqual([
      ["A", "2021-07-19", "a1"],
      ["A", "2021-07-20", "a1"],
    ]);
    expect(result.truncated).toBe(true);
  });

  it("takes a sink so a rule can be run alone with a limit", () => {
    const sink = new ViolationSink(1);
    const kept = HARD_RULES.leaveIsLeave(problem, rosterOf(problem, { b1: "LLL" }), sink);
    expect(kept).toHaveLength(1);
    expect(sink.total).toBe(5);
  });

  it("refuses a roster whose shape does not match the problem", () => {
    expect(() => verifyRoster(problem, { days: 2, modes: new Uint8Array(8) })).toThrow(/shape/);
  });
});
