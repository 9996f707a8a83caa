import { describe, expect, it } from "vitest";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { InputError } from "../../src/domain/errors.js";
import { capBasisOn, capOn, type Problem } from "../../src/domain/problem.js";
import { capPerAgencyDay } from "../../src/verify/rules.js";
import { formatViolation } from "../../src/verify/format.js";
import { dailyCsv } from "../../src/io/writeOutputs.js";
import { TINY, scenarioCopy } from "../helpers/cli.js";
import { rosterOf } from "../helpers/problemBuilder.js";

// Tiny: DINKES 10 staff (cap 3 = 30 %), BAPPEDA 10 (cap_percent 40: 4, min_office 1, the
// Kepala Badan always in), RSUD exempt. Workdays 19, 21, 22, 23, 26, ..., 30 July 2021.
const DAY = { "2021-07-19": 0, "2021-07-21": 1, "2021-07-22": 2, "2021-07-23": 3, "2021-07-26": 4, "2021-07-27": 5, "2021-07-28": 6, "2021-07-29": 7, "2021-07-30": 8 } as const;

async function withCaps(caps: string): Promise<Problem> {
  return compile(await readScenario(scenarioCopy(TINY, { "caps.csv": caps })));
}

async function capIssues(caps: string): Promise<string[]> {
  try {
    await withCaps(caps);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.code} ${i.file}:${i.line ?? ""}`);
    throw error;
  }
  return [];
}

describe("caps.csv, read", () => {
  it("reads * as every agency and each row's dates and cap", async () => {
    const dir = scenarioCopy(TINY, { "caps.csv": "agency_id,from,to,cap_percent,cap_count\n*,2021-07-26,2021-07-30,20,\nBAPPEDA,28/07/2021,2021-07-28,,2\n" });
    const input = await readScenario(dir);
    expect(input.caps!.map((c) => [c.agency_id, c.from, c.to, c.cap_percent, c.cap_count, c.line])).toEqual([
      [null, "2021-07-26", "2021-07-30", 20, undefined, 2],
      ["BAPPEDA", "2021-07-28", "2021-07-28", undefined, 2, 3],
    ]);
  });

  it("is optional: a scenario without it has no dated caps", async () => {
    const problem = compile(await readScenario(TINY));
    expect(problem.agencies.every((a) => a.dayCaps === undefined)).toBe(true);
  });

  it("reports a row with no cap, a row with two, an unknown agency and dates out of order, with their lines", async () => {
    expect(await capIssues("agency_id,from,to,cap_percent,cap_count,zone\n*,2021-07-26,2021-07-30,,,\nDINKES,2021-07-26,2021-07-30,20,,high\nNOPE,2021-07-26,2021-07-30,20,,\nDINKES,2021-07-30,2021-07-26,20,,\n")).toEqual([
      "input.cap_row_none caps.csv:2",
      "input.cap_preset_conflict caps.csv:3",
      "input.unknown_agency_closest caps.csv:4",
      "input.leave_order caps.csv:5",
    ]);
  });
});

describe("caps.csv, compiled", () => {
  it("overrides the cap on the workdays of a row only, with its line in the basis", async () => {
    const problem = await withCaps("agency_id,from,to,cap_percent\n*,2021-07-26,2021-07-30,20\n");
    const dinkes = problem.agencies[0];
    expect(capOn(dinkes, DAY["2021-07-23"])).toBe(3);
    expect(capOn(dinkes, DAY["2021-07-26"])).toBe(2);
    expect(capBasisOn(dinkes, DAY["2021-07-26"])).toBe("20 % of 10 (caps.csv line 2)");
    expect(capBasisOn(dinkes, DAY["2021-07-23"])).toBe("30 % of 10");
    expect(capOn(problem.agencies[1], DAY["2021-07-30"])).toBe(2);
  });

  it("leaves exempt agencies without a cap", async () => {
    const problem = await withCaps("agency_id,from,to,cap_percent\n*,2021-07-19,2021-07-30,20\n");
    expect(capOn(problem.agencies[2], 0)).toBeNull();
  });

  it("lets an agency's own row beat a * row whatever their order, and a later row beat an earlier one of the same kind", async () => {
    const problem = await withCaps("agency_id,from,to,cap_percent,cap_count\nBAPPEDA,2021-07-28,2021-07-28,,1\n*,2021-07-26,2021-07-30,20,\n*,2021-07-29,2021-07-30,,3\n");
    const bappeda = problem.agencies[1];
    expect(capOn(bappeda, DAY["2021-07-27"])).toBe(2);
    expect(capOn(bappeda, DAY["2021-07-28"])).toBe(1);
    expect(capOn(bappeda, DAY["2021-07-29"])).toBe(3);
    expect(capBasisOn(bappeda, DAY["2021-07-29"])).toBe("count 3 (caps.csv line 4)");
  });

  it("resolves a preset on the row's from date", async () => {
    const problem = await withCaps("agency_id,from,to,zone\nDINKES,2021-07-26,2021-07-30,medium\n");
    expect(capOn(problem.agencies[0], DAY["2021-07-26"])).toBe(5);
    expect(capBasisOn(problem.agencies[0], DAY["2021-07-26"])).toBe("50 % (SE 67/2020, medium-risk zone) of 10 (caps.csv line 2)");
  });

  it("names the row, the preset and when it exists when the preset has no number on from", async () => {
    expect(await capIssues("agency_id,from,to,ppkm_level,ppkm_region\n*,2021-07-26,2021-07-30,3,java-bali\n")).toEqual(["input.cap_preset_dated caps.csv:2"]);
  });

  it("makes a cap of 0 a decreed remote day: the cap is the people who must be in", async () => {
    // BAPPEDA: the Kepala Badan is always in and min_office is 1: one person.
    // DINKES: Kepala Dinas and the mandatory Bendahara, and rules.csv asks 1 of Pelayanan.
    const problem = await withCaps("agency_id,from,to,cap_count\n*,2021-07-21,2021-07-21,0\n");
    expect(capOn(problem.agencies[1], DAY["2021-07-21"])).toBe(1);
    expect(capBasisOn(problem.agencies[1], DAY["2021-07-21"])).toBe("count 0 (caps.csv line 2): decreed remote day, 1 must be in");
    expect(capOn(problem.agencies[0], DAY["2021-07-21"])).toBe(3);
    expect(capOn(problem.agencies[1], DAY["2021-07-22"])).toBe(4);
    expect(problem.agencies[1].remoteDays?.slice(0, 3)).toEqual([false, true, false]);
  });

  it("counts a decreed remote day as closed in flexible work's weekly minimum", async () => {
    const { weekOfficeBounds } = await import("../../src/domain/problem.js");
    const dir = scenarioCopy(TINY, {
      "caps.csv": "agency_id,from,to,cap_count\nBAPPEDA,2021-07-27,2021-07-27,0\n",
      "scenario.json": (t) => t.replace('"rotation": "daily",', '"rotation": "daily",\n  "perPerson": { "officeDaysPerWeek": { "min": 2, "max": 3 } },'),
    });
    const problem = compile(await readScenario(dir));
    const eko = problem.people.find((p) => p.id === "199206062017031015")!;
    expect(weekOfficeBounds(problem, eko, 1)).toEqual({ min: 1, max: 3, open: 4 });
  });

  it("lets the people pinned to the office in on a decreed remote day", async () => {
    const dir = scenarioCopy(TINY, {
      "caps.csv": "agency_id,from,to,cap_percent\nBAPPEDA,2021-07-21,2021-07-21,0\n",
      "requests.csv": "employee_id,date,mode,kind\n198504142009012014,2021-07-21,office,pin\n",
    });
    const problem = compile(await readScenario(dir));
    expect(capOn(problem.agencies[1], DAY["2021-07-21"])).toBe(2);
  });
});

describe("caps.csv in the verifier and daily.csv", () => {
  it("judges each day against the cap in force that day and names its source", async () => {
    const problem = await withCaps("agency_id,from,to,cap_count\nBAPPEDA,2021-07-21,2021-07-21,2\n");
    const rows: Record<string, string> = {};
    // Three of BAPPEDA in on the first two days: within 4 on the 19th, above 2 on the 21st.
    for (const p of problem.agencies[1].people.map((i) => problem.people[i])) rows[p.id] = p.attendance === "fixed" ? "OOOOOOOOO" : "HHHHHHHHH";
    const [e3a, e3b] = problem.agencies[1].people.map((i) => problem.people[i]).filter((p) => p.attendance !== "fixed").map((p) => p.id);
    rows[e3a] = "OOHHHHHHH";
    rows[e3b] = "OOHHHHHHH";
    for (const p of problem.people) rows[p.id] ??= p.attendance === "fixed" ? "OOOOOOOOO" : "HHHHHHHHH";
    for (const p of problem.people) if (p.leave) rows[p.id] = [...rows[p.id]].map((m, d) => (p.leave![d] === 1 ? "L" : m)).join("");
    const roster = rosterOf(problem, rows);
    const found = capPerAgencyDay(problem, roster);
    expect(found.map((v) => [v.agencyId, v.date, v.values.cap])).toEqual([["BAPPEDA", "2021-07-21", 2]]);
    expect(formatViolation(found[0])).toBe("Badan Perencanaan Pembangunan Daerah, 2021-07-21: 3 in the office, cap 2 (count 2 (caps.csv line 2))");
    const daily = dailyCsv(problem, roster).split("\n");
    expect(daily.filter((l) => l.startsWith("BAPPEDA,2021-07-2")).map((l) => l.split(",")[5]).slice(0, 2)).toEqual(["2", "4"]);
  });
});

describe("requests.csv, read and compiled", () => {
  it("sets each person's request on the day, pins and wishes alike", async () => {
    const dir = scenarioCopy(TINY, { "requests.csv": "employee_id,date,mode,kind\n199206062017031015,2021-07-21,office,pin\n199206062017031015,2021-07-22,home,wish\n199410102020122016,19/07/2021,HOME,Pin\n" });
    const problem = compile(await readScenario(dir));
    const eko = problem.people.find((p) => p.id === "199206062017031015")!;
    expect([...eko.requests!]).toEqual([0, 1, 4, 0, 0, 0, 0, 0, 0]);
    expect(problem.people.find((p) => p.id === "199410102020122016")!.requests![0]).toBe(2);
    expect(problem.people.find((p) => p.id === "199607152022212018")!.requests).toBeUndefined();
  });

  it("reports an unknown employee, a bad mode or kind, a second request for the same day and a date off the calendar", async () => {
    const dir = scenarioCopy(TINY, { "requests.csv": "employee_id,date,mode,kind\nNOPE,2021-07-21,office,pin\n199206062017031015,2021-07-21,kantor,pin\n199206062017031015,2021-07-22,office,must\n199206062017031015,2021-07-23,office,pin\n199206062017031015,2021-07-23,home,wish\n" });
    const issues = await readScenario(dir).then(() => [], (e: InputError) => e.issues.map((i) => `${i.code}:${i.line}`));
    expect(issues).toEqual(["input.unknown_employee_closest:2", "input.cell:3", "input.cell:4", "input.request_duplicate:6"]);
    const off = scenarioCopy(TINY, { "requests.csv": "employee_id,date,mode,kind\n199206062017031015,2021-07-20,office,pin\n" });
    const offIssues = await readScenario(off).then(compile).then(() => [], (e: InputError) => e.issues.map((i) => `${i.code}:${i.line}`));
    expect(offIssues).toEqual(["input.request_not_workday:2"]);
  });
});

describe("solve with caps.csv and requests.csv", () => {
  it("holds each day to the cap in force, a decreed remote day included (needs the solver's dated caps)", async (ctx) => {
    const { solverSupport } = await import("../helpers/living.js");
    if (!(await solverSupport()).datedCaps) ctx.skip();
    const { solveScenario } = await import("../../src/pipeline/solveScenario.js");
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tempDir } = await import("../helpers/cli.js");
    const dir = scenarioCopy(TINY, { "caps.csv": "agency_id,from,to,cap_count\nBAPPEDA,2021-07-26,2021-07-30,2\n*,2021-07-21,2021-07-21,0\n" });
    const out = tempDir("giliran-caps-");
    await solveScenario(dir, out);
    const daily = readFileSync(join(out, "daily.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const bappeda = daily.filter((r) => r[0] === "BAPPEDA");
    expect(bappeda.map((r) => r[5])).toEqual(["4", "1", "4", "4", "2", "2", "2", "2", "2"]);
    for (const r of daily) if (r[5] !== "") expect(Number(r[2])).toBeLessThanOrEqual(Number(r[5]));
    expect(bappeda[1][2]).toBe("1");
  });

  it("names an impossible pin as an infeasibility before solving (exit 2), with the person, the day and the rule", async () => {
    const { giliran, tempDir } = await import("../helpers/cli.js");
    const dir = scenarioCopy(TINY, { "requests.csv": "employee_id,date,mode,kind\n196812251994031011,2021-07-21,home,pin\n198807072012011005,2021-07-22,office,pin\n" });
    const result = giliran("solve", dir, "-o", tempDir(), "-q");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("196812251994031011 Ir. Bambang Wijaya, M.T. (Badan Perencanaan Pembangunan Daerah), 2021-07-21: requests.csv pins home but the person must be in the office (mandatory)");
    expect(result.stderr).toContain("198807072012011005 Agus Prasetyo (Dinas Kesehatan), 2021-07-22: requests.csv pins office but the person is on leave");
  });
});
