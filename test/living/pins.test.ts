import { describe, expect, it } from "vitest";
import { PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, type Problem } from "../../src/domain/problem.js";
import { pinsHold, verifyRoster } from "../../src/verify/rules.js";
import { formatViolation } from "../../src/verify/format.js";
import { pinConflicts } from "../../src/policy/pinConflicts.js";
import { wishesGranted } from "../../src/metrics/requests.js";
import { checkRoster, groupFindings } from "../../src/check/checkRoster.js";
import { parseRosterText } from "../../src/io/readRoster.js";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { formatMessage } from "../../src/messages/index.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";
import { TINY, scenarioCopy } from "../helpers/cli.js";

const THREE_DAYS = ["2021-07-19", "2021-07-20", "2021-07-21"];

/** Set a person's requests from a string: o/h pins, O/H wishes, `.` none. */
function requests(problem: Problem, id: string, codes: string): void {
  const map: Record<string, number> = { ".": 0, o: PIN_OFFICE, h: PIN_HOME, O: WISH_OFFICE, H: WISH_HOME };
  problem.people.find((p) => p.id === id)!.requests = Uint8Array.from([...codes].map((c) => map[c]));
}

describe("pinsHold", () => {
  const problem = buildProblem({
    days: THREE_DAYS,
    agencies: [{ id: "A", name: "Dinas A", cap: 2 }],
    people: [{ id: "E01", name: "Budi" }, { id: "E02" }, { id: "E03" }],
  });
  requests(problem, "E01", "o.h");
  requests(problem, "E02", "OHO");

  it("reports nothing when every pin is kept, whatever the wishes", () => {
    expect(pinsHold(problem, rosterOf(problem, { E01: "OOH", E02: "HOH", E03: "HHO" }))).toEqual([]);
  });

  it("reports each pinned day with another mode, with the pinned mode in words", () => {
    const found = pinsHold(problem, rosterOf(problem, { E01: "HOO", E02: "HHH", E03: "HHH" }));
    expect(found.map((v) => [v.employeeId, v.date, v.values.pinned, v.values.mode])).toEqual([
      ["E01", "2021-07-19", "office", "home"],
      ["E01", "2021-07-21", "home", "office"],
    ]);
    expect(formatViolation(found[0])).toBe("E01 Budi (Dinas A), 2021-07-19: pinned to office but marked home");
    expect(formatViolation(found[0], "id")).toBe("E01 Budi (Dinas A), 2021-07-19: dikunci di kantor tetapi tertulis rumah");
  });

  it("is one of the verifier's rules, so solve and check run it", () => {
    const result = verifyRoster(problem, rosterOf(problem, { E01: "HOH", E02: "HHH", E03: "HHH" }));
    expect(result.total.pinsHold).toBe(1);
    expect(result.ok).toBe(false);
  });
});

describe("pinConflicts", () => {
  it("names a pin on a leave day, a fixed person pinned home, and office and home pinned in one week of weekly rotation", () => {
    const problem = buildProblem({
      days: THREE_DAYS, rotation: "weekly",
      agencies: [{ id: "A", name: "Dinas A", cap: 3 }],
      people: [{ id: "E01", leave: ["2021-07-20"] }, { id: "K", attendance: "fixed" }, { id: "E03" }],
    });
    requests(problem, "E01", ".o.");
    requests(problem, "K", "h..");
    requests(problem, "E03", "o.h");
    const causes = pinConflicts(problem);
    expect(causes.map((c) => [c.code, c.rule, c.date])).toEqual([
      ["infeasible.pin_home_fixed", "fixedAlwaysIn", "2021-07-19"],
      ["infeasible.pin_on_leave", "pinsHold", "2021-07-20"],
      ["infeasible.pin_week_split", "weeklyBlocks", "2021-07-19"],
    ]);
    expect(formatMessage(causes[1].code, causes[1].values)).toBe("E01 (Dinas A), 2021-07-20: requests.csv pins office but the person is on leave");
  });

  it("names a day where the pinned and fixed staff exceed the cap, or pins home leave fewer than min_office", () => {
    const problem = buildProblem({
      days: THREE_DAYS,
      agencies: [{ id: "A", name: "Dinas A", cap: 2, capBasis: "20 % of 10", minOffice: 1 }],
      people: [{ id: "K", attendance: "fixed" }, { id: "E02" }, { id: "E03" }, { id: "E04", leave: [2] }],
    });
    requests(problem, "E02", "o..");
    requests(problem, "E03", "o..");
    expect(pinConflicts(problem).map((c) => formatMessage(c.code, c.values))).toEqual([
      "Dinas A, 2021-07-19: 3 staff must be in the office (2 of them pinned) but the cap is 2 (20 % of 10)",
    ]);
    const home = buildProblem({ days: THREE_DAYS, agencies: [{ id: "A", name: "Dinas A", minOffice: 1 }], people: [{ id: "E01" }, { id: "E02", leave: [0] }] });
    requests(home, "E01", "h..");
    expect(pinConflicts(home).map((c) => c.code)).toEqual(["infeasible.pins_below_min_office"]);
  });

  it("finds nothing in a problem without requests, or with pins that fit", () => {
    const problem = buildProblem({ days: THREE_DAYS, agencies: [{ id: "A", cap: 1 }], people: [{ id: "E01" }, { id: "E02" }] });
    expect(pinConflicts(problem)).toEqual([]);
    requests(problem, "E01", "oho");
    expect(pinConflicts(problem)).toEqual([]);
  });
});

describe("wishesGranted", () => {
  it("counts wishes and how many the roster grants, pins and how many it keeps, per agency", () => {
    const problem = buildProblem({
      days: THREE_DAYS,
      agencies: [{ id: "A" }, { id: "B" }],
      people: [{ id: "E01", agency: "A" }, { id: "E02", agency: "A", leave: [2] }, { id: "E03", agency: "B" }],
    });
    requests(problem, "E01", "OHo");
    requests(problem, "E02", "HHO");
    const figures = wishesGranted(problem, rosterOf(problem, { E01: "OOO", E02: "HOL", E03: "HHH" }));
    expect(figures).toEqual({ wishes: 5, granted: 2, pins: 1, pinsKept: 1, agencies: { A: { wishes: 5, granted: 2, pins: 1, pinsKept: 1 } } });
  });
});

describe("check with requests.csv", () => {
  it("lists a pinned day the roster does not keep", async () => {
    const dir = scenarioCopy(TINY, { "requests.csv": "employee_id,date,mode,kind\n199206062017031015,2021-07-21,office,pin\n199206062017031015,2021-07-22,office,wish\n" });
    const problem = compile(await readScenario(dir));
    const days = problem.calendar.days;
    // Everyone home (fixed in, leave as leave): the pin of Eko on the 21st is broken; the wish is no rule.
    const lines = ["employee_id,date,mode"];
    for (const p of problem.people) {
      days.forEach((date, d) => lines.push(`${p.id},${date},${p.leave?.[d] === 1 ? "leave" : p.attendance === "fixed" ? "office" : "home"}`));
    }
    const result = checkRoster(problem, await parseRosterText(`${lines.join("\n")}\n`, "roster.csv"));
    expect(result.total.pinsHold).toBe(1);
    const group = groupFindings(result).find((g) => g.rule === "pinsHold")!;
    expect(group.label).toBe("pinned mode not kept");
    expect(group.lines).toEqual(["199206062017031015 Eko Nugroho (Badan Perencanaan Pembangunan Daerah), 2021-07-21: pinned to office but marked home"]);
  });
});

describe("pins against composition rules", () => {
  it("is an infeasibility naming the rule, not a roster that breaks it, when pins keep home everyone a rule needs", async () => {
    const { solveProblem } = await import("../../solver/solve.js");
    const { loadBackend } = await import("../../solver/backend.js");
    const { InfeasibleError } = await import("../../src/domain/errors.js");
    const problem = buildProblem({
      days: THREE_DAYS,
      agencies: [{ id: "A", name: "Dinas A", cap: 2, rules: [{ unit: "Loket", min: 1 }] }],
      people: [{ id: "E01", unit: "Loket" }, { id: "E02" }, { id: "E03" }],
    });
    requests(problem, "E01", ".h.");
    const backend = await loadBackend("auto");
    let caught: unknown = null;
    try {
      solveProblem(problem, { backend });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InfeasibleError);
    const cause = (caught as InstanceType<typeof InfeasibleError>).causes[0];
    expect([cause.code, cause.date]).toEqual(["infeasible.rule_min_unreachable", "2021-07-20"]);
    // Without the pin, the rule holds every day.
    requests(problem, "E01", "...");
    expect(verifyRoster(problem, solveProblem(problem, { backend }).roster).ok).toBe(true);
  });
});
