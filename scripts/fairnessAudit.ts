/**
 * An independent audit of a roster's fairness: does everyone take turns?
 *
 *   node dist/scripts/fairnessAudit.js <scenario-dir> <roster.csv> [--json]
 *
 * Reads the scenario directory and the long-form roster.csv (`employee_id,date,mode`) with
 * its own small CSV reader and derives who rotates, who is health priority and who is always
 * in from the files themselves, following docs/fairness.md and docs/ (nothing is imported
 * from src/ or solver/, so a mistake there cannot hide here). Prints, per scenario:
 *
 * - the share of rotating, non-priority people more than 2 days from their fair share
 *   (weekly rotation: more than one week, the week's workday count);
 * - the (agency, rank, unit) groups whose members are owed at least 1 day on average in this
 *   horizon (fair share minus history) and got none, and how many people they hold;
 * - the share of people with leave more than 2 days (one week) from their share;
 * - the share of people with 4+ office days whose office days all fall on one weekday;
 * - the largest deviation from a fair share, in days;
 * - with the first two, how many are in agencies where a rules.csv rule binds on every
 *   workday (its minimum or maximum reached each day): there the rule, not the solver,
 *   bounds how fair the roster can be.
 *
 * Fair share (per agency, over its rotating, non-priority people p):
 *   share_p = (sum of history + office) * (avail_p + prior_p) / (sum of avail + prior).
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// ---------------------------------------------------------------------------------------------
// Reading

/** Rows of a CSV file as records keyed by the lower-cased header: BOM, CRLF, comma or semicolon, quotes. */
export function readCsv(path: string): Array<Record<string, string>> {
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  const rows = parseCsv(text, delimiter).filter((r) => !(r.length === 1 && r[0].trim() === ""));
  if (rows.length === 0) return [];
  const header = rows[0].map((h) => h.trim().toLowerCase());
  return rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? "").trim()])));
}

function count(text: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const TRUE = new Set(["true", "1", "ya", "yes", "y"]);

/** A boolean cell: true/1/ya (also yes/y); anything else, an empty cell included, is false. */
export function bool(cell: string | undefined): boolean {
  return cell !== undefined && TRUE.has(cell.trim().toLowerCase());
}

/** A date cell as ISO: YYYY-MM-DD, or DD/MM/YYYY as Indonesian Excel writes it. */
export function isoDate(cell: string): string {
  const s = cell.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, "0")}-${dmy[1].padStart(2, "0")}`;
  return s.slice(0, 10);
}

const ALIASES: Readonly<Record<string, string>> = { jpt_madya: "eselon_1", jpt_pratama: "eselon_2", administrator: "eselon_3", pengawas: "eselon_4" };

/** A rank cell as its canonical name (aliases of the 2014 law resolved). */
export function rankOf(cell: string): string {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return ALIASES[key] ?? key;
}

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function addDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Monday of the ISO date's week. */
function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Full years of age on `on` for someone born on `born` (both ISO). */
function ageOn(born: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  return on.slice(5) < born.slice(5) ? years - 1 : years;
}

/** A unit as a key: case and spacing ignored. */
export function unitKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/\s+/g, " ");
}

/** A mandatory position entry matches the start of `position` on word boundaries, case and spacing ignored; `/re/` is a regular expression. */
function positionMatcher(entries: readonly string[]): (position: string) => boolean {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
  const tests = entries.map((entry) => {
    const regex = /^\/(.*)\/([a-z]*)$/.exec(entry.trim());
    if (regex) {
      const re = new RegExp(regex[1], regex[2].includes("i") ? regex[2] : `${regex[2]}i`);
      return (p: string) => re.test(p);
    }
    const e = norm(entry);
    return (p: string) => {
      const n = norm(p);
      return e !== "" && n.startsWith(e) && (n.length === e.length || !/[\p{L}\p{N}]/u.test(n[e.length]));
    };
  });
  return (position) => tests.some((t) => t(position));
}

// ---------------------------------------------------------------------------------------------
// The scenario, as the audit sees it

type Attendance = "fixed" | "rotating" | "priority";

interface AuditPerson {
  id: string;
  agency: string;
  rank: string;
  /** The unit, case and spacing ignored ("Bidang  umum" and "bidang Umum" are one unit). */
  unit: string;
  attendance: Attendance;
  /** Workday indices on leave. */
  leave: Set<number>;
  history: number;
  prior: number;
}

/** A composition rule as rules.csv writes it (`*` = any; unit `each` = every unit apart). */
interface AuditRule {
  line: number;
  agency: string;
  unit: string;
  rank: string;
  min: number;
  max: number | null;
}

interface AuditScenario {
  rotation: string;
  rules: AuditRule[];
  exemptAgencies: Set<string>;
  /** Office time comes in whole weeks (weekly rotation, or teams taking turns by the week). */
  weeklyBlocks: boolean;
  days: string[];
  /** Workdays in a full week (the scenario's `workdays`). */
  weekLength: number;
  people: AuditPerson[];
}

/** Read a scenario directory into the audit's own terms. */
export function readAuditScenario(dir: string): AuditScenario {
  const config = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8").replace(/^\ufeff/, "")) as Record<string, unknown>;
  const start = isoDate(String(config.start));
  const end = isoDate(String(config.end));
  const workdays = (config.workdays as string[] | undefined) ?? ["mon", "tue", "wed", "thu", "fri"];
  const workSet = new Set(workdays.map((w) => WEEKDAY_NAMES.indexOf(w.trim().toLowerCase().slice(0, 3))));
  const holidays = new Set(((config.holidays as string[] | undefined) ?? []).map(isoDate));
  const days: string[] = [];
  for (let d = start; d <= end; d = addDay(d)) if (workSet.has(dayOfWeek(d)) && !holidays.has(d)) days.push(d);
  const mandatory = (config.mandatory as { ranks?: string[]; positions?: string[] } | undefined) ?? {};
  const mandatoryRanks = new Set((mandatory.ranks ?? []).map(rankOf));
  const mandatoryPosition = positionMatcher(mandatory.positions ?? []);
  const rotatingEmployment = (config.rotating as { employment?: string[] } | undefined)?.employment;
  const rotates = rotatingEmployment === undefined ? () => true : ((set) => (e: string) => set.has(e.trim().toLowerCase()))(new Set(rotatingEmployment.map((e) => e.toLowerCase())));
  const health = (config.healthPriority as { minAge?: number; pregnant?: boolean; comorbid?: boolean } | undefined) ?? {};

  const exemptAgencies = new Set(readCsv(join(dir, "agencies.csv")).filter((r) => bool(r.exempt)).map((r) => r.agency_id));
  const exemptUnits = new Set<string>();
  if (existsSync(join(dir, "units.csv"))) {
    for (const r of readCsv(join(dir, "units.csv"))) if (bool(r.exempt)) exemptUnits.add(`${r.agency_id}\u0000${unitKey(r.unit)}`);
  }

  const people: AuditPerson[] = readCsv(join(dir, "employees.csv")).map((r) => {
    const rank = rankOf(r.rank);
    const unit = unitKey(r.unit ?? "");
    let attendance: Attendance = "rotating";
    if (exemptAgencies.has(r.agency_id) || exemptUnits.has(`${r.agency_id}\u0000${unit}`)) attendance = "fixed";
    else if (bool(r.mandatory) || mandatoryRanks.has(rank) || mandatoryPosition(r.position ?? "")) attendance = "fixed";
    else if (!rotates(r.employment ?? "")) attendance = "fixed";
    else if (r.eligible !== undefined && r.eligible !== "" && !bool(r.eligible)) attendance = "fixed";
    else if (
      (health.minAge !== undefined && r.birth_date && ageOn(isoDate(r.birth_date), start) >= health.minAge) ||
      (health.pregnant === true && bool(r.pregnant)) ||
      (health.comorbid === true && bool(r.comorbid))
    ) attendance = "priority";
    return { id: r.employee_id, agency: r.agency_id, rank, unit, attendance, leave: new Set<number>(), history: 0, prior: 0 };
  });
  const byId = new Map(people.map((p) => [p.id, p]));

  if (existsSync(join(dir, "leave.csv"))) {
    for (const r of readCsv(join(dir, "leave.csv"))) {
      const p = byId.get(r.employee_id);
      if (p === undefined) continue;
      const [from, to] = [isoDate(r.from), isoDate(r.to)];
      days.forEach((d, i) => {
        if (d >= from && d <= to) p.leave.add(i);
      });
    }
  }
  if (existsSync(join(dir, "history.csv"))) {
    for (const r of readCsv(join(dir, "history.csv"))) {
      const p = byId.get(r.employee_id);
      if (p === undefined) continue;
      p.history = Number(r.office_days) || 0;
      p.prior = r.workdays !== undefined && r.workdays !== "" ? Number(r.workdays) : days.length;
    }
  }
  const rules: AuditRule[] = [];
  if (existsSync(join(dir, "rules.csv"))) {
    readCsv(join(dir, "rules.csv")).forEach((r, i) => {
      const max = (r.max_per_day ?? "").trim();
      rules.push({
        line: i + 2, agency: (r.agency_id ?? "*").trim() || "*", unit: unitKey(r.unit || "*"), rank: (r.rank ?? "*").trim() === "*" || !r.rank ? "*" : rankOf(r.rank),
        min: Number(r.min_per_day || 0), max: max === "" ? null : Number(max),
      });
    });
  }
  const teams = config.teams as { period?: string } | undefined;
  const rotation = String(config.rotation ?? "daily");
  return { rotation, rules, exemptAgencies, weeklyBlocks: rotation === "weekly" || (rotation === "teams" && teams?.period === "week"), days, weekLength: workSet.size, people };
}

/** Office days per person and workday from a long-form roster: `office[person][day]`. */
export function readAuditRoster(path: string, scenario: AuditScenario): Map<string, Uint8Array> {
  const dayIndex = new Map(scenario.days.map((d, i) => [d, i]));
  const office = new Map<string, Uint8Array>();
  for (const r of readCsv(path)) {
    const d = dayIndex.get(isoDate(r.date));
    if (d === undefined) continue;
    const mode = (r.mode ?? "").trim().toLowerCase();
    if (mode !== "office" && mode !== "o") continue;
    let row = office.get(r.employee_id);
    if (row === undefined) office.set(r.employee_id, (row = new Uint8Array(scenario.days.length)));
    row[d] = 1;
  }
  return office;
}

// ---------------------------------------------------------------------------------------------
// The audit

export interface AuditFigures {
  scenario: string;
  rotation: string;
  workdays: number;
  /** Rotating, non-priority people (the pools of fair shares). */
  rotating: number;
  /** "More than this many days" counts as far from the share: 2, or the week's workday count in weekly rotation. */
  threshold: number;
  farFromShare: number;
  farFromSharePercent: number;
  /**
   * Of those, the people of agencies where a composition rule (rules.csv) binds on every
   * workday of this roster: its minimum reached and not exceeded, or its maximum reached. Where
   * such a rule holds a rank or unit, the others fill the rest of the cap: fairness is bounded by the rule.
   */
  farUnderBindingRules: number;
  /** Groups of an agency's rank and unit owed >= 1 day on average in this horizon that got no office day, and their people. */
  groupsWithout: number;
  peopleInGroupsWithout: number;
  /** Of those groups, the ones in agencies where a rule binds on every workday. */
  groupsWithoutUnderBindingRules: number;
  /** People of the pools with at least one leave day, and those of them far from their share. */
  withLeave: number;
  leaveFar: number;
  leaveFarPercent: number;
  /** People of the pools with 4+ office days, and those of them whose office days all fall on one weekday. */
  fourPlus: number;
  weekdayLocked: number;
  weekdayLockedPercent: number;
  /** Largest |history + office - share| in days, and who. */
  worstDeviation: number;
  worstEmployee: string | null;
}

/**
 * The agencies where some composition rule binds on every workday of the roster: the office
 * count of the people it matches (everyone, fixed staff included) is at its minimum (> 0) or
 * at its maximum each day. A rule with unit `each` is checked unit by unit.
 */
function agenciesWithBindingRules(scenario: AuditScenario, office: Map<string, Uint8Array>): Set<string> {
  const bound = new Set<string>();
  const days = scenario.days.length;
  const byAgency = new Map<string, AuditPerson[]>();
  for (const p of scenario.people) {
    const list = byAgency.get(p.agency) ?? [];
    list.push(p);
    byAgency.set(p.agency, list);
  }
  for (const [agency, people] of byAgency) {
    if (scenario.exemptAgencies.has(agency)) continue;
    for (const rule of scenario.rules) {
      if (rule.agency !== "*" && rule.agency !== agency) continue;
      const matching = people.filter((p) => rule.rank === "*" || rule.rank === p.rank);
      const units = rule.unit === "each" ? [...new Set(matching.map((p) => p.unit))] : [rule.unit];
      for (const unit of units) {
        const members = matching.filter((p) => unit === "*" || p.unit === unit);
        if (members.length === 0) continue;
        let atMin = rule.min > 0;
        let atMax = rule.max !== null;
        for (let d = 0; d < days && (atMin || atMax); d++) {
          let n = 0;
          for (const p of members) if (office.get(p.id)?.[d] === 1) n++;
          if (n > rule.min) atMin = false;
          if (rule.max === null || n < rule.max) atMax = false;
        }
        if (atMin || atMax) bound.add(agency);
      }
    }
  }
  return bound;
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);

/** Audit one roster against its scenario. */
export function auditRoster(dir: string, rosterPath: string): AuditFigures {
  const scenario = readAuditScenario(dir);
  const office = readAuditRoster(rosterPath, scenario);
  const days = scenario.days.length;
  const threshold = scenario.weeklyBlocks ? scenario.weekLength : 2;
  const weekday = scenario.days.map(dayOfWeek);

  const bound = agenciesWithBindingRules(scenario, office);
  const pools = new Map<string, AuditPerson[]>();
  for (const p of scenario.people) {
    if (p.attendance !== "rotating") continue;
    const pool = pools.get(p.agency) ?? [];
    pool.push(p);
    pools.set(p.agency, pool);
  }

  const f: AuditFigures = {
    scenario: dir, rotation: scenario.rotation, workdays: days, rotating: 0, threshold,
    farFromShare: 0, farFromSharePercent: 0, farUnderBindingRules: 0, groupsWithout: 0, peopleInGroupsWithout: 0, groupsWithoutUnderBindingRules: 0,
    withLeave: 0, leaveFar: 0, leaveFarPercent: 0, fourPlus: 0, weekdayLocked: 0, weekdayLockedPercent: 0,
    worstDeviation: 0, worstEmployee: null,
  };
  for (const [agency, pool] of pools) {
    const ruled = bound.has(agency);
    const officeDays = pool.map((p) => {
      const row = office.get(p.id);
      let n = 0;
      if (row) for (let d = 0; d < days; d++) if (row[d] === 1 && !p.leave.has(d)) n++;
      return n;
    });
    const weights = pool.map((p) => days - p.leave.size + p.prior);
    const weight = weights.reduce((a, b) => a + b, 0);
    const total = pool.reduce((s, p, i) => s + p.history + officeDays[i], 0);
    const groups = new Map<string, { owed: number; office: number; people: number }>();
    pool.forEach((p, i) => {
      const share = weight === 0 ? 0 : (total * weights[i]) / weight;
      const dev = p.history + officeDays[i] - share;
      f.rotating++;
      const far = Math.abs(dev) > threshold + 1e-9;
      if (far) f.farFromShare++;
      if (far && ruled) f.farUnderBindingRules++;
      if (p.leave.size > 0) {
        f.withLeave++;
        if (far) f.leaveFar++;
      }
      if (Math.abs(dev) > f.worstDeviation + 1e-9) {
        f.worstDeviation = Math.abs(dev);
        f.worstEmployee = p.id;
      }
      const key = `${p.rank}\u0000${p.unit}`;
      const g = groups.get(key) ?? { owed: 0, office: 0, people: 0 };
      g.owed += share - p.history;
      g.office += officeDays[i];
      g.people++;
      groups.set(key, g);
      if (officeDays[i] >= 4) {
        f.fourPlus++;
        const row = office.get(p.id)!;
        const seen = new Set<number>();
        for (let d = 0; d < days; d++) if (row[d] === 1 && !p.leave.has(d)) seen.add(weekday[d]);
        if (seen.size === 1) f.weekdayLocked++;
      }
    });
    for (const g of groups.values()) {
      if (g.office === 0 && g.owed / g.people >= 1 - 1e-9) {
        f.groupsWithout++;
        f.peopleInGroupsWithout += g.people;
        if (ruled) f.groupsWithoutUnderBindingRules++;
      }
    }
  }
  f.farFromSharePercent = pct(f.farFromShare, f.rotating);
  f.leaveFarPercent = pct(f.leaveFar, f.withLeave);
  f.weekdayLockedPercent = pct(f.weekdayLocked, f.fourPlus);
  f.worstDeviation = Math.round(f.worstDeviation * 100) / 100;
  return f;
}

/** The audit's table header and one row per audited scenario. */
export function auditTable(rows: readonly AuditFigures[]): string {
  const head = ["scenario", "rotation", "rotating", "far from share", "groups without", "leave far", "weekday-locked", "worst dev"];
  const body = rows.map((r) => [
    r.scenario, r.rotation, String(r.rotating),
    `${r.farFromSharePercent.toFixed(1)} % (${r.farFromShare}; > ${r.threshold} d; ${r.farUnderBindingRules} under rules)`,
    `${r.groupsWithout} (${r.peopleInGroupsWithout} people; ${r.groupsWithoutUnderBindingRules} under rules)`,
    `${r.leaveFarPercent.toFixed(1)} % (${r.leaveFar}/${r.withLeave})`,
    `${r.weekdayLockedPercent.toFixed(1)} % (${r.weekdayLocked}/${r.fourPlus})`,
    `${r.worstDeviation.toFixed(2)}${r.worstEmployee === null ? "" : ` (${r.worstEmployee})`}`,
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n") + "\n";
}

function main(argv: string[]): number {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  if (args.length !== 2) {
    process.stderr.write("usage: node dist/scripts/fairnessAudit.js <scenario-dir> <roster.csv> [--json]\n");
    return 1;
  }
  const figures = auditRoster(args[0], args[1]);
  process.stdout.write(json ? `${JSON.stringify(figures, null, 2)}\n` : auditTable([figures]));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main(process.argv.slice(2));
