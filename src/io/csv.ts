/**
 * Reading one scenario CSV file as planners really have it (UTF-8 with or without BOM, CRLF
 * or LF, comma or semicolon, quoted fields, blank lines) into rows validated by the row
 * schema of `src/domain/scenario.ts`. Every problem becomes an `InputIssue` naming the file,
 * line and column; a file is read to the end so that all its problems are reported at once.
 */
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { parse } from "fast-csv";
import type { z } from "zod";
import type { InputIssue } from "../domain/errors.js";
import type { Lined } from "../domain/scenario.js";
import type { MessageCode, MessageValues } from "../messages/index.js";
import { dateCell, idCell, textCell } from "../domain/values.js";
import { flattenIssues } from "./zodIssues.js";
import { ALIAS_TITLES, canonicalColumn } from "./headerAliases.js";

/** More issues than this in one file are counted, not listed: 100,000 bad rows help nobody. */
export const MAX_ISSUES_PER_FILE = 50;

/** The description of one CSV file: `CSV_FILES[...]` fits it. */
export interface CsvSpec<S extends z.ZodObject> {
  file: string;
  required: boolean;
  columns: readonly string[];
  optional: readonly string[];
  schema: S;
}

/** A row that failed validation, kept raw so that cross-file checks still know its ids. */
export interface RejectedRow {
  line: number;
  cells: Readonly<Record<string, string>>;
}

export interface CsvTable<T> {
  file: string;
  /** Valid rows in file order, each with its 1-based line (the header is line 1). */
  rows: Lined<T>[];
  rejected: RejectedRow[];
  /** Header name to 1-based column. */
  columnOf: ReadonlyMap<string, number>;
  /** The (optional) file does not exist. */
  absent: boolean;
  /** The whole file was read with a usable header: its ids can be trusted for cross-checks. */
  complete: boolean;
  /** Ids in scientific notation (a spreadsheet turned them into numbers): how many, and the first. */
  scientific?: { field: string; count: number; line: number; column: number; example: string };
  issues: FileIssues;
}

/** The issues of one file, capped at `cap` listed ones; the rest are only counted. */
export class FileIssues {
  private readonly listed: InputIssue[] = [];
  private omitted = 0;

  constructor(readonly file: string, readonly cap: number = MAX_ISSUES_PER_FILE) {}

  add(code: MessageCode, at: { line?: number; column?: number }, values: MessageValues = {}): void {
    if (this.listed.length >= this.cap) {
      this.omitted++;
      return;
    }
    const issue: InputIssue = { code, file: this.file, values };
    if (at.line !== undefined) issue.line = at.line;
    if (at.column !== undefined) issue.column = at.column;
    this.listed.push(issue);
  }

  get count(): number {
    return this.listed.length + this.omitted;
  }

  /** The listed issues by line and column, then one `input.more_issues` if any were left out. */
  finish(): InputIssue[] {
    const sorted = this.listed
      .map((issue, order) => ({ issue, order }))
      .sort((a, b) => (a.issue.line ?? 0) - (b.issue.line ?? 0) || (a.issue.column ?? 0) - (b.issue.column ?? 0) || a.order - b.order)
      .map((x) => x.issue);
    if (this.omitted > 0) sorted.push({ code: "input.more_issues", file: this.file, values: { count: this.omitted } });
    return sorted;
  }
}

/**
 * Decode a file's bytes as UTF-8 text (a BOM is dropped). Binary content and bytes that are
 * not UTF-8 become an issue (with the line of the first bad byte) and `null`.
 */
export function decodeText(bytes: Uint8Array, issues: FileIssues): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    issues.add("input.file_binary", positionOfByte(bytes, nul));
    return null;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    issues.add("input.file_encoding", positionOfByte(bytes, firstInvalidUtf8(bytes)));
    return null;
  }
}

/** Line and column (in characters, as an editor shows them) of the byte at `offset`. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const line = countLineBreaks(before, 0, before.length) + 1;
  const lastBreak = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r"));
  return { line, column: before.length - lastBreak };
}

/**
 * Offset of the first byte that does not start or continue a valid UTF-8 sequence: a binary
 * search for the shortest prefix that fails to decode (a few decodes, even for a large file).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const valid = (k: number): boolean => {
    try {
      // stream: a sequence cut at the end of the prefix is not an error yet.
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, k), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length)) {
    // Only the last sequence is cut short: point at its first byte.
    let i = bytes.length - 1;
    while (i > 0 && bytes.length - i < 4 && (bytes[i] & 0xc0) === 0x80) i--;
    return i;
  }
  let lo = 0; // valid(lo)
  let hi = bytes.length; // !valid(hi)
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  // The byte at hi - 1 broke a sequence; if one was open, point at its first byte.
  const bad = hi - 1;
  for (let k = bad - 1; k >= 0 && k >= bad - 3; k--) {
    const b = bytes[k];
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return k + length > bad ? k : bad;
  }
  return bad;
}

/**
 * Which of `,` and `;` separates the header: the one that splits it into more known column
 * names, else the one that occurs more often outside quotes; a comma when undecided.
 *
 * @example sniffDelimiter("employee_id;name;agency_id", new Set(["employee_id", "name"])) //=> ";"
 */
export function sniffDelimiter(headerLine: string, known: ReadonlySet<string>): "," | ";" {
  const score = (d: string) => {
    const names = splitOutsideQuotes(headerLine, d);
    return { known: names.filter((n) => known.has(n.trim().replace(/^"|"$/g, "").trim().toLowerCase())).length, parts: names.length };
  };
  const comma = score(",");
  const semi = score(";");
  if (semi.known !== comma.known) return semi.known > comma.known ? ";" : ",";
  return semi.parts > comma.parts ? ";" : ",";
}

function splitOutsideQuotes(line: string, delimiter: string): string[] {
  const parts: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

/** The first line with something on it (the header), without its line break. */
function firstNonBlankLine(text: string): string {
  const match = /^[^\r\n]*\S[^\r\n]*$/m.exec(text);
  return match ? match[0] : "";
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** Line breaks inside a row's quoted fields: the row covers that many more lines. */
function breaksInside(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") !== -1 || cell.indexOf("\r") !== -1) n += countLineBreaks(cell, 0, cell.length);
  }
  return n;
}

const CHUNK = 1 << 14;

/** The text in pieces that end at a line break, so that no CRLF is split between two pieces. */
function* chunksOf(text: string, from = 0, size = CHUNK): Generator<string> {
  let i = from;
  while (i < text.length) {
    let j = i + size;
    if (j >= text.length) j = text.length;
    else {
      const nl = text.indexOf("\n", j);
      j = nl === -1 ? text.length : nl + 1;
    }
    yield text.slice(i, j);
    i = j;
  }
}

/** One physical line per piece (line break included). */
function* linesOf(text: string, from: number): Generator<string> {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = from;
  let start = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield text.slice(start, m.index + m[0].length);
    start = m.index + m[0].length;
  }
  if (start < text.length) yield text.slice(start);
}

/** The offset just past the line break at or after `offset` (or the end of the text). */
function lineEndAfter(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Offset of the start of 1-based line `line`. */
function offsetOfLine(text: string, line: number): number {
  const re = /\r\n|\r|\n/g;
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const m = re.exec(text);
    if (m === null) return text.length;
    offset = m.index + m[0].length;
  }
  return offset;
}

/**
 * Feed the pieces of a text to fast-csv; call `onRow(cells, line)` for every record, blank
 * lines included (as `[]`). Resolves with `null`, or, when fast-csv fails, with the line
 * after the last record it delivered.
 */
function parseRows(delimiter: string, pieces: Iterable<string>, firstLine: number, onRow: (cells: string[], line: number) => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    let line = firstLine;
    /** A failure of ours inside the handler is a bug, not a CSV syntax error: keep it apart. */
    let bug: unknown = null;
    const source = Readable.from(pieces);
    const parser = parse<string[], string[]>({ headers: false, ignoreEmpty: false, delimiter, quote: '"', escape: '"' });
    parser
      .on("data", (cells: string[]) => {
        try {
          onRow(cells, line);
        } catch (error) {
          bug = error;
          throw error;
        }
        line += 1 + breaksInside(cells);
      })
      .on("error", (error) => {
        source.destroy();
        if (bug !== null) reject(bug instanceof Error ? bug : error);
        else resolve(line);
      })
      .on("end", () => resolve(null));
    source.pipe(parser);
  });
}

/** What a validator answers for an invalid cell (no valid cell parses to it). */
export const INVALID: unique symbol = Symbol("invalid");

/** A cell's value as its schema makes it, or `INVALID`. */
type FastCheck = (raw: string) => unknown;

/** The ISO date `raw` if it is exactly `YYYY-MM-DD` and a real date (what `parseDate` makes of it), else `INVALID`. */
function plainIsoDate(raw: string): unknown {
  if (raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return INVALID;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return INVALID;
    year = year * 10 + d;
  }
  const m1 = raw.charCodeAt(5) - 48, m2 = raw.charCodeAt(6) - 48, d1 = raw.charCodeAt(8) - 48, d2 = raw.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return INVALID;
  const month = m1 * 10 + m2, day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return INVALID;
  if (day <= 28) return raw;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days ? raw : INVALID;
}

/**
 * Shortcuts for the commonest cell schemas, each giving exactly what the schema gives on the
 * cells it accepts and `INVALID` (meaning "ask the schema") otherwise. The schema stays the
 * one definition: anything unusual, and every error, goes through zod.
 */
const FAST_PATHS = new Map<z.ZodType, FastCheck>([
  [idCell, (raw) => {
    const text = raw.trim();
    return text === "" ? INVALID : text;
  }],
  [textCell, (raw) => raw.trim()],
  [dateCell, plainIsoDate],
]);

/** The shortcut for a cell schema, if it has one (exported for the test that holds it equal to the schema). */
export function cellShortcut(schema: z.ZodType): FastCheck | undefined {
  return FAST_PATHS.get(schema);
}

/** Distinct texts a column's memo holds at most; ids and names would only fill it. */
const MEMO_LIMIT = 10_000;

/**
 * One column's validation: a shortcut for the commonest schemas (ids, text, ISO dates), and
 * for the others a memo by cell text, since ranks, employment types, agencies, units and
 * booleans take few distinct values (zod then runs once per value, not once per row). A column
 * whose memo fills up and mostly misses stops being memoized. Valid cells are parsed without
 * `reportInput`, which made zod 4x slower; an invalid one is parsed again with it, for the
 * message.
 */
class CellValidator {
  private memo: Map<string, unknown> | null = new Map();
  /** The previous cell and its value: runs of the same value (an agency's rows) skip the map. */
  private lastRaw: string | null = null;
  private lastValue: unknown = INVALID;
  private lookups = 0;
  private hits = 0;
  private readonly fast: FastCheck | undefined;

  constructor(readonly name: string, readonly index: number, private readonly schema: z.ZodType) {
    this.fast = cellShortcut(schema);
  }

  /** The cell's value, or `INVALID` (then `issues(raw)` says why). */
  value(raw: string): unknown {
    if (this.fast !== undefined) {
      const value = this.fast(raw);
      if (value !== INVALID) return value;
    }
    const memo = this.memo;
    if (memo === null) return this.parse(raw);
    if (raw === this.lastRaw) return this.lastValue;
    this.lookups++;
    let value = memo.get(raw);
    if (value !== undefined || memo.has(raw)) this.hits++;
    else {
      value = this.parse(raw);
      if (memo.size < MEMO_LIMIT) memo.set(raw, value);
      else if (this.hits * 2 < this.lookups) this.memo = null;
    }
    this.lastRaw = raw;
    this.lastValue = value;
    return value;
  }

  /** Why an `INVALID` cell is invalid, as zod says it (with the input, for the message). */
  issues(raw: string): z.core.$ZodIssue[] {
    const result = this.schema.safeParse(raw, { reportInput: true });
    return result.success ? [] : result.error.issues;
  }

  private parse(raw: string): unknown {
    const result = this.schema.safeParse(raw);
    return result.success ? result.data : INVALID;
  }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/**
 * Read and validate one CSV file of a scenario.
 *
 * Rows are validated cell by cell with the row schema's own field schemas (see
 * `CellValidator`: the whole-object parse was 5x slower on 100,000 rows), then with the
 * whole schema only if it has object-level checks. Extra empty fields at the end of a row
 * (as Excel leaves them) are not a width error.
 *
 * @param path the file on disk
 * @param displayName how messages name the file (e.g. `employees.csv`)
 * @param spec its columns and row schema, e.g. `CSV_FILES.employees`
 */
export async function readCsv<S extends z.ZodObject>(path: string, displayName: string, spec: CsvSpec<S>): Promise<CsvTable<z.output<S>>> {
  const issues = new FileIssues(displayName);
  const table: CsvTable<z.output<S>> = { file: displayName, rows: [], rejected: [], columnOf: new Map(), absent: false, complete: false, issues };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      table.absent = true;
      if (spec.required) issues.add("input.file_missing", {}, { dir: dirname(path) });
      else table.complete = true;
    } else {
      issues.add("input.file_unreadable", {}, { reason: code ?? String(error) });
    }
    return table;
  }
  const text = decodeText(bytes, issues);
  if (text === null) return table;
  return fillTable(table, text, spec);
}

/**
 * Read and validate one table given as CSV text (a workbook sheet turned into text, see
 * `readXlsx.ts`): the same validation and messages as `readCsv`; `displayName` names it.
 */
export async function readCsvText<S extends z.ZodObject>(text: string, displayName: string, spec: CsvSpec<S>): Promise<CsvTable<z.output<S>>> {
  const issues = new FileIssues(displayName);
  const table: CsvTable<z.output<S>> = { file: displayName, rows: [], rejected: [], columnOf: new Map(), absent: false, complete: false, issues };
  return fillTable(table, text, spec);
}

/** An id written in scientific notation, as a spreadsheet shows a long number: `1.97511E+17`, `1,99E+17`. */
export const SCIENTIFIC_ID = /^\s*-?\d+(?:[.,]\d*)?[eE][+-]?\d+\s*$/;

async function fillTable<S extends z.ZodObject>(table: CsvTable<z.output<S>>, text: string, spec: CsvSpec<S>): Promise<CsvTable<z.output<S>>> {
  const issues = table.issues;
  const known = new Set([...spec.columns, ...spec.optional]);
  const headerText = firstNonBlankLine(text);
  if (headerText === "") {
    issues.add("input.file_empty", {}, { expected: spec.columns.join(", ") });
    return table;
  }
  const delimiter = sniffDelimiter(headerText, new Set([...known, ...ALIAS_TITLES]));
  const shape = spec.schema.shape as Record<string, z.ZodType>;
  const wholeRowChecks = (spec.schema._zod.def.checks?.length ?? 0) > 0;
  const columnOf = new Map<string, number>();
  table.columnOf = columnOf;

  let header: string[] | null = null;
  let headerOk = false;
  let validators: CellValidator[] = [];
  /** Fields whose column is absent: their value is what the schema makes of "not given". */
  let absentFields: [string, unknown][] = [];
  const unnamedColumns: number[] = [];
  let unnamedReported = false;

  const onHeader = (cells: string[]) => {
    header = cells.map((c) => canonicalColumn(c, known));
    idColumns = header.map((name, i) => (name in shape && shape[name] === idCell ? i : -1)).filter((i) => i >= 0);
    let duplicate = false;
    header.forEach((name, i) => {
      if (name === "") {
        unnamedColumns.push(i);
        return;
      }
      if (columnOf.has(name)) {
        duplicate = true;
        issues.add("input.column_duplicate", { line: 1, column: i + 1 }, { column: i + 1, received: name });
        return;
      }
      columnOf.set(name, i + 1);
      if (!known.has(name)) issues.add("input.column_unknown", { line: 1, column: i + 1 }, { column: i + 1, received: name, expected: [...known].join(", ") });
    });
    const missing = spec.columns.filter((c) => !columnOf.has(c));
    for (const column of missing) issues.add("input.column_missing", { line: 1 }, { column, expected: spec.columns.join(", ") });
    headerOk = !duplicate && missing.length === 0;
    validators = [...columnOf].filter(([name]) => name in shape).map(([name, col]) => new CellValidator(name, col - 1, shape[name]));
    absentFields = Object.keys(shape)
      .filter((name) => !columnOf.has(name))
      .map((name) => [name, shape[name].safeParse(undefined)] as const)
      .filter(([, r]) => r.success)
      .map(([name, r]) => [name, (r as { data: unknown }).data]);
  };

  /** Id columns (by index): a spreadsheet may have turned their ids into numbers. */
  let idColumns: number[] = [];
  const onDataRow = (cells: string[], line: number) => {
    for (const i of idColumns) {
      const raw = cells[i];
      if (raw !== undefined && SCIENTIFIC_ID.test(raw)) {
        const damage = (table.scientific ??= { field: header![i], count: 0, line, column: i + 1, example: raw.trim() });
        damage.count++;
      }
    }
    if (cells.length !== header!.length && !(cells.length > header!.length && isBlank(cells.slice(header!.length)))) {
      // The column of the first missing field, or of the first extra one.
      issues.add("input.row_width", { line, column: Math.min(cells.length, header!.length) + 1 }, { received: cells.length, expected: header!.length });
      table.rejected.push({ line, cells: rawCells(header!, cells) });
      return;
    }
    if (!unnamedReported) {
      for (const i of unnamedColumns) {
        if ((cells[i] ?? "").trim() !== "") {
          unnamedReported = true;
          issues.add("input.column_unknown", { line: 1, column: i + 1 }, { column: i + 1, received: "", expected: [...known].join(", ") });
          break;
        }
      }
    }
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const v of validators) {
      const raw = cells[v.index];
      const value = v.value(raw);
      if (value !== INVALID) {
        out[v.name] = value;
        continue;
      }
      ok = false;
      for (const flat of flattenIssues(v.issues(raw))) {
        const expected = flat.kind === "value" ? flat.expected : "";
        const received = flat.kind === "value" && flat.received !== undefined ? String(flat.received) : raw;
        issues.add("input.cell", { line, column: v.index + 1 }, { field: v.name, expected, received });
      }
    }
    for (const [name, value] of absentFields) out[name] = value;
    if (ok && wholeRowChecks) {
      const whole = spec.schema.safeParse(rawCells(header!, cells), { reportInput: true });
      if (!whole.success) {
        ok = false;
        for (const flat of flattenIssues(whole.error.issues)) {
          const field = String(flat.path[0] ?? "");
          issues.add("input.cell", { line, column: columnOf.get(field) }, { field, expected: flat.kind === "value" ? flat.expected : "", received: flat.kind === "value" ? String(flat.received ?? "") : "" });
        }
      }
    }
    if (ok) {
      out.line = line;
      table.rows.push(out as Lined<z.output<S>>);
    } else {
      table.rejected.push({ line, cells: rawCells(header!, cells) });
    }
  };

  const onRow = (cells: string[], line: number) => {
    if (cells.length === 0 || isBlank(cells)) return;
    if (header === null) onHeader(cells);
    else if (headerOk) onDataRow(cells, line);
  };

  const failedAt = await parseRows(delimiter, chunksOf(text), 1, onRow);
  if (failedAt !== null) {
    // The rows of the piece that failed were not delivered: re-read a window from the first of
    // them one line at a time, so that every row before the bad one arrives before the error.
    const start = offsetOfLine(text, failedAt);
    const window = text.slice(0, lineEndAfter(text, start + 4 * CHUNK));
    const at = (await parseRows(delimiter, linesOf(window, start), failedAt, onRow)) ?? failedAt;
    const from = offsetOfLine(text, at);
    issues.add("input.csv_quote", { line: at, column: badQuoteColumn(text.slice(from, lineEndAfter(text, from)), delimiter) });
    return table;
  }
  if (header === null) {
    issues.add("input.file_empty", {}, { expected: spec.columns.join(", ") });
    return table;
  }
  table.complete = headerOk;
  return table;
}

/**
 * 1-based column (character) of the quote that breaks a line: one that opens a field and is
 * never closed on the line, the character after a closing quote that is not a delimiter, or
 * a quote in the middle of an unquoted field. Undefined when the line looks well formed.
 */
export function badQuoteColumn(line: string, delimiter: string): number | undefined {
  let inQuotes = false;
  let fieldStart = true;
  let opened = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch !== '"') continue;
      if (line[i + 1] === '"') {
        i++;
        continue;
      }
      inQuotes = false;
      const next = line[i + 1];
      if (next !== undefined && next !== delimiter && next !== "\r" && next !== "\n") return i + 2;
      continue;
    }
    if (ch === '"') {
      if (!fieldStart) return i + 1;
      inQuotes = true;
      opened = i;
      fieldStart = false;
      continue;
    }
    fieldStart = ch === delimiter;
  }
  return inQuotes ? opened + 1 : undefined;
}

function rawCells(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => {
    if (name !== "" && !(name in record)) record[name] = cells[i] ?? "";
  });
  return record;
}
