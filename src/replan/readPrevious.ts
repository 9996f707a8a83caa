/**
 * Reading the previous roster of a replan straight into modes. A province's roster.csv is 2
 * million rows: the general reader (`readRoster`, fast-csv, one object per cell) takes about
 * 12 s and 700 MB on it, so the long form giliran writes (`employee_id,date,mode`, no quotes)
 * is read here line by line from the file's bytes into the mode bytes, with no string or
 * object per row, a megabyte at a time (a 50 MB buffer would make the garbage collector work
 * for it). Any other file (wide, quoted, extra columns) goes through `readRoster`, which reads
 * every form.
 */
import { open, readFile, type FileHandle } from "node:fs/promises";
import { InputError, type InputIssue } from "../domain/errors.js";
import { HOME, LEAVE, OFFICE, type Problem } from "../domain/problem.js";
import { parseDate } from "../domain/values.js";
import { detectDelimiter, modeFromText, parseRosterText } from "../io/readRoster.js";
import { unneutralizeFormula } from "../io/csvText.js";
import { UNKNOWN, previousRoster, type PreviousRoster } from "./previous.js";

const UNREADABLE = 254;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const APOSTROPHE = 39;
/** Bytes read at a time (the buffer grows only for a line longer than this). */
const CHUNK = 1 << 20;

/**
 * The previous roster at `path`, mapped onto today's people and workdays (see `previousRoster`
 * for what is checked).
 *
 * @throws InputError when the file cannot be read, or holds a code that is no mode or a gap on a published day
 * @example await readPrevious("out/july/roster.csv", problem, 8) //=> { modes, listed, left }
 */
export async function readPrevious(path: string, problem: Problem, fromDay: number): Promise<PreviousRoster> {
  const file = await unreadable(path, () => open(path, "r"));
  let long: PreviousRoster | null;
  try {
    long = await readLong(new Chunks(file, path), path, problem, fromDay);
  } finally {
    await file.close().catch(() => undefined);
  }
  if (long !== null) return long;
  let text = (await unreadable(path, () => readFile(path))).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return previousRoster(problem, await parseRosterText(text, path), fromDay);
}

/** `read()`, its failure reported as the file being unreadable. */
async function unreadable<T>(path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: "input.file_unreadable", file: path, values: { file: path, reason } }]);
  }
}

/**
 * The file's bytes a chunk at a time: `bytes[0, filled)` holds what is read and not yet
 * taken; `more(from)` keeps `[from, filled)` at the front and reads after it.
 */
class Chunks {
  bytes = Buffer.allocUnsafe(CHUNK);
  filled = 0;
  eof = false;
  /** Whether any byte read so far is a double quote (then the file is not the plain long form). */
  quoted = false;

  constructor(private readonly file: FileHandle, private readonly path: string) {}

  /** Keep the bytes from `from` on (at the front), then read until the buffer is full or the file ends. */
  async more(from: number): Promise<void> {
    this.bytes.copyWithin(0, from, this.filled);
    this.filled -= from;
    if (this.filled === this.bytes.length) {
      // A line longer than the buffer: twice the room.
      const larger = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(larger, 0, 0, this.filled);
      this.bytes = larger;
    }
    const start = this.filled;
    while (!this.eof && this.filled < this.bytes.length) {
      const { bytesRead } = await unreadable(this.path, () => this.file.read(this.bytes, this.filled, this.bytes.length - this.filled, null));
      if (bytesRead === 0) this.eof = true;
      this.filled += bytesRead;
    }
    if (this.bytes.subarray(start, this.filled).indexOf(QUOTE) !== -1) this.quoted = true;
  }
}

/**
 * The roster in the long form giliran writes (`employee_id,date,mode` without quotes), read
 * row by row; null when the file is in any other form.
 */
async function readLong(chunks: Chunks, path: string, problem: Problem, fromDay: number): Promise<PreviousRoster | null> {
  await chunks.more(0);
  while (chunks.bytes.subarray(0, chunks.filled).indexOf(LF) === -1 && !chunks.eof) await chunks.more(0);
  let bytes = chunks.bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && chunks.filled >= 3 ? 3 : 0;
  const newline = bytes.subarray(0, chunks.filled).indexOf(LF, bom);
  const headerEnd = newline === -1 ? chunks.filled : newline;
  const header = bytes.toString("utf8", bom, headerEnd).replace(/\r$/, "");
  const delimiter = detectDelimiter(header);
  const titles = header.split(delimiter).map((t) => t.trim().toLowerCase());
  if (!(titles.length === 3 && titles[0] === "employee_id" && titles[1] === "date" && titles[2] === "mode") || chunks.quoted) return null;

  const rows = new LongRows(problem, path, delimiter);
  if (newline !== -1) {
    let at = newline + 1;
    for (;;) {
      // Whole lines only, but for the last one of the file.
      const end = chunks.eof ? chunks.filled : bytes.lastIndexOf(LF, chunks.filled - 1) + 1;
      if (end > at) at = rows.take(bytes, at, end);
      if (chunks.eof) break;
      await chunks.more(Math.min(at, chunks.filled));
      if (chunks.quoted) return null;
      bytes = chunks.bytes;
      at = 0;
    }
  }
  return rows.result(fromDay);
}

/** The state of reading rows: what is known of the modes, and the last row's id and day. */
class LongRows {
  private readonly days: number;
  private readonly calendarDays: readonly string[];
  readonly modes: Uint8Array;
  readonly listed: Uint8Array;
  // Only for rows out of today's order (the rows of a roster giliran wrote follow employees.csv).
  private personOf: Map<string, number> | null = null;
  private dayIndex: Map<string, number> | null = null;
  private readonly left = new Set<string>();
  private readonly issues: InputIssue[] = [];
  private readonly delimiterCode: number;
  // Each workday as written (ISO dates: ten ASCII characters) in two 32-bit words and a 16-bit one.
  private readonly dates: DateWords;
  /** The id of the last row with an id, as its bytes. */
  private lastId = new Uint8Array(64);
  private lastIdView = new DataView(this.lastId.buffer);
  private lastIdLength = 0;
  private lastPerson: number | undefined;
  /** The person expected on the next new id: the one after the last found. */
  private nextPerson = 0;
  private lastDay = -1;
  /** Line of the row being read, for messages: the first row is line 1 (as this reader has always counted; readRoster counts the header). */
  /** Line of the next row in the file (the header is line 1). */
  private line = 2;

  constructor(private readonly problem: Problem, private readonly path: string, delimiter: string) {
    this.days = problem.calendar.days.length;
    this.calendarDays = problem.calendar.days;
    this.modes = new Uint8Array(problem.people.length * this.days).fill(UNKNOWN);
    this.listed = new Uint8Array(problem.people.length);
    this.delimiterCode = delimiter.charCodeAt(0);
    this.dates = new DateWords(this.calendarDays);
  }

  /** Take the rows of `bytes[at, end)` (whole lines, but for the last line of the file); returns where the next row starts. */
  take(bytes: Buffer, at: number, end: number): number {
    const { days, delimiterCode, modes, dates } = this;
    const row = new RowBytes(bytes, end);
    // Cells are cut only where the bytes are not what is expected: the delimiter, the newline and
    // every text compared here are ASCII, so a cut between them decodes as the whole text would.
    const text = (from: number, to: number): string => bytes.toString("utf8", from, to);
    // The state of the last row, in locals while the rows are read (written back below).
    let { lastPerson, lastDay, line } = this;
    for (; at < end; line++) {
      // Rows of one person come together: the id of the last row is compared first.
      let first = -1;
      const idLength = this.lastIdLength;
      if (idLength > 0 && at + idLength < end && bytes[at + idLength] === delimiterCode && row.same(at, this.lastIdView, idLength)) {
        first = at + idLength;
      } else {
        let k = at;
        while (k < end && bytes[k] !== delimiterCode && bytes[k] !== LF) k++;
        if (k === end || bytes[k] === LF) {
          at = k + 1;
          continue; // a blank line, or a row too short to hold a mode: nothing to take
        }
        first = k;
        this.keepId(bytes, at, first);
        lastPerson = this.personAt(bytes, at, first);
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
      if (guessDay < days && first + 11 < end && row.isDate(first + 1, dates, guessDay) && bytes[first + 11] === delimiterCode) {
        d = guessDay;
        second = first + 11;
      } else {
        let k = first + 1;
        while (k < end && bytes[k] !== delimiterCode && bytes[k] !== LF) k++;
        if (k === end || bytes[k] === LF) {
          at = k + 1;
          continue;
        }
        second = k;
        d = this.dayOf(text(first + 1, second));
      }
      // The words giliran writes, each with its newline, are taken without looking further.
      let mode = row.writtenMode(second + 1);
      const newline = mode === UNKNOWN ? row.lineEnd(second + 1) : second + 1 + WRITTEN_LENGTH[mode];
      const cellEnd = newline > at && bytes[newline - 1] === CR ? newline - 1 : newline;
      if (d !== undefined) {
        lastDay = d;
        if (mode === UNKNOWN) mode = modeAt(bytes, second + 1, cellEnd);
        if (mode === UNKNOWN) {
          // empty: a gap, reported below when it is a published day
        } else if (mode === UNREADABLE) {
          modes[p * days + d] = UNREADABLE;
          if (this.issues.length < 50) this.issues.push({ code: "input.previous_mode", file: this.path, line, column: 3, values: { received: text(second + 1, cellEnd).trim() } });
        } else modes[p * days + d] = mode;
      }
      at = newline + 1;
    }
    this.lastPerson = lastPerson;
    this.lastDay = lastDay;
    this.line = line;
    return at;
  }

  /** The person whose id is in `bytes[from, to)`, the one after the last found tried first; undefined for an id not in employees.csv (listed as left). */
  private personAt(bytes: Buffer, from: number, to: number): number | undefined {
    const people = this.problem.people;
    let p = this.nextPerson < people.length && isIdAt(bytes, from, to, people[this.nextPerson].id) ? this.nextPerson : undefined;
    if (p === undefined) {
      let id = bytes.toString("utf8", from, to).trim();
      if (id.charCodeAt(0) === APOSTROPHE) id = unneutralizeFormula(id);
      this.personOf ??= new Map(people.map((person) => [person.id, person.index]));
      p = this.personOf.get(id);
      if (p === undefined && id !== "") this.left.add(id);
    }
    if (p !== undefined) {
      this.listed[p] = 1;
      this.nextPerson = p + 1;
    }
    return p;
  }

  /** The workday of a date cell as written (ISO or DD/MM/YYYY); undefined for a day off today's workdays. */
  private dayOf(raw: string): number | undefined {
    this.dayIndex ??= new Map(this.calendarDays.map((day, i) => [day, i]));
    return this.dayIndex.get(raw) ?? this.dayIndex.get(parseDate(raw) ?? "");
  }

  /** Keep the id in `bytes[from, to)` as the last row's. */
  private keepId(bytes: Buffer, from: number, to: number): void {
    if (to - from > this.lastId.length) {
      this.lastId = new Uint8Array(2 * (to - from));
      this.lastIdView = new DataView(this.lastId.buffer);
    }
    this.lastId.set(bytes.subarray(from, to));
    this.lastIdLength = to - from;
  }

  /**
   * The previous roster read.
   *
   * @throws InputError for codes that are no mode and for published days missing
   */
  result(fromDay: number): PreviousRoster {
    const { days, modes, listed, issues } = this;
    for (let p = 0; p < listed.length && issues.length < 50; p++) {
      if (listed[p] === 0) continue;
      for (let d = 0; d < fromDay; d++) {
        if (modes[p * days + d] !== UNKNOWN) continue;
        issues.push({ code: "input.previous_missing", file: this.path, values: { employee: this.problem.people[p].id, date: this.calendarDays[d], from: this.calendarDays[fromDay] ?? "the end" } });
        break;
      }
    }
    if (issues.length > 0) throw new InputError(issues);
    return { modes, listed, left: [...this.left] };
  }
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
 * Comparisons on the bytes `[0, end)` of a chunk a word at a time: a row of two million costs
 * a few word compares instead of cutting strings or comparing byte by byte.
 */
class RowBytes {
  private readonly view: DataView;

  constructor(private readonly bytes: Buffer, private readonly end: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, end);
  }

  /** Whether workday `d` is written at `from`. */
  isDate(from: number, dates: DateWords, d: number): boolean {
    return from + 10 <= this.end && this.view.getUint32(from, true) === dates.first[d] && this.view.getUint32(from + 4, true) === dates.second[d] && this.view.getUint16(from + 8, true) === dates.last[d];
  }

  /** The mode at `from` when it is `office`, `home` or `leave` followed by a newline (as giliran writes them); UNKNOWN otherwise. */
  writtenMode(from: number): number {
    if (from + 7 > this.end) return UNKNOWN;
    const w = this.view.getUint32(from, true);
    const b = this.bytes;
    if (w === OFFI) return this.view.getUint16(from + 4, true) === CE && b[from + 6] === LF ? OFFICE : UNKNOWN;
    if (w === HOME_) return b[from + 4] === LF ? HOME : UNKNOWN;
    if (w === LEAV) return b[from + 4] === E && b[from + 5] === LF ? LEAVE : UNKNOWN;
    return UNKNOWN;
  }

  /** Whether the `length` bytes at `from` are those of `id` (`from + length` inside the chunk). */
  same(from: number, id: DataView, length: number): boolean {
    let i = 0;
    for (; i + 4 <= length; i += 4) if (this.view.getUint32(from + i, true) !== id.getUint32(i, true)) return false;
    for (; i < length; i++) if (this.bytes[from + i] !== id.getUint8(i)) return false;
    return true;
  }

  /** The position of the newline ending the line that holds `from` (the chunk's end when none). */
  lineEnd(from: number): number {
    const k = this.bytes.indexOf(LF, from);
    return k === -1 || k >= this.end ? this.end : k;
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

/** The mode written in the bytes [from, end) when it is not one of those giliran writes: read as the general reader reads it. */
function modeAt(bytes: Buffer, from: number, end: number): number {
  const cell = bytes.toString("utf8", from, end).trim();
  if (cell === "") return UNKNOWN;
  return modeFromText(cell) ?? UNREADABLE;
}
