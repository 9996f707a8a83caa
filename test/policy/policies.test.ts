/**
 * The policies as written (DESIGN "Second release"): units.csv, `each` in rules.csv,
 * word-prefix mandatory positions, `eligible`, per-person weekly bounds, names that match
 * nothing, and the warnings channel; each read from files and compiled.
 */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { InputError, type InputIssue } from "../../src/domain/errors.js";
import { weekOfficeBounds } from "../../src/domain/problem.js";
import { formatInputIssue } from "../../src/io/formatIssues.js";
import { solveScenario } from "../../src/pipeline/solveScenario.js";
import { errorLines } from "../../src/cli/run.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const csv = (...lines: string[]) => lines.join("\n") + "\n";
const SCENARIO = { name: "t", start: "2025-04-14", end: "2025-04-25", holidays: ["2025-04-18"], officeCap: { percent: 50 }, mandatory: { positions: ["Kepala Dinas", "Camat"] } };
const EMP_HEADER = "employee_id,name,agency_id,rank,position,employment,birth_date,unit,eligible";
const EMPLOYEES = [
  "K1,Kadis,DINKES,eselon_2,Kepala Dinas Kesehatan,pns,1970-01-01,,",
  "D1,Dokter 1,DINKES,fungsional,Dokter,pns,1980-01-01,UPTD Puskesmas Baamang,",
  "D2,Dokter 2,DINKES,fungsional,Dokter,pns,1981-01-01,uptd puskesmas  baamang,",
  "S1,Staf 1,DINKES,pelaksana,Pengadministrasi,pns,1990-01-01,Sekretariat,",
  "S2,Staf 2,DINKES,pelaksana,Pengadministrasi,pns,1991-01-01,Sekretariat,false",
  "S3,Staf 3,DINKES,eselon_4,Kepala Subbagian,pns,1985-01-01,Sekretariat,",
  "P1,Pustakawan 1,DINKES,fungsional,Pustakawan,pns,1990-01-01,Perpustakaan,",
  "P2,Pustakawan 2,DINKES,fungsional,Pustakawan,pns,1990-01-01,Perpustakaan,",
  "P3,Pustakawan 3,DINKES,pelaksana,Pustakawan,pns,1990-01-01,Perpustakaan,",
  "P4,Pustakawan 4,DINKES,pelaksana,Pustakawan,pns,1990-01-01,Perpustakaan,",
  "C1,Camat,KEC,eselon_3,Camat Baamang,pns,1975-01-01,,",
  "C2,Staf,KEC,pelaksana,Staf,pns,1990-01-01,Sekretariat,",
  "C3,Staf,KEC,pelaksana,Staf,pns,1990-01-01,Sekretariat,",
  "B1,Staf,BAPPEDA,pelaksana,Staf,pns,1990-01-01,,",
  "B2,Staf,BAPPEDA,pelaksana,Staf,pns,1990-01-01,,",
];
const BASE: Record<string, string> = {
  "scenario.json": JSON.stringify(SCENARIO),
  "agencies.csv": csv("agency_id,name", "DINKES,Dinas Kesehatan", "KEC,Kecamatan Baamang", "BAPPEDA,Badan Perencanaan"),
  "employees.csv": csv(EMP_HEADER, ...EMPLOYEES),
};

async function scenarioDir(overrides: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "giliran-policies-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries({ ...BASE, ...overrides })) await writeFile(join(dir, name), content);
  return dir;
}

async function issuesOf(dir: string): Promise<InputIssue[]> {
  try {
    await readScenario(dir);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}
const where = (i: InputIssue) => `${i.code} ${i.file}:${i.line}:${i.column}`;

describe("units.csv", () => {
  it("makes an exempt unit's people fixed office, outside the agency's cap", async () => {
    const problem = compile(await readScenario(await scenarioDir({ "units.csv": csv("agency_id,unit,exempt", "DINKES,UPTD Puskesmas Baamang,true") })));
    const byId = (id: string) => problem.people.find((p) => p.id === id)!;
    expect(byId("D1")).toMatchObject({ attendance: "fixed", fixedBy: "exempt_unit" });
    expect(byId("D2")).toMatchObject({ attendance: "fixed", fixedBy: "exempt_unit" }); // case and spacing ignored
    expect(byId("S1")).toMatchObject({ attendance: "rotating" });
    // 50 % of the 8 others, plus the 2 of the exempt unit.
    expect(problem.agencies[0]).toMatchObject({ cap: 6, capBasis: "50 % of 8 + 2 of exempt units" });
  });

  it("turns a unit's min_office and cap into one composition rule on that unit, carrying its units.csv line", async () => {
    const problem = compile(await readScenario(await scenarioDir({
      "units.csv": csv("agency_id,unit,min_office,cap_percent,cap_count", "DINKES,perpustakaan,1,50,", "KEC,Sekretariat,,,1"),
    })));
    expect(problem.agencies[0].rules).toEqual([{ line: 2, file: "units.csv", unit: "Perpustakaan", rank: null, min: 1, max: 2 }]);
    expect(problem.agencies[1].rules).toEqual([{ line: 3, file: "units.csv", unit: "Sekretariat", rank: null, min: 0, max: 1 }]);
  });

  it("names units.csv and its line when a unit's floor cannot be met (exit 2)", async () => {
    const dir = await scenarioDir({ "units.csv": csv("agency_id,unit,min_office", "DINKES,Perpustakaan,5") });
    const error = await solveScenario(dir, join(dir, "out")).then(() => null, (e: unknown) => e);
    const { lines, exitCode } = errorLines(error, "en");
    expect(exitCode).toBe(2);
    expect(lines[0]).toMatch(/^Dinas Kesehatan, 2025-04-14: units\.csv line 2 asks at least 5 staff of unit Perpustakaan in the office but only 4 are available/);
  });

  it("reports an unknown agency or unit with the closest name, a duplicate unit, and both caps", async () => {
    const issues = await issuesOf(await scenarioDir({
      "units.csv": csv("agency_id,unit,exempt,cap_percent,cap_count", "DINKESS,Sekretariat,,,", "DINKES,Perpustakan,,,", "DINKES,Sekretariat,,10,2", "DINKES,sekretariat,true,,"),
    }));
    expect(issues.map(where)).toEqual([
      "input.unknown_agency_closest units.csv:2:1",
      "input.unknown_unit units.csv:3:2",
      "input.cap_both units.csv:4:5",
      "input.duplicate_id units.csv:5:2",
    ]);
    expect(issues[0].values).toMatchObject({ received: "DINKESS", closest: "DINKES" });
    expect(formatInputIssue(issues[1], "en")).toBe('units.csv:3:2: unit "Perpustakan" matches nobody in DINKES (closest unit: "Perpustakaan")');
  });
});

describe("rules.csv names and each", () => {
  it("expands unit each into one rule per unit of the agency that has the rule's rank", async () => {
    const problem = compile(await readScenario(await scenarioDir({ "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "DINKES,each,pelaksana,1,1", "*,EACH,*,1,") })));
    const dinkes = problem.agencies[0].rules.map((r) => `${r.line} ${r.unit} ${r.rank ?? "*"}`);
    expect(dinkes).toEqual(["2 Sekretariat pelaksana", "2 Perpustakaan pelaksana", "3 UPTD Puskesmas Baamang *", "3 Sekretariat *", "3 Perpustakaan *"]);
    expect(problem.agencies[1].rules.map((r) => r.unit)).toEqual(["Sekretariat"]);
    expect(problem.agencies[2].rules).toEqual([]); // no units: nothing to apply each to
  });

  it("leaves exempt units out of each", async () => {
    const problem = compile(await readScenario(await scenarioDir({
      "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "DINKES,each,*,1,"),
      "units.csv": csv("agency_id,unit,exempt", "DINKES,UPTD Puskesmas Baamang,true"),
    })));
    expect(problem.agencies[0].rules.map((r) => r.unit)).toEqual(["Sekretariat", "Perpustakaan"]);
  });

  it("reports a unit typo as bad input naming rules.csv, line, column and the closest unit", async () => {
    const issues = await issuesOf(await scenarioDir({ "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "DINKES,Perpustakan,*,3,") }));
    expect(issues.map(where)).toEqual(["input.unknown_unit rules.csv:2:2"]);
    expect(formatInputIssue(issues[0], "en")).toBe('rules.csv:2:2: unit "Perpustakan" matches nobody in DINKES (closest unit: "Perpustakaan")');
    expect(formatInputIssue(issues[0], "id")).toContain("Perpustakaan");
  });

  it("reports a rank that matches nobody the row selects, with the ranks there", async () => {
    const issues = await issuesOf(await scenarioDir({
      "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "KEC,Sekretariat,eselon_4,1,", "BAPPEDA,*,eselon_3,1,", "*,*,eselon_1,,1", "DINKEZ,*,*,1,", "BAPPEDA,each,*,1,"),
    }));
    expect(issues.map(where)).toEqual([
      "input.unknown_rank rules.csv:2:3",
      "input.unknown_rank rules.csv:3:3",
      "input.unknown_rank rules.csv:4:3",
      "input.unknown_agency_closest rules.csv:5:1",
      "input.each_without_units rules.csv:6:2",
    ]);
    expect(issues[0].values).toMatchObject({ received: "eselon_4", agency: "KEC", unit: "Sekretariat", present: "pelaksana" });
  });
});

describe("mandatory positions and eligibility", () => {
  it("fixes heads whose SIMPEG titles start with a mandatory position, and ineligible staff", async () => {
    const problem = compile(await readScenario(await scenarioDir()));
    const byId = (id: string) => problem.people.find((p) => p.id === id)!;
    expect(byId("K1").fixedBy).toBe("mandatory");
    expect(byId("C1").fixedBy).toBe("mandatory");
    expect(byId("S2")).toMatchObject({ attendance: "fixed", fixedBy: "ineligible" });
    expect(byId("S1").attendance).toBe("rotating");
  });

  it("warns about each non-exempt agency where nobody matches a mandatory position", async () => {
    const problem = compile(await readScenario(await scenarioDir()));
    expect(problem.warnings!.map((w) => `${w.code} ${w.values.id}`)).toEqual(["warn.no_mandatory_position BAPPEDA"]);
    expect(formatInputIssue(problem.warnings![0], "en")).toBe(
      "scenario.json: warning: Badan Perencanaan (BAPPEDA): nobody's position matches a mandatory position (Kepala Dinas, Camat); are the titles in employees.csv spelled otherwise?",
    );
    expect(formatInputIssue(problem.warnings![0], "id")).toMatch(/^scenario\.json: peringatan: Badan Perencanaan \(BAPPEDA\)/);
  });

  it("rejects a /regex/ position that does not compile, at its place in scenario.json", async () => {
    const issues = await issuesOf(await scenarioDir({ "scenario.json": JSON.stringify({ ...SCENARIO, mandatory: { positions: ["/Kepala (Dinas/"] } }) }));
    expect(issues.map((i) => `${i.code} ${i.values.field}`)).toEqual(["input.field mandatory.positions[0]"]);
  });
});

describe("leave and history names", () => {
  it("names the closest employee id for an unknown one, and warns about leave outside the horizon", async () => {
    const issues = await issuesOf(await scenarioDir({ "leave.csv": csv("employee_id,from,to", "S11,2025-04-15,2025-04-16"), "history.csv": csv("employee_id,office_days", "KI,3") }));
    expect(issues.map((i) => `${where(i)} ${i.values.closest}`)).toEqual(["input.unknown_employee_closest leave.csv:2:1 S1", "input.unknown_employee_closest history.csv:2:1 K1"]);

    const problem = compile(await readScenario(await scenarioDir({ "leave.csv": csv("employee_id,from,to", "S1,2025-03-01,2025-03-05", "S1,2025-04-25,2025-05-02") })));
    expect(problem.warnings!.filter((w) => w.code === "warn.leave_outside").map((w) => w.line)).toEqual([2]);
    expect(formatInputIssue(problem.warnings![0], "en")).toBe("leave.csv:2: warning: leave of S1 from 2025-03-01 to 2025-03-05 is outside the horizon (2025-04-14 to 2025-04-25); ignored");
    expect(problem.people.find((p) => p.id === "S1")!.leave![8]).toBe(1); // 25 April
  });
});

describe("perPerson.officeDaysPerWeek", () => {
  it("bounds rotating people in full weeks, the minimum lowered by holidays and leave", async () => {
    const problem = compile(await readScenario(await scenarioDir({
      "scenario.json": JSON.stringify({ ...SCENARIO, start: "2025-04-15", end: "2025-05-02", holidays: ["2025-04-18", "2025-05-01"], perPerson: { officeDaysPerWeek: { min: 3, max: 4 } } }),
      "leave.csv": csv("employee_id,from,to", "S3,2025-04-22,2025-04-24"),
    })));
    // 15-18 Apr is cut by the start; 21-25 Apr and 28 Apr-2 May are full (5 nominal days each).
    expect(problem.perPerson).toMatchObject({ min: 3, max: 4, fullWeeks: [false, true, true], nominalDays: [0, 5, 5] });
    const s1 = problem.people.find((p) => p.id === "S1")!;
    const s3 = problem.people.find((p) => p.id === "S3")!;
    expect(weekOfficeBounds(problem, s1, 0)).toBeNull();
    expect(weekOfficeBounds(problem, s1, 1)).toEqual({ min: 3, max: 4, open: 5 });
    expect(weekOfficeBounds(problem, s1, 2)).toEqual({ min: 2, max: 4, open: 4 }); // 1 May
    expect(weekOfficeBounds(problem, s3, 1)).toEqual({ min: 0, max: 2, open: 2 }); // 3 leave days
    expect(weekOfficeBounds(problem, problem.people.find((p) => p.id === "K1")!, 1)).toBeNull(); // fixed
  });

  it("rejects max below min", async () => {
    const issues = await issuesOf(await scenarioDir({ "scenario.json": JSON.stringify({ ...SCENARIO, perPerson: { officeDaysPerWeek: { min: 3, max: 2 } } }) }));
    expect(issues.map((i) => `${i.code} ${i.values.field}`)).toEqual(["input.field perPerson.officeDaysPerWeek.max"]);
  });
});
