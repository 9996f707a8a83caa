/**
 * A compact way to declare a compiled `Problem` (and a `Roster` for it) in tests, without
 * going through CSV files and the policy compiler. Everything has a plain default, so a
 * test states only the facts it is about:
 *
 * ```ts
 * const problem = buildProblem({
 *   days: workdaysBetween("2021-07-19", "2021-07-30"),     // or an explicit ISO list
 *   rotation: "weekly",
 *   agencies: [{ id: "DINKES", cap: 2, minOffice: 1, rules: [{ rank: "eselon_4", min: 1 }] }],
 *   people: [
 *     { id: "kadis", agency: "DINKES", rank: "eselon_2", attendance: "fixed" },
 *     { id: "a", agency: "DINKES", leave: ["2021-07-20"], history: 3 },
 *     { id: "b", agency: "DINKES", attendance: "priority" },
 *   ],
 * });
 * const roster = rosterOf(problem, { kadis: "OOOOOOOOOO", a: "OLHHH OOOOO", b: "HHHHH HHHHH" });
 * ```
 *
 * Calendar weeks are Monday-based (`startOfISOWeek`), as DESIGN.md asks.
 */
import { addDays, format, isWeekend, parseISO, startOfISOWeek } from "date-fns";
import {
  HOME, LEAVE, OFFICE, emptyRoster,
  type Agency, type Attendance, type Calendar, type CompositionRule, type FixedReason, type Person, type Problem, type Roster,
} from "../../src/domain/problem.js";
import type { Employment, Rank } from "../../src/domain/values.js";

export interface AgencySpec {
  id: string;
  /** Default: the id. */
  name?: string;
  /** Default false. An exempt agency has no cap and no rules. */
  exempt?: boolean;
  /** Default: the headcount (a cap that never binds); null for exempt agencies. */
  cap?: number | null;
  /** Default `count <cap>`. */
  capBasis?: string;
  /** Default 0. */
  minOffice?: number;
  /** Composition rules; `line` defaults to 2, 3, ... in order. */
  rules?: Array<{ rank?: Rank | null; unit?: string | null; min?: number; max?: number | null; line?: number }>;
}

export interface PersonSpec {
  id: string;
  /** Agency id. Default: the first agency. */
  agency?: string;
  /** Default: the id. */
  name?: string;
  /** Default "pelaksana". */
  rank?: Rank;
  /** Default "". */
  unit?: string;
  /** Default "". */
  position?: string;
  /** Default "pns". */
  employment?: Employment;
  /** Default "fixed" in an exempt agency, "rotating" elsewhere. */
  attendance?: Attendance;
  /** Default for fixed people: "exempt" in an exempt agency, else "mandatory". */
  fixedBy?: FixedReason;
  /** Default ["age"] for priority people. */
  priorityReasons?: string[];
  /** Leave days, as ISO dates or workday indices. */
  leave?: Array<string | number>;
  /** Default 0. */
  history?: number;
  /** history.csv `workdays`; defaults to the horizon's workday count when `history` is given. */
  priorWorkdays?: number;
}

export interface ProblemSpec {
  name?: string;
  /** Default "daily". */
  rotation?: "daily" | "weekly";
  /** The workdays, ISO, ascending. */
  days: string[];
  agencies: AgencySpec[];
  people: PersonSpec[];
}

/**
 * The workdays Monday to Friday from `start` to `end` inclusive, minus `holidays`.
 *
 * @example workdaysBetween("2021-07-23", "2021-07-26") //=> ["2021-07-23", "2021-07-26"]
 */
export function workdaysBetween(start: string, end: string, holidays: string[] = []): string[] {
  const out: string[] = [];
  for (let day = parseISO(start); format(day, "yyyy-MM-dd") <= end; day = addDays(day, 1)) {
    const iso = format(day, "yyyy-MM-dd");
    if (!isWeekend(day) && !holidays.includes(iso)) out.push(iso);
  }
  return out;
}

/** The calendar of the given workdays: each day's Monday-based week. */
export function calendarOf(days: string[]): Calendar {
  const weekStarts: string[] = [];
  const week = days.map((iso) => {
    const monday = format(startOfISOWeek(parseISO(iso)), "yyyy-MM-dd");
    if (weekStarts[weekStarts.length - 1] !== monday) weekStarts.push(monday);
    return weekStarts.length - 1;
  });
  return { days: [...days], week, weekStarts };
}

/** Build a compiled `Problem` from a compact spec (see the module comment). */
export function buildProblem(spec: ProblemSpec): Problem {
  const calendar = calendarOf(spec.days);
  const dayIndex = new Map(calendar.days.map((d, i) => [d, i]));
  const agencyIndex = new Map(spec.agencies.map((a, i) => [a.id, i]));
  const people: Person[] = spec.people.map((p, index) => {
    const agencyId = p.agency ?? spec.agencies[0].id;
    const agency = agencyIndex.get(agencyId);
    if (agency === undefined) throw new Error(`person ${p.id}: unknown agency ${agencyId}`);
    const exempt = spec.agencies[agency].exempt ?? false;
    const attendance: Attendance = p.attendance ?? (exempt ? "fixed" : "rotating");
    let leave: Uint8Array | null = null;
    if (p.leave && p.leave.length > 0) {
      leave = new Uint8Array(calendar.days.length);
      for (const day of p.leave) {
        const d = typeof day === "number" ? day : dayIndex.get(day);
        if (d === undefined || d < 0 || d >= calendar.days.length) throw new Error(`person ${p.id}: leave day ${day} is not a workday`);
        leave[d] = 1;
      }
    }
    return {
      index,
      id: p.id,
      name: p.name ?? p.id,
      agency,
      rank: p.rank ?? "pelaksana",
      unit: p.unit ?? "",
      position: p.position ?? "",
      employment: p.employment ?? "pns",
      attendance,
      fixedBy: attendance === "fixed" ? (p.fixedBy ?? (exempt ? "exempt" : "mandatory")) : null,
      priorityReasons: attendance === "priority" ? (p.priorityReasons ?? ["age"]) : [],
      leave,
      history: p.history ?? 0,
      priorWorkdays: p.priorWorkdays ?? (p.history === undefined ? 0 : calendar.days.length),
      line: index + 2,
    };
  });
  const agencies: Agency[] = spec.agencies.map((a, index) => {
    const members = people.filter((p) => p.agency === index).map((p) => p.index);
    const exempt = a.exempt ?? false;
    const cap = exempt ? null : a.cap === undefined ? members.length : a.cap;
    const rules: CompositionRule[] = (a.rules ?? []).map((r, i) => ({
      line: r.line ?? i + 2,
      unit: r.unit ?? null,
      rank: r.rank ?? null,
      min: r.min ?? 0,
      max: r.max ?? null,
    }));
    return {
      index,
      id: a.id,
      name: a.name ?? a.id,
      exempt,
      cap,
      capBasis: a.capBasis ?? (cap === null ? "" : `count ${cap}`),
      minOffice: a.minOffice ?? 0,
      headcount: members.length,
      people: members,
      rules,
    };
  });
  return { name: spec.name ?? "test", rotation: spec.rotation ?? "daily", calendar, people, agencies };
}

const CODES: Readonly<Record<string, number>> = { H: HOME, O: OFFICE, L: LEAVE };

/**
 * A roster from one string of mode letters per person (`O` office, `H` home, `L` leave;
 * spaces are ignored, so weeks can be set apart; a digit is that raw mode byte, to test
 * the guard against unknown codes). People not listed are HOME every day.
 *
 * @example rosterOf(problem, { a: "OOHHH OHHHH" })
 */
export function rosterOf(problem: Problem, rows: Record<string, string> | string[]): Roster {
  const days = problem.calendar.days.length;
  const roster = emptyRoster(problem.people.length, days);
  const byId = new Map(problem.people.map((p) => [p.id, p.index]));
  const entries: Array<[number, string]> = Array.isArray(rows)
    ? rows.map((row, i) => [i, row])
    : Object.entries(rows).map(([id, row]) => {
        const p = byId.get(id);
        if (p === undefined) throw new Error(`rosterOf: unknown person ${id}`);
        return [p, row];
      });
  for (const [p, row] of entries) {
    const letters = row.replace(/\s+/g, "");
    if (letters.length !== days) throw new Error(`rosterOf: person ${problem.people[p].id} has ${letters.length} modes for ${days} workdays`);
    for (let d = 0; d < days; d++) {
      const ch = letters[d].toUpperCase();
      const mode = /\d/.test(ch) ? Number(ch) : CODES[ch];
      if (mode === undefined) throw new Error(`rosterOf: unknown mode letter ${letters[d]}`);
      roster.modes[p * days + d] = mode;
    }
  }
  return roster;
}
