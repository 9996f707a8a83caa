import { describe, expect, it } from "vitest";
import { compile } from "../../src/policy/compile.js";
import { scenarioSchema, type ScenarioInput } from "../../src/domain/scenario.js";
import { fairnessGroupKey, ruleMatches } from "../../src/domain/problem.js";

const person = (id: string, unit: string | undefined) => ({
  line: 2, employee_id: id, name: id, agency_id: "A", rank: "pelaksana" as const, position: "Staf", employment: "pns" as const, birth_date: "1990-01-01", unit,
});

function input(units: Array<string | undefined>, ruleUnits: string[]): ScenarioInput {
  return {
    dir: "x",
    config: scenarioSchema.parse({ name: "t", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 2 } }),
    agencies: [{ line: 2, agency_id: "A", name: "Dinas A" }],
    employees: units.map((u, i) => person(`E${i}`, u)),
    rules: ruleUnits.map((unit, i) => ({ line: i + 2, agency_id: null, unit, rank: null, min_per_day: 0, max_per_day: undefined })),
    leave: [],
    history: [],
  } as unknown as ScenarioInput;
}

describe("unit spelling", () => {
  it("gives every spelling of a unit the first one employees.csv uses, in people and rules", () => {
    const problem = compile(input(["Sub Bagian Umum", "sub bagian  umum", "SUB BAGIAN UMUM", "Keuangan", undefined], ["sub BAGIAN umum", "Perencanaan"]));
    expect(problem.people.map((p) => p.unit)).toEqual(["Sub Bagian Umum", "Sub Bagian Umum", "Sub Bagian Umum", "Keuangan", ""]);
    expect(problem.agencies[0].rules.map((r) => r.unit)).toEqual(["Sub Bagian Umum", "Perencanaan"]);
    expect(new Set(problem.people.slice(0, 3).map(fairnessGroupKey)).size).toBe(1);
  });

  it("matches a rule naming a unit nobody has by the same key", () => {
    const problem = compile(input(["Keuangan"], []));
    const rule = { line: 2, unit: "  KEUANGAN ", rank: null, min: 0, max: null };
    expect(ruleMatches(rule, problem.people[0])).toBe(true);
  });
});
