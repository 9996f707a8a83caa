/**
 * Reading the previous roster of a replan straight into modes. A province's roster.csv is 2
 * million rows: the general reader (`readRoster`, fast-csv, one object per cell) takes about
 * 12 s and 700 MB on it, so the long form giliran writes (`employee_id,date,mode`, no quotes)
 * is read here line by line from the file's bytes into the mode bytes, with no string or
 * object per row. Any other file (wide, quoted, extra columns) goes through `readRoster`,
 * which reads every form.
 */
import { readFile } from "node:fs/promises";
import { InputError, type InputIssue } from "../domain/errors.js";
import { HOME, LEAVE, OFFICE, type Problem } from "../domain/problem.js";
import { parseDate } from "../domain/values.js";
import { detectDelimiter, parseRosterText } from "../io/readRoster.js";
import { unneutralizeFormula } from "../io/csvText.js";
import { UNKNOWN, previousRoster, type PreviousRoster } from "./previous.js";

const UNREADABLE = 254;
const MODES: Readonly<Record<string, number>> = { office: OFFICE, o: OFFICE, home: HOME, h: HOME, leave: LEAVE, l: LEAVE };
const LF = 10;
const CR = 13;
const QUOTE = 34;
const APOSTROPHE = 39;

/**
 * The previous roster at `path`, mapped onto today's people and workdays (see `previousRoster`
 * for what is checked).
 *
 * @throws InputError when the file cannot be read, or holds a code that is no mode or a gap on a published day
 * @example await readPrevious("out/july/roster.csv", problem, 8) //=> { modes, listed, left }
 */
export async function readPrevious(path: string, problem: Problem, fromDay: number): Promise<PreviousRoster> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: "input.file_unreadable", file: path, values: { file: path, reason } }]);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headerEnd = bytes.indexOf(LF, bom);
  const header = bytes.toString("utf8", bom, headerEnd === -1 ? bytes.length : headerEnd).replace(/\r$/, "");
  const delimiter = detectDelimiter(header);
  const titles = header.split(delimiter).map((t) => t.trim().toLowerCase());
  const plain = titles.length === 3 && titles[0] === "employee_id" && titles[1] === "date" && titles[2] === "mode" && bytes.indexOf(QUOTE) === -1;
  if (!plain) return previousRoster(problem, await parseRosterText(bytes.toString("utf8", bom), path), fromDay);

  const days = problem.calendar.days.length;
  const calendarDays = problem.calendar.days;
  const people = problem.people;
  const modes = new Uint8Array(people.length * days).fill(UNKNOWN);
  const listed = new Uint8Array(people.length);
  // Only for rows out of today's order (the rows of a roster giliran wrote follow employees.csv).
  let personOf: Map<string, number> | null = null;
  let dayOf: Map<string, number> | null = null;
  const left = new Set<string>();
  const issues: InputIssue[] = [];
  // Cells are cut only where the bytes are not what is expected: the delimiter, the newline and
  // every text compared here are ASCII, so a cut between them decodes as the whole text would.
  const text = (from: number, to: number): string => bytes.toString("utf8", from, to);
  const delimiterCode = delimiter.charCodeAt(0);
  const length = bytes.length;
  const row = new RowBytes(bytes);
  // Each workday as written (ISO dates: ten ASCII characters) in two 32-bit words and a 16-bit one.
  const dates = new DateWords(calendarDays);
  // The id of the last row, as the bytes [lastIdStart, lastIdStart + lastIdLength) of its line.
  let lastIdStart = 0;
  let lastIdLength = 0;
  let lastPerson: number | undefined;
  /** The person expected on the next new id: the one after the last found. */
  let nextPerson = 0;
  let lastDay = -1;
  let line = 1;
  for (let at = headerEnd + 1; headerEnd !== -1 && at < length; line++) {
    // Rows of one person come together: the id of the last row is compared in place.
    let first = -1;
    if (lastIdLength > 0 && bytes[at + lastIdLength] === delimiterCode && row.same(lastIdStart, at, lastIdLength)) {
      first = at + lastIdLength;
    } else {
      let k = at;
      while (k < length && bytes[k] !== delimiterCode && bytes[k] !== LF) k++;
      if (k === length || bytes[k] === LF) {
        at = k + 1;
        continue; // a blank line, or a row too short to hold a mode: nothing to take
      }
      first = k;
      lastIdStart = at;
      lastIdLength = first - at;
      lastPerson = nextPerson < people.length && isIdAt(bytes, at, first, people[nextPerson].id) ? nextPerson : undefined;
      if (lastPerson === undefined) {
        let id = text(at, first).trim();
        if (id.charCodeAt(0) === APOSTROPHE) id = unneutralizeFormula(id);
        personOf ??= new Map(people.map((p) => [p.id, p.index]));
        lastPerson = personOf.get(id);
        if (lastPerson === undefined && id !== "") left.add(id);
      }
      if (lastPerson !== undefined) {
        listed[lastPerson] = 1;
        nextPerson = lastPerson + 1;
      }
    }
    const p = lastPerson;
    if (p === undefined) {
      at = row.lineEnd(first) + 1;
      continue;
    }
    // Dates come in order within a person: try the day after the last one before cutting a cell.
    let d: number | undefined;
    let second: number;
    const guessDay = lastDay + 1 < days ? lastDay + 1 : 0;
    if (guessDay < days && row.isDate(first + 1, dates, guessDay) && bytes[first + 11] === delimiterCode) {
      d = guessDay;
      second = first + 11;
    } else {
      let k = first + 1;
      while (k < length && bytes[k] !== delimiterCode && bytes[k] !== LF) k++;
      if (k === length || bytes[k] === LF) {
        at = k + 1;
        continue;
      }
      second = k;
      const rawDate = text(first + 1, second);
      dayOf ??= new Map(calendarDays.map((day, i) => [day, i]));
      d = dayOf.get(rawDate) ?? dayOf.get(parseDate(rawDate) ?? "");
    }
    // The words giliran writes, each with its newline, are taken without looking further.
    let mode = row.writtenMode(second + 1);
    const newline = mode === UNKNOWN ? row.lineEnd(second + 1) : second + 1 + WRITTEN_LENGTH[mode];
    const end = newline > at && bytes[newline - 1] === CR ? newline - 1 : newline;
    if (d !== undefined) {
      lastDay = d;
      if (mode === UNKNOWN) mode = modeAt(bytes, second + 1, end);
      if (mode === UNKNOWN) {
        // empty: a gap, reported below when it is a published day
      } else if (mode === UNREADABLE) {
        modes[p * days + d] = UNREADABLE;
        if (issues.length < 50) issues.push({ code: "input.previous_mode", file: path, line, column: 3, values: { received: text(second + 1, end).trim() } });
      } else modes[p * days + d] = mode;
    }
    at = newline + 1;
  }
  for (let p = 0; p < listed.length && issues.length < 50; p++) {
    if (listed[p] === 0) continue;
    for (let d = 0; d < fromDay; d++) {
      if (modes[p * days + d] !== UNKNOWN) continue;
      issues.push({ code: "input.previous_missing", file: path, values: { employee: people[p].id, date: calendarDays[d], from: calendarDays[fromDay] ?? "the end" } });
      break;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return { modes, listed, left: [...left] };
}

/** 32-bit words (little-endian) of the texts compared on every row. */
const word = (ascii: string): number => Buffer.from(ascii, "latin1").readUInt32LE(0);
const OFFI = word("offi");
const HOME_ = word("home");
const LEAV = word("leav");
const CE = 0x63 | (0x65 << 8); // "ce"
const E = 0x65;
/** Length of each mode's word as giliran writes it. */
const WRITTEN_LENGTH: Readonly<Record<number, number>> = { [OFFICE]: 6, [HOME]: 4, [LEAVE]: 5 };

/** The workdays, each (ISO, ten ASCII characters) as two 32-bit words and a 16-bit one; NaN where a day is not ten ASCII characters. */
class DateWords {
  readonly first: Float64Array;
  readonly second: Float64Array;
  readonly last: Float64Array;

  constructor(days: readonly string[]) {
    this.first = new Float64Array(days.length).fill(NaN);
    this.second = new Float64Array(days.length).fill(NaN);
    this.last = new Float64Array(days.length).fill(NaN);
    days.forEach((day, d) => {
      if (day.length !== 10 || !/^[\x20-\x7e]+$/.test(day)) return;
      const bytes = Buffer.from(day, "latin1");
      this.first[d] = bytes.readUInt32LE(0);
      this.second[d] = bytes.readUInt32LE(4);
      this.last[d] = bytes.readUInt16LE(8);
    });
  }
}

/**
 * Comparisons on the file's bytes a word at a time: a row of two million costs a few word
 * compares instead of cutting strings or comparing byte by byte.
 */
class RowBytes {
  private readonly view: DataView;
  private readonly bytes: Uint8Array;
  private readonly length: number;

  constructor(private readonly file: Buffer) {
    this.bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
    this.view = new DataView(file.buffer, file.byteOffset, file.length);
    this.length = file.length;
  }

  /** Whether workday `d` is written at `from`. */
  isDate(from: number, dates: DateWords, d: number): boolean {
    return from + 10 <= this.length && this.view.getUint32(from, true) === dates.first[d] && this.view.getUint32(from + 4, true) === dates.second[d] && this.view.getUint16(from + 8, true) === dates.last[d];
  }

  /** The mode at `from` when it is `office`, `home` or `leave` followed by a newline (as giliran writes them); UNKNOWN otherwise. */
  writtenMode(from: number): number {
    if (from + 7 > this.length) return UNKNOWN;
    const w = this.view.getUint32(from, true);
    const b = this.bytes;
    if (w === OFFI) return this.view.getUint16(from + 4, true) === CE && b[from + 6] === LF ? OFFICE : UNKNOWN;
    if (w === HOME_) return b[from + 4] === LF ? HOME : UNKNOWN;
    if (w === LEAV) return b[from + 4] === E && b[from + 5] === LF ? LEAVE : UNKNOWN;
    return UNKNOWN;
  }

  /** Whether the `length` bytes at `a` are those at `b` (both inside the file). */
  same(a: number, b: number, length: number): boolean {
    let i = 0;
    for (; i + 4 <= length; i += 4) if (this.view.getUint32(a + i, true) !== this.view.getUint32(b + i, true)) return false;
    for (; i < length; i++) if (this.bytes[a + i] !== this.bytes[b + i]) return false;
    return true;
  }

  /** The position of the newline ending the line that holds `from` (the file's length when none). */
  lineEnd(from: number): number {
    const k = this.file.indexOf(LF, from);
    return k === -1 ? this.length : k;
  }
}

/**
 * Whether the bytes [from, to) are `id` as the general path would read the cell: the same
 * ASCII characters, and nothing that trimming or undoing the formula neutralization would
 * change. (Ids are unique in a problem: readScenario refuses a second row with the same id.)
 */
function isIdAt(bytes: Buffer, from: number, to: number, id: string): boolean {
  if (to - from !== id.length || id.length === 0) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 128 || c !== bytes[from + i]) return false;
  }
  return !isSpace(bytes[from]) && !isSpace(bytes[to - 1]) && bytes[from] !== APOSTROPHE;
}

/** ASCII white space as `String.prototype.trim` removes it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The mode written in the bytes [from, end) when it is not one of `WRITTEN`: through `MODES`. */
function modeAt(bytes: Buffer, from: number, end: number): number {
  const cell = bytes.toString("utf8", from, end).trim();
  if (cell === "") return UNKNOWN;
  return MODES[cell.toLowerCase()] ?? UNREADABLE;
}
