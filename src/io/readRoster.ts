/**
 * Reading a roster back (one giliran wrote, or one a planner made by hand in Excel) for
 * `check` and `compare`. The result stays raw: ids, dates and mode codes as written, each with
 * its line and column, so the checker can report unknown employees, unknown codes and missing
 * days as violations rather than as a failure to read.
 *
 * Two forms are read:
 * - long: a header with `employee_id`, `date` and `mode` columns, one row per person per day;
 * - wide: a header with `employee_id` and day columns (any header cell that is a date, written
 *   YYYY-MM-DD or DD/MM/YYYY), one row per person; other columns (name, rank, ...) are ignored.
 * `employee_id` may also carry the printable sheet's title in any catalogue language (`nip`).
 * Comma or semicolon delimiter (whichever the header line uses more), BOM, CRLF, blank lines.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { parse } from "fast-csv";
import { HOME, LEAVE, OFFICE, type Mode } from "../domain/problem.js";
import { InputError, type InputIssue } from "../domain/errors.js";
import { parseDate } from "../domain/values.js";
import { en } from "../messages/en.js";
import { id as idCatalogue } from "../messages/id.js";
import { unneutralizeFormula } from "./csvText.js";
import { SCIENTIFIC_ID } from "./csv.js";
import { normalizeTitle } from "./headerAliases.js";
import { readSheetsWhole, sheetLabel, type SheetRows } from "./readXlsx.js";

export interface RosterEntry {
  /** Where the entry is when not `RosterFile.file`: a sheet of a workbook (`roster.xlsx [DINKES]`). */
  file?: string;
  /** Trimmed, with giliran's formula neutralization undone. */
  employeeId: string;
  /** ISO date when the text is a date, else the text as written (trimmed). */
  date: string;
  /** The code as written (trimmed): see `modeFromText`. */
  mode: string;
  /** 1-based line of the row; the header is line 1 unless blank lines precede it. */
  line: number;
  /** 1-based column of the mode cell. */
  column: number;
}

export interface RosterFile {
  file: string;
  form: "long" | "wide";
  /** Ids in scientific notation (a spreadsheet turned NIPs into numbers): how many, and the first. */
  scientific?: { count: number; line: number; column: number; example: string; file: string };
  /** In file order. Blank mode cells are left out (a missing day, for the checker to report). */
  entries: RosterEntry[];
}

const MODE_WORDS: Readonly<Record<string, Mode>> = {
  office: OFFICE, o: OFFICE, home: HOME, h: HOME, leave: LEAVE, l: LEAVE,
  // Indonesian: kantor / rumah / cuti (the `--lang id` letters K, R, C), and WFO / WFH as offices write them.
  kantor: OFFICE, k: OFFICE, wfo: OFFICE, rumah: HOME, r: HOME, wfh: HOME, cuti: LEAVE, c: LEAVE,
};

/**
 * The mode a roster cell names: `office`/`home`/`leave` or `O`/`H`/`L`, `kantor`/`rumah`/`cuti`
 * or `K`/`R`/`C`, `WFO`/`WFH`, any case; null otherwise.
 *
 * @example modeFromText(" Office ") //=> 1 (OFFICE)
 */
export function modeFromText(text: string): Mode | null {
  return MODE_WORDS[text.trim().toLowerCase()] ?? null;
}

const EMPLOYEE_ID_TITLES = new Set(["employee_id", en["sheet.employee_id"], idCatalogue["sheet.employee_id"], "nip", "nip_baru", "id_pegawai"].map(normalizeTitle));
const DATE_TITLES = new Set(["date", "tanggal", "tgl"]);
const MODE_TITLES = new Set(["mode", "mode_kerja", "kehadiran", "status_kehadiran"]);
const EXPECTED_HEADER = "employee_id,date,mode (long form) or employee_id,<one column per workday date> (wide form)";

/**
 * Read a roster file in long or wide form.
 *
 * @throws InputError when the file cannot be read, is empty, is not CSV, or has no
 *   employee_id / date columns
 */
export async function readRoster(path: string): Promise<RosterFile> {
  if (/\.xlsx$/i.test(path)) return readRosterXlsx(path);
  let head: string;
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseRosterStream(createReadStream(path), path, detectDelimiter(head));
}

/** Read a roster held in memory; `file` names it in messages. */
export async function parseRosterText(text: string, file: string): Promise<RosterFile> {
  return parseRosterStream(Readable.from([text]), file, detectDelimiter(text));
}

/**
 * The delimiter of the header line: `;` when it holds more semicolons than commas outside
 * quotes (Indonesian-locale Excel), else `,`.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let seenCell = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    else if (c === "\n") {
      if (seenCell || commas + semicolons > 0) break;
      continue; // blank lines before the header
    }
    if (c.trim() !== "") seenCell = true;
  }
  return semicolons > commas ? ";" : ",";
}

interface Layout {
  form: "long" | "wide";
  idColumn: number;
  /** Long form. */
  dateColumn: number;
  modeColumn: number;
  /** Wide form: the day columns and their ISO dates. */
  dayColumns: Array<{ column: number; date: string }>;
}

async function parseRosterStream(source: Readable, file: string, delimiter: string): Promise<RosterFile> {
  const parser = parse({ headers: false, delimiter });
  const entries: RosterEntry[] = [];
  let layout: Layout | null = null;
  let line = 1;
  let scientific: RosterFile["scientific"];

  const takeRow = (row: string[]): void => {
    const rowLine = line;
    line += 1;
    for (const cell of row) for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) line++;
    if (row.every((cell) => cell.trim() === "")) return;
    if (layout === null) {
      layout = readHeader(row, file, rowLine);
      return;
    }
    const employeeId = unneutralizeFormula((row[layout.idColumn] ?? "").trim());
    if (SCIENTIFIC_ID.test(employeeId)) {
      scientific ??= { count: 0, line: rowLine, column: layout.idColumn + 1, example: employeeId, file };
      scientific.count++;
    }
    if (layout.form === "long") {
      const mode = (row[layout.modeColumn] ?? "").trim();
      if (mode === "") return;
      const rawDate = (row[layout.dateColumn] ?? "").trim();
      entries.push({ employeeId, date: parseDate(rawDate) ?? rawDate, mode, line: rowLine, column: layout.modeColumn + 1 });
    } else {
      for (const { column, date } of layout.dayColumns) {
        const mode = (row[column] ?? "").trim();
        if (mode !== "") entries.push({ employeeId, date, mode, line: rowLine, column: column + 1 });
      }
    }
  };

  // Rows are taken as they are emitted (not through an async iterator, which reads ahead),
  // so when the parser fails, `line` is the line of the row it failed on.
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      source.destroy();
      parser.destroy();
      if (error instanceof InputError) reject(error);
      else if (isSystemError(error)) reject(unreadable(file, error));
      else {
        const reason = error instanceof Error ? error.message : String(error);
        reject(new InputError([{ code: "input.csv_syntax", file, line, values: { file, line, reason } }]));
      }
    };
    source.on("error", fail);
    parser.on("error", fail);
    parser.on("data", (row: string[]) => {
      try {
        takeRow(row);
      } catch (error) {
        fail(error);
      }
    });
    parser.on("end", resolve);
    source.pipe(parser);
  });
  const found = layout as Layout | null;
  if (found === null) {
    throw new InputError([{ code: "input.file_empty", file, values: { file, expected: EXPECTED_HEADER } }]);
  }
  const roster: RosterFile = { file, form: found.form, entries };
  if (scientific !== undefined) roster.scientific = scientific;
  throwIfScientific(roster);
  return roster;
}

/** A roster whose ids a spreadsheet turned into numbers is one message, not thousands of unknown employees. */
function throwIfScientific(roster: RosterFile): void {
  const s = roster.scientific;
  if (s === undefined) return;
  throw new InputError([{ code: "input.id_scientific", file: s.file, line: s.line, column: s.column, values: { field: "employee_id", count: s.count, example: s.example } }]);
}

function readHeader(row: string[], file: string, line: number): Layout {
  const titles = row.map((cell) => normalizeTitle(cell));
  const idColumn = titles.findIndex((t) => EMPLOYEE_ID_TITLES.has(t));
  const dateColumn = titles.findIndex((t) => DATE_TITLES.has(t));
  const modeColumn = titles.findIndex((t) => MODE_TITLES.has(t));
  const dayColumns = row.flatMap((cell, column) => {
    const date = parseDate(cell.replace(/^\uFEFF/, ""));
    return date === null ? [] : [{ column, date }];
  });
  const missing = (column: string): InputIssue => ({
    code: "input.column_missing", file, line, values: { file, column, expected: EXPECTED_HEADER },
  });
  if (idColumn === -1) throw new InputError([missing("employee_id")]);
  if (dateColumn !== -1 && modeColumn !== -1) return { form: "long", idColumn, dateColumn, modeColumn, dayColumns: [] };
  if (dayColumns.length > 0) return { form: "wide", idColumn, dateColumn: -1, modeColumn: -1, dayColumns };
  throw new InputError([missing(dateColumn === -1 ? "date" : "mode")]);
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

function unreadable(file: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError([{ code: "input.file_unreadable", file, values: { file, reason } }]);
}

/** How far down a sheet its header row is looked for (roster.xlsx has title rows above it). */
const HEADER_SEARCH_ROWS = 30;

/**
 * Read a roster workbook: every sheet with a header row (an id column and day columns, or
 * date and mode columns) within its first rows; other sheets (a summary, the jadwal piket)
 * are skipped, and so are rows without an id (a signature block). roster.xlsx as giliran
 * writes it, or re-saved by Excel or LibreOffice, reads back to the same entries.
 *
 * @throws InputError when the file is not a workbook, or no sheet holds a roster
 */
export async function readRosterXlsx(path: string): Promise<RosterFile> {
  let sheets: SheetRows[];
  try {
    sheets = await readSheetsWhole(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: "input.xlsx_unreadable", file: path, values: { file: path, reason } }]);
  }
  const entries: RosterEntry[] = [];
  let form: "long" | "wide" | null = null;
  let scientific: RosterFile["scientific"];
  for (const sheet of sheets) {
    const file = sheetLabel(path, sheet.sheet);
    let layout: Layout | null = null;
    for (const { row, cells } of sheet.rows) {
      if (layout === null) {
        if (row > HEADER_SEARCH_ROWS) break;
        try {
          layout = readHeader(cells, file, row);
        } catch {
          continue;
        }
        form ??= layout.form;
        continue;
      }
      const employeeId = (cells[layout.idColumn] ?? "").trim();
      if (employeeId === "") continue;
      if (SCIENTIFIC_ID.test(employeeId)) {
        scientific ??= { count: 0, line: row, column: layout.idColumn + 1, example: employeeId, file };
        scientific.count++;
      }
      if (layout.form === "long") {
        const mode = (cells[layout.modeColumn] ?? "").trim();
        if (mode === "") continue;
        const rawDate = (cells[layout.dateColumn] ?? "").trim();
        entries.push({ file, employeeId, date: parseDate(rawDate) ?? rawDate, mode, line: row, column: layout.modeColumn + 1 });
      } else {
        for (const { column, date } of layout.dayColumns) {
          const mode = (cells[column] ?? "").trim();
          if (mode !== "") entries.push({ file, employeeId, date, mode, line: row, column: column + 1 });
        }
      }
    }
  }
  if (form === null) {
    throw new InputError([{ code: "input.column_missing", file: path, values: { file: path, column: "employee_id", expected: EXPECTED_HEADER } }]);
  }
  const roster: RosterFile = { file: path, form, entries };
  if (scientific !== undefined) roster.scientific = scientific;
  throwIfScientific(roster);
  return roster;
}
