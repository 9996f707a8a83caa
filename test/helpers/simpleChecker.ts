/**
 * A deliberately simple second checker of the hard rules, written straight from DESIGN.md
 * "Semantics" over the raw cells of a `ScenarioSpec` and the text of `roster.csv`. It shares
 * no code with giliran (no reader, no compiler, no verifier), so a bug there cannot hide
 * itself from it. Plain loops, no speed tricks.
 */
import type { ScenarioSpec } from "./arbitraries.js";

const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const TRUE_WORDS = ["true", "1", "ya", "yes", "y"];

/** `YYYY-MM-DD` or `DD/MM/YYYY` to `YYYY-MM-DD`. */
function isoOf(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : t;
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(iso: string): string {
  return WEEKDAY_NAMES[new Date(`${iso}T00:00:00Z`).getUTCDay()];
}

/** The Monday on or before the date. */
function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

function isTrue(cell: string | undefined): boolean {
  return TRUE_WORDS.includes((cell ?? "").trim().toLowerCase());
}

/** The workdays of the scenario: every date from start to end on a workday, not a holiday. */
export function simpleWorkdays(spec: ScenarioSpec): string[] {
  const workdays = spec.config.workdays ?? ["mon", "tue", "wed", "thu", "fri"];
  const holidays = spec.config.holidays ?? [];
  const days: string[] = [];
  for (let d = spec.config.start; d <= spec.config.end; d = addDays(d, 1)) {
    if (workdays.includes(weekdayOf(d)) && !holidays.includes(d)) days.push(d);
  }
  return days;
}

/** Split one CSV line (no line breaks inside cells) into cells, undoing quotes. */
export function splitCsvLine(line: string, delimiter = ","): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Output cells of input text may carry a leading `'` (formula neutralization): take it off. */
function unneutralize(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** roster.csv as a map from employee id to date to mode. */
export function parseRosterCsv(text: string): Map<string, Map<string, string>> {
  const lines = text.replace(/^\uFEFF/, "").split("\n").filter((l) => l !== "");
  const modes = new Map<string, Map<string, string>>();
  for (const line of lines.slice(1)) {
    const [rawId, date, mode] = splitCsvLine(line);
    const id = unneutralize(rawId);
    if (!modes.has(id)) modes.set(id, new Map());
    modes.get(id)!.set(date, mode);
  }
  return modes;
}

/**
 * Every hard rule the roster breaks, one line each (empty when it keeps them all):
 * one mode per person per workday; leave days are leave and only those; exempt, mandatory
 * and non-rotating people are in the office on every other day; each non-exempt agency's
 * office count within [min_office, cap]; every composition rule; weekly rotation constant
 * within a Monday-based week.
 */
export function simpleViolations(spec: ScenarioSpec, rosterCsv: string): string[] {
  const out: string[] = [];
  const roster = parseRosterCsv(rosterCsv);
  const days = simpleWorkdays(spec);
  const config = spec.config;
  const mandatoryRanks = config.mandatory?.ranks ?? [];
  const mandatoryPositions = (config.mandatory?.positions ?? []).map((p) => p.trim().toLowerCase());
  const rotating = config.rotating?.employment ?? ["pns", "pppk", "ptt", "honorer"];

  // Rule 0: exactly one mode per person per workday, and nobody else.
  const ids = spec.employees.map((e) => e.employee_id.trim());
  for (const id of roster.keys()) if (!ids.includes(id)) out.push(`roster has unknown employee ${id}`);
  for (const id of ids) {
    const mine = roster.get(id);
    for (const day of days) {
      const mode = mine?.get(day);
      if (mode !== "office" && mode !== "home" && mode !== "leave") out.push(`${id} ${day}: mode ${mode}`);
    }
    if (mine && mine.size !== days.length) out.push(`${id}: ${mine.size} rows for ${days.length} workdays`);
  }

  for (const agency of spec.agencies) {
    const agencyId = agency.agency_id.trim();
    const exempt = isTrue(agency.exempt);
    const staff = spec.employees.filter((e) => e.agency_id.trim() === agencyId);
    for (const e of staff) {
      const id = e.employee_id.trim();
      const leaveDays = new Set<string>();
      for (const l of spec.leave) {
        if (l.employee_id.trim() !== id) continue;
        for (const day of days) if (day >= isoOf(l.from) && day <= isoOf(l.to)) leaveDays.add(day);
      }
      const fixed = exempt || isTrue(e.mandatory) || mandatoryRanks.includes(e.rank.trim()) || mandatoryPositions.includes(e.position.trim().toLowerCase()) || !rotating.includes(e.employment.trim().toLowerCase());
      for (const day of days) {
        const mode = roster.get(id)?.get(day);
        // Rule 1: leave days are leave, and only those.
        if (leaveDays.has(day) && mode !== "leave") out.push(`${id} ${day}: on leave but ${mode}`);
        if (!leaveDays.has(day) && mode === "leave") out.push(`${id} ${day}: leave without leave`);
        // Rule 2: exempt, mandatory and non-rotating people are in on every other day.
        if (fixed && !leaveDays.has(day) && mode !== "office") out.push(`${id} ${day}: must be in the office, is ${mode}`);
      }
      // Rule 5: weekly rotation: a rotating person's non-leave mode is constant within a week.
      if (config.rotation === "weekly" && !fixed) {
        const byWeek = new Map<string, Set<string>>();
        for (const day of days) {
          if (leaveDays.has(day)) continue;
          const week = mondayOf(day);
          if (!byWeek.has(week)) byWeek.set(week, new Set());
          byWeek.get(week)!.add(String(roster.get(id)?.get(day)));
        }
        for (const [week, modes] of byWeek) if (modes.size > 1) out.push(`${id} week of ${week}: modes ${[...modes].join("/")}`);
      }
    }
    if (exempt) continue;

    // Rule 3: office count per workday <= cap and >= min_office.
    let cap: number;
    if (agency.cap_count?.trim()) cap = Number(agency.cap_count);
    else if (agency.cap_percent?.trim()) cap = Math.floor((Number(agency.cap_percent.replace(",", ".")) * staff.length) / 100 + 1e-9);
    else if ("count" in config.officeCap) cap = config.officeCap.count;
    else cap = Math.floor((config.officeCap.percent * staff.length) / 100 + 1e-9);
    const minOffice = agency.min_office?.trim() ? Number(agency.min_office) : 0;
    for (const day of days) {
      const office = staff.filter((e) => roster.get(e.employee_id.trim())?.get(day) === "office");
      if (office.length > cap) out.push(`${agencyId} ${day}: ${office.length} in the office, cap ${cap}`);
      if (office.length < minOffice) out.push(`${agencyId} ${day}: ${office.length} in the office, min_office ${minOffice}`);
      // Rule 4: every composition rule that applies to this agency.
      for (const rule of spec.rules) {
        const ruleAgency = rule.agency_id.trim();
        if (ruleAgency !== "*" && ruleAgency !== "" && ruleAgency !== agencyId) continue;
        const unit = rule.unit.trim().toLowerCase();
        const rank = rule.rank.trim();
        const matching = office.filter((e) => (unit === "*" || unit === "" || (e.unit ?? "").trim().toLowerCase() === unit) && (rank === "*" || rank === "" || e.rank.trim() === rank)).length;
        const min = rule.min_per_day.trim() === "" ? 0 : Number(rule.min_per_day);
        const max = rule.max_per_day.trim() === "" ? Infinity : Number(rule.max_per_day);
        if (matching < min || matching > max) out.push(`${agencyId} ${day}: rule ${ruleAgency}/${rule.unit}/${rank} has ${matching}, wants [${min}, ${max}]`);
      }
    }
  }
  return out;
}
