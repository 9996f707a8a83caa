import { beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateScenario, GenerateError, HEAD_POSITIONS, horizon, type GenerateOptions, type GenerateSummary } from "../../src/generate/index.js";
import { FEMALE_FIRST, MALE_FIRST } from "../../src/generate/catalogue.js";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { LEAVE, OFFICE, HOME, ruleMatches, type Problem, type Roster } from "../../src/domain/problem.js";
import type { ScenarioInput } from "../../src/domain/scenario.js";

const FILES = ["agencies.csv", "employees.csv", "leave.csv", "scenario.json"];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "giliran-generate-"));
}

async function generate(options: GenerateOptions): Promise<{ dir: string; summary: GenerateSummary }> {
  const dir = tempDir();
  return { dir, summary: await generateScenario(options, dir) };
}

const share = (count: number, total: number) => count / total;

function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** First name without the titles written before it (H., Hj., dr.). */
function firstName(name: string): string {
  return name.replace(/^(dr\. |Hj?\. )+/, "").split(/[ ,]/)[0];
}

/**
 * A roster built without the solver, proving the scenario feasible: in each non-exempt agency
 * the same people are in the office every day (the fixed staff, enough never-on-leave people
 * for each rule's minimum, then enough for min_office, avoiding people a rule's maximum counts);
 * exempt agencies are all in. `verifyRoster` then checks every hard rule.
 */
function witnessRoster(problem: Problem): Roster {
  const days = problem.calendar.days.length;
  const modes = new Uint8Array(problem.people.length * days);
  const neverOnLeave = (p: number) => problem.people[p].leave === null;
  for (const agency of problem.agencies) {
    const inOffice = new Set<number>();
    for (const p of agency.people) if (agency.exempt || problem.people[p].attendance === "fixed") inOffice.add(p);
    if (!agency.exempt) {
      for (const rule of agency.rules) {
        const matching = agency.people.filter((p) => ruleMatches(rule, problem.people[p]) && neverOnLeave(p));
        let have = matching.filter((p) => inOffice.has(p)).length;
        for (const p of matching) {
          if (have >= rule.min) break;
          if (!inOffice.has(p)) {
            inOffice.add(p);
            have++;
          }
        }
      }
      const capped = agency.rules.filter((r) => r.max !== null);
      let present = [...inOffice].filter(neverOnLeave).length;
      for (const p of agency.people) {
        if (present >= agency.minOffice) break;
        if (inOffice.has(p) || !neverOnLeave(p) || capped.some((r) => ruleMatches(r, problem.people[p]))) continue;
        inOffice.add(p);
        present++;
      }
    }
    for (const p of agency.people) {
      const leave = problem.people[p].leave;
      for (let d = 0; d < days; d++) modes[p * days + d] = leave?.[d] ? LEAVE : inOffice.has(p) ? OFFICE : HOME;
    }
  }
  return { days, modes };
}

function expectFeasible(input: ScenarioInput): Problem {
  const problem = compile(input);
  const verification = verifyRoster(problem, witnessRoster(problem));
  expect(verification.violations.slice(0, 5)).toEqual([]);
  return problem;
}

describe("generateScenario: determinism", () => {
  it("writes the same bytes for the same options, and other bytes for another seed", async () => {
    const options: GenerateOptions = { employees: 3_000, seed: 42, preset: "regency", rules: true, rotation: "weekly" };
    const [a, b, c] = await Promise.all([generate(options), generate(options), generate({ ...options, seed: 43 })]);
    const files = [...FILES, "rules.csv"];
    for (const file of files) expect(readFileSync(join(a.dir, file)), file).toEqual(readFileSync(join(b.dir, file)));
    expect(a.summary).toEqual({ ...b.summary, dir: a.dir });
    expect(readFileSync(join(c.dir, "employees.csv"))).not.toEqual(readFileSync(join(a.dir, "employees.csv")));
    expect(JSON.parse(readFileSync(join(c.dir, "scenario.json"), "utf8")).notes).toContain("seed 43");
  });

  it("leaves no temporary files, and removes a stale rules.csv when rules are off", async () => {
    const dir = tempDir();
    await generateScenario({ employees: 500, seed: 1, rules: true }, dir);
    expect(existsSync(join(dir, "rules.csv"))).toBe(true);
    await generateScenario({ employees: 500, seed: 1 }, dir);
    expect(readdirSync(dir).sort()).toEqual(FILES);
  });

  it("reports the bytes it wrote", async () => {
    const { dir, summary } = await generate({ employees: 1_000, seed: 3 });
    for (const file of FILES) expect(summary.files[file], file).toBe(readFileSync(join(dir, file)).length);
    expect(summary.bytes).toBe(Object.values(summary.files).reduce((x, y) => x + y, 0));
  });
});

describe("generateScenario: a province of 20,000 people looks like BKN's statistics", () => {
  let input: ScenarioInput;
  let summary: GenerateSummary;
  let dir: string;
  beforeAll(async () => {
    ({ dir, summary } = await generate({ employees: 20_000, seed: 2021, rules: true }));
    input = await readScenario(dir);
  });

  it("is read back by readScenario with every row", () => {
    expect(input.employees).toHaveLength(20_000);
    expect(input.agencies).toHaveLength(summary.agencies);
    expect(input.leave).toHaveLength(summary.leaveRows);
    expect(input.rules).toHaveLength(summary.ruleRows);
    expect(summary.ruleRows).toBeGreaterThan(0);
    expect(input.config.officeCap).toEqual({ percent: 25 });
    expect(input.config.mandatory.positions).toEqual([...HEAD_POSITIONS]);
    expect(input.config.rotating.employment).toEqual(["pns", "pppk", "ptt"]);
    expect(input.config.notes).toMatch(/synthetic/i);
    expect(input.config.notes).toContain("seed 2021");
  });

  it("has 20 workdays from a Monday by default", () => {
    expect(summary).toMatchObject({ start: "2021-07-19", end: "2021-08-13", workdays: 20 });
    expect(input.config.start).toBe("2021-07-19");
  });

  it("mixes ranks as BKN counts them: structural 11 % (eselon I-II 5 %, III 22 %, IV 73 % of it), functional 51 %, implementing 38 %", () => {
    const count = (...ranks: string[]) => input.employees.filter((e) => ranks.includes(e.rank)).length;
    const structural = count("eselon_1", "eselon_2", "eselon_3", "eselon_4");
    expect(share(structural, 20_000)).toBeCloseTo(0.11, 2);
    expect(Math.abs(share(count("eselon_1", "eselon_2"), structural) - 0.05)).toBeLessThan(0.015);
    expect(Math.abs(share(count("eselon_3"), structural) - 0.22)).toBeLessThan(0.03);
    expect(Math.abs(share(count("eselon_4"), structural) - 0.73)).toBeLessThan(0.03);
    expect(Math.abs(share(count("fungsional"), 20_000) - 0.51)).toBeLessThan(0.015);
    expect(Math.abs(share(count("pelaksana"), 20_000) - 0.38)).toBeLessThan(0.015);
  });

  it("has BKN's age bands on the start date: 51-60 34 %, 41-50 33 %, 31-40 24 %, under 31 9 %", () => {
    const ages = input.employees.map((e) => ageOn(e.birth_date, "2021-07-19"));
    const band = (lo: number, hi: number) => share(ages.filter((a) => a >= lo && a <= hi).length, ages.length);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(60);
    expect(Math.abs(band(51, 60) - 0.34)).toBeLessThan(0.015);
    expect(Math.abs(band(41, 50) - 0.33)).toBeLessThan(0.015);
    expect(Math.abs(band(31, 40) - 0.24)).toBeLessThan(0.015);
    expect(Math.abs(band(0, 30) - 0.09)).toBeLessThan(0.015);
  });

  it("has 54 % women, a few pregnant (only women under 40), about 5 % comorbid", () => {
    expect(MALE_FIRST.filter((n) => FEMALE_FIRST.includes(n))).toEqual([]);
    const women = input.employees.filter((e) => FEMALE_FIRST.includes(firstName(e.name)));
    const men = input.employees.filter((e) => MALE_FIRST.includes(firstName(e.name)));
    expect(women.length + men.length).toBe(20_000);
    expect(Math.abs(share(women.length, 20_000) - 0.54)).toBeLessThan(0.015);
    const pregnant = input.employees.filter((e) => e.pregnant);
    expect(pregnant.every((e) => FEMALE_FIRST.includes(firstName(e.name)) && ageOn(e.birth_date, "2021-07-19") < 40)).toBe(true);
    const youngWomen = women.filter((e) => ageOn(e.birth_date, "2021-07-19") < 40).length;
    expect(share(pregnant.length, youngWomen)).toBeGreaterThan(0.01);
    expect(share(pregnant.length, youngWomen)).toBeLessThan(0.04);
    expect(Math.abs(share(input.employees.filter((e) => e.comorbid).length, 20_000) - 0.05)).toBeLessThan(0.01);
  });

  it("employs mostly PNS, some PPPK, a few PTT and honorer", () => {
    const of = (kind: string) => share(input.employees.filter((e) => e.employment === kind).length, 20_000);
    expect(of("pns")).toBeGreaterThan(0.75);
    expect(of("pppk")).toBeGreaterThan(0.08);
    expect(of("pppk")).toBeLessThan(0.18);
    expect(of("ptt") + of("honorer")).toBeGreaterThan(0.01);
    expect(of("ptt") + of("honorer")).toBeLessThan(0.08);
  });

  it("has one giant education office (60-75 %), the others far smaller, none below 12", () => {
    const sizes = new Map<string, number>();
    for (const e of input.employees) sizes.set(e.agency_id, (sizes.get(e.agency_id) ?? 0) + 1);
    const ranked = [...sizes].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe("DISDIK");
    expect(share(ranked[0][1], 20_000)).toBeGreaterThanOrEqual(0.6);
    expect(share(ranked[0][1], 20_000)).toBeLessThanOrEqual(0.75);
    expect(share(ranked[1][1], 20_000)).toBeLessThan(0.1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(12);
    expect(sizes.size).toBe(input.agencies.length);
    expect(input.agencies.length).toBeGreaterThanOrEqual(23);
  });

  it("has a secretariat, a council secretariat, an inspectorate, real dinas and badan, and exempt hospitals", () => {
    const ids = input.agencies.map((a) => a.agency_id);
    expect(ids).toEqual(expect.arrayContaining(["SETDA", "SETWAN", "INSPEKTORAT", "DISDIK", "DINKES", "BAPENDA", "BPBD", "SATPOLPP"]));
    const exempt = input.agencies.filter((a) => a.exempt);
    expect(exempt.length).toBeGreaterThan(0);
    expect(exempt.every((a) => a.agency_id.startsWith("RSUD-") && a.name.startsWith("Rumah Sakit"))).toBe(true);
    expect(input.agencies.filter((a) => !a.exempt).every((a) => !a.agency_id.startsWith("RSUD-"))).toBe(true);
    expect(input.agencies.find((a) => a.agency_id === "DP3AKB")?.name ?? "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana").toContain(",");
  });

  it("gives every agency exactly one head, of the rank its title carries", () => {
    const heads = input.employees.filter((e) => (HEAD_POSITIONS as readonly string[]).includes(e.position));
    expect(heads.map((h) => h.agency_id).sort()).toEqual(input.agencies.map((a) => a.agency_id).sort());
    const rankOf = (position: string) => heads.filter((h) => h.position === position).map((h) => h.rank);
    expect(new Set(rankOf("Kepala Dinas"))).toEqual(new Set(["eselon_2"]));
    expect(new Set(rankOf("Direktur"))).toEqual(new Set(["eselon_2"]));
    expect(rankOf("Sekretaris Daerah")).toEqual(["eselon_1"]);
  });

  it("puts about 3 % of people on leave for 1 to 10 workdays inside the horizon", () => {
    expect(Math.abs(share(input.leave.length, 20_000) - 0.03)).toBeLessThan(0.008);
    const days = horizon("2021-07-19", 4).days;
    for (const l of input.leave) {
      const from = days.indexOf(l.from);
      const to = days.indexOf(l.to);
      expect(from, l.from).toBeGreaterThanOrEqual(0);
      expect(to - from + 1).toBeGreaterThanOrEqual(1);
      expect(to - from + 1).toBeLessThanOrEqual(10);
    }
    expect(new Set(input.leave.map((l) => l.employee_id)).size).toBe(input.leave.length);
  });

  it("quotes names with a degree after a comma, and only those", () => {
    const lines = readFileSync(join(dir, "employees.csv"), "utf8").split("\n").slice(1, 2_001).filter(Boolean);
    const quoted = lines.filter((l) => l.includes('"'));
    expect(quoted.length).toBeGreaterThan(100);
    for (const line of quoted) expect(line).toMatch(/^E\d+,"[^",]+, [^"]+",/);
    expect(input.employees.some((e) => /, S\.Pd\.$/.test(e.name))).toBe(true);
  });

  it("is feasible: fixed staff and rule minimums fit under every cap, and a roster meeting every hard rule exists", () => {
    const problem = expectFeasible(input);
    for (const agency of problem.agencies) {
      if (agency.exempt) continue;
      const fixed = agency.people.filter((p) => problem.people[p].attendance === "fixed").length;
      const minimums = agency.rules.reduce((n, r) => n + r.min, 0);
      expect(fixed + minimums, agency.id).toBeLessThanOrEqual(agency.cap as number);
      expect(agency.minOffice, agency.id).toBeLessThanOrEqual(agency.cap as number);
    }
    expect(problem.agencies.filter((a) => a.rules.length > 0).length).toBeGreaterThan(5);
    expect(problem.agencies.filter((a) => a.minOffice > 0).length).toBeGreaterThan(5);
  });
});

describe("generateScenario: presets", () => {
  it("a regency has kecamatan offices headed by a camat (eselon III), exempt puskesmas, and a smaller education giant", async () => {
    const { dir } = await generate({ employees: 20_000, seed: 5, preset: "regency", rules: true, rotation: "weekly" });
    const input = await readScenario(dir);
    const kecamatan = input.agencies.filter((a) => a.name.startsWith("Kecamatan "));
    expect(kecamatan.length).toBeGreaterThanOrEqual(5);
    expect(kecamatan.every((a) => !a.exempt)).toBe(true);
    const camat = input.employees.filter((e) => e.position === "Camat");
    expect(camat).toHaveLength(kecamatan.length);
    expect(camat.every((e) => e.rank === "eselon_3")).toBe(true);
    const puskesmas = input.agencies.filter((a) => a.name.startsWith("UPTD Puskesmas "));
    expect(puskesmas.length).toBeGreaterThanOrEqual(5);
    expect(puskesmas.every((a) => a.exempt)).toBe(true);
    const education = input.employees.filter((e) => e.agency_id === "DISDIK").length;
    expect(share(education, 20_000)).toBeGreaterThanOrEqual(0.4);
    expect(share(education, 20_000)).toBeLessThanOrEqual(0.55);
    expect(input.config.rotation).toBe("weekly");
    expectFeasible(input);
  });

  it("national: several provinces, ids and names carrying the province, each with its own giant education office", async () => {
    const { dir, summary } = await generate({ employees: 120_000, seed: 9, preset: "national" });
    const input = await readScenario(dir);
    const provinces = new Set(input.agencies.map((a) => a.agency_id.split("-")[0]));
    expect(provinces.size).toBeGreaterThanOrEqual(3);
    for (const code of provinces) {
      const sizes = new Map<string, number>();
      for (const e of input.employees) if (e.agency_id.startsWith(`${code}-`)) sizes.set(e.agency_id, (sizes.get(e.agency_id) ?? 0) + 1);
      const largest = [...sizes].sort((a, b) => b[1] - a[1])[0];
      expect(largest[0]).toBe(`${code}-DISDIK`);
    }
    expect(input.agencies.every((a) => / Provinsi /.test(a.name))).toBe(true);
    expect(summary.agencies).toBe(input.agencies.length);
    expectFeasible(input);
  });

  it("makes exactly the number of agencies asked", async () => {
    for (const [preset, agencies] of [["province", 5], ["regency", 60], ["national", 100]] as const) {
      const { summary } = await generate({ employees: 30_000, seed: 4, preset, agencies });
      expect(summary.agencies, preset).toBe(agencies);
    }
  });

  it("stays feasible with a tight cap, few employees and rules", async () => {
    for (const options of [
      { employees: 300, seed: 1, capPercent: 10, rules: true },
      { employees: 2_000, seed: 2, capPercent: 5, rules: true, preset: "regency" },
      { employees: 12, seed: 3, rules: true },
      { employees: 5_000, seed: 4, capPercent: 50, rules: true, rotation: "weekly", leaveRate: 0.3 },
    ] as GenerateOptions[]) {
      const { dir } = await generate(options);
      expectFeasible(await readScenario(dir));
    }
  });
});

describe("generateScenario: the calendar", () => {
  it("takes whole weeks from a Monday and drops fixed-date national holidays", () => {
    const week = horizon("2021-08-16", 1);
    expect(week).toEqual({ start: "2021-08-16", end: "2021-08-20", days: ["2021-08-16", "2021-08-18", "2021-08-19", "2021-08-20"], holidays: ["2021-08-17"] });
    expect(horizon("2021-07-19", 4).days).toHaveLength(20);
  });

  it("writes the holidays into scenario.json", async () => {
    const { dir, summary } = await generate({ employees: 100, seed: 1, start: "2024-04-29", weeks: 1 });
    expect(summary).toMatchObject({ workdays: 4, holidays: ["2024-05-01"] });
    expect(JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8")).holidays).toEqual(["2024-05-01"]);
  });
});

describe("generateScenario: options it cannot honour", () => {
  const rejects = async (options: GenerateOptions, code: string, values: Record<string, unknown> = {}) => {
    const error = await generateScenario(options, tempDir()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerateError);
    expect((error as GenerateError).code).toBe(code);
    expect((error as GenerateError).values).toMatchObject(values);
  };

  it("names the bad option", async () => {
    await rejects({ employees: 1.5, seed: 1 }, "generate.invalid_option", { option: "employees" });
    await rejects({ employees: 100, seed: -1 }, "generate.invalid_option", { option: "seed" });
    await rejects({ employees: 100, seed: 1, capPercent: 0 }, "generate.invalid_option", { option: "capPercent" });
    await rejects({ employees: 100, seed: 1, start: "2021-07-20" }, "generate.invalid_option", { option: "start", received: "2021-07-20" });
    await rejects({ employees: 100, seed: 1, weeks: 0 }, "generate.invalid_option", { option: "weeks" });
    await rejects({ employees: 100, seed: 1, leaveRate: 2 }, "generate.invalid_option", { option: "leaveRate" });
    await rejects({ employees: 100, seed: 1, preset: "city" as never }, "generate.invalid_option", { option: "preset" });
  });

  it("refuses agencies too small for their head to fit under the cap", async () => {
    await rejects({ employees: 11, seed: 1 }, "generate.too_few_employees", { needed: 12 });
    await rejects({ employees: 100, seed: 1, agencies: 20 }, "generate.too_few_employees", { agencies: 20, needed: 240 });
    await rejects({ employees: 100_000, seed: 1, agencies: 500 }, "generate.too_many_agencies", { agencies: 500 });
  });

  it("writes nothing when it refuses", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "keep.txt"), "x");
    await generateScenario({ employees: 100, seed: 1, agencies: 20 }, dir).catch(() => undefined);
    expect(readdirSync(dir)).toEqual(["keep.txt"]);
  });
});
