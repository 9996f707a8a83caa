/**
 * Compile a validated scenario into a `Problem`: the calendar, each agency's cap, floor and
 * composition rules, and each person's attendance (fixed, rotating, health priority), leave
 * days and history. Everything the solver and the verifier need, nothing they must re-derive.
 */
import type { Agency, CompositionRule, Person, Problem, Attendance, FixedReason } from "../domain/problem.js";
import type { AgencyRow, ScenarioConfig, ScenarioInput } from "../domain/scenario.js";
import { compileDatedCaps } from "./datedCaps.js";
import { compileRequests } from "./requests.js";
import { InputError, type InputIssue } from "../domain/errors.js";
import { resolvePreset, type CapPreset } from "./presets.js";
import { bornBy, workdayCalendar } from "../calendar/workdays.js";
import { unitKey } from "../domain/values.js";
import { nominalWeekDays } from "../calendar/fullWeeks.js";
import { positionMatcher } from "../domain/positions.js";
import { nameKey } from "../domain/names.js";
import { EACH_UNIT, type UnitRow, type Lined } from "../domain/scenario.js";

/** `floor(P/100 * headcount)`, robust to binary fractions (30 % of 10 is 3, not 2). */
export function capFromPercent(percent: number, headcount: number): number {
  return Math.floor((percent * headcount) / 100 + 1e-9);
}

const NO_REASONS: string[] = [];

export function compile(input: ScenarioInput): Problem {
  const { config } = input;
  const calendar = workdayCalendar(config.start, config.end, config.workdays, config.holidays);
  if (calendar.days.length === 0) {
    throw new InputError([{ code: "input.no_workdays", file: "scenario.json", values: { file: "scenario.json", start: config.start, end: config.end, workdays: config.workdays.join(", ") } }]);
  }
  const dayIndex = new Map(calendar.days.map((d, i) => [d, i]));

  const headcount = new Map<string, number>();
  for (const e of input.employees) headcount.set(e.agency_id, (headcount.get(e.agency_id) ?? 0) + 1);
  const units = unitsByAgency(input);

  const capIssues: InputIssue[] = [];
  const scenarioCap = resolveScenarioCap(config, capIssues);
  const agencies: Agency[] = input.agencies.map((row, index) => {
    const exempt = row.exempt ?? false;
    const count = headcount.get(row.agency_id) ?? 0;
    // Staff of exempt units (units.csv) are in every day outside the agency's cap: the cap is
    // taken of the other staff, and the exempt units' staff are added to it.
    const inExemptUnits = units.get(row.agency_id)?.exemptHeadcount ?? 0;
    let cap: number | null = null;
    let capBasis = "exempt";
    const own = agencyCap(row, config, capIssues);
    if (!exempt) {
      if (own !== null) [cap, capBasis] = capOf(own, count - inExemptUnits);
      else if (scenarioCap !== null) [cap, capBasis] = capOf(scenarioCap, count - inExemptUnits);
      if (cap !== null && inExemptUnits > 0) [cap, capBasis] = [cap + inExemptUnits, `${capBasis} + ${inExemptUnits} of exempt units`];
    }
    return { index, id: row.agency_id, name: row.name, exempt, cap, capBasis, minOffice: exempt ? 0 : row.min_office ?? 0, headcount: count, people: [], rules: [] };
  });
  if (capIssues.length > 0) throw new InputError(capIssues);
  const agencyIndex = new Map(agencies.map((a) => [a.id, a.index]));

  // One spelling per unit: the first employees.csv gives (units match by `unitKey`), so rules,
  // fairness groups and metrics all see "Sekretariat" and "sekretariat " as one unit.
  const unitSpelling = new Map<string, string>();
  const spellingOf = new Map<string, string>();
  const unitOf = (raw: string): string => {
    let spelling = spellingOf.get(raw);
    if (spelling === undefined) {
      const key = unitKey(raw);
      spelling = unitSpelling.get(key);
      if (spelling === undefined) unitSpelling.set(key, (spelling = raw.trim()));
      spellingOf.set(raw, spelling);
    }
    return spelling;
  };
  const unitOfEmployee = input.employees.map((row) => unitOf(row.unit ?? ""));

  let namedUnits: Map<string, Map<string, Map<string, string>>> | undefined;
  for (const row of input.rules) {
    const unit = row.unit === null ? null : (unitSpelling.get(unitKey(row.unit)) ?? row.unit);
    const rule: CompositionRule = { line: row.line, unit, rank: row.rank, min: row.min_per_day ?? 0, max: row.max_per_day ?? null };
    const each = row.unit !== null && nameKey(row.unit) === EACH_UNIT;
    for (const agency of agencies) {
      // Exempt agencies never rotate: everyone is in, so composition rules do not bind them.
      if (agency.exempt || (row.agency_id !== null && row.agency_id !== agency.id)) continue;
      if (!each) {
        agency.rules.push(rule);
        continue;
      }
      // `each`: one rule per unit of the agency that has someone of the rule's rank, exempt units left out.
      const info = units.get(agency.id);
      for (const [key, spelling] of (namedUnits ??= unitsByRank(input)).get(agency.id)?.get(row.rank ?? "*") ?? []) {
        if (info?.exempt.has(key)) continue;
        agency.rules.push({ ...rule, unit: spelling });
      }
    }
  }
  // A unit's floor and cap (units.csv): one rule on that unit, any rank.
  for (const [agencyId, info] of units) {
    const agency = agencies[agencyIndex.get(agencyId) ?? -1];
    if (agency === undefined || agency.exempt) continue;
    for (const row of info.rows) {
      if (row.exempt === true) continue;
      const size = info.headcount.get(nameKey(row.unit)) ?? 0;
      const max = row.cap_count ?? (row.cap_percent === undefined ? null : capFromPercent(row.cap_percent, size));
      if (row.min_office === undefined && max === null) continue;
      agency.rules.push({ line: row.line, file: "units.csv", unit: info.spelling.get(nameKey(row.unit)) ?? row.unit, rank: null, min: row.min_office ?? 0, max });
    }
  }

  const warnings: InputIssue[] = [];
  const leaveDays = new Map<string, Uint8Array>();
  for (const row of input.leave) {
    if (row.to < config.start || row.from > config.end) {
      warnings.push({ code: "warn.leave_outside", file: "leave.csv", line: row.line, values: { employee: row.employee_id, from: row.from, to: row.to, start: config.start, end: config.end } });
      continue;
    }
    let days = leaveDays.get(row.employee_id);
    for (let d = 0; d < calendar.days.length; d++) {
      const date = calendar.days[d];
      if (date < row.from || date > row.to) continue;
      if (!days) leaveDays.set(row.employee_id, (days = new Uint8Array(calendar.days.length)));
      days[d] = 1;
    }
  }
  void dayIndex;
  const history = new Map(input.history.map((h) => [h.employee_id, h.office_days]));
  // An earlier period without a stated length counts as long as this one (DESIGN: prior_p).
  const priorWorkdays = new Map(input.history.map((h) => [h.employee_id, h.workdays ?? calendar.days.length]));

  const mandatoryRanks = new Set<string>(config.mandatory.ranks);
  // Word-prefix and /regex/ entries; each distinct spelling of a position is decided once.
  const isMandatoryPosition = positionMatcher(config.mandatory.positions);
  const positionMatched = new Uint8Array(agencies.length);
  const rotatingEmployment = new Set<string>(config.rotating.employment);
  const health = config.healthPriority;
  // Age on start >= minAge <=> born on or before this date (ISO strings compare as dates).
  const agedCutoff = health?.minAge === undefined ? null : bornBy(config.start, health.minAge);

  const people: Person[] = input.employees.map((row, index) => {
    const agency = agencies[agencyIndex.get(row.agency_id)!];
    agency.people.push(index);
    let fixedBy: FixedReason | null = null;
    const mandatoryPosition = isMandatoryPosition(row.position);
    if (mandatoryPosition) positionMatched[agency.index] = 1;
    if (agency.exempt) fixedBy = "exempt";
    else if (row.unit !== undefined && units.get(agency.id)?.exempt.has(nameKey(row.unit))) fixedBy = "exempt_unit";
    else if (row.mandatory === true || mandatoryRanks.has(row.rank) || mandatoryPosition) fixedBy = "mandatory";
    else if (row.eligible === false) fixedBy = "ineligible";
    else if (!rotatingEmployment.has(row.employment)) fixedBy = "employment";
    let priorityReasons: string[] = NO_REASONS;
    if (health && fixedBy === null) {
      priorityReasons = [];
      if (agedCutoff !== null && row.birth_date <= agedCutoff) priorityReasons.push(`age ${health.minAge}+`);
      if (health.pregnant && row.pregnant === true) priorityReasons.push("pregnant");
      if (health.comorbid && row.comorbid === true) priorityReasons.push("comorbid");
    }
    if (priorityReasons.length === 0) priorityReasons = NO_REASONS;
    const attendance: Attendance = fixedBy !== null ? "fixed" : priorityReasons.length > 0 ? "priority" : "rotating";
    return {
      index, id: row.employee_id, name: row.name, agency: agency.index, rank: row.rank, unit: unitOfEmployee[index],
      position: row.position, employment: row.employment, attendance, fixedBy, priorityReasons,
      leave: leaveDays.get(row.employee_id) ?? null, history: history.get(row.employee_id) ?? 0,
      priorWorkdays: priorWorkdays.get(row.employee_id) ?? 0, line: row.line,
    };
  });

  if (config.mandatory.positions.length > 0) {
    for (const agency of agencies) {
      if (agency.exempt || agency.headcount === 0 || positionMatched[agency.index] === 1) continue;
      warnings.push({ code: "warn.no_mandatory_position", file: "scenario.json", values: { agency: agency.name, id: agency.id, positions: config.mandatory.positions.join(", ") } });
    }
  }
  const week = config.perPerson?.officeDaysPerWeek;
  const nominalDays = week === undefined ? [] : nominalWeekDays(calendar, config.start, config.end, config.workdays);
  const perPerson = week === undefined ? null : { min: week.min, max: week.max, fullWeeks: nominalDays.map((n) => n > 0), nominalDays };

  const teams = config.rotation === "teams" ? { count: config.teams?.count ?? null, period: config.teams?.period ?? "day" } : null;
  const problem: Problem = { name: config.name, rotation: config.rotation, ...(teams === null ? {} : { teams }), calendar, people, agencies, perPerson, warnings };
  // Requests first: a decreed remote day (a dated cap of 0) lets the people pinned to the office in.
  compileRequests(problem, input.requests ?? []);
  compileDatedCaps(problem, input);
  return problem;
}

/** The units.csv rows of one agency, with the headcount of each unit (by `nameKey`). */
interface AgencyUnits {
  rows: Lined<UnitRow>[];
  /** Keys of the exempt units. */
  exempt: Set<string>;
  /** Staff in the exempt units. */
  exemptHeadcount: number;
  /** Staff per unit key. */
  headcount: Map<string, number>;
  /** A unit key as the agency's staff spell it (the first one met). */
  spelling: Map<string, string>;
}

function unitsByAgency(input: ScenarioInput): Map<string, AgencyUnits> {
  const out = new Map<string, AgencyUnits>();
  if (input.units === undefined || input.units.length === 0) return out;
  for (const row of input.units) {
    let info = out.get(row.agency_id);
    if (!info) out.set(row.agency_id, (info = { rows: [], exempt: new Set(), exemptHeadcount: 0, headcount: new Map(), spelling: new Map() }));
    info.rows.push(row);
    if (row.exempt === true) info.exempt.add(nameKey(row.unit));
  }
  for (const e of input.employees) {
    const info = out.get(e.agency_id);
    if (!info || e.unit === undefined) continue;
    const key = nameKey(e.unit);
    info.headcount.set(key, (info.headcount.get(key) ?? 0) + 1);
    if (!info.spelling.has(key)) info.spelling.set(key, e.unit);
    if (info.exempt.has(key)) info.exemptHeadcount++;
  }
  return out;
}

/**
 * The named units of each agency (unit key -> first spelling, in order of first appearance),
 * under each rank present and under "*" for any rank: what `each` expands to. One pass over
 * the employees, whatever the number of `each` rows.
 */
function unitsByRank(input: ScenarioInput): Map<string, Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, Map<string, string>>>();
  for (const e of input.employees) {
    if (e.unit === undefined || e.unit === "") continue;
    let byRank = out.get(e.agency_id);
    if (!byRank) out.set(e.agency_id, (byRank = new Map()));
    const key = nameKey(e.unit);
    for (const rank of ["*", e.rank]) {
      let found = byRank.get(rank);
      if (!found) byRank.set(rank, (found = new Map()));
      if (!found.has(key)) found.set(key, e.unit);
    }
  }
  return out;
}

/** A cap as written, presets resolved: a count, or a percent with the words of its basis. */
export type CapRule = { count: number } | { percent: number; source?: string };

/** The cap of an agency of `headcount` under a rule, with the text that explains it. */
export function capOf(rule: CapRule, headcount: number): [number, string] {
  if ("count" in rule) return [rule.count, `count ${rule.count}`];
  const source = rule.source === undefined ? "" : ` (${rule.source})`;
  return [capFromPercent(rule.percent, headcount), `${rule.percent} %${source} of ${headcount}`];
}

/**
 * A preset resolved on `date` (the start, or a caps.csv row's `from`), or an issue naming where
 * it was written and when it exists.
 */
export function presetRule(preset: CapPreset, date: string, place: string, field: string, issues: InputIssue[], line?: number, file = line === undefined ? "scenario.json" : "agencies.csv"): CapRule | null {
  const found = resolvePreset(preset, date);
  if (found.ok) return { percent: found.percent, source: `${found.source}, ${found.label}` };
  const code = found.available === "" ? "input.preset_none" : file === "caps.csv" ? "input.cap_preset_dated" : "input.preset_unavailable";
  issues.push({ code, file, ...(line === undefined ? {} : { line }), values: { place, field, preset: found.preset, date, available: found.available } });
  return null;
}

function resolveScenarioCap(config: ScenarioConfig, issues: InputIssue[]): CapRule | null {
  const cap = config.officeCap;
  if ("count" in cap || "percent" in cap) return cap;
  return presetRule(cap, config.start, "scenario.json", "officeCap", issues);
}

/** The agency's own cap (cap_count, cap_percent, zone or ppkm_level), null when it has none. */
function agencyCap(row: AgencyRow & { line: number }, config: ScenarioConfig, issues: InputIssue[]): CapRule | null {
  const given = [row.cap_count, row.cap_percent, row.zone, row.ppkm_level].filter((v) => v !== undefined).length;
  const place = `agencies.csv:${row.line}`;
  if (given > 1 && (row.zone !== undefined || row.ppkm_level !== undefined)) {
    issues.push({ code: "input.cap_preset_conflict", file: "agencies.csv", line: row.line, values: { place } });
    return null;
  }
  if (row.cap_count !== undefined) return { count: row.cap_count };
  if (row.cap_percent !== undefined) return { percent: row.cap_percent };
  if (row.zone !== undefined) return presetRule({ zone: row.zone }, config.start, place, "zone", issues, row.line);
  if (row.ppkm_level === undefined) return null;
  const scenarioPpkm = "ppkmLevel" in config.officeCap ? config.officeCap : null;
  const region = row.ppkm_region ?? scenarioPpkm?.region;
  if (region === undefined) {
    issues.push({ code: "input.ppkm_region_missing", file: "agencies.csv", line: row.line, values: { place } });
    return null;
  }
  const sector = row.ppkm_sector ?? scenarioPpkm?.sector ?? "non-essential";
  return presetRule({ ppkmLevel: row.ppkm_level, region, sector }, config.start, place, "ppkm_level", issues, row.line);
}
