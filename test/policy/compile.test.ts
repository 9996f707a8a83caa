import { describe, expect, it } from "vitest";
import { compile, capFromPercent } from "../../src/policy/compile.js";
import type { ScenarioInput } from "../../src/domain/scenario.js";
import { scenarioSchema } from "../../src/domain/scenario.js";
import { InputError } from "../../src/domain/errors.js";

function input(overrides: Partial<ScenarioInput> & { config?: Record<string, unknown> } = {}): ScenarioInput {
  const config = scenarioSchema.parse({
    name: "t", start: "2021-07-19", end: "2021-07-23", officeCap: { percent: 25 },
    mandatory: { ranks: ["eselon_2"], positions: ["Camat"] },
    rotating: { employment: ["pns", "pppk"] },
    healthPriority: { minAge: 50, pregnant: true, comorbid: false },
    ...(overrides.config ?? {}),
  });
  const person = (id: string, agency: string, extra: Record<string, unknown> = {}) => ({
    line: 2, employee_id: id, name: id, agency_id: agency, rank: "pelaksana" as const, position: "Staf", employment: "pns" as const, birth_date: "1990-01-01", ...extra,
  });
  return {
    dir: "x", config,
    agencies: [
      { line: 2, agency_id: "A", name: "Dinas A" },
      { line: 3, agency_id: "B", name: "Kecamatan B", cap_count: 2, min_office: 1 },
      { line: 4, agency_id: "H", name: "RSUD", exempt: true },
      { line: 5, agency_id: "P", name: "Badan P", cap_percent: 30 },
    ],
    employees: [
      person("a1", "A", { rank: "eselon_2" }), person("a2", "A"), person("a3", "A", { employment: "honorer" }),
      person("a4", "A", { birth_date: "1971-07-19" }), person("a5", "A", { birth_date: "1971-07-20" }),
      person("a6", "A", { pregnant: true }), person("a7", "A", { comorbid: true }), person("a8", "A", { mandatory: true, birth_date: "1960-01-01" }),
      person("b1", "B", { position: "camat " }), person("b2", "B"),
      person("h1", "H"),
      ...Array.from({ length: 10 }, (_, i) => person(`p${i}`, "P")),
    ],
    rules: [{ line: 2, agency_id: null, unit: null, rank: "eselon_3", min_per_day: 1, max_per_day: undefined }],
    leave: [{ line: 2, employee_id: "a2", from: "2021-07-20", to: "2021-07-21", kind: "cuti" }, { line: 3, employee_id: "a6", from: "2021-08-01", to: "2021-08-05" }],
    history: [{ line: 2, employee_id: "a7", office_days: 4 }],
    ...(overrides.agencies ? { agencies: overrides.agencies } : {}),
  } as ScenarioInput;
}

describe("compile", () => {
  const problem = compile(input());
  const person = (id: string) => problem.people.find((p) => p.id === id)!;
  const agency = (id: string) => problem.agencies.find((a) => a.id === id)!;

  it("takes the scenario cap as floor(P % of headcount), an agency's count or percent over it", () => {
    expect(agency("A")).toMatchObject({ cap: 2, capBasis: "25 % of 8", headcount: 8, minOffice: 0 });
    expect(agency("B")).toMatchObject({ cap: 2, capBasis: "count 2", minOffice: 1 });
    expect(agency("P")).toMatchObject({ cap: 3, capBasis: "30 % of 10" });
    expect(capFromPercent(30, 10)).toBe(3);
    expect(capFromPercent(25, 7)).toBe(1);
  });

  it("gives exempt agencies no cap and no composition rules, and keeps everyone in", () => {
    expect(agency("H")).toMatchObject({ cap: null, exempt: true, rules: [] });
    expect(person("h1")).toMatchObject({ attendance: "fixed", fixedBy: "exempt" });
    expect(agency("A").rules).toHaveLength(1);
  });

  it("fixes mandatory ranks, positions (any case, trimmed) and people, and non-rotating employment", () => {
    expect(person("a1")).toMatchObject({ attendance: "fixed", fixedBy: "mandatory" });
    expect(person("b1")).toMatchObject({ attendance: "fixed", fixedBy: "mandatory" });
    expect(person("a8")).toMatchObject({ attendance: "fixed", fixedBy: "mandatory" });
    expect(person("a3")).toMatchObject({ attendance: "fixed", fixedBy: "employment" });
    expect(person("a2")).toMatchObject({ attendance: "rotating", fixedBy: null });
  });

  it("marks health priority by age on the start date, pregnancy, and comorbidity only when switched on", () => {
    expect(person("a4")).toMatchObject({ attendance: "priority", priorityReasons: ["age 50+"] });
    expect(person("a5").attendance).toBe("rotating");
    expect(person("a6")).toMatchObject({ attendance: "priority", priorityReasons: ["pregnant"] });
    expect(person("a7").attendance).toBe("rotating");
  });

  it("maps leave onto workdays and ignores leave outside the horizon; carries history", () => {
    expect([...person("a2").leave!]).toEqual([0, 1, 1, 0, 0]);
    expect(person("a6").leave).toBeNull();
    expect(person("a7").history).toBe(4);
  });

  it("refuses a horizon without a workday", () => {
    expect(() => compile(input({ config: { start: "2021-07-24", end: "2021-07-25" } }))).toThrow(InputError);
  });
});
