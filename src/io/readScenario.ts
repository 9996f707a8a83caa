/**
 * Reading a scenario directory: `scenario.json` and the CSV files, each validated by its zod
 * schema, then checked across files (ids unique, references known, bounds in order). All the
 * problems of all files are reported together in one `InputError`, so that a planner fixes
 * them in one round rather than one per run.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { InputError, type InputIssue } from "../domain/errors.js";
import {
  CSV_FILES, EACH_UNIT, scenarioSchema, type AgencyRow, type CapRow, type EmployeeRow, type HistoryRow, type LeaveRow, type RequestRow,
  type RuleRow, type ScenarioConfig, type ScenarioInput, type UnitRow,
} from "../domain/scenario.js";
import { closestName, nameKey } from "../domain/names.js";
import { FileIssues, decodeText, readCsv, readCsvText, type CsvSpec, type CsvTable } from "./csv.js";
import { readSheets, sheetAsCsv, sheetLabel } from "./readXlsx.js";
import { access } from "node:fs/promises";
import { parseJsonWithPositions, pathKey, type TextPosition } from "./json.js";
import { flattenIssues } from "./zodIssues.js";

export const SCENARIO_FILE = "scenario.json";

/** What a union expects when none of its forms matched, by dotted path. */
const UNION_EXPECTED = { officeCap: '{"percent": P} | {"count": N} | {"zone": "none"|"low"|"medium"|"high"} | {"ppkmLevel": 1-4, "region": "java-bali"|"outside-java-bali", "sector": "non-essential"|"essential"}' };

/**
 * Read and validate a scenario directory.
 *
 * @throws InputError with every issue of every file (file, line, column, code, values)
 * @example const input = await readScenario("fixtures/kotim-2021"); input.employees[0].line //=> 2
 */
export async function readScenario(dir: string): Promise<ScenarioInput> {
  const [config, agencies, employees, rules, units, leave, history, caps, requests] = await Promise.all([
    readConfig(dir),
    readTable(dir, CSV_FILES.agencies),
    readTable(dir, CSV_FILES.employees),
    readTable(dir, CSV_FILES.rules),
    readTable(dir, CSV_FILES.units),
    readTable(dir, CSV_FILES.leave),
    readTable(dir, CSV_FILES.history),
    readTable(dir, CSV_FILES.caps),
    readTable(dir, CSV_FILES.requests),
  ]);
  const damage = spreadsheetDamage([agencies, employees, rules, units, leave, history, caps, requests]);
  crossCheck({ agencies, employees, rules, units, leave, history, caps, requests }, damage);
  const issues: InputIssue[] = [
    ...config.issues.finish(),
    ...[agencies, employees, rules, units, leave, history, caps, requests].flatMap((t) => t.issues.finish()),
    ...damage.summary(),
  ];
  if (issues.length > 0 || config.config === null) throw new InputError(issues);
  return {
    dir,
    config: config.config,
    agencies: agencies.rows,
    employees: employees.rows,
    rules: rules.rows,
    units: units.rows,
    leave: leave.rows,
    history: history.rows,
    caps: caps.rows,
    requests: requests.rows,
  };
}

/**
 * Read and validate `scenario.json`: syntax errors with their line and column, unknown keys
 * (typos) with the keys expected there, other problems by dotted field path, each located at
 * its key in the text when it is there.
 */
export async function readConfig(dir: string): Promise<{ config: ScenarioConfig | null; issues: FileIssues }> {
  const issues = new FileIssues(SCENARIO_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, SCENARIO_FILE));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") issues.add("input.file_missing", {}, { dir });
    else issues.add("input.file_unreadable", {}, { reason: code ?? String(error) });
    return { config: null, issues };
  }
  const text = decodeText(bytes, issues);
  if (text === null) return { config: null, issues };
  const json = parseJsonWithPositions(text);
  if (!json.ok) {
    issues.add("input.json_syntax", json.position, { reason: json.reason });
    return { config: null, issues };
  }
  const locate = (path: readonly PropertyKey[]): Partial<TextPosition> => {
    // A missing key is shown at its parent's key; a key missing at the top, at the document.
    for (let n = path.length; n >= 0; n--) {
      const at = json.positions.get(pathKey(path.slice(0, n)));
      if (at) return at;
    }
    return { line: 1, column: 1 };
  };
  // Numbers as in CSV cells: plain digits (and decimals), never an exponent (`1e1`, `1e400`).
  const exponents = new Set<string>();
  for (const [key, literal] of json.numbers) {
    if (!/[eE]/.test(literal)) continue;
    exponents.add(key);
    const path = JSON.parse(key) as PropertyKey[];
    issues.add("input.field", locate(path), { field: dotted(path), expected: "a number written in plain digits, without an exponent", received: shortText(literal) });
  }
  const parsed = scenarioSchema.safeParse(json.value, { reportInput: true });
  if (parsed.success) return { config: exponents.size === 0 ? parsed.data : null, issues };

  for (const flat of flattenIssues(parsed.error.issues, [], UNION_EXPECTED)) {
    if (flat.kind === "value" && exponents.has(pathKey(flat.path))) continue;
    if (flat.kind === "unknown_key") {
      const expected = keysAt(scenarioSchema, flat.path).join(", ");
      for (const key of flat.keys) {
        issues.add("input.unknown_key", locate([...flat.path, key]), { received: key, expected, where: dotted(flat.path) });
      }
    } else if (flat.missing) {
      issues.add("input.field_missing", locate(flat.path), { field: dotted(flat.path), expected: flat.expected });
    } else {
      // A number as written: JSON.parse made 1e400 Infinity, which JSON.stringify prints as null.
      const literal = typeof flat.received === "number" ? json.numbers.get(pathKey(flat.path)) : undefined;
      issues.add("input.field", locate(flat.path), { field: dotted(flat.path), expected: flat.expected, received: literal === undefined ? shortJson(flat.received) : shortText(literal) });
    }
  }
  return { config: null, issues };
}

/** `["holidays", 1]` -> `holidays[1]`; `["officeCap", "percent"]` -> `officeCap.percent`. */
function dotted(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc === "" ? String(p) : `${acc}.${String(p)}`), "");
}

function shortJson(value: unknown): string {
  return shortText(JSON.stringify(value) ?? String(value));
}

function shortText(text: string): string {
  return text.length > 60 ? `${text.slice(0, 45)}... (${text.length} characters)` : text;
}

type AnySchema = z.core.$ZodType;

/** Past defaults, optionals and pipes to the schema that describes the shape. */
function unwrap(schema: AnySchema): AnySchema {
  for (;;) {
    const def = schema._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType && ["default", "prefault", "optional", "nullable", "readonly", "catch", "nonoptional"].includes(def.type)) schema = def.innerType;
    else if (def.type === "pipe" && def.in) schema = def.in;
    else return schema;
  }
}

/** The keys the schema accepts at `path` (for a union of objects, those of every form). */
export function keysAt(root: AnySchema, path: readonly PropertyKey[]): string[] {
  const objectsAt = (schema: AnySchema): Record<string, AnySchema>[] => {
    const def = unwrap(schema)._zod.def as { type: string; shape?: Record<string, AnySchema>; options?: AnySchema[] };
    if (def.type === "object" && def.shape) return [def.shape];
    if (def.type === "union" && def.options) return def.options.flatMap(objectsAt);
    return [];
  };
  let current: AnySchema[] = [root];
  for (const step of path) {
    current = current.flatMap((schema) => {
      const s = unwrap(schema);
      const def = s._zod.def as { type: string; element?: AnySchema };
      if (typeof step === "number") return def.type === "array" && def.element ? [def.element] : [];
      return objectsAt(s).flatMap((shape) => (String(step) in shape ? [shape[String(step)]] : []));
    });
  }
  return [...new Set(current.flatMap(objectsAt).flatMap((shape) => Object.keys(shape)))];
}

interface Tables {
  agencies: CsvTable<AgencyRow>;
  employees: CsvTable<EmployeeRow>;
  rules: CsvTable<RuleRow>;
  units: CsvTable<UnitRow>;
  leave: CsvTable<LeaveRow>;
  history: CsvTable<HistoryRow>;
  caps: CsvTable<CapRow>;
  requests: CsvTable<RequestRow>;
}

/**
 * A second row with the same id is reported with the line of the first. Returns each id's
 * first line, which `definedIds` reuses (one map of 100,000 ids, not two).
 */
function duplicates<T>(table: CsvTable<T>, id: (row: T) => string, field: string, damage?: Damage): Map<string, number> {
  const first = new Map<string, number>();
  const quiet = damage !== undefined && table.scientific !== undefined;
  for (const row of table.rows) {
    const key = id(row);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row.line);
    else if (quiet) damage.consequences++;
    else table.issues.add("input.duplicate_id", { line: row.line, column: table.columnOf.get(field) }, { field, received: key, first: seen });
  }
  return first;
}

/** Ids that a file defines: valid rows (`firstLines`) and, so as not to repeat their error, rejected ones. */
function definedIds<T>(table: CsvTable<T>, firstLines: Map<string, number>, field: string): ReadonlySet<string> | ReadonlyMap<string, number> {
  for (const row of table.rejected) {
    const raw = (row.cells[field] ?? "").trim();
    if (raw !== "" && !firstLines.has(raw)) firstLines.set(raw, row.line);
  }
  return firstLines;
}

/** The checks that need more than one row or more than one file. */
function crossCheck({ agencies, employees, rules, units, leave, history, caps, requests }: Tables, damage: Damage): void {
  const agencyIds = duplicates(agencies, (a) => a.agency_id, "agency_id", damage);
  for (const a of agencies.rows) {
    if (a.cap_percent !== undefined && a.cap_count !== undefined) agencies.issues.add("input.cap_both", { line: a.line, column: agencies.columnOf.get("cap_count") });
  }
  const employeeIds = duplicates(employees, (e) => e.employee_id, "employee_id", damage);
  duplicates(history, (h) => h.employee_id, "employee_id", damage);

  if (agencies.complete) {
    const known = definedIds(agencies, agencyIds, "agency_id");
    for (const e of employees.rows) {
      if (known.has(e.agency_id)) continue;
      if (damage.any) damage.consequences++;
      else employees.issues.add("input.unknown_agency", { line: e.line, column: employees.columnOf.get("agency_id") }, { received: e.agency_id });
    }
    for (const table of [rules, units, caps] as CsvTable<{ agency_id: string | null }>[]) {
      for (const r of table.rows) {
        if (r.agency_id !== null && !known.has(r.agency_id)) {
          table.issues.add("input.unknown_agency_closest", { line: r.line, column: table.columnOf.get("agency_id") }, { received: r.agency_id, closest: closestName(r.agency_id, known.keys()) ?? "-" });
        }
      }
    }
  }
  if (agencies.complete && employees.complete) checkNamesMatch(agencies, employees, rules, units);
  for (const u of units.rows) {
    if (u.cap_percent !== undefined && u.cap_count !== undefined) units.issues.add("input.cap_both", { line: u.line, column: units.columnOf.get("cap_count") });
    if (u.cap_count !== undefined && u.min_office !== undefined && u.cap_count < u.min_office) {
      units.issues.add("input.unit_bounds", { line: u.line, column: units.columnOf.get("cap_count") }, { received: u.cap_count, expected: u.min_office });
    }
  }
  if (employees.complete) {
    const known = definedIds(employees, employeeIds, "employee_id");
    let suggestions = 0;
    for (const table of [leave, history, requests] as CsvTable<{ employee_id: string }>[]) {
      for (const row of table.rows) {
        if (known.has(row.employee_id)) continue;
        if (damage.any) {
          damage.consequences++;
          continue;
        }
        // The closest id of 100,000 costs a few milliseconds: offered for the first few only.
        const closest = suggestions++ < 20 ? closestName(row.employee_id, known.keys()) : null;
        table.issues.add(closest === null ? "input.unknown_employee" : "input.unknown_employee_closest", { line: row.line, column: table.columnOf.get("employee_id") }, { received: row.employee_id, closest: closest ?? "-" });
      }
    }
  }
  for (const l of leave.rows) {
    if (l.to < l.from) leave.issues.add("input.leave_order", { line: l.line, column: leave.columnOf.get("to") }, { received: l.to, expected: l.from });
  }
  checkCapRows(caps);
  checkRequestRows(requests);
  for (const r of rules.rows) {
    if (r.min_per_day !== undefined && r.max_per_day !== undefined && r.max_per_day < r.min_per_day) {
      rules.issues.add("input.rule_bounds", { line: r.line, column: rules.columnOf.get("max_per_day") }, { received: r.max_per_day, expected: r.min_per_day });
    }
  }
}

/** caps.csv: dates in order, and exactly one of cap_percent, cap_count, zone, ppkm_level per row. */
function checkCapRows(caps: CsvTable<CapRow>): void {
  for (const c of caps.rows) {
    if (c.to < c.from) caps.issues.add("input.leave_order", { line: c.line, column: caps.columnOf.get("to") }, { received: c.to, expected: c.from });
    const given = [c.cap_percent, c.cap_count, c.zone, c.ppkm_level].filter((v) => v !== undefined).length;
    if (given === 0) caps.issues.add("input.cap_row_none", { line: c.line });
    else if (given > 1) caps.issues.add("input.cap_preset_conflict", { line: c.line }, { place: `caps.csv:${c.line}` });
  }
}

/** requests.csv: one request per person and date (a second one is reported with the line of the first). */
function checkRequestRows(requests: CsvTable<RequestRow>): void {
  const first = new Map<string, number>();
  for (const r of requests.rows) {
    const key = `${r.employee_id}\u0000${r.date}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.line);
    else requests.issues.add("input.request_duplicate", { line: r.line, column: requests.columnOf.get("date") }, { employee: r.employee_id, date: r.date, first: seen });
  }
}

/**
 * Names in rules.csv and units.csv must match someone: a unit of the agency (or, for `*`, of
 * any agency), a rank among the people the row selects. A typo (`Perpustakan`) is bad input
 * naming the file, line, column and the closest existing name, not an infeasible roster.
 */
function checkNamesMatch(agencies: CsvTable<AgencyRow>, employees: CsvTable<EmployeeRow>, rules: CsvTable<RuleRow>, units: CsvTable<UnitRow>): void {
  if (rules.rows.length === 0 && units.rows.length === 0) return;
  const agencyIds = new Set(agencies.rows.map((a) => a.agency_id));
  /** agency -> unit key -> { spelling, ranks } */
  const unitsOf = new Map<string, Map<string, { spelling: string; ranks: Set<string> }>>();
  /** agency -> ranks there */
  const ranksOf = new Map<string, Set<string>>();
  for (const e of employees.rows) {
    let ranks = ranksOf.get(e.agency_id);
    if (!ranks) ranksOf.set(e.agency_id, (ranks = new Set()));
    ranks.add(e.rank);
    if (e.unit === undefined || e.unit === "") continue;
    let byKey = unitsOf.get(e.agency_id);
    if (!byKey) unitsOf.set(e.agency_id, (byKey = new Map()));
    const key = nameKey(e.unit);
    let unit = byKey.get(key);
    if (!unit) byKey.set(key, (unit = { spelling: e.unit, ranks: new Set() }));
    unit.ranks.add(e.rank);
  }
  const scope = (agencyId: string | null): string[] => (agencyId === null ? [...agencyIds] : agencyIds.has(agencyId) ? [agencyId] : []);
  const unitNames = (ids: string[]) => ids.flatMap((id) => [...(unitsOf.get(id)?.values() ?? [])].map((u) => u.spelling));

  for (const r of rules.rows) {
    const ids = scope(r.agency_id);
    if (ids.length === 0) continue; // an unknown agency, reported already
    const where = r.agency_id ?? "*";
    const each = r.unit !== null && nameKey(r.unit) === EACH_UNIT;
    let ranks: Set<string>;
    if (r.unit !== null && !each) {
      const key = nameKey(r.unit);
      const found = ids.map((id) => unitsOf.get(id)?.get(key)).filter((u) => u !== undefined);
      if (found.length === 0) {
        rules.issues.add("input.unknown_unit", { line: r.line, column: rules.columnOf.get("unit") }, { received: r.unit, agency: where, closest: closestName(r.unit, unitNames(ids)) ?? "-" });
        continue;
      }
      ranks = new Set(found.flatMap((u) => [...u.ranks]));
    } else if (each) {
      if (unitNames(ids).length === 0) {
        rules.issues.add("input.each_without_units", { line: r.line, column: rules.columnOf.get("unit") }, { agency: where });
        continue;
      }
      ranks = new Set(ids.flatMap((id) => [...(unitsOf.get(id)?.values() ?? [])].flatMap((u) => [...u.ranks])));
    } else {
      ranks = new Set(ids.flatMap((id) => [...(ranksOf.get(id) ?? [])]));
    }
    if (r.rank !== null && !ranks.has(r.rank)) {
      rules.issues.add("input.unknown_rank", { line: r.line, column: rules.columnOf.get("rank") }, { received: r.rank, agency: where, unit: r.unit ?? "*", present: [...ranks].join(", ") || "-" });
    }
  }

  const seen = new Map<string, number>();
  for (const u of units.rows) {
    if (!agencyIds.has(u.agency_id)) continue;
    const key = nameKey(u.unit);
    if (!unitsOf.get(u.agency_id)?.has(key)) {
      units.issues.add("input.unknown_unit", { line: u.line, column: units.columnOf.get("unit") }, { received: u.unit, agency: u.agency_id, closest: closestName(u.unit, unitNames([u.agency_id])) ?? "-" });
      continue;
    }
    const id = `${u.agency_id}\u0000${key}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, u.line);
    else units.issues.add("input.duplicate_id", { line: u.line, column: units.columnOf.get("unit") }, { field: "unit", received: u.unit, first });
  }
}

/**
 * Read one table of a scenario from `<name>.csv` or `<name>.xlsx` (the workbook's first sheet),
 * with the same validation; both present is bad input (which one is meant?).
 */
export async function readTable<S extends z.ZodObject>(dir: string, spec: CsvSpec<S>): Promise<CsvTable<z.output<S>>> {
  const csvPath = join(dir, spec.file);
  const xlsxFile = spec.file.replace(/\.csv$/, ".xlsx");
  const xlsxPath = join(dir, xlsxFile);
  const [hasCsv, hasXlsx] = await Promise.all([exists(csvPath), exists(xlsxPath)]);
  if (!hasXlsx) return readCsv(csvPath, spec.file, spec);
  if (hasCsv) {
    const table = await readCsv(csvPath, spec.file, spec);
    table.issues.add("input.both_forms", {}, { other: xlsxFile });
    return table;
  }
  let sheets;
  try {
    sheets = await readSheets(xlsxPath, { first: true });
  } catch (error) {
    const table = await readCsvText("", xlsxFile, spec);
    const fresh = new FileIssues(xlsxFile);
    fresh.add("input.xlsx_unreadable", {}, { reason: error instanceof Error ? error.message : String(error) });
    return { ...table, issues: fresh, complete: false };
  }
  const sheet = sheets[0] ?? { sheet: "Sheet1", rows: [] };
  return readCsvText(sheetAsCsv(sheet), sheetLabel(xlsxFile, sheet.sheet), spec);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ids a spreadsheet turned into numbers (`1.97511E+17`): one message per damaged file, and the
 * duplicate and unknown ids that follow from it counted in one line, not listed.
 */
interface Damage {
  any: boolean;
  consequences: number;
  summary(): InputIssue[];
}

function spreadsheetDamage(tables: ReadonlyArray<CsvTable<unknown>>): Damage {
  const damaged = tables.filter((t) => t.scientific !== undefined);
  for (const t of damaged) {
    const s = t.scientific!;
    t.issues.add("input.id_scientific", { line: s.line, column: s.column }, { field: s.field, count: s.count, example: s.example });
  }
  const damage: Damage = {
    any: damaged.length > 0,
    consequences: 0,
    summary: () => (damage.consequences > 0 ? [{ code: "input.id_scientific_consequences", file: damaged[0].file, values: { count: damage.consequences } }] : []),
  };
  return damage;
}
