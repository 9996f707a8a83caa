import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HOME, LEAVE, OFFICE } from "../../src/domain/problem.js";
import { InputError } from "../../src/domain/errors.js";
import { detectDelimiter, modeFromText, parseRosterText, readRoster } from "../../src/io/readRoster.js";
import { writeOutputs } from "../../src/io/writeOutputs.js";
import { buildProblem, rosterOf } from "../helpers/problemBuilder.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "giliran-read-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inputIssue(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).issues[0];
}

describe("modeFromText", () => {
  it("reads mode words and letters in any case", () => {
    expect(["office", "Office", "O", "o", " OFFICE "].map(modeFromText)).toEqual([OFFICE, OFFICE, OFFICE, OFFICE, OFFICE]);
    expect(["home", "H", "h"].map(modeFromText)).toEqual([HOME, HOME, HOME]);
    expect(["leave", "L", "LEAVE"].map(modeFromText)).toEqual([LEAVE, LEAVE, LEAVE]);
  });

  it("reads the Indonesian letters and words (K/R/C, kantor/rumah/cuti) and WFO/WFH", () => {
    expect(["K", "kantor", "WFO", "wfo"].map(modeFromText)).toEqual([OFFICE, OFFICE, OFFICE, OFFICE]);
    expect(["R", "Rumah", "WFH"].map(modeFromText)).toEqual([HOME, HOME, HOME]);
    expect(["C", "cuti"].map(modeFromText)).toEqual([LEAVE, LEAVE]);
  });

  it("returns null for anything else", () => {
    expect(["", "X", "wfx", "offices", "1"].map(modeFromText)).toEqual([null, null, null, null, null]);
  });
});

describe("detectDelimiter", () => {
  it("picks what the header line uses more, ignoring quoted text and later lines", () => {
    expect(detectDelimiter("employee_id,date,mode\n")).toBe(",");
    expect(detectDelimiter("employee_id;date;mode\r\nE1;2021-07-19;O")).toBe(";");
    expect(detectDelimiter('"a;b;c",date\nx;y;z;w')).toBe(",");
    expect(detectDelimiter("\n\nemployee_id;date;mode\n")).toBe(";");
  });
});

describe("parseRosterText, long form", () => {
  it("reads rows with their line and the mode's column, dates made ISO, modes left raw", async () => {
    const text = "employee_id,date,mode\nE1,2021-07-19,office\nE1,20/07/2021,H\n\nE2, 2021-07-19 ,Leave\n";
    const roster = await parseRosterText(text, "r.csv");
    expect(roster.form).toBe("long");
    expect(roster.entries).toEqual([
      { employeeId: "E1", date: "2021-07-19", mode: "office", line: 2, column: 3 },
      { employeeId: "E1", date: "2021-07-20", mode: "H", line: 3, column: 3 },
      { employeeId: "E2", date: "2021-07-19", mode: "Leave", line: 5, column: 3 },
    ]);
  });

  it("reads semicolons, a BOM, CRLF and columns in any order", async () => {
    const text = "\uFEFFMode;Employee_ID;Date\r\nO;E1;2021-07-19\r\nx;\"E;2\";2021-07-19\r\n";
    const roster = await parseRosterText(text, "r.csv");
    expect(roster.entries).toEqual([
      { employeeId: "E1", date: "2021-07-19", mode: "O", line: 2, column: 1 },
      { employeeId: "E;2", date: "2021-07-19", mode: "x", line: 3, column: 1 },
    ]);
  });

  it("keeps what the checker must report: unknown codes, bad dates, blank ids; leaves out blank modes", async () => {
    const text = "employee_id,date,mode\nE1,2021-02-30,O\n,2021-07-19,O\nE1,2021-07-20,\nE1,2021-07-21,Q\n";
    const roster = await parseRosterText(text, "r.csv");
    expect(roster.entries.map((e) => [e.employeeId, e.date, e.mode, e.line])).toEqual([
      ["E1", "2021-02-30", "O", 2],
      ["", "2021-07-19", "O", 3],
      ["E1", "2021-07-21", "Q", 5],
    ]);
  });

  it("counts lines inside quoted cells that span lines", async () => {
    const text = 'employee_id,date,mode,note\nE1,2021-07-19,O,"two\nlines"\nE2,2021-07-19,H,\n';
    const roster = await parseRosterText(text, "r.csv");
    expect(roster.entries.map((e) => e.line)).toEqual([2, 4]);
  });

  it("undoes giliran's formula neutralization on ids", async () => {
    const roster = await parseRosterText("employee_id,date,mode\n'-5,2021-07-19,O\n''=x,2021-07-19,O\n'plain,2021-07-19,O\n", "r.csv");
    expect(roster.entries.map((e) => e.employeeId)).toEqual(["-5", "'=x", "'plain"]);
  });
});

describe("parseRosterText, wide form", () => {
  it("takes every header cell that is a date as a day column and ignores the others", async () => {
    const text = "employee_id,name,agency_id,rank,2021-07-19,20/07/2021,note\nE1,Siti,A,pelaksana,O,h,x\nE2,Budi,A,pelaksana,,L,\n";
    const roster = await parseRosterText(text, "wide.csv");
    expect(roster.form).toBe("wide");
    expect(roster.entries).toEqual([
      { employeeId: "E1", date: "2021-07-19", mode: "O", line: 2, column: 5 },
      { employeeId: "E1", date: "2021-07-20", mode: "h", line: 2, column: 6 },
      { employeeId: "E2", date: "2021-07-20", mode: "L", line: 3, column: 6 },
    ]);
  });

  it("reads the Indonesian sheet title for the id column, semicolons and short rows", async () => {
    const text = "nip;nama;19/07/2021;20/07/2021\r\n1987;Siti;O\r\n";
    const roster = await parseRosterText(text, "wide.csv");
    expect(roster.entries).toEqual([{ employeeId: "1987", date: "2021-07-19", mode: "O", line: 2, column: 3 }]);
  });
});

describe("parseRosterText, bad files", () => {
  it("names a missing employee_id column", async () => {
    const issue = await inputIssue(parseRosterText("id,date,mode\nE1,2021-07-19,O\n", "r.csv"));
    expect(issue).toMatchObject({ code: "input.column_missing", file: "r.csv", values: { column: "employee_id" } });
  });

  it("names a missing mode column when there are no day columns either", async () => {
    const issue = await inputIssue(parseRosterText("employee_id,date,status\nE1,2021-07-19,O\n", "r.csv"));
    expect(issue).toMatchObject({ code: "input.column_missing", values: { column: "mode" } });
  });

  it("reports an empty file", async () => {
    const issue = await inputIssue(parseRosterText("\n\r\n", "r.csv"));
    expect(issue).toMatchObject({ code: "input.file_empty", file: "r.csv" });
  });

  it("reports broken CSV with the line it starts on", async () => {
    const issue = await inputIssue(parseRosterText('employee_id,date,mode\nE1,2021-07-19,O\n"E2,2021-07-19,O\n', "r.csv"));
    expect(issue).toMatchObject({ code: "input.csv_syntax", file: "r.csv", line: 3 });
  });
});

describe("readRoster", () => {
  it("reads back both forms giliran writes, ids neutralized on the way out restored", async () => {
    const problem = buildProblem({
      days: ["2021-07-19", "2021-07-20"],
      agencies: [{ id: "A" }],
      people: [{ id: "-5", name: "=cmd" }, { id: "E 2", name: "Ni Luh Śri" }],
    });
    await writeOutputs(dir, problem, rosterOf(problem, { "-5": "OL", "E 2": "HO" }), { metrics: {}, lang: "id", excelBom: true });
    const expected = [
      ["-5", "2021-07-19", OFFICE], ["-5", "2021-07-20", LEAVE], ["E 2", "2021-07-19", HOME], ["E 2", "2021-07-20", OFFICE],
    ];
    const long = await readRoster(join(dir, "roster.csv"));
    expect(long.form).toBe("long");
    expect(long.entries.map((e) => [e.employeeId, e.date, modeFromText(e.mode)])).toEqual(expected);
    const wide = await readRoster(join(dir, "roster-wide.csv"));
    expect(wide.form).toBe("wide");
    expect(wide.entries.map((e) => [e.employeeId, e.date, modeFromText(e.mode)])).toEqual(expected);
  });

  it("reads a hand-made Excel export: semicolons, CRLF, DD/MM/YYYY headers", async () => {
    const path = join(dir, "hand.csv");
    await writeFile(path, "\uFEFFnip;nama;19/07/2021;20/07/2021\r\n1987;\"Siti; S.Pd\";O;H\r\n\r\n");
    const roster = await readRoster(path);
    expect(roster.entries.map((e) => [e.employeeId, e.date, e.mode])).toEqual([["1987", "2021-07-19", "O"], ["1987", "2021-07-20", "H"]]);
  });

  it("reports a file that cannot be read", async () => {
    const path = join(dir, "missing.csv");
    const issue = await inputIssue(readRoster(path));
    expect(issue).toMatchObject({ code: "input.file_unreadable", file: path });
    expect(String(issue.values.reason)).toMatch(/ENOENT/);
  });
});
