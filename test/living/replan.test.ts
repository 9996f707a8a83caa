import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { solveScenario } from "../../src/pipeline/solveScenario.js";
import { replanScenario } from "../../src/pipeline/replanScenario.js";
import { readScenario } from "../../src/io/readScenario.js";
import { readRoster } from "../../src/io/readRoster.js";
import { compile } from "../../src/policy/compile.js";
import { checkRoster } from "../../src/check/checkRoster.js";
import { InputError } from "../../src/domain/errors.js";
import { HOME, OFFICE } from "../../src/domain/problem.js";
import { TINY, giliran, scenarioCopy, tempDir } from "../helpers/cli.js";
import { solverSupport, type SolverSupport } from "../helpers/living.js";

// Tiny: 9 workdays, 19 and 21-23 July published, replanned from Monday 26 July (day 4).
const FROM = "2021-07-26";
const FROM_DAY = 4;
const EKO = "199206062017031015";

let support: SolverSupport;
let previous: string;
let published: Awaited<ReturnType<typeof solveScenario>>;

beforeAll(async () => {
  support = await solverSupport();
  const out = tempDir("giliran-published-");
  published = await solveScenario(TINY, out);
  previous = join(out, "roster.csv");
});

function csvRows(path: string): string[][] {
  return readFileSync(path, "utf8").trimEnd().split("\n").map((l) => l.split(","));
}

/** A copy of the published roster.csv with Eko's mode swapped on the given dates. */
function editedPrevious(dates: string[]): string {
  const text = readFileSync(previous, "utf8").split("\n").map((line) => {
    const [id, date, mode] = line.split(",");
    if (id !== EKO || !dates.includes(date)) return line;
    return `${id},${date},${mode === "office" ? "home" : "office"}`;
  });
  const path = join(tempDir("giliran-previous-"), "roster.csv");
  writeFileSync(path, text.join("\n"));
  return path;
}

describe("replan with unchanged inputs", () => {
  it("changes nothing and writes changes.csv with its header only", async () => {
    const out = tempDir("giliran-replan-");
    const outcome = await replanScenario(TINY, out, { previous, from: FROM });
    expect(outcome.roster.modes).toEqual(published.roster.modes);
    expect(outcome.replan).toMatchObject({ from: FROM, changed: 0, publishedChanged: 0, people: 0, joined: 0, left: 0, agencies: [] });
    expect(outcome.replan.kept).toBe(outcome.replan.published);
    expect(outcome.replan.published).toBe(FROM_DAY * published.problem.people.length);
    expect(readFileSync(join(out, "changes.csv"), "utf8")).toBe("employee_id,name,agency_id,date,before,after\n");
    expect(existsSync(join(out, "history-next.csv"))).toBe(true);
  });

  it("keeps a previous roster that is not the one solve would write, as long as it is as good (needs the solver's wishes)", async (ctx) => {
    if (!support.wishes) ctx.skip();
    // Two colleagues of one fairness group swap their days from FROM on, where each has as many
    // office days in each week as the other: every day's count and every total stay the same.
    const problem = published.problem;
    const n = problem.calendar.days.length;
    const { week } = problem.calendar;
    const row = (p: number) => [...published.roster.modes.slice(p * n + FROM_DAY, p * n + n)];
    const weekly = (p: number) => row(p).reduce<number[]>((acc, m, k) => ((acc[week[FROM_DAY + k]] = (acc[week[FROM_DAY + k]] ?? 0) + (m === OFFICE ? 1 : 0)), acc), []).join(",");
    const pool = problem.people.filter((p) => p.attendance === "rotating" && p.leave === null);
    let pair: [number, number] | null = null;
    for (const a of pool) {
      for (const b of pool) {
        if (pair || a.index >= b.index || a.agency !== b.agency || a.rank !== b.rank || a.unit !== b.unit) continue;
        if (row(a.index).join() !== row(b.index).join() && weekly(a.index) === weekly(b.index)) pair = [a.index, b.index];
      }
    }
    if (pair === null) ctx.skip();
    const [a, b] = pair!;
    const ids = new Map([[problem.people[a].id, b], [problem.people[b].id, a]]);
    const dayOf = new Map(problem.calendar.days.map((d, i) => [d, i]));
    const lines = readFileSync(previous, "utf8").split("\n").map((line) => {
      const [id, date] = line.split(",");
      const other = ids.get(id);
      const d = dayOf.get(date);
      if (other === undefined || d === undefined || d < FROM_DAY) return line;
      return `${id},${date},${["home", "office", "leave"][published.roster.modes[other * n + d]]}`;
    });
    const path = join(tempDir("giliran-previous-"), "roster.csv");
    writeFileSync(path, lines.join("\n"));
    const outcome = await replanScenario(TINY, tempDir("giliran-replan-"), { previous: path, from: FROM });
    expect(outcome.replan.changed).toBe(0);
  });
});

describe("replan after a change (needs the solver's pins and wishes)", () => {
  it("keeps every published day, passes check on the new inputs and lists what changed", async (ctx) => {
    if (!support.pins || !support.wishes) ctx.skip();
    const dir = scenarioCopy(TINY, { "leave.csv": (t) => `${t}${EKO},2021-07-27,2021-07-28,sakit\n` });
    const out = tempDir("giliran-replan-");
    const outcome = await replanScenario(dir, out, { previous, from: FROM });
    const n = outcome.problem.calendar.days.length;
    for (let p = 0; p < outcome.problem.people.length; p++) {
      for (let d = 0; d < FROM_DAY; d++) expect(outcome.roster.modes[p * n + d]).toBe(published.roster.modes[p * n + d]);
    }
    expect(outcome.replan.kept).toBe(outcome.replan.published);
    const check = checkRoster(compile(await readScenario(dir)), await readRoster(join(out, "roster.csv")));
    expect(check.ok).toBe(true);
    const rows = csvRows(join(out, "changes.csv")).slice(1);
    expect(rows.length).toBe(outcome.replan.changed);
    expect(rows.filter((r) => r[0] === EKO).map((r) => [r[3], r[5]])).toEqual(expect.arrayContaining([["2021-07-27", "leave"], ["2021-07-28", "leave"]]));
    expect(rows.every((r) => r[3] >= FROM)).toBe(true);
    expect(outcome.replan.agencies.find((a) => a.agencyId === "BAPPEDA")!.people.map((p) => p.id)).toContain(EKO);
  });

  it("turns a published day to leave when leave.csv now says so, and counts it apart", async (ctx) => {
    if (!support.pins) ctx.skip();
    const dir = scenarioCopy(TINY, { "leave.csv": (t) => `${t}${EKO},2021-07-21,2021-07-21,sakit\n` });
    const out = tempDir("giliran-replan-");
    const outcome = await replanScenario(dir, out, { previous, from: FROM });
    expect(outcome.replan.publishedChanged).toBe(1);
    expect(outcome.replan.kept).toBe(outcome.replan.published - 1);
    const row = csvRows(join(out, "changes.csv")).find((r) => r[0] === EKO && r[3] === "2021-07-21")!;
    expect(row[5]).toBe("leave");
  });

  it("puts someone who joined on leave on the published days and lists their days from --from on", async (ctx) => {
    if (!support.pins) ctx.skip();
    const dir = scenarioCopy(TINY, { "employees.csv": (t) => `${t}NEW01,Nadia Putri,BAPPEDA,pelaksana,Staf,pns,1999-01-01,Sekretariat,false,false,false\n` });
    const out = tempDir("giliran-replan-");
    const outcome = await replanScenario(dir, out, { previous, from: FROM });
    expect(outcome.replan.joined).toBe(1);
    const newcomer = outcome.problem.people.find((p) => p.id === "NEW01")!;
    expect([...newcomer.leave!].slice(0, FROM_DAY)).toEqual([1, 1, 1, 1]);
    const rows = csvRows(join(out, "changes.csv")).filter((r) => r[0] === "NEW01");
    expect(rows.map((r) => r[3])).toEqual(outcome.problem.calendar.days.slice(FROM_DAY));
    expect(rows.every((r) => r[4] === "")).toBe(true);
  });
});

describe("replan, people who left and bad input", () => {
  it("leaves out people no longer in employees.csv and counts them (needs the solver's diagnosis to read the cap of the day)", async (ctx) => {
    if (!support.pins) ctx.skip();
    const dir = scenarioCopy(TINY, { "employees.csv": (t) => t.split("\n").filter((l) => !l.startsWith("199803192023211020,")).join("\n") });
    const outcome = await replanScenario(dir, tempDir("giliran-replan-"), { previous, from: FROM });
    expect(outcome.replan.left).toBe(1);
    expect(outcome.problem.people.some((p) => p.id === "199803192023211020")).toBe(false);
    // BAPPEDA's cap falls from 4 (40 % of 10) to 3 (40 % of 9): published days with 4 in stay as published.
    expect(outcome.replan.kept).toBe(outcome.replan.published);
    expect(outcome.replan.overCap).toBeGreaterThan(0);
  });

  it("rejects a --from that is no date, a mode that is no mode, and a published day left out", async () => {
    const out = tempDir("giliran-replan-");
    await expect(replanScenario(TINY, out, { previous, from: "next monday" })).rejects.toBeInstanceOf(InputError);
    const badCode = join(tempDir("giliran-previous-"), "roster.csv");
    writeFileSync(badCode, readFileSync(previous, "utf8").replace(`${EKO},2021-07-21,`, `${EKO},2021-07-21,x`).replace(/x(office|home)/, "maybe"));
    const error = await replanScenario(TINY, out, { previous: badCode, from: FROM }).catch((e: InputError) => e);
    expect((error as InputError).issues.map((i) => i.code)).toEqual(["input.previous_mode"]);
    const missing = join(tempDir("giliran-previous-"), "roster.csv");
    writeFileSync(missing, readFileSync(previous, "utf8").split("\n").filter((l) => !l.startsWith(`${EKO},2021-07-22,`)).join("\n"));
    const gap = await replanScenario(TINY, out, { previous: missing, from: FROM }).catch((e: InputError) => e);
    expect((gap as InputError).issues.map((i) => [i.code, i.values.employee, i.values.date])).toEqual([["input.previous_missing", EKO, "2021-07-22"]]);
    expect(existsSync(join(out, "roster.csv"))).toBe(false);
  });

  it("reads a hand-edited wide roster-wide.csv (semicolons) as the previous roster", async () => {
    const wide = readFileSync(join(previous, "..", "roster-wide.csv"), "utf8").replace(/,/g, ";");
    const path = join(tempDir("giliran-previous-"), "roster-wide.csv");
    writeFileSync(path, wide);
    const fromWide = await replanScenario(TINY, tempDir("giliran-replan-"), { previous: path, from: FROM });
    const fromLong = await replanScenario(TINY, tempDir("giliran-replan-"), { previous, from: FROM });
    expect(fromWide.roster.modes).toEqual(fromLong.roster.modes);
    expect(fromWide.replan.published).toBe(fromLong.replan.published);
  });

  it("reads roster.csv with a BOM, CRLF, upper-case codes and semicolons as written", async () => {
    const { readPrevious } = await import("../../src/replan/readPrevious.js");
    const plain = await readPrevious(previous, published.problem, FROM_DAY);
    const text = readFileSync(previous, "utf8").trimEnd().split("\n").map((l, i) => (i === 0 ? l : l.replace(/,office$/, ",O").replace(/,home$/, ",H")));
    for (const variant of [`\uFEFF${text.join("\r\n")}\r\n`, text.join("\n").replace(/,/g, ";")]) {
      const path = join(tempDir("giliran-previous-"), "roster.csv");
      writeFileSync(path, variant);
      const read = await readPrevious(path, published.problem, FROM_DAY);
      expect(read.modes).toEqual(plain.modes);
      expect(read.listed).toEqual(plain.listed);
    }
  });

  it("reads roster.csv's rows out of order, with a person who left, blank lines, spaces and DD/MM/YYYY dates as the general reader does", async () => {
    const { readPrevious } = await import("../../src/replan/readPrevious.js");
    const { parseRosterText } = await import("../../src/io/readRoster.js");
    const { previousRoster } = await import("../../src/replan/previous.js");
    const [header, ...rows] = readFileSync(previous, "utf8").trimEnd().split("\n");
    const reversed = [...rows].reverse();
    const edited = rows.map((row, i) => {
      const [id, date, mode] = row.split(",");
      if (i % 7 === 3) return ` ${id} ,${date}, ${mode.toUpperCase()} `;
      if (i % 11 === 5) return `${id},${date.split("-").reverse().join("/")},${mode}`;
      return row;
    });
    const variants = [
      [header, ...reversed].join("\n"),
      [header, "LEFT001,2021-07-19,office", ...rows.slice(0, 9), "", ...rows.slice(9), "LEFT001,2021-07-21,home"].join("\n"),
      [header, ...edited].join("\n"),
    ];
    for (const text of variants) {
      const path = join(tempDir("giliran-previous-"), "roster.csv");
      writeFileSync(path, text);
      const read = await readPrevious(path, published.problem, FROM_DAY);
      const general = previousRoster(published.problem, await parseRosterText(text, path), FROM_DAY);
      expect(read).toEqual(general);
    }
  });

  it("ignores changes the previous roster holds only from --from on when it cannot be read there (the days are replanned anyway)", async () => {
    const edited = editedPrevious(["2021-07-29"]);
    const outcome = await replanScenario(TINY, tempDir("giliran-replan-"), { previous: edited, from: FROM });
    expect(outcome.replan.published).toBe(FROM_DAY * outcome.problem.people.length);
  });
});

describe("giliran replan", () => {
  it("prints the kept and changed counts and writes changes.csv beside the usual outputs", () => {
    const out = tempDir("giliran-replan-cli-");
    const result = giliran("replan", TINY, "--previous", previous, "--from", "26/07/2021", "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Replanned from 2021-07-26: 100 of 100 published person-days kept; \d+ assignment\(s\) changed from 2021-07-26 on/);
    for (const file of ["roster.csv", "roster-wide.csv", "daily.csv", "metrics.json", "history-next.csv", "report.html", "changes.csv"]) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('<section id="notify">');
    expect(existsSync(join(out, "roster.xlsx"))).toBe(true);
  });

  it("takes --no-xlsx as solve does", () => {
    const out = tempDir("giliran-replan-cli-");
    const result = giliran("replan", TINY, "--previous", previous, "--from", FROM, "-o", out, "--no-xlsx", "-q");
    expect(result.code).toBe(0);
    expect(existsSync(join(out, "roster.csv"))).toBe(true);
    expect(existsSync(join(out, "roster.xlsx"))).toBe(false);
  });

  it("exits 1 naming --from when it is no date", () => {
    const result = giliran("replan", TINY, "--previous", previous, "--from", "2021-02-30", "-o", tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--from: expected a date");
  });
});

describe("history-next.csv", () => {
  it("is cumulative and reads back as the next period's history.csv", async () => {
    const rows = csvRows(join(previous, "..", "history-next.csv"));
    expect(rows[0]).toEqual(["employee_id", "office_days", "workdays"]);
    const problem = published.problem;
    const n = problem.calendar.days.length;
    for (const person of problem.people) {
      const row = rows.find((r) => r[0] === person.id)!;
      let office = 0;
      let leave = 0;
      for (let d = 0; d < n; d++) {
        office += published.roster.modes[person.index * n + d] === OFFICE ? 1 : 0;
        leave += person.leave?.[d] ?? 0;
      }
      expect(row.slice(1).map(Number)).toEqual([office, n - leave]);
    }
    // The next month, with this history.
    const next = scenarioCopy(TINY, {
      "scenario.json": (t) => t.replace('"start": "2021-07-19"', '"start": "2021-08-02"').replace('"end": "2021-07-30"', '"end": "2021-08-13"'),
      "leave.csv": "employee_id,from,to,kind\n",
      "history.csv": readFileSync(join(previous, "..", "history-next.csv"), "utf8"),
    });
    const second = compile(await readScenario(next));
    for (const person of second.people) {
      const row = rows.find((r) => r[0] === person.id)!;
      expect([person.history, person.priorWorkdays]).toEqual([Number(row[1]), Number(row[2])]);
    }
    const out = tempDir("giliran-month2-");
    const month2 = await solveScenario(next, out);
    const chained = csvRows(join(out, "history-next.csv"));
    const m = month2.problem.calendar.days.length;
    for (const person of month2.problem.people) {
      let office = 0;
      for (let d = 0; d < m; d++) office += month2.roster.modes[person.index * m + d] === OFFICE ? 1 : 0;
      const before = rows.find((r) => r[0] === person.id)!;
      expect(chained.find((r) => r[0] === person.id)!.slice(1).map(Number)).toEqual([Number(before[1]) + office, Number(before[2]) + m]);
    }
  });
});

describe("the previous roster's byte reader", () => {
  it("reads every code the general reader reads (kantor/rumah, K/R, WFO/WFH) and names a bad code at its line", async () => {
    const { readPrevious } = await import("../../src/replan/readPrevious.js");
    const plain = await readPrevious(previous, published.problem, FROM_DAY);
    const words = ["kantor", "K", "WFO"];
    const homes = ["rumah", "R", "WFH"];
    const lines = readFileSync(previous, "utf8").trimEnd().split("\n");
    const coded = lines.map((l, i) => (i === 0 ? l : l.replace(/,office$/, `,${words[i % 3]}`).replace(/,home$/, `,${homes[i % 3]}`)));
    const path = join(tempDir("giliran-previous-"), "roster.csv");
    writeFileSync(path, `${coded.join("\n")}\n`);
    expect((await readPrevious(path, published.problem, FROM_DAY)).modes).toEqual(plain.modes);
    const bad = [...lines];
    bad[3] = bad[3].replace(/,(office|home)$/, ",maybe");
    writeFileSync(path, `${bad.join("\n")}\n`);
    const error = await readPrevious(path, published.problem, FROM_DAY).catch((e: InputError) => e);
    expect((error as InputError).issues.map((i) => [i.code, i.line])).toEqual([["input.previous_mode", 4]]);
  });
});
