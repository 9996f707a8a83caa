import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { giliran, tempDir, TINY } from "../helpers/cli.js";

const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
let out: string;
let other: string;
let broken: string;

beforeAll(() => {
  const dir = tempDir("giliran-cli-check-");
  out = join(dir, "jslp");
  other = join(dir, "highs");
  expect(giliran("solve", TINY, "-o", out, "-q").code).toBe(0);
  expect(giliran("solve", TINY, "-o", other, "-q", "--solver", "highs").code).toBe(0);
  broken = join(dir, "broken.csv");
  const text = readFileSync(join(out, "roster.csv"), "utf8")
    .replace("197001151995031001,2021-07-19,office", "197001151995031001,2021-07-19,home")
    .replace("197001151995031001,2021-07-21,office", "197001151995031001,2021-07-21,wfx");
  writeFileSync(broken, text);
});

describe("giliran check", () => {
  it("exits 0 with a one-line summary on a roster solve wrote (long and wide)", () => {
    for (const file of ["roster.csv", "roster-wide.csv"]) {
      const result = giliran("check", TINY, join(out, file));
      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(result.stdout).toBe(`${join(out, file)}: no violation; every hard rule holds (25 employees, 9 workdays).\n`);
    }
  });

  it("exits 1 and lists each violation under its rule with a count", () => {
    const result = giliran("check", TINY, broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^unreadable mode code: 1\n  .*broken\.csv:\d+:3: 197001151995031001 dr\. Andi Saputra, M\.Kes\. \(Dinas Kesehatan\), 2021-07-21: "wfx" is not a mode/);
    expect(result.stdout).toMatch(/\nmust be in the office: 1\n  197001151995031001 .*2021-07-19: marked home but must be in the office \(mandatory\)\n/);
    expect(result.stdout).toMatch(/: 2 violation\(s\) of 2 rule\(s\) \(25 employees, 9 workdays\)\.\n$/);
  });

  it("prints JSON for tools with --json, and only counts with --quiet", () => {
    const json = giliran("check", TINY, broken, "--json");
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ ok: false, count: 2, total: { unknownCode: 1, fixedAlwaysIn: 1, capPerAgencyDay: 0 } });
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual(["unknownCode", "fixedAlwaysIn"]);
    const quiet = giliran("check", TINY, broken, "-q");
    expect(quiet.code).toBe(1);
    expect(quiet.stdout.split("\n")[0]).toBe("unreadable mode code: 1");
    expect(quiet.stdout).not.toMatch(/wfx/);
    expect(giliran("check", TINY, join(out, "roster.csv"), "-q")).toMatchObject({ code: 0, stdout: "" });
  });

  it("speaks Indonesian with --lang id", () => {
    const result = giliran("check", TINY, broken, "--lang", "id");
    expect(result.stdout).toMatch(/kode mode tidak dikenal: 1/);
    expect(result.stdout).toMatch(/2 pelanggaran pada 2 aturan/);
  });

  it("exits 1 with a located message, no stack trace, on an unreadable roster", () => {
    const missing = giliran("check", TINY, join(out, "nope.csv"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: cannot be read/);
    noStackTrace(missing.stderr);
    const headerless = join(tempDir(), "x.csv");
    writeFileSync(headerless, "a,b,c\n1,2,3\n");
    const bad = giliran("check", TINY, headerless);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/x\.csv:1: missing column "employee_id"/);
  });
});

describe("giliran metrics and compare", () => {
  it("prints a roster's figures per agency and overall, and as CSV and JSON", () => {
    const text = giliran("metrics", join(out, "roster.csv"), "--scenario", TINY);
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toMatch(/^scope\s+figure\s+value\noverall\s+largest deviation from a fair share \(days\)/);
    expect(text.stdout).toMatch(/\nBAPPEDA\s+largest deviation from a fair share/);
    expect(text.stdout).toMatch(/rotating people never in the office\s+\d+\n/);
    const csv = giliran("metrics", join(out, "roster.csv"), "--scenario", TINY, "--csv").stdout.split("\n");
    expect(csv[0]).toBe("scope,name,figure,value");
    expect(csv).toContain("DINKES,Dinas Kesehatan,capUse,1");
    const json = JSON.parse(giliran("metrics", join(out, "roster.csv"), "--scenario", TINY, "--json").stdout);
    expect(json).toMatchObject({ violations: 0, metrics: { overall: { people: 25 } } });
    expect(json.figures[0].figures).toHaveProperty("maxDeviation");
  });

  it("compares two rosters side by side with the changed assignments", () => {
    const result = giliran("compare", join(out, "roster.csv"), join(other, "roster-wide.csv"), "--scenario", TINY);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^A: .*roster\.csv\nB: .*roster-wide\.csv\n\nscope\s+figure\s+A\s+B\s+better\n/);
    expect(result.stdout).toMatch(/\n\d+ of 225 assignments differ \([\d.]+ %\)\.\n/);
    expect(result.stdout).toMatch(/\n\s+better, decided by\s+(=|[AB] \(.+\))\n/);
    const same = giliran("compare", join(out, "roster.csv"), join(out, "roster-wide.csv"), "--scenario", TINY, "--json");
    expect(JSON.parse(same.stdout)).toMatchObject({ changed: 0, assignments: 225, violations: { a: 0, b: 0 } });
  });

  it("measures a roster that breaks the rules, after a warning", () => {
    const result = giliran("compare", join(out, "roster.csv"), broken, "--scenario", TINY);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${broken} breaks the rules (2 violation(s); run giliran check for the list); measured anyway\n`);
    // The unreadable "wfx" counts as the office the rules expect of the Kepala Dinas: one change.
    expect(result.stdout).toMatch(/\n1 of 225 assignments differ/);
  });
});

describe("giliran report", () => {
  it("writes one self-contained HTML file", () => {
    const path = join(tempDir(), "nested", "report.html");
    const result = giliran("report", join(out, "roster-wide.csv"), "--scenario", TINY, "-o", path, "--lang", "id");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(existsSync(path)).toBe(true);
    const html = readFileSync(path, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("Laporan giliran: Tiny test scenario");
  });
});
