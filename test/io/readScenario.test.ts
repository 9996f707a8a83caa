import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parseString } from "fast-csv";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../../src/domain/errors.js";
import { CSV_FILES, type ScenarioInput } from "../../src/domain/scenario.js";
import { RANKS, EMPLOYMENTS } from "../../src/domain/values.js";
import { readCsv, sniffDelimiter } from "../../src/io/csv.js";
import { formatInputIssues } from "../../src/io/formatIssues.js";
import { parseJsonWithPositions, pathKey } from "../../src/io/json.js";
import { readScenario } from "../../src/io/readScenario.js";

const TINY = new URL("../fixtures/tiny/", import.meta.url).pathname;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const csv = (...lines: string[]) => lines.join("\n") + "\n";

const SCENARIO = { name: "t", start: "2021-07-19", end: "2021-07-23", officeCap: { percent: 25 } };
const EMP_HEADER = "employee_id,name,agency_id,rank,position,employment,birth_date";
const EMP_ROWS = [
  "E1,Ani,A,pelaksana,Staf,pns,1990-01-01",
  "E2,Budi,A,eselon_4,Kasubbag,pns,1985-05-05",
  "E3,Citra,B,fungsional,Perencana,pppk,1992-02-02",
];
const BASE: Record<string, string> = {
  "scenario.json": JSON.stringify(SCENARIO, null, 2),
  "agencies.csv": csv("agency_id,name", "A,Dinas A", "B,Dinas B"),
  "employees.csv": csv(EMP_HEADER, ...EMP_ROWS),
};

/** A scenario directory: the small base with some files replaced (or removed with null). */
async function scenarioDir(overrides: Record<string, string | Uint8Array | null> = {}, base: Record<string, string> = BASE): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "giliran-read-"));
  dirs.push(dir);
  const files = { ...base, ...overrides };
  for (const [name, content] of Object.entries(files)) {
    if (content !== null) await writeFile(join(dir, name), content);
  }
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

/** `code file:line:column`, the part of an issue every test pins. */
const where = (i: InputIssue) => `${i.code} ${i.file}${i.line !== undefined ? `:${i.line}` : ""}${i.column !== undefined ? `:${i.column}` : ""}`;

async function tinyFiles(): Promise<Record<string, string>> {
  const names = ["scenario.json", "agencies.csv", "employees.csv", "rules.csv", "leave.csv"];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(TINY, n), "utf8")] as const)));
}

function parseCsvText(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on("data", (r: string[]) => rows.push(r))
      .on("error", reject)
      .on("end", () => resolve(rows));
  });
}

interface Style {
  delimiter: "," | ";";
  bom: boolean;
  eol: "\n" | "\r\n";
  quoteAll: boolean;
}

function writeCsv(rows: readonly (readonly string[])[], style: Style): string {
  const cell = (v: string) =>
    style.quoteAll || v.includes(style.delimiter) || v.includes('"') || /[\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
  return (style.bom ? "\uFEFF" : "") + rows.map((r) => r.map(cell).join(style.delimiter)).join(style.eol) + style.eol;
}

const withoutDir = ({ dir: _dir, ...rest }: ScenarioInput) => rest;

describe("readScenario on the tiny fixture", () => {
  it("reads every file, with the line of each row", async () => {
    const input = await readScenario(TINY);
    expect(input.dir).toBe(TINY);
    expect(input.config.officeCap).toEqual({ percent: 30 });
    expect(input.config.holidays).toEqual(["2021-07-20"]);
    expect(input.agencies.map((a) => [a.agency_id, a.exempt, a.cap_percent, a.min_office, a.line])).toEqual([
      ["DINKES", false, undefined, undefined, 2],
      ["BAPPEDA", false, 40, 1, 3],
      ["RSUD", true, undefined, undefined, 4],
    ]);
    expect(input.employees).toHaveLength(25);
    expect(input.employees[0]).toEqual({
      employee_id: "197001151995031001", name: "dr. Andi Saputra, M.Kes.", agency_id: "DINKES", rank: "eselon_2",
      position: "Kepala Dinas", employment: "pns", birth_date: "1970-01-15", unit: "Pimpinan",
      pregnant: false, comorbid: false, mandatory: false, line: 2,
    });
    expect(input.employees[24].line).toBe(26);
    expect(input.rules).toEqual([
      { agency_id: "DINKES", unit: "Pelayanan", rank: null, min_per_day: 1, max_per_day: undefined, line: 2 },
      { agency_id: null, unit: null, rank: "eselon_3", min_per_day: undefined, max_per_day: 1, line: 3 },
    ]);
    expect(input.leave.map((l) => [l.employee_id, l.from, l.to, l.line])).toEqual([
      ["198807072012011005", "2021-07-21", "2021-07-23", 2],
      ["199410102020122016", "2021-07-26", "2021-07-27", 3],
    ]);
    expect(input.history).toEqual([]);
  });

  it("reads the same scenario from semicolons, a BOM and CRLF as from commas and LF", async () => {
    const files = await tinyFiles();
    const converted: Record<string, string> = { "scenario.json": files["scenario.json"] };
    for (const name of ["agencies.csv", "employees.csv", "rules.csv", "leave.csv"]) {
      converted[name] = writeCsv(await parseCsvText(files[name]), { delimiter: ";", bom: true, eol: "\r\n", quoteAll: false });
    }
    expect(converted["employees.csv"].startsWith("\uFEFFemployee_id;name;")).toBe(true);
    expect(converted["employees.csv"]).toContain('\r\n197001151995031001;dr. Andi Saputra, M.Kes.;DINKES;');
    const original = await readScenario(TINY);
    const excel = await readScenario(await scenarioDir({}, converted));
    expect(withoutDir(excel)).toEqual(withoutDir(original));
  });
});

describe("missing files and columns", () => {
  it("reports a missing required file", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": null }));
    expect(issues.map(where)).toEqual(["input.file_missing employees.csv"]);
  });

  it("reports a missing scenario.json", async () => {
    const dir = await scenarioDir({ "scenario.json": null });
    const issues = await issuesOf(dir);
    expect(issues).toEqual([{ code: "input.file_missing", file: "scenario.json", values: { dir } }]);
  });

  it("accepts the optional files being absent", async () => {
    const input = await readScenario(await scenarioDir());
    expect([input.rules, input.leave, input.history]).toEqual([[], [], []]);
  });

  it("reports a missing column", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": csv("employee_id,name,agency_id,position,employment,birth_date", "E1,Ani,A,Staf,pns,1990-01-01") }));
    expect(issues.map(where)).toEqual(["input.column_missing employees.csv:1"]);
    expect(issues[0].values).toEqual({ column: "rank", expected: "employee_id, name, agency_id, rank, position, employment, birth_date" });
  });

  it("reports an unknown column with its column number", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": csv(`${EMP_HEADER},golongan`, `${EMP_ROWS[0]},III/a`) }));
    expect(issues.map(where)).toEqual(["input.column_unknown employees.csv:1:8"]);
    expect(issues[0].values.received).toBe("golongan");
  });

  it("reports a duplicated header at its second occurrence", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": csv(`${EMP_HEADER},Rank`, `${EMP_ROWS[0]},pelaksana`) }));
    expect(issues.map(where)).toEqual(["input.column_duplicate employees.csv:1:8"]);
    expect(issues[0].values.received).toBe("rank");
  });

  it("trims and lower-cases header names", async () => {
    const input = await readScenario(await scenarioDir({ "agencies.csv": csv(" Agency_ID , NAME ", "A,Dinas A", "B,Dinas B") }));
    expect(input.agencies.map((a) => a.agency_id)).toEqual(["A", "B"]);
  });
});

describe("cell values", () => {
  it("reports an unknown rank, employment type and an impossible date at their cells", async () => {
    const issues = await issuesOf(await scenarioDir({
      "employees.csv": csv(EMP_HEADER, "E1,Ani,A,kepala,Staf,pns,1990-01-01", "E2,Budi,A,eselon_4,Kasubbag,kontrak,2021-02-30"),
    }));
    expect(issues.map(where)).toEqual(["input.cell employees.csv:2:4", "input.cell employees.csv:3:6", "input.cell employees.csv:3:7"]);
    expect(issues[0].values).toEqual({ field: "rank", expected: "eselon_1, eselon_2, eselon_3, eselon_4, fungsional, pelaksana, jpt_madya, jpt_pratama, administrator, pengawas", received: "kepala" });
    expect(issues[1].values).toEqual({ field: "employment", expected: "pns, pppk, ptt, honorer, p3k", received: "kontrak" });
    expect(issues[2].values).toEqual({ field: "birth_date", expected: "a real date written YYYY-MM-DD or DD/MM/YYYY", received: "2021-02-30" });
  });

  it("reports a negative and an over-100 percent cap (optional cells report their own problem)", async () => {
    const issues = await issuesOf(await scenarioDir({ "agencies.csv": csv("agency_id,name,cap_percent", "A,Dinas A,-5", "B,Dinas B,120") }));
    expect(issues.map(where)).toEqual(["input.cell agencies.csv:2:3", "input.cell agencies.csv:3:3"]);
    expect(issues[1].values).toEqual({ field: "cap_percent", expected: "a percentage from 0 to 100, digits with an optional decimal . or ,", received: "120" });
  });

  it("reads numbers with strict patterns: hex, exponents, signs, Infinity and 400 digits are bad cells", async () => {
    const huge = "9".repeat(400);
    const issues = await issuesOf(await scenarioDir({
      "agencies.csv": csv(
        "agency_id,name,cap_percent,cap_count,min_office",
        "A,Dinas A,0x10,,", "B,Dinas B,1e1,,", "C,Dinas C,,+5,", "D,Dinas D,,,Infinity",
        `E,Dinas E,,${huge},`, "F,Dinas F,,,10000001", "G,Dinas G,1.000,5.0,", "H,Dinas H,NaN,-0,",
      ),
      "employees.csv": csv(EMP_HEADER, ...EMP_ROWS),
      "history.csv": csv("employee_id,office_days,workdays", `E1,${huge},`, "E2,3, 1e1"),
    }));
    expect(issues.map(where)).toEqual([
      "input.cell agencies.csv:2:3", "input.cell agencies.csv:3:3", "input.cell agencies.csv:4:4", "input.cell agencies.csv:5:5",
      "input.cell agencies.csv:6:4", "input.cell agencies.csv:7:5", "input.cell agencies.csv:8:4", "input.cell agencies.csv:9:3",
      "input.cell agencies.csv:9:4",
      "input.cell history.csv:2:2", "input.cell history.csv:3:3",
    ]);
    expect(issues[4].values).toEqual({ field: "cap_count", expected: "a whole number from 0 to 10,000,000, digits only", received: huge });
    expect(issues[0].values).toEqual({ field: "cap_percent", expected: "a percentage from 0 to 100, digits with an optional decimal . or ,", received: "0x10" });
  });

  it("accepts counts and percents with spaces around, leading zeros, a decimal comma and a % sign", async () => {
    const input = await readScenario(await scenarioDir({
      "agencies.csv": csv("agency_id,name,cap_percent,cap_count,min_office", 'A,Dinas A," 12,5 % ",,007', "B,Dinas B,,10000000, 0 ", "C,Dinas C,100,,"),
    }));
    expect(input.agencies.map((a) => [a.cap_percent, a.cap_count, a.min_office])).toEqual([[12.5, undefined, 7], [undefined, 10_000_000, 0], [100, undefined, undefined]]);
  });

  it("accepts DD/MM/YYYY dates, ya/tidak booleans and rank aliases", async () => {
    const input = await readScenario(await scenarioDir({
      "employees.csv": csv(
        `${EMP_HEADER},pregnant,mandatory`,
        "E1,Ani,A,administrator,Kabag,pns,15/01/1970,ya,tidak",
        "E2,Budi,A,JPT Pratama,Kadis,pns,1985-05-05,Tidak,YA",
        "E3,Citra,B,pengawas,Kasubbag,pppk,02/02/1992,,1",
      ),
      "leave.csv": csv("employee_id,from,to", "E1,21/07/2021,23/07/2021"),
    }));
    expect(input.employees.map((e) => [e.rank, e.birth_date, e.pregnant, e.mandatory])).toEqual([
      ["eselon_3", "1970-01-15", true, false],
      ["eselon_2", "1985-05-05", false, true],
      ["eselon_4", "1992-02-02", undefined, true],
    ]);
    expect(input.leave[0]).toMatchObject({ from: "2021-07-21", to: "2021-07-23" });
  });

  it("keeps delimiters inside quoted fields, in both delimiters", async () => {
    const comma = await readScenario(await scenarioDir({ "agencies.csv": csv("agency_id,name", 'A,"Dinas A, Bagian; Umum"', "B,Dinas B") }));
    const semi = await readScenario(await scenarioDir({ "agencies.csv": csv("agency_id;name", 'A;"Dinas A, Bagian; Umum"', "B;Dinas B") }));
    expect(comma.agencies[0].name).toBe("Dinas A, Bagian; Umum");
    expect(withoutDir(semi)).toEqual(withoutDir(comma));
  });

  it("ignores blank and trailing blank lines but counts them in line numbers", async () => {
    const issues = await issuesOf(await scenarioDir({
      "employees.csv": `${EMP_HEADER}\n\n${EMP_ROWS[0]}\n   \n,,,,,,\nE2,Budi,A,boss,Kasubbag,pns,1985-05-05\n\n\n\n`,
    }));
    expect(issues.map(where)).toEqual(["input.cell employees.csv:6:4"]);
  });

  it("counts the line breaks inside quoted fields", async () => {
    const issues = await issuesOf(await scenarioDir({
      "employees.csv": `${EMP_HEADER}\r\nE1,"Ani\r\nSecond line\nThird",A,pelaksana,Staf,pns,1990-01-01\r\nE2,Budi,A,boss,Kasubbag,pns,1985-05-05\r\n`,
    }));
    expect(issues.map(where)).toEqual(["input.cell employees.csv:5:4"]);
  });

  it("reports a row with too few or too many fields, but not extra empty fields at the end", async () => {
    const issues = await issuesOf(await scenarioDir({
      "employees.csv": csv(EMP_HEADER, "E1,Ani,A,pelaksana,Staf,pns", `${EMP_ROWS[1]},,`, `${EMP_ROWS[2]},x`),
    }));
    expect(issues.map(where)).toEqual(["input.row_width employees.csv:2:7", "input.row_width employees.csv:4:8"]);
    expect(issues.map((i) => i.values)).toEqual([{ received: 6, expected: 7 }, { received: 8, expected: 7 }]);
  });

  it("reports every bad cell of a file, up to 50, then counts the rest", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `E${i},N,A,boss,Staf,pns,1990-01-01`);
    const error = await readScenario(await scenarioDir({ "employees.csv": csv(EMP_HEADER, ...rows) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues).toHaveLength(51);
    expect(issues[49].line).toBe(51);
    expect(issues[50]).toEqual({ code: "input.more_issues", file: "employees.csv", values: { count: 10 } });
    expect(formatInputIssues(error as InputError, "en").at(-1)).toBe("60 problem(s) in the input; nothing was written.");
  });

  it("reports an unclosed quote and text after a closing quote at their lines", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `E${i},N,A,pelaksana,Staf,pns,1990-01-01`);
    const unclosed = await issuesOf(await scenarioDir({ "employees.csv": csv(EMP_HEADER, ...rows, 'X1,"Ani,A,pelaksana,Staf,pns,1990-01-01', ...rows.slice(0, 5)) }));
    expect(unclosed.map(where)).toEqual(["input.csv_quote employees.csv:3002:4"]);
    const trailing = await issuesOf(await scenarioDir({ "employees.csv": csv(EMP_HEADER, ...rows.slice(0, 2000), 'X1,"Ani"x,A,pelaksana,Staf,pns,1990-01-01', ...rows.slice(2000)) }));
    expect(trailing.map(where)).toEqual(["input.csv_quote employees.csv:2002:9"]);
  });
});

describe("files that are not CSV text", () => {
  it("reports an empty file and a file with only a BOM and blank lines", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": "", "agencies.csv": "\uFEFF\r\n  \r\n" }));
    expect(issues.map(where)).toEqual(["input.file_empty agencies.csv", "input.file_empty employees.csv"]);
    expect(issues[1].values).toEqual({ expected: "employee_id, name, agency_id, rank, position, employment, birth_date" });
  });

  it("reports binary garbage (an xlsx under a .csv name) without crashing", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x9c]);
    const issues = await issuesOf(await scenarioDir({ "employees.csv": zip }));
    expect(issues.map(where)).toEqual(["input.file_binary employees.csv:1:6"]);
  });

  it("survives random bytes in every file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), async (a, b) => {
        const dir = await scenarioDir({ "employees.csv": a, "scenario.json": b });
        const result = await readScenario(dir).then(() => null, (e: unknown) => e);
        await rm(dir, { recursive: true, force: true });
        expect(result).toBeInstanceOf(InputError);
        expect(formatInputIssues(result as InputError, "en").length).toBeGreaterThan(1);
      }),
      { numRuns: 40 },
    );
  });

  it("reports text that is not UTF-8 at the line of the first bad byte", async () => {
    const latin1 = Buffer.concat([Buffer.from(csv(EMP_HEADER, EMP_ROWS[0])), Buffer.from("E2,Jos"), Buffer.from([0xe9]), Buffer.from(",A,pelaksana,Staf,pns,1990-01-01\n")]);
    const issues = await issuesOf(await scenarioDir({ "employees.csv": latin1 }));
    expect(issues.map(where)).toEqual(["input.file_encoding employees.csv:3:7"]);
  });
});

describe("cross-file checks", () => {
  it("reports a duplicate employee_id with the line of the first", async () => {
    const issues = await issuesOf(await scenarioDir({ "employees.csv": csv(EMP_HEADER, ...EMP_ROWS, "E2,Budi Lain,B,pelaksana,Staf,pns,1991-01-01") }));
    expect(issues.map(where)).toEqual(["input.duplicate_id employees.csv:5:1"]);
    expect(issues[0].values).toEqual({ field: "employee_id", received: "E2", first: 3 });
  });

  it("reports a duplicate agency_id and an agency with both caps", async () => {
    const issues = await issuesOf(await scenarioDir({ "agencies.csv": csv("name,agency_id,cap_percent,cap_count", "Dinas A,A,25,", "Dinas B,B,30,4", "Dinas A lagi,A,,") }));
    expect(issues.map(where)).toEqual(["input.cap_both agencies.csv:3:4", "input.duplicate_id agencies.csv:4:2"]);
  });

  it("reports an employee of an unknown agency, and a rule naming one (not *)", async () => {
    const issues = await issuesOf(await scenarioDir({
      "employees.csv": csv(EMP_HEADER, ...EMP_ROWS, "E4,Dodi,Z,pelaksana,Staf,pns,1990-01-01"),
      "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "*,*,eselon_4,,1", "Q,*,*,1,"),
    }));
    expect(issues.map(where)).toEqual(["input.unknown_agency employees.csv:5:3", "input.unknown_agency_closest rules.csv:3:1"]);
    expect(issues[0].values).toEqual({ received: "Z" });
  });

  it("does not report references to an agency whose own row has a bad cell twice", async () => {
    const issues = await issuesOf(await scenarioDir({ "agencies.csv": csv("agency_id,name,cap_percent", "A,Dinas A,banyak", "B,Dinas B,") }));
    expect(issues.map(where)).toEqual(["input.cell agencies.csv:2:3"]);
  });

  it("reports leave and history rows of unknown employees, leave ending before it starts, duplicate history", async () => {
    const issues = await issuesOf(await scenarioDir({
      "leave.csv": csv("employee_id,from,to,kind", "E1,2021-07-21,2021-07-20,cuti", "E9,2021-07-21,2021-07-22,sakit"),
      "history.csv": csv("employee_id,office_days", "E1,10", "E1,12", "X7,3"),
    }));
    expect(issues.map(where)).toEqual([
      "input.leave_order leave.csv:2:3",
      "input.unknown_employee_closest leave.csv:3:1",
      "input.duplicate_id history.csv:3:1",
      "input.unknown_employee_closest history.csv:4:1",
    ]);
    expect(issues[0].values).toEqual({ received: "2021-07-20", expected: "2021-07-21" });
  });

  it("reports a rule whose max is below its min", async () => {
    const issues = await issuesOf(await scenarioDir({ "rules.csv": csv("agency_id,unit,rank,min_per_day,max_per_day", "A,*,*,3,2") }));
    expect(issues.map(where)).toEqual(["input.rule_bounds rules.csv:2:5"]);
    expect(issues[0].values).toEqual({ received: 2, expected: 3 });
  });

  it("collects the issues of all files in one error", async () => {
    const issues = await issuesOf(await scenarioDir({
      "scenario.json": JSON.stringify({ ...SCENARIO, rotation: "monthly" }),
      "employees.csv": csv(EMP_HEADER, "E1,Ani,A,boss,Staf,pns,1990-01-01"),
      "leave.csv": csv("employee_id,from,to", "E1,2021-07-21,2021-07-20"),
    }));
    expect(issues.map(where)).toEqual(["input.field scenario.json:1:80", "input.cell employees.csv:2:4", "input.leave_order leave.csv:2:3"]);
  });
});

describe("scenario.json", () => {
  const json = (text: string) => scenarioDir({ "scenario.json": text });

  it("reports a typo of a key at its line and column, with the keys expected there", async () => {
    const issues = await issuesOf(await json('{\n  "name": "t",\n  "start": "2021-07-19",\n  "end": "2021-07-23",\n  "officecap": { "percent": 25 }\n}\n'));
    expect(issues.map(where)).toEqual(["input.field_missing scenario.json:1:1", "input.unknown_key scenario.json:5:3"]);
    expect(issues[1].values).toEqual({
      received: "officecap", where: "",
      expected: "name, start, end, workdays, holidays, officeCap, rotation, teams, mandatory, rotating, healthPriority, perPerson, notes",
    });
    expect(issues[0].values).toEqual({ field: "officeCap", expected: '{"percent": P} | {"count": N} | {"zone": "none"|"low"|"medium"|"high"} | {"ppkmLevel": 1-4, "region": "java-bali"|"outside-java-bali", "sector": "non-essential"|"essential"}' });
  });

  it("names the object an unknown nested key is in", async () => {
    const issues = await issuesOf(await json(JSON.stringify({ ...SCENARIO, healthPriority: { minage: 50 }, officeCap: { pct: 25 } }, null, 2)));
    expect(issues.map(where)).toEqual(["input.unknown_key scenario.json:6:5", "input.unknown_key scenario.json:9:5"]);
    expect(issues.map((i) => [i.values.received, i.values.where, i.values.expected])).toEqual([
      ["pct", "officeCap", "percent, count, zone, ppkmLevel, region, sector"],
      ["minage", "healthPriority", "minAge, pregnant, comorbid"],
    ]);
  });

  it("reports end before start at the end key", async () => {
    const issues = await issuesOf(await json('{"name": "t", "start": "2021-07-19",\n "end": "2021-07-01", "officeCap": {"count": 3}}'));
    expect(issues.map(where)).toEqual(["input.field scenario.json:2:2"]);
    expect(issues[0].values).toEqual({ field: "end", expected: "a date on or after start (2021-07-19)", received: '"2021-07-01"' });
  });

  it("reports an impossible date, an over-100 percent cap and a bad list element", async () => {
    const issues = await issuesOf(await json(JSON.stringify({ ...SCENARIO, start: "2021-02-30", holidays: ["2021-07-20", "20/13/2021"], officeCap: { percent: 120 } }, null, 2)));
    expect(issues.map(where)).toEqual(["input.field scenario.json:3:3", "input.field scenario.json:6:5", "input.field scenario.json:10:5"]);
    expect(issues.map((i) => [i.values.field, i.values.expected, i.values.received])).toEqual([
      ["start", "a real date written YYYY-MM-DD or DD/MM/YYYY", '"2021-02-30"'],
      ["officeCap.percent", "a number from 0 to 100", "120"],
      ["holidays[1]", "a real date written YYYY-MM-DD or DD/MM/YYYY", '"20/13/2021"'],
    ]);
  });

  it("rejects numbers JSON reads as Infinity, exponents, non-integer and huge counts, at their keys", async () => {
    const text = [
      "{",
      '  "name": "t", "start": "2021-07-19", "end": "2021-07-23",',
      '  "officeCap": { "count": 1e400 },',
      '  "healthPriority": { "minAge": 49.5 }',
      "}",
    ].join("\n");
    const issues = await issuesOf(await json(text));
    expect(issues.map(where)).toEqual(["input.field scenario.json:3:18", "input.field scenario.json:4:23"]);
    expect(issues.map((i) => [i.values.field, i.values.received])).toEqual([["officeCap.count", "1e400"], ["healthPriority.minAge", "49.5"]]);
    expect(issues[0].values.expected).toMatch(/without an exponent/);
    for (const [cap, expected] of [
      ['{ "count": 2.5 }', "a whole number from 0 to 10,000,000"],
      ['{ "count": 10000001 }', "a whole number from 0 to 10,000,000"],
      [`{ "count": ${"9".repeat(400)} }`, "a whole number from 0 to 10,000,000"],
      ['{ "percent": 1E1 }', "a number written in plain digits, without an exponent"],
      ['{ "percent": -0.5 }', "a number from 0 to 100"],
      ['{ "count": -0 }', "a whole number from 0 to 10,000,000"],
      ['{ "ppkmLevel": 5, "region": "java-bali" }', "a PPKM level: 1, 2, 3 or 4"],
    ]) {
      const found = await issuesOf(await json(`{"name": "t", "start": "2021-07-19", "end": "2021-07-23",\n"officeCap": ${cap}}`));
      expect(found.map(where), cap).toEqual(["input.field scenario.json:2:16"]);
      expect(found[0].values.expected, cap).toBe(expected);
    }
    const huge = await issuesOf(await json(`{"name": "t", "start": "2021-07-19", "end": "2021-07-23", "officeCap": {"count": ${"9".repeat(400)}}}`));
    expect(String(huge[0].values.received)).toMatch(/^9{45}\.\.\. \(400 characters\)$/);
  });

  it("still says a missing number is missing", async () => {
    const issues = await issuesOf(await json('{"name": "t", "start": "2021-07-19", "end": "2021-07-23", "officeCap": {"ppkmLevel": 2}}'));
    expect(issues.map((i) => i.code)).toContain("input.field_missing");
  });

  it("reports a cap given both ways as not matching either form", async () => {
    const issues = await issuesOf(await json(JSON.stringify({ ...SCENARIO, officeCap: { percent: 25, count: 3 } })));
    expect(issues.map(where)).toEqual(["input.field scenario.json:1:53"]);
    expect(issues[0].values).toEqual({ field: "officeCap", expected: '{"percent": P} | {"count": N} | {"zone": "none"|"low"|"medium"|"high"} | {"ppkmLevel": 1-4, "region": "java-bali"|"outside-java-bali", "sector": "non-essential"|"essential"}', received: '{"percent":25,"count":3}' });
  });

  it("reports a JSON syntax error at its line and column", async () => {
    const issues = await issuesOf(await json('{\n  "name": "t",\n  "start": "2021-07-19",\n}\n'));
    expect(issues.map(where)).toEqual(["input.json_syntax scenario.json:4:1"]);
    expect(issues[0].values.reason).toBe("Expected double-quoted property name");
  });

  it("locates syntax errors V8 does not give a position for", async () => {
    expect(parseJsonWithPositions('{"a": [1,\n 2,]}')).toMatchObject({ ok: false, position: { line: 2, column: 4 } });
    expect(parseJsonWithPositions('{"a": tru}')).toMatchObject({ ok: false, position: { line: 1, column: 7 } });
    expect(parseJsonWithPositions("")).toMatchObject({ ok: false, position: { line: 1, column: 1 }, reason: "Unexpected end of JSON input" });
  });

  it("accepts a BOM and keeps the positions of keys and elements", async () => {
    const input = await readScenario(await json("\uFEFF" + JSON.stringify(SCENARIO)));
    expect(input.config.rotation).toBe("daily");
    const parsed = parseJsonWithPositions('{\n  "a": [1, {"b": "x\\"y"}]\n}');
    expect(parsed.ok && parsed.positions.get(pathKey(["a", 1, "b"]))).toEqual({ line: 2, column: 13 });
  });
});

describe("readCsv", () => {
  it("sniffs the delimiter from the header", () => {
    const known = new Set(["agency_id", "name", "cap_percent"]);
    expect(sniffDelimiter("agency_id;name;cap_percent", known)).toBe(";");
    expect(sniffDelimiter("agency_id,name,cap_percent", known)).toBe(",");
    expect(sniffDelimiter('"agency_id";"name, full"', known)).toBe(";");
    expect(sniffDelimiter("x,y", known)).toBe(",");
  });

  it("reads percent cells with a decimal comma in a semicolon file", async () => {
    const dir = await scenarioDir({ "agencies.csv": csv("agency_id;name;cap_percent", "A;Dinas A;12,5") });
    const table = await readCsv(join(dir, "agencies.csv"), "agencies.csv", CSV_FILES.agencies);
    expect(table.issues.finish()).toEqual([]);
    expect(table.rows).toEqual([{ agency_id: "A", name: "Dinas A", cap_percent: 12.5, exempt: undefined, cap_count: undefined, min_office: undefined, line: 2 }]);
    expect(table.columnOf.get("cap_percent")).toBe(3);
  });
});

describe("formatInputIssues", () => {
  it("writes one line per issue and the summary, in English and Indonesian", async () => {
    const dir = await scenarioDir({
      "scenario.json": '{\n  "name": "t", "start": "2021-07-19", "end": "2021-07-23",\n  "officeCap": {"percent": 25},\n  "healthPriority": {"minage": 50}\n}',
      "employees.csv": csv(EMP_HEADER, "E1,Ani,A,boss,Staf,pns,1990-01-01", "E1,Ani,A,pelaksana,Staf,pns,1990-01-01"),
      "agencies.csv": csv("agency_id,name,cap_percent,cap_count", "A,Dinas A,10,2", "B,Dinas B,,"),
    });
    const error = (await readScenario(dir).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(formatInputIssues(error, "en")).toEqual([
      'scenario.json:4:22: unknown key "minage" in healthPriority (a typo? expected one of: minAge, pregnant, comorbid)',
      "agencies.csv:2: give cap_percent or cap_count, not both",
      'employees.csv:2:4: rank: expected eselon_1, eselon_2, eselon_3, eselon_4, fungsional, pelaksana, jpt_madya, jpt_pratama, administrator, pengawas, got "boss"',
      "3 problem(s) in the input; nothing was written.",
    ]);
    expect(formatInputIssues(error, "id")).toEqual([
      'scenario.json:4:22: kunci "minage" tidak dikenal di healthPriority (salah ketik? yang diharapkan: minAge, pregnant, comorbid)',
      "agencies.csv:2: isi cap_percent atau cap_count, jangan keduanya",
      'employees.csv:2:4: rank: diharapkan eselon_1, eselon_2, eselon_3, eselon_4, fungsional, pelaksana, jpt_madya, jpt_pratama, administrator, pengawas, tertulis "boss"',
      "3 masalah pada masukan; tidak ada berkas yang ditulis.",
    ]);
  });

  it("pins the wording of the file, column and cross-file issues", () => {
    const error = new InputError([
      { code: "input.file_missing", file: "employees.csv", values: { dir: "kotim" } },
      { code: "input.column_unknown", file: "employees.csv", line: 1, column: 8, values: { column: 8, received: "golongan", expected: "employee_id, name" } },
      { code: "input.duplicate_id", file: "employees.csv", line: 5, column: 1, values: { field: "employee_id", received: "E2", first: 3 } },
      { code: "input.field", file: "scenario.json", line: 3, column: 3, values: { field: "start", expected: "a real date", received: '"2021-02-30"' } },
      { code: "input.field_missing", file: "scenario.json", values: { field: "officeCap", expected: "object" } },
      { code: "input.unknown_key", file: "scenario.json", line: 5, column: 3, values: { received: "officecap", where: "", expected: "name, officeCap" } },
      { code: "input.json_syntax", file: "scenario.json", line: 4, column: 1, values: { reason: "Expected double-quoted property name" } },
      { code: "input.csv_quote", file: "leave.csv", line: 7, values: {} },
      { code: "input.more_issues", file: "employees.csv", values: { count: 12 } },
    ]);
    expect(formatInputIssues(error, "en")).toEqual([
      "employees.csv: file not found (expected in kotim)",
      'employees.csv:1:8: unknown column "golongan" (expected columns: employee_id, name)',
      'employees.csv:5:1: duplicate employee_id "E2" (first on line 3)',
      'scenario.json:3:3: start: expected a real date, got "2021-02-30"',
      "scenario.json: officeCap: missing (expected object)",
      'scenario.json:5:3: unknown key "officecap" (a typo? expected one of: name, officeCap)',
      "scenario.json:4:1: not valid JSON: Expected double-quoted property name",
      "leave.csv:7: a quoted field is not closed, or text follows its closing quote",
      "employees.csv: 12 more problem(s) not listed",
      "20 problem(s) in the input; nothing was written.",
    ]);
  });
});

describe("property: the CSV dialect does not change what is read", () => {
  const cellText = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "B", " ", ",", ";", '"', "é", "\n", "x", "1") })
    .filter((s) => s.trim() !== "");
  const style = fc.record({
    delimiter: fc.constantFrom(",", ";") as fc.Arbitrary<"," | ";">,
    bom: fc.boolean(),
    eol: fc.constantFrom("\n", "\r\n") as fc.Arbitrary<"\n" | "\r\n">,
    quoteAll: fc.boolean(),
  });
  const employee = fc.record({
    name: cellText,
    agency: fc.constantFrom("A", "B"),
    rank: fc.constantFrom(...RANKS, "administrator", "Pengawas", "JPT Madya"),
    position: cellText,
    employment: fc.constantFrom(...EMPLOYMENTS, "PNS"),
    birth: fc.date({ min: new Date("1960-01-01"), max: new Date("2004-12-31"), noInvalidDate: true }),
    slashDate: fc.boolean(),
    pregnant: fc.constantFrom("", "ya", "tidak", "true", "0"),
    unit: fc.option(cellText, { nil: "" }),
  });

  it("reads identical ScenarioInput whatever the delimiter, BOM, line ending and quoting", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(employee, { minLength: 1, maxLength: 15 }), style, style, async (people, s1, s2) => {
        const rows = [["employee_id", "name", "agency_id", "rank", "position", "employment", "birth_date", "unit", "pregnant"]];
        people.forEach((p, i) => {
          const iso = p.birth.toISOString().slice(0, 10);
          const date = p.slashDate ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
          rows.push([`E${i}`, p.name, p.agency, p.rank, p.position, p.employment, date, p.unit, p.pregnant]);
        });
        const agencies = [["agency_id", "name"], ["A", "Dinas A; Umum"], ["B", "Dinas, B"]];
        const read = async (s: Style) => {
          const dir = await scenarioDir({ "employees.csv": writeCsv(rows, s), "agencies.csv": writeCsv(agencies, s) });
          const input = await readScenario(dir);
          await rm(dir, { recursive: true, force: true });
          return withoutDir(input);
        };
        const [a, b] = [await read(s1), await read(s2)];
        expect(a).toEqual(b);
        expect(a.employees.map((e) => e.name)).toEqual(people.map((p) => p.name.trim()));
        expect(a.employees.map((e) => e.birth_date)).toEqual(people.map((p) => p.birth.toISOString().slice(0, 10)));
      }),
      { numRuns: 60 },
    );
  });
});

describe("echoed input in messages", () => {
  it("cuts a huge cell to a readable length, saying how long it was", async () => {
    const { shorten } = await import("../../src/io/formatIssues.js");
    expect(shorten("x".repeat(50))).toBe("x".repeat(50));
    const cut = shorten("y".repeat(3_000_000));
    expect(cut.length).toBeLessThan(130);
    expect(cut).toMatch(/^y{100}\.\.\. \(3000000 characters\)$/);
  });
});
