/**
 * fast-check generators of random valid compiled problems, small enough for the exact
 * per-person model: 1-2 agencies of 2-9 people, 5-10 workdays, daily or weekly rotation,
 * fixed / rotating / health-priority people, leave, caps, floors and composition rules.
 */
import fc from "fast-check";
import type { Rank } from "../../src/domain/values.js";
import type { Problem } from "../../src/domain/problem.js";
import { buildProblem, workdaysBetween, type PersonSpec, type AgencySpec } from "./problemBuilder.js";

const RANK_POOL: Rank[] = ["eselon_3", "eselon_4", "pelaksana", "fungsional"];

export interface ProblemShape {
  withLeave?: boolean;
  withRules?: boolean;
  withHistory?: boolean;
}

export function problemArbitrary(shape: ProblemShape = {}): fc.Arbitrary<Problem> {
  const person = fc.record({
    rank: fc.constantFrom(...RANK_POOL.slice(0, 3)),
    unit: fc.constantFrom("", "", "Umum"),
    attendance: fc.constantFrom("rotating", "rotating", "rotating", "rotating", "priority", "fixed") as fc.Arbitrary<"rotating" | "priority" | "fixed">,
    leaveStart: fc.integer({ min: 0, max: 9 }),
    leaveLength: shape.withLeave ? fc.constantFrom(0, 0, 0, 1, 2, 4) : fc.constant(0),
    history: shape.withHistory ? fc.constantFrom(0, 0, 1, 2, 5) : fc.constant(0),
  });
  const agency = fc.record({
    people: fc.array(person, { minLength: 2, maxLength: 9 }),
    capShare: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    minOffice: fc.constantFrom(0, 0, 1),
    exempt: fc.constantFrom(false, false, false, true),
    rule: shape.withRules ? fc.option(fc.record({ rank: fc.constantFrom(...RANK_POOL.slice(0, 3)), min: fc.constantFrom(0, 1), max: fc.constantFrom(null, 1, 2) })) : fc.constant(null),
  });
  return fc
    .record({
      agencies: fc.array(agency, { minLength: 1, maxLength: 2 }),
      rotation: fc.constantFrom("daily", "weekly") as fc.Arbitrary<"daily" | "weekly">,
      weeks: fc.constantFrom(1, 2),
      holiday: fc.option(fc.integer({ min: 0, max: 9 })),
    })
    .map(({ agencies, rotation, weeks, holiday }) => {
      let days = workdaysBetween("2021-07-19", weeks === 1 ? "2021-07-23" : "2021-07-30");
      if (holiday !== null && holiday < days.length) days = days.filter((_, i) => i !== holiday);
      const agencySpecs: AgencySpec[] = [];
      const people: PersonSpec[] = [];
      agencies.forEach((a, ai) => {
        const id = `A${ai}`;
        const fixed = a.people.filter((p) => p.attendance === "fixed").length;
        const cap = Math.max(fixed, Math.floor(a.capShare * a.people.length));
        agencySpecs.push({ id, exempt: a.exempt, cap: a.exempt ? null : cap, minOffice: a.exempt ? 0 : a.minOffice, rules: a.exempt || a.rule === null ? [] : [a.rule] });
        a.people.forEach((p, pi) => {
          const leave: number[] = [];
          for (let d = p.leaveStart; d < Math.min(days.length, p.leaveStart + p.leaveLength); d++) leave.push(d);
          people.push({ id: `${id}p${pi}`, agency: id, rank: p.rank, unit: p.unit, attendance: a.exempt ? "fixed" : p.attendance, leave, history: p.history });
        });
      });
      return buildProblem({ rotation, days, agencies: agencySpecs, people });
    });
}

/**
 * A scenario directory as raw text cells (what a planner writes), before any reading or
 * compiling: `scenario.json` as an object, each CSV as rows of strings keyed by column.
 * Written to disk by `test/helpers/scenarioFiles.ts`, so whole-pipeline properties run the
 * reader and the policy compiler too, and checked by `test/helpers/simpleChecker.ts`
 * straight from these cells.
 */
export interface ScenarioSpec {
  config: ScenarioJson;
  agencies: Array<Record<string, string>>;
  employees: Array<Record<string, string>>;
  rules: Array<Record<string, string>>;
  leave: Array<Record<string, string>>;
  history: Array<Record<string, string>>;
}

export interface ScenarioJson {
  name: string;
  start: string;
  end: string;
  workdays?: readonly string[];
  holidays?: string[];
  officeCap: { percent: number } | { count: number };
  rotation?: "daily" | "weekly";
  mandatory?: { ranks?: readonly string[]; positions?: readonly string[] };
  rotating?: { employment?: readonly string[] };
  healthPriority?: { minAge?: number; pregnant?: boolean; comorbid?: boolean };
  notes?: string;
}

export interface ScenarioShape {
  /** Most agencies (default 3) and most people per agency (default 8). */
  maxAgencies?: number;
  maxPeople?: number;
  /** Most calendar weeks (default 2). */
  maxWeeks?: number;
  withLeave?: boolean;
  withRules?: boolean;
  withHistory?: boolean;
  /** Names and ids that start like spreadsheet formulas (`=HYPERLINK(...)`, `+62...`, `@`, `-`). */
  hostileText?: boolean;
  /** Only daily or only weekly rotation; both when omitted. */
  rotation?: "daily" | "weekly";
}

const UNITS = ["Umum", "Pelayanan", ""];
const SPEC_RANKS = ["eselon_4", "pelaksana", "fungsional"] as const;
const TRUE_CELLS = ["true", "1", "ya", "TRUE"];
const FALSE_CELLS = ["false", "0", "tidak", ""];
const HOSTILE_NAMES = ['=HYPERLINK("http://evil.example","klik")', "+62 811 555", "-Budi", "@SUM(A1:A9)", "\tTab", '"Kutip", koma', "=1+1"];
const HOSTILE_IDS = ["=E", "+E", "-E", "@E"];

/** ISO date `days` after 2021-07-19 (a Monday). */
function dayAfterStart(days: number): string {
  const d = new Date(Date.UTC(2021, 6, 19 + days));
  return d.toISOString().slice(0, 10);
}

/** Indonesian Excel writes DD/MM/YYYY: the reader accepts both, so the generator writes both. */
function dateText(iso: string, indonesian: boolean): string {
  return indonesian ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/**
 * Random valid scenarios small enough for the exact per-person model: 1-3 agencies of 2-8
 * people, one or two calendar weeks, caps by percent and by count (scenario-wide and per
 * agency), exempt agencies, floors, mandatory positions, ranks and people, non-rotating
 * employment, health priority by age, pregnancy and comorbidity, composition rules by
 * agency, rank and unit, leave, history, holidays, daily or weekly rotation.
 *
 * Ranks and units come from small pools, so most agencies have a fairness group of two or
 * more rotating members; caps are 20-60 % of headcount, so they bind.
 */
export function scenarioArbitrary(shape: ScenarioShape = {}): fc.Arbitrary<ScenarioSpec> {
  const maxPeople = shape.maxPeople ?? 8;
  const person = fc.record({
    rank: fc.constantFrom(...SPEC_RANKS, "pelaksana", "pelaksana"),
    unit: fc.constantFrom(...UNITS),
    head: fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, true),
    employment: fc.constantFrom("pns", "pns", "pns", "pns", "pns", "pppk", "pppk", "ptt", "honorer"),
    old: fc.constantFrom(false, false, false, false, true),
    pregnant: fc.constantFrom(false, false, false, false, false, true),
    comorbid: fc.constantFrom(false, false, false, false, false, true),
    mandatory: fc.constantFrom(false, false, false, false, false, false, false, false, false, false, false, true),
    trueCell: fc.constantFrom(...TRUE_CELLS),
    falseCell: fc.constantFrom(...FALSE_CELLS),
    leave: shape.withLeave ? fc.option(fc.record({ from: fc.integer({ min: 0, max: 13 }), length: fc.integer({ min: 0, max: 4 }), indonesian: fc.boolean() }), { freq: 3 }) : fc.constant(null),
    history: shape.withHistory ? fc.constantFrom(null, 0, 1, 2, 3, 7) : fc.constant(null),
    hostileName: shape.hostileText ? fc.option(fc.constantFrom(...HOSTILE_NAMES), { freq: 2 }) : fc.constant(null),
    hostileId: shape.hostileText ? fc.option(fc.constantFrom(...HOSTILE_IDS), { freq: 3 }) : fc.constant(null),
  });
  const agency = fc.record({
    people: fc.array(person, { minLength: Math.min(3, maxPeople), maxLength: maxPeople }),
    exempt: fc.constantFrom(false, false, false, false, false, true),
    cap: fc.oneof(
      fc.constant(null),
      fc.record({ percent: fc.constantFrom(25, 33.5, 40, 50, 60) }),
      fc.record({ count: fc.integer({ min: 1, max: 4 }) }),
    ),
    minOffice: fc.constantFrom(null, null, null, null, 0, 1, 2),
    hostileId: shape.hostileText ? fc.boolean() : fc.constant(false),
  });
  const rule = fc.record({
    agency: fc.option(fc.nat({ max: 2 })),
    unit: fc.option(fc.constantFrom("Umum", "pelayanan", "")),
    rank: fc.option(fc.constantFrom(...SPEC_RANKS)),
    min: fc.constantFrom(null, null, 0, 1),
    max: fc.constantFrom(null, null, 1, 2, 3),
  });
  const rotation: fc.Arbitrary<"daily" | "weekly"> = shape.rotation ? fc.constant(shape.rotation) : fc.constantFrom("daily", "weekly");
  return fc
    .record({
      agencies: fc.array(agency, { minLength: 1, maxLength: shape.maxAgencies ?? 3 }),
      rotation,
      weeks: fc.integer({ min: 1, max: shape.maxWeeks ?? 2 }),
      /** Days cut from the last week's end, so horizons can end mid-week. */
      shortEnd: fc.constantFrom(0, 0, 0, 1, 3),
      workdays: fc.constantFrom(null, null, null, ["mon", "tue", "wed", "thu"], ["mon", "tue", "wed", "thu", "fri", "sat"]),
      holidays: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 2 }),
      officeCap: fc.oneof({ weight: 3, arbitrary: fc.record({ percent: fc.constantFrom(25, 30, 40, 50, 60) }) }, { weight: 1, arbitrary: fc.record({ count: fc.integer({ min: 2, max: 4 }) }) }),
      mandatoryPositions: fc.constantFrom(["Kepala Dinas"], ["  kepala dinas "], [], []),
      mandatoryRanks: fc.constantFrom([], [], [], [], ["eselon_4"]),
      rotatingEmployment: fc.constantFrom(null, null, ["pns", "pppk", "ptt"], ["pns", "pppk", "ptt", "honorer"]),
      health: fc.option(fc.record({ minAge: fc.option(fc.constantFrom(50, 55)), pregnant: fc.boolean(), comorbid: fc.boolean() }), { freq: 2 }),
      rules: shape.withRules ? fc.array(rule, { maxLength: 2 }) : fc.constant([]),
    })
    .map((s) => {
      const end = dayAfterStart(s.weeks * 7 - 1 - s.shortEnd);
      const config: ScenarioJson = {
        name: "random scenario",
        start: dayAfterStart(0),
        end,
        officeCap: s.officeCap,
        rotation: s.rotation,
        mandatory: { ranks: s.mandatoryRanks, positions: s.mandatoryPositions },
      };
      if (s.workdays !== null) config.workdays = s.workdays;
      const holidays = [...new Set(s.holidays.map(dayAfterStart))].filter((d) => d <= end);
      if (holidays.length > 0) config.holidays = holidays;
      if (s.rotatingEmployment !== null) config.rotating = { employment: s.rotatingEmployment };
      if (s.health !== null) {
        config.healthPriority = { pregnant: s.health.pregnant, comorbid: s.health.comorbid };
        if (s.health.minAge !== null) config.healthPriority.minAge = s.health.minAge;
      }
      const spec: ScenarioSpec = { config, agencies: [], employees: [], rules: [], leave: [], history: [] };
      let n = 0;
      s.agencies.forEach((a, ai) => {
        const agencyId = `${a.hostileId ? HOSTILE_IDS[ai % HOSTILE_IDS.length] : "A"}${ai}`;
        spec.agencies.push({
          agency_id: agencyId,
          name: `Dinas ${ai}`,
          exempt: a.exempt ? "true" : "false",
          cap_percent: a.cap !== null && "percent" in a.cap ? String(a.cap.percent).replace(".", ",") : "",
          cap_count: a.cap !== null && "count" in a.cap ? String(a.cap.count) : "",
          min_office: a.minOffice === null ? "" : String(a.minOffice),
        });
        for (const p of a.people) {
          const id = `${p.hostileId ?? "E"}${n++}`;
          const flag = (on: boolean) => (on ? p.trueCell : p.falseCell);
          spec.employees.push({
            employee_id: id,
            name: p.hostileName ?? `Pegawai ${id}`,
            agency_id: agencyId,
            rank: p.rank,
            position: p.head ? "Kepala Dinas" : "Staf",
            employment: p.employment,
            birth_date: p.old ? "1960-03-01" : "1990-07-20",
            unit: p.unit,
            pregnant: flag(p.pregnant),
            comorbid: flag(p.comorbid),
            mandatory: flag(p.mandatory),
          });
          if (p.leave !== null) {
            const from = dayAfterStart(p.leave.from);
            const to = dayAfterStart(p.leave.from + p.leave.length);
            spec.leave.push({ employee_id: id, from: dateText(from, p.leave.indonesian), to: dateText(to, false), kind: "cuti" });
          }
          if (p.history !== null) spec.history.push({ employee_id: id, office_days: String(p.history) });
        }
      });
      // A rule whose agency, unit or rank matches nobody is bad input (exit 1): only rules that match someone.
      const key = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
      const matchesSomeone = (r: (typeof s.rules)[number]) => spec.employees.some((e) =>
        (r.agency === null || r.agency >= spec.agencies.length || e.agency_id.trim() === spec.agencies[r.agency].agency_id.trim()) &&
        (r.unit === null || key(r.unit) === "" || key(e.unit) === key(r.unit)) &&
        (r.rank === null || e.rank === r.rank));
      for (const r of s.rules.filter(matchesSomeone)) {
        spec.rules.push({
          agency_id: r.agency === null || r.agency >= spec.agencies.length ? "*" : spec.agencies[r.agency].agency_id,
          unit: r.unit === null ? "*" : r.unit,
          rank: r.rank === null ? "*" : r.rank,
          min_per_day: r.min === null ? "" : String(r.min),
          max_per_day: r.max === null || (r.min !== null && r.max < r.min) ? "" : String(r.max),
        });
      }
      return spec;
    });
}

export interface RealisticShape {
  /** Fewest and most rotating people in the agency (default 20-80). */
  minPeople?: number;
  maxPeople?: number;
  rotation?: "daily" | "weekly";
  /** Composition rules in about half the agencies (several, some with min = max, on small units). */
  withRules?: boolean;
  withHistory?: boolean;
  withLeave?: boolean;
}

/**
 * One agency at the sizes planners have (DESIGN "Tests at real sizes"): 20-80 rotating people
 * in four ranks and one to four units (some of 1-3 people), a few fixed and health-priority
 * people, leave on 5-15 % of people, history (with its `workdays`) on about a third, and in
 * about half the agencies several composition rules, rank and unit, some exact (min = max),
 * as in the families where the first solver missed the optimum. One or two weeks.
 */
export function realisticAgencyArbitrary(shape: RealisticShape = {}): fc.Arbitrary<Problem> {
  const minPeople = shape.minPeople ?? 20;
  const maxPeople = shape.maxPeople ?? 80;
  const ranks: Rank[] = ["eselon_3", "eselon_4", "fungsional", "pelaksana"];
  return fc
    .record({
      people: fc.integer({ min: minPeople, max: maxPeople }),
      units: fc.integer({ min: 1, max: 4 }),
      smallUnit: fc.boolean(),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      capShare: fc.double({ min: 0.2, max: 0.6, noNaN: true }),
      weeks: fc.constantFrom(1, 2),
      holiday: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 3 }),
      rotation: shape.rotation ? fc.constant(shape.rotation) : (fc.constantFrom("daily", "daily", "weekly") as fc.Arbitrary<"daily" | "weekly">),
      leaveShare: shape.withLeave === false ? fc.constant(0) : fc.double({ min: 0.05, max: 0.15, noNaN: true }),
      historyShare: shape.withHistory === false ? fc.constant(0) : fc.constantFrom(0, 0.33, 0.33),
      rules: shape.withRules === false ? fc.constant(0) : fc.constantFrom(0, 0, 1, 2, 3),
    })
    .map((o) => {
      // A small deterministic generator from the drawn seed: the shrinker still shrinks the shape.
      let state = o.seed;
      const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
      let days = workdaysBetween("2021-07-19", o.weeks === 1 ? "2021-07-23" : "2021-07-30");
      if (o.holiday !== null && o.holiday < days.length) days = days.filter((_, i) => i !== o.holiday);
      const units = Array.from({ length: o.units }, (_, i) => `U${i}`);
      const people: PersonSpec[] = [];
      const fixed = 1 + Math.floor(rand() * 3);
      const priority = Math.floor(rand() * 4);
      const total = o.people + fixed + priority;
      for (let i = 0; i < total; i++) {
        const attendance = i < fixed ? "fixed" : i < fixed + priority ? "priority" : "rotating";
        // The small unit (when drawn) holds 1-3 people; the rest spread over the other units.
        const unit = o.smallUnit && o.units > 1 && i % 17 === 3 ? units[0] : pick(units.slice(o.smallUnit && o.units > 1 ? 1 : 0));
        const leave: number[] = [];
        if (rand() < o.leaveShare) {
          const from = Math.floor(rand() * days.length);
          const length = 1 + Math.floor(rand() * 4);
          for (let d = from; d < Math.min(days.length, from + length); d++) leave.push(d);
        }
        const withHistory = rand() < o.historyShare;
        people.push({
          id: `P${String(i).padStart(3, "0")}`, agency: "A", rank: i < fixed ? "eselon_2" : pick(ranks), unit, attendance, leave,
          ...(withHistory ? { history: Math.floor(rand() * 15), priorWorkdays: 10 + Math.floor(rand() * 15) } : {}),
        });
      }
      const rules: NonNullable<AgencySpec["rules"]> = [];
      for (let r = 0; r < o.rules; r++) {
        const byUnit = rand() < 0.5;
        const exact = rand() < 0.5;
        const min = Math.floor(rand() * 3);
        const max = exact ? min : rand() < 0.5 ? null : min + 1 + Math.floor(rand() * 3);
        rules.push({ ...(byUnit ? { unit: pick(units) } : { rank: pick(ranks) }), min, max });
      }
      const cap = Math.max(fixed + 1, Math.floor(o.capShare * total));
      return buildProblem({ rotation: o.rotation, days, agencies: [{ id: "A", cap, minOffice: 0, rules }], people });
    });
}
