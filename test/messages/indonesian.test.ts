/**
 * `--lang id` speaks Indonesian throughout: no catalogue entry, and no message of a run that
 * goes wrong in many ways (bad input, an infeasible scenario, a roster that breaks every rule),
 * holds an English word. Identifiers stay as they are (file and column names, JSON keys,
 * command names and options, quoted input), everything else is checked against a list of
 * English words that Indonesian never uses.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { en } from "../../src/messages/en.js";
import { id } from "../../src/messages/id.js";
import { formatMessage } from "../../src/messages/index.js";
import { giliran, ROOT, scenarioCopy, tempDir } from "../helpers/cli.js";

const ENGLISH = new Set(("the of and or is are not expected got staff with without for from to in on at must cannot only than every each which this " +
  "that there file found written above below between least most exactly day days week weeks office home leave agency agencies people person rule rules " +
  "missing unknown duplicate more no none a an be has have was were been will would should could do does it its they their whole number date real roster " +
  "percentage empty after before fixed mandatory employment exempt marked but given twice first line column cell cells hold numbers " +
  "spreadsheet stored dropped text enter again start keeps period changes nothing right year warning page holiday print download find one " +
  "shared fair share headcount summary duty sheet position rank name who where when").split(" "));

/** Words that are names, not English: commands, formats, the tool's own terms. */
const NAMES = new Set(["giliran", "csv", "json", "utf", "excel", "javascript", "wfo", "wfh", "nip", "out", "seed", "preset", "ppkm", "se", "bkn", "jpt", "ics", "opd", "true", "false", "ya", "tidak", "benar", "salah"]);

/**
 * The English words of a text, identifiers and quoted input left out.
 *
 * @example englishFragments('{field}: diharapkan a real date written YYYY-MM-DD') //=> ["a", "real", "date", "written"]
 */
export function englishFragments(text: string): string[] {
  const plain = text
    .replace(/\{\w+\}/g, " ") // placeholders
    .replace(/"[^"]*"/g, " ") // quoted input and titles
    .replace(/--[\w-]+/g, " ") // options
    .replace(/giliran \w+/g, " ") // commands
    .replace(/\S*[_./\\:@#&\d]\S*/g, " ") // identifiers, file names, dates, numbers, paths
    .replace(/\b(from|to)\b(?= \()/g, " "); // the leave.csv columns `from` and `to`
  return plain.split(/[^A-Za-z\u00C0-\u024F-]+/).filter((w) => w !== "" && !NAMES.has(w.toLowerCase()) && ENGLISH.has(w.toLowerCase()));
}

describe("englishFragments", () => {
  it("finds the English of a mixed entry, and nothing in an Indonesian one", () => {
    expect(englishFragments("{file}:{line}:{column}: birth_date: diharapkan a real date written YYYY-MM-DD or DD/MM/YYYY")).toEqual(["a", "real", "date", "written", "or"]);
    expect(englishFragments("{agency}, {date}: 3 staff of unit Perpustakaan di kantor")).toEqual(["staff", "of"]);
    expect(englishFragments("{agency}, {date}: {count} {who} di kantor, rules.csv baris {line} meminta {bounds}")).toEqual([]);
  });
});

describe("the Indonesian catalogue", () => {
  it("has every key of the English one and no English word in any entry", () => {
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    const mixed = Object.entries(id).map(([key, text]) => [key, englishFragments(text)] as const).filter(([, words]) => words.length > 0);
    expect(mixed).toEqual([]);
  });

  it("puts values built in English words into Indonesian: cap basis, who a rule counts, why staff are in, what a cell expects", () => {
    expect(formatMessage("xlsx.cap", { cap: 10, basis: "25 % (SE 67/2020, high-risk zone) of 40" }, "id")).toBe("Batas di kantor: 10 orang per hari (25 % (SE 67/2020, zona risiko tinggi) dari 40)");
    expect(formatMessage("infeasible.rule_min_unreachable", { agency: "Dinas A", date: "2021-07-19", line: 2, min: 3, who: "staff of unit Perpustakaan", available: 1 }, "id")).toContain("3 pegawai unit Perpustakaan di kantor");
    expect(formatMessage("infeasible.fixed_over_cap", { agency: "A", date: "d", fixed: 4, reasons: "1 mandatory, 3 employment", cap: 2, basis: "count 2" }, "id")).toContain("(1 wajib hadir, 3 karena status kepegawaian) tetapi batasnya 2 (jumlah 2)");
    expect(formatMessage("input.cell", { file: "employees.csv", line: 3, column: 7, field: "birth_date", expected: "a real date written YYYY-MM-DD or DD/MM/YYYY", received: "1980-02-30" }, "id"))
      .toBe('employees.csv:3:7: birth_date: diharapkan tanggal yang sah, ditulis YYYY-MM-DD atau DD/MM/YYYY, tertulis "1980-02-30"');
  });
});

describe("runs under --lang id", () => {
  const NIP = join(ROOT, "test/fixtures/nip");
  const dir = tempDir("giliran-id-");
  const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
  const noEnglish = (output: string) => {
    const mixed = lines(output).map((l) => [l, englishFragments(l)] as const).filter(([, words]) => words.length > 0);
    expect(mixed).toEqual([]);
  };

  it("bad input: every kind of cell and file problem", () => {
    const scenario = scenarioCopy(NIP, {
      "employees.csv": (t) => t.replace(/^(\d+),/m, "$1,").split("\n").map((l, i) => {
        if (i === 1) return l.replace(",pns,", ",kontrak,");
        if (i === 2) return l.replace(/,\d{4}-\d\d-\d\d,/, ",1980-02-30,");
        if (i === 3) return l.replace(/,(eselon_\d|fungsional|pelaksana),/, ",kepala,");
        if (i === 4) return l.replace(/,(true|false),/, ",mungkin,");
        return l;
      }).join("\n"),
      "agencies.csv": (t) => `${t}XX,Dinas X,,120\nXX,Dinas X lagi,,\n`,
    });
    writeFileSync(join(scenario, "history.csv"), "employee_id,office_days,hari\n123,-1,\n");
    const result = giliran("solve", scenario, "-o", join(dir, "bad"), "--lang", "id");
    expect(result.code).toBe(1);
    expect(lines(result.stderr).length).toBeGreaterThanOrEqual(6);
    noEnglish(result.stderr);
  });

  it("an infeasible scenario and a roster that breaks the rules", () => {
    const tight = scenarioCopy(NIP, { "scenario.json": (t) => t.replace('"percent": 25', '"percent": 1') });
    const infeasible = giliran("solve", tight, "-o", join(dir, "inf"), "--lang", "id");
    expect(infeasible.code).toBe(2);
    noEnglish(infeasible.stderr);

    const out = join(dir, "ok");
    const solved = giliran("solve", NIP, "-o", out, "--lang", "id");
    expect(solved.code).toBe(0);
    noEnglish(solved.stdout);
    const roster = readFileSync(join(out, "roster.csv"), "utf8").replace(/,office\n/g, ",home\n").replace(/,home\n/, ",libur\n");
    writeFileSync(join(dir, "bad.csv"), `${roster}123456,2021-07-19,office\n`);
    const checked = giliran("check", NIP, join(dir, "bad.csv"), "--lang", "id");
    expect(checked.code).toBe(1);
    noEnglish(checked.stdout);
    noEnglish(checked.stderr);
  });
});
