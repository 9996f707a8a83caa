/**
 * `generateScenario`: a complete, feasible synthetic scenario directory (scenario.json,
 * agencies.csv, employees.csv, leave.csv, optionally rules.csv), shaped by BKN statistics,
 * the same bytes for the same options. Employees are streamed: a million rows never sit in
 * memory at once.
 */
import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Rank } from "../domain/values.js";
import { formatMessage } from "../messages/index.js";
import {
  DEGREES, FEMALE_FIRST, FEMALE_LAST, FIXED_HOLIDAYS, FUNCTIONAL_TITLES, HEAD_POSITIONS, LEAVE_KINDS, MALE_FIRST,
  MALE_LAST, PELAKSANA_TITLES, PROVINCES, REGENCIES, STRUCTURAL_TITLES, type AgencyTemplate,
} from "./catalogue.js";
import { GenerateError } from "./errors.js";
import { resolveOptions, type CustomGovernment, type GenerateOptions, type ResolvedOptions } from "./options.js";
import { apportion, capOf, maxAgencies, minEmployees, planGovernment, type PlannedAgency } from "./plan.js";
import { Rng, cumulative, pickCumulative } from "./random.js";
import { TextFile, csvField } from "./writer.js";

export interface GenerateSummary {
  dir: string;
  /** The scenario's name, as in scenario.json. */
  name: string;
  start: string;
  end: string;
  workdays: number;
  holidays: string[];
  agencies: number;
  exemptAgencies: number;
  employees: number;
  leaveRows: number;
  ruleRows: number;
  /** Bytes of each file written. */
  files: Record<string, number>;
  bytes: number;
}

/** Shares of all staff (BKN, December 2021); eselon V is folded into eselon IV. */
const STRUCTURAL_SHARE = 0.11;
const RANK_SHARES: ReadonlyArray<readonly [Rank, number]> = [
  ["eselon_2", STRUCTURAL_SHARE * 0.05],
  ["eselon_3", STRUCTURAL_SHARE * 0.22],
  ["eselon_4", STRUCTURAL_SHARE * 0.73],
  ["fungsional", 0.51],
  ["pelaksana", 0.38],
];
/** Age bands of PNS (2023): under 31, 31-40, 41-50, 51-60. */
const AGE_BANDS: ReadonlyArray<readonly [number, number]> = [[21, 30], [31, 40], [41, 50], [51, 60]];
const AGE_SHARES = [0.09, 0.24, 0.33, 0.34];
const WOMEN_SHARE = 0.54;
/** Of women under 40. */
const PREGNANT_SHARE = 0.025;
/** By age band; about 5 % overall. */
const COMORBID_BY_BAND = [0.02, 0.03, 0.05, 0.08];
const HEALTH_PRIORITY_AGE = 50;
const ROTATING_EMPLOYMENT = ["pns", "pppk", "ptt"] as const;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

interface Horizon {
  start: string;
  end: string;
  days: string[];
  holidays: string[];
}

/** Monday `start` to the Friday of the last week; fixed-date national holidays removed. */
export function horizon(start: string, weeks: number): Horizon {
  const first = dayOf(start);
  const last = first + 7 * weeks - 3;
  const days: string[] = [];
  const holidays: string[] = [];
  for (let d = first; d <= last; d++) {
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const iso = isoOf(d);
    (FIXED_HOLIDAYS.includes(iso.slice(5)) ? holidays : days).push(iso);
  }
  return { start, end: isoOf(last), days, holidays };
}

interface Government {
  label: string;
  agencies: PlannedAgency[];
}

/** Every Monday-Friday from `start` to `end` not in `holidays` (a horizon of any dates). */
export function horizonBetween(start: string, end: string, holidays: readonly string[]): Horizon {
  const off = new Set(holidays);
  const days: string[] = [];
  for (let d = dayOf(start); d <= dayOf(end); d++) {
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(isoOf(d))) days.push(isoOf(d));
  }
  return { start, end, days, holidays: [...holidays] };
}

/** A custom government's agencies as planned agencies (sizes and caps as given). */
function planCustom(o: ResolvedOptions, government: CustomGovernment): Government {
  const agencies = government.agencies.map((a): PlannedAgency => {
    const exempt = a.template.exempt === true;
    const capPercent = a.capPercent ?? null;
    return {
      id: a.template.code, name: a.template.name, template: a.template, level: government.level, size: a.size, exempt, capPercent,
      cap: exempt ? null : capOf(capPercent ?? o.capPercent, a.size), structure: a.structure, functionalShare: a.functionalShare,
    };
  });
  return { label: government.label, agencies };
}

/** The agencies of the whole scenario: one province, one regency, or several provinces. */
function planScenario(o: ResolvedOptions, rng: Rng): Government {
  if (o.government !== undefined) return planCustom(o, o.government);
  const base = { employees: o.employees, agencies: o.agencies, capPercent: o.capPercent, idPrefix: "", nameSuffix: "" };
  if (o.preset === "province") {
    const [, province] = rng.pick(PROVINCES);
    return { label: `Provinsi ${province}`, agencies: planGovernment({ ...base, level: "prov" }, rng) };
  }
  if (o.preset === "regency") {
    return { label: `Kabupaten ${rng.pick(REGENCIES)}`, agencies: planGovernment({ ...base, level: "kab" }, rng) };
  }
  // National: provinces of about 35,000 staff each (Jawa Barat's provincial government had 37,292).
  const perProvince = maxAgencies("prov");
  let count = Math.min(PROVINCES.length, Math.max(1, Math.round(o.employees / 35_000)));
  if (o.agencies !== undefined) count = Math.min(Math.max(count, Math.ceil(o.agencies / perProvince)), o.agencies, PROVINCES.length);
  if (o.agencies !== undefined && o.agencies > count * perProvince) {
    throw new GenerateError("generate.too_many_agencies", { agencies: o.agencies, max: PROVINCES.length * perProvince });
  }
  const chosen = rng.shuffle([...PROVINCES]).slice(0, count).sort((a, b) => a[0].localeCompare(b[0]));
  const weights = chosen.map(() => Math.exp(0.7 * rng.normal()));
  const agencyCounts = o.agencies === undefined ? null : apportion(o.agencies - count, weights).map((k) => k + 1);
  const mins = chosen.map((_, i) => minEmployees("prov", agencyCounts?.[i] ?? 1, o.capPercent));
  const needed = mins.reduce((a, b) => a + b, 0);
  if (o.employees < needed) {
    throw new GenerateError("generate.too_few_employees", { employees: o.employees, agencies: o.agencies ?? count, needed, cap: o.capPercent });
  }
  const sizes = apportion(o.employees - needed, weights).map((x, i) => x + mins[i]);
  const agencies = chosen.flatMap(([code, name], i) =>
    planGovernment({ ...base, level: "prov", employees: sizes[i], agencies: agencyCounts?.[i], idPrefix: `${code}-`, nameSuffix: ` Provinsi ${name}` }, rng),
  );
  return { label: `Indonesia, ${count} provinsi`, agencies };
}

/** Counts kept while an agency's people are written, to choose rules that can hold. */
export interface AgencyTally {
  /** In the office every day: the head and honorer staff. */
  fixed: number;
  fixedOnLeave: number;
  e3Total: number;
  e3Fixed: number;
  e3NoLeave: number;
  e4NoLeave: number;
  /** Rotating implementing staff of the front-desk unit, never on leave. */
  serviceNoLeave: number;
  /** Rotating staff below eselon III never on leave: who fills a min_office floor. */
  fillersNoLeave: number;
}

/** Per-rank probabilities for everyone but the heads, so that heads included the mix matches BKN's. */
function rankTable(agencies: PlannedAgency[], employees: number): { ranks: Rank[]; cum: number[] } {
  const heads = new Map<Rank, number>();
  for (const a of agencies) {
    let rank = a.template.headRank[a.level];
    if (rank === "eselon_1") rank = "eselon_2";
    heads.set(rank, (heads.get(rank) ?? 0) + 1);
  }
  const weights = RANK_SHARES.map(([rank, share]) => Math.max(0, share * employees - (heads.get(rank) ?? 0)));
  return { ranks: RANK_SHARES.map(([rank]) => rank), cum: cumulative(weights) };
}

/** Age-band weights for non-structural staff, so that with structural staff (31 and over) the total matches. */
function nonStructuralAgeCum(): number[] {
  const olderTotal = AGE_SHARES[1] + AGE_SHARES[2] + AGE_SHARES[3];
  const structural = [0, AGE_SHARES[1] / olderTotal, AGE_SHARES[2] / olderTotal, AGE_SHARES[3] / olderTotal];
  return cumulative(AGE_SHARES.map((t, b) => (t - STRUCTURAL_SHARE * structural[b]) / (1 - STRUCTURAL_SHARE)));
}

function titles(t: AgencyTemplate, rank: "eselon_2" | "eselon_3" | "eselon_4"): readonly string[] {
  const table = STRUCTURAL_TITLES[rank];
  return (t.code === "SETDA" ? table.setda : table[t.category]) ?? table.default;
}

/**
 * Write a synthetic scenario to `outDir` (created if needed; files replaced atomically) and
 * say what was written. Same options, same bytes.
 *
 * @example await generateScenario({ employees: 20_000, seed: 7 }, "out/jabar") //=> { agencies: 41, employees: 20000, workdays: 20, ... }
 */
export async function generateScenario(options: GenerateOptions, outDir: string): Promise<GenerateSummary> {
  const o = resolveOptions(options);
  const planRng = new Rng(o.seed);
  const rng = new Rng((o.seed ^ 0x5bd1e995) >>> 0);
  const cal = o.end === undefined ? horizon(o.start, o.weeks) : horizonBetween(o.start, o.end, o.holidays ?? []);
  const government = planScenario(o, planRng);
  const agencies = government.agencies;

  await mkdir(outDir, { recursive: true });
  const files = {
    scenario: new TextFile(outDir, "scenario.json"),
    agencies: new TextFile(outDir, "agencies.csv"),
    employees: new TextFile(outDir, "employees.csv"),
    leave: new TextFile(outDir, "leave.csv"),
    ...(o.rules ? { rules: new TextFile(outDir, "rules.csv") } : {}),
  };
  const all: TextFile[] = Object.values(files);
  try {
    const counts = await writePeople(o, cal, agencies, rng, files);
    const name = formatMessage("generate.scenario_name", { government: government.label, seed: o.seed }, o.lang);
    const scenario = {
      name,
      start: cal.start,
      end: cal.end,
      workdays: ["mon", "tue", "wed", "thu", "fri"],
      holidays: cal.holidays,
      officeCap: { percent: o.capPercent },
      rotation: o.rotation,
      mandatory: { ranks: [], positions: [...HEAD_POSITIONS] },
      rotating: { employment: [...ROTATING_EMPLOYMENT] },
      healthPriority: { minAge: HEALTH_PRIORITY_AGE, pregnant: true, comorbid: true },
      notes: formatMessage("generate.notes", { seed: o.seed, preset: o.preset }, o.lang),
    };
    await files.scenario.write(`${JSON.stringify(scenario, null, 2)}\n`);
    for (const f of all) await f.close();
    for (const f of all) await f.commit();
    if (!o.rules) await unlink(join(outDir, "rules.csv")).catch(() => undefined); // a stale one would change the scenario
    const sizes = Object.fromEntries(all.map((f) => [f.name, f.bytes]));
    return {
      dir: outDir,
      name,
      start: cal.start,
      end: cal.end,
      workdays: cal.days.length,
      holidays: cal.holidays,
      agencies: agencies.length,
      exemptAgencies: agencies.filter((a) => a.exempt).length,
      employees: o.employees,
      leaveRows: counts.leaveRows,
      ruleRows: counts.ruleRows,
      files: sizes,
      bytes: Object.values(sizes).reduce((a, b) => a + b, 0),
    };
  } catch (error) {
    await Promise.all(all.map((f) => f.discard()));
    throw error;
  }
}

interface Files {
  agencies: TextFile;
  employees: TextFile;
  leave: TextFile;
  rules?: TextFile;
}

/** Stream employees.csv and leave.csv agency by agency; then agencies.csv and rules.csv from the tallies. */
async function writePeople(o: ResolvedOptions, cal: Horizon, agencies: PlannedAgency[], rng: Rng, files: Files): Promise<{ leaveRows: number; ruleRows: number }> {
  const { ranks, cum: rankCum } = rankTable(agencies, o.employees);
  const youngCum = nonStructuralAgeCum();
  const olderCum = cumulative([0, AGE_SHARES[1], AGE_SHARES[2], AGE_SHARES[3]]);
  const seniorCum = cumulative([0, 0, AGE_SHARES[2], AGE_SHARES[3]]);
  const n = cal.days.length;

  // Birth dates: the day each age was reached on `start`, less 0-364 days; texts cached by day.
  const [sy, sm, sd] = o.start.split("-").map(Number);
  const anniversary = Array.from({ length: 100 }, (_, age) => Date.UTC(sy - age, sm - 1, sd) / DAY_MS);
  const oldest = anniversary[99];
  const dateText: string[] = [];
  const formatDay = (day: number) => (dateText[day - oldest] ??= isoOf(day));

  const width = Math.max(6, String(o.employees).length);
  // NIPs draw from their own stream, so the rest of the scenario is the same with or without them.
  const nips = o.nip ? nipMaker(new Rng((o.seed ^ 0x27d4eb2f) >>> 0), o.start) : null;
  let serial = 0;
  let leaveRows = 0;
  let ruleRows = 0;
  const agencyLines: string[] = [];
  const ruleLines: string[] = [];
  await files.employees.write("employee_id,name,agency_id,rank,position,employment,birth_date,unit,pregnant,comorbid\n");
  await files.leave.write("employee_id,from,to,kind\n");

  for (const agency of agencies) {
    const t = agency.template;
    const agencyCell = csvField(agency.id);
    const units = (t.units?.[agency.level] ?? []).map(csvField);
    const fieldUnits = (t.fieldUnits?.[agency.level] ?? []).map(csvField);
    const serviceUnit = t.serviceUnit === undefined ? "" : csvField(t.serviceUnit);
    const functional = FUNCTIONAL_TITLES[t.field].map(csvField);
    const degrees = DEGREES[t.field];
    const structural = { eselon_2: titles(t, "eselon_2"), eselon_3: titles(t, "eselon_3"), eselon_4: titles(t, "eselon_4") };
    // Honorer staff are in the office every day: keep them to half of what the cap leaves after the head.
    let honorerRoom = agency.cap === null ? Infinity : Math.floor((agency.cap - 1) / 2);
    // A custom structure: its ranks first, then fungsional or pelaksana by the agency's share.
    const deck = agency.structure === undefined ? null : Object.entries(agency.structure).flatMap(([rank, count]) => Array<Rank>(count ?? 0).fill(rank as Rank));
    const functionalShare = agency.functionalShare ?? 0.51 / 0.89;
    const drawRest = (u: number): Rank => (u < functionalShare ? "fungsional" : "pelaksana");
    const tally: AgencyTally = { fixed: 0, fixedOnLeave: 0, e3Total: 0, e3Fixed: 0, e3NoLeave: 0, e4NoLeave: 0, serviceNoLeave: 0, fillersNoLeave: 0 };

    for (let i = 0; i < agency.size; i++) {
      const head = i === 0;
      const rank: Rank = head ? t.headRank[agency.level] : deck ? deck[i - 1] ?? drawRest(rng.next()) : ranks[pickCumulative(rankCum, rng.next())];
      const female = rng.next() < WOMEN_SHARE;

      let age: number;
      if (head) age = rng.int(45, 58);
      else {
        const bandCum = rank === "eselon_2" ? seniorCum : rank === "fungsional" || rank === "pelaksana" ? youngCum : olderCum;
        const [lo, hi] = AGE_BANDS[pickCumulative(bandCum, rng.next())];
        age = rng.int(lo, hi);
      }
      const band = age <= 30 ? 0 : age <= 40 ? 1 : age <= 50 ? 2 : 3;
      const birth = formatDay(anniversary[age] - rng.int(0, 364));
      const pregnant = female && age < 40 && rng.next() < PREGNANT_SHARE;
      const comorbid = rng.next() < COMORBID_BY_BAND[band];

      let employment = "pns";
      if (rank === "fungsional") employment = rng.next() < 0.15 ? "pppk" : "pns";
      else if (rank === "pelaksana") {
        const u = rng.next();
        employment = u < 0.78 ? "pns" : u < 0.9 ? "pppk" : u < 0.94 ? "ptt" : "honorer";
        if (employment === "honorer" && honorerRoom <= 0) employment = "ptt";
        if (employment === "honorer") honorerRoom--;
      }

      let position: string;
      let unit = "";
      if (head) position = t.head;
      else {
        if (rank === "fungsional") position = functional[Math.floor(rng.next() * functional.length)];
        else if (rank === "pelaksana") position = PELAKSANA_TITLES[Math.floor(rng.next() * PELAKSANA_TITLES.length)];
        else position = csvField(rng.pick(structural[rank as "eselon_2" | "eselon_3" | "eselon_4"]));
        if (rank === "fungsional" && fieldUnits.length > 0) unit = fieldUnits[Math.floor(rng.next() * fieldUnits.length)];
        else if (units.length > 0) unit = units[Math.floor(rng.next() * units.length)];
      }

      let name = female ? FEMALE_FIRST[Math.floor(rng.next() * FEMALE_FIRST.length)] : MALE_FIRST[Math.floor(rng.next() * MALE_FIRST.length)];
      if (rng.next() < 0.92) name += ` ${female ? FEMALE_LAST[Math.floor(rng.next() * FEMALE_LAST.length)] : MALE_LAST[Math.floor(rng.next() * MALE_LAST.length)]}`;
      if (age >= 45 && rng.next() < 0.08) name = `${female ? "Hj." : "H."} ${name}`;
      let nameCell: string;
      if (position.startsWith("Dokter")) nameCell = `dr. ${name}`;
      else if (rng.next() < (rank === "pelaksana" ? 0.25 : rank === "fungsional" ? 0.75 : 0.85)) {
        nameCell = `"${name}, ${degrees[Math.floor(rng.next() * degrees.length)]}"`;
      } else nameCell = name;

      serial++;
      const id = nips === null ? `E${String(serial).padStart(width, "0")}` : nips(birth, female);
      const pending = files.employees.write(
        `${id},${nameCell},${agencyCell},${rank},${position},${employment},${birth},${unit},${pregnant},${comorbid}\n`,
      );
      if (pending) await pending;

      let onLeave = false;
      if (o.leaveRate > 0 && rng.next() < o.leaveRate) {
        onLeave = true;
        const length = 1 + Math.floor(10 * rng.next() ** 2);
        const from = rng.int(0, n - 1);
        const to = Math.min(n - 1, from + length - 1);
        leaveRows++;
        const p = files.leave.write(`${id},${cal.days[from]},${cal.days[to]},${LEAVE_KINDS[Math.floor(rng.next() * LEAVE_KINDS.length)]}\n`);
        if (p) await p;
      }

      const fixed = head || employment === "honorer";
      if (fixed) {
        tally.fixed++;
        if (onLeave) tally.fixedOnLeave++;
      }
      if (rank === "eselon_3") {
        tally.e3Total++;
        if (fixed) tally.e3Fixed++;
        if (!onLeave) tally.e3NoLeave++;
      }
      if (!onLeave) {
        if (rank === "eselon_4") tally.e4NoLeave++;
        if (!fixed && rank === "pelaksana" && unit !== "" && unit === serviceUnit) tally.serviceNoLeave++;
        if (!fixed && rank !== "eselon_2" && rank !== "eselon_3") tally.fillersNoLeave++;
      }
    }

    const { rules, minOffice } = o.rules && agency.cap !== null ? chooseRules(agency.cap, tally, serviceUnit) : { rules: [], minOffice: null };
    for (const rule of rules) ruleLines.push(`${agencyCell},${rule}\n`);
    ruleRows += rules.length;
    const cells = [agencyCell, csvField(agency.name), String(agency.exempt), agency.capPercent === null ? "" : String(agency.capPercent)];
    if (o.rules) cells.push(minOffice === null ? "" : String(minOffice));
    agencyLines.push(`${cells.join(",")}\n`);
  }

  await files.agencies.write(`agency_id,name,exempt,cap_percent${o.rules ? ",min_office" : ""}\n${agencyLines.join("")}`);
  if (files.rules) await files.rules.write(`agency_id,unit,rank,min_per_day,max_per_day\n${ruleLines.join("")}`);
  return { leaveRows, ruleRows };
}

/**
 * Composition rules and a min_office floor that a roster can always meet: keeping the same
 * people in every day (the fixed staff, enough never-on-leave people for each rule's minimum,
 * fillers for the floor) stays within the cap, and rules match disjoint ranks. Budget: fixed
 * staff plus the rules' minimums at most the cap; the floor at most the cap less fixed staff on
 * leave, and no more than the fillers available.
 */
export function chooseRules(cap: number, tally: AgencyTally, serviceUnit: string): { rules: string[]; minOffice: number | null } {
  const rules: string[] = [];
  let budget = cap - tally.fixed;
  if (tally.e3NoLeave >= 2 && budget >= 1) {
    // At most half of eselon III in at once, never below what fixed staff and the minimum need.
    const max = tally.e3Total >= 4 ? Math.max(Math.ceil(tally.e3Total / 2), tally.e3Fixed + 1) : null;
    rules.push(`*,eselon_3,1,${max ?? ""}`);
    budget -= 1;
  }
  const e4 = tally.e4NoLeave >= 3 && budget >= 2 ? 2 : tally.e4NoLeave >= 2 && budget >= 1 ? 1 : 0;
  if (e4 > 0) {
    rules.push(`*,eselon_4,${e4},`);
    budget -= e4;
  }
  if (serviceUnit !== "" && tally.serviceNoLeave >= 2 && budget >= 1) {
    rules.push(`${serviceUnit},pelaksana,1,`);
    budget -= 1;
  }
  const floor = Math.min(Math.floor(cap / 3), cap - tally.fixedOnLeave, tally.fillersNoLeave);
  return { rules, minOffice: floor >= 1 ? floor : null };
}

/**
 * A maker of NIPs as BKN writes them (PP 11/2017): birth date `YYYYMMDD`, appointment (TMT
 * CPNS) `YYYYMM` between the 22nd and 35th birthday and not after `start`, sex `1` (man) or
 * `2` (woman), then a 3-digit sequence number that keeps the 18 digits unique.
 *
 * @example nipMaker(new Rng(1), "2021-07-19")("1975-11-21", false) //=> "197511211999101001" (appointment drawn)
 */
export function nipMaker(rng: Rng, start: string): (birth: string, female: boolean) => string {
  const taken = new Map<string, number>();
  const lastYear = Number(start.slice(0, 4));
  const lastMonth = Number(start.slice(5, 7));
  return (birth, female) => {
    const year = Number(birth.slice(0, 4));
    const month = Number(birth.slice(5, 7));
    let appointedYear = year + 22 + Math.floor(rng.next() * 14);
    let appointedMonth = 1 + Math.floor(rng.next() * 12);
    if (appointedYear * 12 + appointedMonth > lastYear * 12 + lastMonth) [appointedYear, appointedMonth] = [Math.max(year + 18, lastYear - 1), month];
    const prefix = `${birth.replace(/-/g, "")}${appointedYear}${String(appointedMonth).padStart(2, "0")}${female ? 2 : 1}`;
    const sequence = (taken.get(prefix) ?? 0) + 1;
    taken.set(prefix, sequence);
    return `${prefix}${String(sequence).padStart(3, "0")}`;
  };
}
