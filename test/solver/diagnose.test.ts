/**
 * Infeasibility names the rule that binds: in weekly rotation, a week that leave makes
 * impossible as a block (every day alone could be met) is the weekly block's doing, not
 * "the composition rules", least of all when there are none.
 */
import { describe, expect, it } from "vitest";
import { buildProblem, workdaysBetween } from "../helpers/problemBuilder.js";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { InfeasibleError, type InfeasibleCause } from "../../src/domain/errors.js";
import type { Problem } from "../../src/domain/problem.js";
import { formatMessage } from "../../src/messages/index.js";

function causesOf(problem: Problem): InfeasibleCause[] {
  try {
    solveProblem(problem, { backend: jslpBackend });
  } catch (error) {
    if (error instanceof InfeasibleError) return error.causes;
    throw error;
  }
  throw new Error("expected no roster");
}

const WEEK = workdaysBetween("2021-07-19", "2021-07-23");

describe("infeasibility causes", () => {
  it("blames the weekly block and the leave, not composition rules, when there are no rules", () => {
    // cap 1, min_office 1: one person in each day; each is away one day, and in weekly
    // rotation a chosen person is in on every other day of the week.
    const problem = buildProblem({
      days: WEEK,
      rotation: "weekly",
      agencies: [{ id: "A", name: "Dinas A", cap: 1, minOffice: 1 }],
      people: [{ id: "x", leave: ["2021-07-20"] }, { id: "y", leave: ["2021-07-22"] }],
    });
    const causes = causesOf(problem);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({
      code: "infeasible.weekly_block", rule: "weeklyBlocks", agencyId: "A", date: "2021-07-19",
      values: { week: "2021-07-19", onLeave: 2, leaveDays: "2021-07-20, 2021-07-22", min: 1, cap: 1 },
    });
    for (const lang of ["en", "id"] as const) {
      const line = formatMessage(causes[0].code, causes[0].values, lang);
      expect(line).not.toMatch(/composition|komposisi/);
      expect(line).toMatch(lang === "en" ? /weekly rotation.*leave/ : /giliran mingguan.*cuti/);
    }
  });

  it("blames the weekly block with mandatory staff on leave too", () => {
    const problem = buildProblem({
      days: WEEK,
      rotation: "weekly",
      agencies: [{ id: "A", cap: 1, minOffice: 1 }],
      people: [{ id: "head", attendance: "fixed", leave: ["2021-07-21"] }, { id: "x" }],
    });
    expect(causesOf(problem).map((c) => c.code)).toEqual(["infeasible.weekly_block"]);
  });

  it("names the rules with the weekly block when the week would hold without them", () => {
    const problem = buildProblem({
      days: WEEK,
      rotation: "weekly",
      agencies: [{ id: "A", cap: 3, rules: [{ rank: "pelaksana", min: 1, max: 1 }] }],
      people: [{ id: "x", leave: ["2021-07-20"] }, { id: "y", leave: ["2021-07-22"] }, { id: "f", rank: "fungsional" }],
    });
    const causes = causesOf(problem);
    expect(causes.map((c) => [c.code, c.rule])).toEqual([["infeasible.weekly_block_rules", "weeklyBlocks"]]);
    expect(formatMessage(causes[0].code, causes[0].values, "en")).toMatch(/composition rules/);
  });

  it("keeps blaming the rules on a day they cannot hold with the cap, in either rotation", () => {
    for (const rotation of ["daily", "weekly"] as const) {
      const problem = buildProblem({
        days: WEEK,
        rotation,
        agencies: [{ id: "A", cap: 2, rules: [{ rank: "pelaksana", min: 2 }, { rank: "fungsional", min: 1 }] }],
        people: [{ id: "x" }, { id: "y" }, { id: "f", rank: "fungsional" }],
      });
      const codes = new Set(causesOf(problem).map((c) => c.code));
      expect([...codes], rotation).toEqual(["infeasible.rules_conflict"]);
    }
  });

  it("reads the dated cap of each day (caps.csv), with its basis", () => {
    const problem = buildProblem({
      days: WEEK,
      agencies: [{ id: "A", cap: 3, minOffice: 2 }],
      people: [{ id: "x" }, { id: "y" }, { id: "z" }],
    });
    const agency = problem.agencies[0];
    agency.dayCaps = [null, null, 1, null, null];
    agency.dayCapBasis = [null, null, "25 % of 3 (caps.csv line 2)", null, null];
    const causes = causesOf(problem);
    expect(causes.map((c) => [c.code, c.date, c.values.cap, c.values.basis])).toEqual([["infeasible.cap_below_min_office", "2021-07-21", 1, "25 % of 3 (caps.csv line 2)"]]);
  });
});
