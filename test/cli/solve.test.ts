import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { giliran, scenarioCopy, tempDir, TINY } from "../helpers/cli.js";

const OUTPUTS = ["daily.csv", "metrics.json", "roster-wide.csv", "roster.csv"];
const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("giliran solve", () => {
  it("writes every output and a one-line summary", () => {
    const out = join(tempDir(), "out");
    const result = giliran("solve", TINY, "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 agencies, 25 employees, 9 workdays: roster written to .* in [\d.]+ s; largest deviation from a fair share \d+\.\d days \(\d+\.\d within a week\); \d+ rotating people never in the office\.\nVerified/);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(OUTPUTS));
    const roster = readFileSync(join(out, "roster.csv"), "utf8").trim().split("\n");
    expect(roster[0]).toBe("employee_id,date,mode");
    expect(roster).toHaveLength(1 + 25 * 9);
  });

  it("writes the same bytes on every run", () => {
    const [a, b] = [join(tempDir(), "a"), join(tempDir(), "b")];
    expect(giliran("solve", TINY, "-o", a, "--quiet").code).toBe(0);
    expect(giliran("solve", TINY, "-o", b, "--quiet").code).toBe(0);
    for (const file of OUTPUTS) expect(readFileSync(join(a, file)), file).toEqual(readFileSync(join(b, file)));
  });

  it("writes the same roster with the solve shared among threads", () => {
    const [a, b] = [join(tempDir(), "a"), join(tempDir(), "b")];
    expect(giliran("solve", TINY, "-o", a, "-q").code).toBe(0);
    expect(giliran("solve", TINY, "-o", b, "-q", "--threads", "2").code).toBe(0);
    for (const file of OUTPUTS) expect(readFileSync(join(b, file)), file).toEqual(readFileSync(join(a, file)));
  });

  it("prints nothing with --quiet", () => {
    const result = giliran("solve", TINY, "-o", join(tempDir(), "q"), "--quiet");
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("solves the same with the HiGHS backend", () => {
    const [a, b] = [join(tempDir(), "a"), join(tempDir(), "b")];
    expect(giliran("solve", TINY, "-o", a, "-q").code).toBe(0);
    expect(giliran("solve", TINY, "-o", b, "-q", "--solver", "highs").code).toBe(0);
    // Both reach the same optimum; among equal optima they may pick different people.
    const figures = (dir: string) => {
      // Objectives 1-3 (cap use, health priority, the largest deviation from a fair share).
      const { officeDays, capUse, priorityOfficeDays, maxDeviation } = JSON.parse(readFileSync(join(dir, "metrics.json"), "utf8")).overall;
      return { officeDays, capUse, priorityOfficeDays, maxDeviation };
    };
    expect(figures(b)).toEqual(figures(a));
  });

  it("speaks Indonesian with --lang id", () => {
    const out = join(tempDir(), "id");
    const result = giliran("solve", TINY, "-o", out, "--lang", "id");
    expect(result.stdout).toMatch(/perangkat daerah, 25 pegawai/);
    expect(readFileSync(join(out, "roster-wide.csv"), "utf8").split("\n")[0]).toMatch(/^nip,nama,/);
  });

  it("has --help on every command", () => {
    expect(giliran("--help").stdout).toMatch(/solve/);
    expect(giliran("solve", "--help").stdout).toMatch(/--out <dir>/);
  });
});

describe("giliran solve on bad input", () => {
  const cases: Array<[string, Record<string, string | ((t: string) => string)>, RegExp]> = [
    ["a missing employees.csv", {}, /employees\.csv: file not found/],
    ["a missing column", { "agencies.csv": (t) => t.replace("agency_id,name", "agency_id,nme") }, /agencies\.csv:1: missing column "name"/],
    ["a duplicate employee_id", { "employees.csv": (t) => `${t.trimEnd()}\n${t.split("\n")[1]}\n` }, /employees\.csv:27:1: duplicate employee_id "197001151995031001" \(first on line 2\)/],
    ["an unknown agency", { "employees.csv": (t) => t.replace(",DINKES,eselon_2,", ",DINKSE,eselon_2,") }, /employees\.csv:2:3: agency_id "DINKSE" is not in agencies\.csv/],
    ["an unknown rank", { "employees.csv": (t) => t.replace(",eselon_2,Kepala Dinas", ",eselon_9,Kepala Dinas") }, /employees\.csv:2:4: rank: expected .*, got "eselon_9"/],
    ["an unknown employment", { "employees.csv": (t) => t.replace(",Kepala Dinas,pns,", ",Kepala Dinas,kontrak,") }, /employees\.csv:2:6: employment: expected pns, pppk, ptt, honorer, p3k, got "kontrak"/],
    ["an impossible date", { "employees.csv": (t) => t.replace("1970-01-15", "1970-02-30") }, /employees\.csv:2:7: birth_date: expected a real date/],
    ["end before start", { "scenario.json": (t) => t.replace('"end": "2021-07-30"', '"end": "2021-07-01"') }, /scenario\.json.*end/],
    ["a cap above 100 %", { "scenario.json": (t) => t.replace('"percent": 30', '"percent": 130') }, /scenario\.json.*officeCap/],
    ["a negative cap", { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40", "BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,-5") }, /agencies\.csv:3:4: cap_percent/],
    ["an unknown key", { "scenario.json": (t) => t.replace('"rotation"', '"rotasi"') }, /scenario\.json.*unknown key "rotasi"/],
    ["a 400-digit cap_count", { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40,,1", `BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,,${"4".repeat(400)},1`) }, /agencies\.csv:3:5: cap_count: expected a whole number from 0 to 10,000,000, digits only, got "4{100}\.\.\. \(400 characters\)"/],
    ["a hexadecimal percent", { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40", "BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,0x10") }, /agencies\.csv:3:4: cap_percent: expected a percentage from 0 to 100.*got "0x10"/],
    ["a percent in exponent notation", { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40", "BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,1e1") }, /agencies\.csv:3:4: cap_percent: .*got "1e1"/],
    ["a count JSON reads as Infinity", { "scenario.json": (t) => t.replace('"percent": 30', '"count": 1e400') }, /scenario\.json:7:18: officeCap\.count: expected .*, got 1e400/],
  ];
  for (const [what, edits, message] of cases) {
    it(`exits 1 on ${what}, naming the place, writing nothing`, () => {
      const dir = scenarioCopy(TINY, edits);
      if (what === "a missing employees.csv") readFileSync(join(dir, "employees.csv")) && require_rm(join(dir, "employees.csv"));
      const out = join(tempDir(), "out");
      const result = giliran("solve", dir, "-o", out);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      noStackTrace(result.stderr);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("reads semicolon-delimited CSV with a BOM and CRLF the same way", () => {
    const toExcel = (t: string): string => `\uFEFF${t.replace(/"([^"]*)"/g, (_, inner: string) => inner.replace(/,/g, ""))}`.replace(/,/g, ";").replace(/\n/g, "\r\n");
    const excel = scenarioCopy(TINY, { "employees.csv": toExcel, "agencies.csv": toExcel, "rules.csv": toExcel, "leave.csv": toExcel });
    const plain = scenarioCopy(TINY, { "employees.csv": (t) => t.replace(/"([^"]*)"/g, (_, inner: string) => inner.replace(/,/g, "")) });
    const [a, b] = [join(tempDir(), "a"), join(tempDir(), "b")];
    expect(giliran("solve", excel, "-o", a, "-q").code).toBe(0);
    expect(giliran("solve", plain, "-o", b, "-q").code).toBe(0);
    expect(readFileSync(join(a, "roster.csv"))).toEqual(readFileSync(join(b, "roster.csv")));
  });
});

describe("giliran solve on infeasible scenarios", () => {
  const cases: Array<[string, Record<string, string | ((t: string) => string)>, RegExp]> = [
    ["mandatory staff above the cap", { "agencies.csv": (t) => t.replace("DINKES,Dinas Kesehatan,false,,,", "DINKES,Dinas Kesehatan,false,,1,") }, /Dinas Kesehatan, 2021-07-19: 2 staff must be in the office \(2 mandatory\) but the cap is 1 \(count 1\)/],
    ["a rule asking more people than exist", { "rules.csv": "agency_id,unit,rank,min_per_day,max_per_day\nBAPPEDA,*,eselon_3,3,\n" }, /Badan Perencanaan Pembangunan Daerah, 2021-07-19: rules\.csv line 2 asks at least 3 eselon_3 in the office but only \d are available/],
    ["a cap below min_office", { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40,,1", "BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,,2,3") }, /Badan Perencanaan Pembangunan Daerah, 2021-07-19: min_office is 3 but the cap is 2 \(count 2\)/],
  ];
  for (const [what, edits, message] of cases) {
    it(`exits 2 on ${what}, one line per cause, writing nothing`, () => {
      const dir = scenarioCopy(TINY, edits);
      const out = join(tempDir(), "out");
      const result = giliran("solve", dir, "-o", out);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/No roster satisfies every rule/);
      noStackTrace(result.stderr);
      expect(existsSync(out)).toBe(false);
    });
  }
});

import { rmSync } from "node:fs";
function require_rm(path: string): boolean {
  rmSync(path);
  return true;
}
