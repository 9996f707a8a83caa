/**
 * The previous roster of a replan, laid onto today's problem: the published days (before
 * `--from`) pinned to their published modes, the days from `--from` on wished to them, so that
 * the solver keeps what it can ("fewest changed assignments" as the last tie-break).
 *
 * Decisions (docs/living.md, "replan"):
 * - A published day keeps its mode, except where today's inputs make that mode impossible
 *   for the person: leave.csv now puts leave there (the day becomes leave: leave is the record
 *   of who was absent), leave was published but leave.csv no longer has it (home, or office
 *   for staff who are always in), or the person is now always in (office). Such days are
 *   listed in changes.csv and counted apart.
 * - requests.csv is read from `--from` on only; on published days it is ignored.
 * - Someone in employees.csv but not in the previous roster joined since: on leave on the
 *   published days (not on staff yet, so owed no share for them), free from `--from` on.
 * - Someone in the previous roster but no longer in employees.csv has left: their days are
 *   dropped (counted in the summary).
 * - A published day is history: where it holds more people in the office than today's cap
 *   (a cap in percent falls when someone leaves; caps.csv changed a past day), the cap of
 *   that day is raised to what was published, and the day is counted in the summary.
 */
import { InputError } from "../domain/errors.js";
import { HOME, OFFICE, PIN_HOME, PIN_OFFICE, REQUEST_NONE, WISH_HOME, WISH_OFFICE, capBasisOn, capOn, type Problem } from "../domain/problem.js";
import { modeFromText, type RosterFile } from "../io/readRoster.js";

/** No mode known for a person-day in the previous roster. */
export const UNKNOWN = 255;
/** A cell whose code is no mode (reported as bad input). */
const UNREADABLE = 254;

export interface PreviousRoster {
  /** The previous mode of every person of today's problem on every workday (`UNKNOWN` where none). */
  modes: Uint8Array;
  /** Per person: 1 when the previous roster lists them. */
  listed: Uint8Array;
  /** Ids in the previous roster that are no longer in employees.csv, in file order. */
  left: string[];
}

/**
 * The first workday on or after `from` (the number of workdays when none is).
 *
 * @example fromDayIndex(problem, "2021-07-30") //=> 8 for Kotim 2021 (its ninth workday)
 */
export function fromDayIndex(problem: Problem, from: string): number {
  const days = problem.calendar.days;
  const i = days.findIndex((d) => d >= from);
  return i === -1 ? days.length : i;
}

/**
 * Map a roster file onto today's people and workdays. Dates outside today's workdays are
 * skipped (the horizon may have changed); a code that is no mode, on a day that counts, and
 * a listed person with a published day missing are bad input.
 *
 * @throws InputError naming the file, line and column
 */
export function previousRoster(problem: Problem, file: RosterFile, fromDay: number): PreviousRoster {
  const days = problem.calendar.days.length;
  const modes = new Uint8Array(problem.people.length * days).fill(UNKNOWN);
  const listed = new Uint8Array(problem.people.length);
  const personOf = new Map(problem.people.map((p) => [p.id, p.index]));
  const dayOf = new Map(problem.calendar.days.map((d, i) => [d, i]));
  const left = new Set<string>();
  const issues: InputError["issues"] = [];
  for (const entry of file.entries) {
    const p = personOf.get(entry.employeeId);
    if (p === undefined) {
      if (entry.employeeId !== "") left.add(entry.employeeId);
      continue;
    }
    listed[p] = 1;
    const d = dayOf.get(entry.date);
    if (d === undefined) continue;
    const mode = modeFromText(entry.mode);
    if (mode === null) {
      modes[p * days + d] = UNREADABLE;
      if (issues.length < 50) issues.push({ code: "input.previous_mode", file: file.file, line: entry.line, column: entry.column, values: { received: entry.mode } });
      continue;
    }
    modes[p * days + d] = mode;
  }
  for (let p = 0; p < listed.length && issues.length < 50; p++) {
    if (listed[p] === 0) continue;
    for (let d = 0; d < fromDay; d++) {
      if (modes[p * days + d] !== UNKNOWN) continue; // UNREADABLE is reported already
      issues.push({ code: "input.previous_missing", file: file.file, values: { employee: problem.people[p].id, date: problem.calendar.days[d], from: problem.calendar.days[fromDay] ?? "the end" } });
      break;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return { modes, listed, left: [...left] };
}

export interface AppliedPrevious {
  /** Person-days before `--from` of people in both rosters. */
  published: number;
  /** People in employees.csv and not in the previous roster. */
  joined: number;
  /** Agency-days before `--from` whose published office count is above today's cap (kept as published). */
  overCap: number;
}

/**
 * Pin the published days and wish the rest, on today's problem (in place): each person's
 * `requests` and, for people who joined, `leave` on the published days.
 */
export function applyPrevious(problem: Problem, previous: PreviousRoster, fromDay: number): AppliedPrevious {
  const days = problem.calendar.days.length;
  let published = 0;
  let joined = 0;
  // The requests of everyone without requests.csv rows, in one buffer: a replan gives everyone
  // requests, and 100,000 small arrays cost more to make and to read than one.
  const made = new Uint8Array(problem.people.length * days);
  // Office people of each agency on each published day, as published: `[agency * fromDay + day]`.
  const publishedOffice = new Int32Array(problem.agencies.length * fromDay);
  for (let i = 0; i < problem.people.length; i++) {
    const person = problem.people[i];
    const base = person.index * days;
    if (previous.listed[person.index] === 0) {
      joined++;
      if (fromDay > 0) {
        const leave = person.leave ?? new Uint8Array(days);
        leave.fill(1, 0, fromDay);
        person.leave = leave;
      }
      if (person.requests) person.requests.fill(REQUEST_NONE, 0, fromDay);
      continue;
    }
    published += fromDay;
    const fixed = person.attendance === "fixed";
    const requests = person.requests ?? made.subarray(person.index * days, (person.index + 1) * days);
    let any = false;
    for (let d = 0; d < days; d++) {
      const onLeave = person.leave !== null && person.leave[d] === 1;
      const before = previous.modes[base + d];
      if (d < fromDay) {
        // Published: the previous mode, as far as today's inputs allow it for this person.
        requests[d] = REQUEST_NONE;
        if (!onLeave && (fixed || before === OFFICE)) publishedOffice[person.agency * fromDay + d]++;
        if (onLeave || fixed) continue;
        requests[d] = before === OFFICE ? PIN_OFFICE : PIN_HOME;
      } else if (requests[d] === REQUEST_NONE && !onLeave && !fixed) {
        if (before === OFFICE) requests[d] = WISH_OFFICE;
        else if (before === HOME) requests[d] = WISH_HOME;
      }
      if (requests[d] !== REQUEST_NONE) any = true;
    }
    person.requests = any ? requests : null;
  }
  return { published, joined, overCap: keepPublishedCaps(problem, fromDay, publishedOffice) };
}

/**
 * Raise the cap of each published day to its published office count (`publishedOffice`, by
 * agency and day) where today's cap is below it (the past cannot be replanned). Returns the
 * number of agency-days raised.
 */
function keepPublishedCaps(problem: Problem, fromDay: number, publishedOffice: Int32Array): number {
  let raised = 0;
  const days = problem.calendar.days;
  for (const agency of problem.agencies) {
    if (agency.exempt) continue;
    for (let d = 0; d < fromDay; d++) {
      const cap = capOn(agency, d);
      if (cap === null) continue;
      const office = publishedOffice[agency.index * fromDay + d];
      if (office <= cap) continue;
      agency.dayCaps ??= new Array<number | null>(days.length).fill(null);
      agency.dayCapBasis ??= new Array<string | null>(days.length).fill(null);
      agency.dayCapBasis[d] = `${capBasisOn(agency, d)}, ${office} as published before ${days[fromDay] ?? "the replan"}`;
      agency.dayCaps[d] = office;
      raised++;
    }
  }
  return raised;
}
