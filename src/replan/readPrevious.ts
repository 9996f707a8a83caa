/**
 * Reading the previous roster of a replan straight into modes. A province's roster.csv is 2
 * million rows: the general reader (`readRoster`, fast-csv, one object per cell) takes about
 * 12 s and 700 MB on it, so the long form giliran writes (`employee_id,date,mode`, no quotes)
 * is read here line by line into the mode bytes, with no object per row. Any other file
 * (wide, quoted, extra columns) goes through `readRoster`, which reads every form.
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

/**
 * The previous roster at `path`, mapped onto today's people and workdays (see `previousRoster`
 * for what is checked).
 *
 * @throws InputError when the file cannot be read, or holds a code that is no mode or a gap on a published day
 * @example await readPrevious("out/july/roster.csv", problem, 8) //=> { modes, listed, left }
 */
export async function readPrevious(path: string, problem: Problem, fromDay: number): Promise<PreviousRoster> {
  let text: string;
  try {
    text = (await readFile(path)).toString("utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: "input.file_unreadable", file: path, values: { file: path, reason } }]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const headerEnd = text.indexOf("\n");
  const header = (headerEnd === -1 ? text : text.slice(0, headerEnd)).replace(/\r$/, "");
  const delimiter = detectDelimiter(header);
  const titles = header.split(delimiter).map((t) => t.trim().toLowerCase());
  const plain = titles.length === 3 && titles[0] === "employee_id" && titles[1] === "date" && titles[2] === "mode" && text.indexOf('"') === -1;
  if (!plain) return previousRoster(problem, await parseRosterText(text, path), fromDay);

  const days = problem.calendar.days.length;
  const modes = new Uint8Array(problem.people.length * days).fill(UNKNOWN);
  const listed = new Uint8Array(problem.people.length);
  const personOf = new Map(problem.people.map((p) => [p.id, p.index]));
  const dayOf = new Map(problem.calendar.days.map((d, i) => [d, i]));
  const left = new Set<string>();
  const issues: InputIssue[] = [];
  let lastId = "";
  let lastPerson: number | undefined;
  let line = 1;
  const delimiterCode = delimiter.charCodeAt(0);
  const calendarDays = problem.calendar.days;
  let lastDay = -1;
  for (let at = headerEnd + 1; headerEnd !== -1 && at < text.length; line++) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > at && text.charCodeAt(end - 1) === 13) end--;
    // Rows of one person come together: the id of the last row is checked in place, not sliced.
    let first: number;
    if (lastId !== "" && text.startsWith(lastId, at) && text.charCodeAt(at + lastId.length) === delimiterCode) first = at + lastId.length;
    else {
      first = text.indexOf(delimiter, at);
      if (first === -1 || first > end) {
        at = next;
        continue; // a blank line, or a row too short to hold a mode: nothing to take
      }
      lastId = text.slice(at, first);
      let id = lastId.trim();
      if (id.charCodeAt(0) === 39) id = unneutralizeFormula(id);
      lastPerson = personOf.get(id);
      if (lastPerson === undefined && id !== "") left.add(id);
      else if (lastPerson !== undefined) listed[lastPerson] = 1;
    }
    const p = lastPerson;
    if (p === undefined) {
      at = next;
      continue;
    }
    // Dates come in order within a person: try the day after the last one before slicing.
    let d: number | undefined;
    let second: number;
    const guess = lastDay + 1 < days ? calendarDays[lastDay + 1] : calendarDays[0];
    if (text.startsWith(guess, first + 1) && text.charCodeAt(first + 1 + guess.length) === delimiterCode) {
      d = lastDay + 1 < days ? lastDay + 1 : 0;
      second = first + 1 + guess.length;
    } else {
      second = text.indexOf(delimiter, first + 1);
      if (second === -1 || second > end) {
        at = next;
        continue;
      }
      const rawDate = text.slice(first + 1, second);
      d = dayOf.get(rawDate) ?? dayOf.get(parseDate(rawDate) ?? "");
    }
    if (d !== undefined) lastDay = d;
    if (d !== undefined) {
      const mode = modeAt(text, second + 1, end);
      if (mode === UNKNOWN) {
        // empty: a gap, reported below when it is a published day
      } else if (mode === UNREADABLE) {
        modes[p * days + d] = UNREADABLE;
        if (issues.length < 50) issues.push({ code: "input.previous_mode", file: path, line, column: 3, values: { received: text.slice(second + 1, end).trim() } });
      } else modes[p * days + d] = mode;
    }
    at = next;
  }
  for (let p = 0; p < listed.length && issues.length < 50; p++) {
    if (listed[p] === 0) continue;
    for (let d = 0; d < fromDay; d++) {
      if (modes[p * days + d] !== UNKNOWN) continue;
      issues.push({ code: "input.previous_missing", file: path, values: { employee: problem.people[p].id, date: problem.calendar.days[d], from: problem.calendar.days[fromDay] ?? "the end" } });
      break;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return { modes, listed, left: [...left] };
}

/** The mode written between `from` and `end`: the words giliran writes checked by length and first letter, others through `MODES`. */
function modeAt(text: string, from: number, end: number): number {
  const length = end - from;
  const c = text.charCodeAt(from);
  if (length === 6 && c === 111 && text.startsWith("office", from)) return OFFICE;
  if (length === 4 && c === 104 && text.startsWith("home", from)) return HOME;
  if (length === 5 && c === 108 && text.startsWith("leave", from)) return LEAVE;
  const cell = text.slice(from, end).trim();
  if (cell === "") return UNKNOWN;
  return MODES[cell.toLowerCase()] ?? UNREADABLE;
}
