/**
 * The compiled problem (what the solver and the verifier read) and the roster (what they
 * write and check). Compiled from a `ScenarioInput` by `src/policy/compile.ts`.
 */
import { unitKey, type Rank, type Employment } from "./values.js";
import type { InputIssue } from "./errors.js";

/** An employee's mode on one workday. Stored as one byte per person-day. */
export const HOME = 0;
export const OFFICE = 1;
export const LEAVE = 2;
export type Mode = typeof HOME | typeof OFFICE | typeof LEAVE;
export const MODE_CODES = ["H", "O", "L"] as const;
export const MODE_NAMES = ["home", "office", "leave"] as const;

/** The workdays of the horizon and the calendar week (Monday-based) each falls in. */
export interface Calendar {
  /** ISO dates of the workdays, ascending. */
  days: string[];
  /** For each workday, the index of its week in `weekStarts`. */
  week: number[];
  /** ISO date of the Monday of each week that holds at least one workday. */
  weekStarts: string[];
}

/**
 * How a person takes part:
 * - `fixed`: in the office every workday not on leave (exempt agency, exempt unit of
 *   units.csv, mandatory, not eligible for remote work, or an employment type that does not
 *   rotate);
 * - `rotating`: rotates between office and home;
 * - `priority`: rotates, but is health priority: home whenever the rules allow.
 */
export type Attendance = "fixed" | "rotating" | "priority";
export type FixedReason = "exempt" | "exempt_unit" | "mandatory" | "ineligible" | "employment";

export interface Person {
  /** Position in `Problem.people` (input order). */
  index: number;
  id: string;
  name: string;
  /** Index into `Problem.agencies`. */
  agency: number;
  rank: Rank;
  /** The unit inside the agency; "" when none is given. */
  unit: string;
  position: string;
  employment: Employment;
  attendance: Attendance;
  fixedBy: FixedReason | null;
  /** Why the person is health priority (age, pregnant, comorbid), empty when not. */
  priorityReasons: string[];
  /** 1 on each workday the person is on leave; null when never on leave. */
  leave: Uint8Array | null;
  /** Office days already worked before this horizon (history.csv; days in both rotations). */
  history: number;
  /**
   * Workdays of those earlier periods (history.csv `workdays`; the horizon's workday count
   * for anyone listed without it; 0 for people not in history.csv). Weighs the fair share.
   */
  priorWorkdays: number;
  /**
   * Requests per workday (requests.csv; replanning pins the published days): one of the
   * REQUEST_* codes per day; null when the person has none. Pins are hard rules, wishes
   * are granted whenever objectives 1-4 do not get worse.
   */
  requests?: Uint8Array | null;
  /** Line of the person's row in employees.csv. */
  line: number;
}

export const REQUEST_NONE = 0;
export const PIN_OFFICE = 1;
export const PIN_HOME = 2;
export const WISH_OFFICE = 3;
export const WISH_HOME = 4;

/** A composition rule as it applies to one agency: matching people in the office per workday. */
export interface CompositionRule {
  /** Line in `file`. */
  line: number;
  /**
   * Where the rule is written: absent for rules.csv; "units.csv" for a unit's min_office or
   * cap (a rule on that unit, any rank).
   */
  file?: string;
  /** null: any unit / any rank. */
  unit: string | null;
  rank: Rank | null;
  min: number;
  /** null: no maximum. */
  max: number | null;
}

export interface Agency {
  index: number;
  id: string;
  name: string;
  exempt: boolean;
  /** Most people in the office per workday; null for exempt agencies (no cap). */
  cap: number | null;
  /** How the cap was found, for messages: "25 % of 22", "count 5". */
  capBasis: string;
  /**
   * Dated caps (caps.csv): the cap on each workday where it differs from `cap`; absent or
   * null entries mean `cap`. Read it through `capOn`, never directly.
   */
  dayCaps?: (number | null)[] | null;
  /** The basis of each dated cap, for messages ("20 % of 40 (caps.csv line 3)"). */
  dayCapBasis?: (string | null)[] | null;
  /**
   * Decreed remote days (a caps.csv cap of 0): true on each such workday. The cap of the day
   * is then the people who must be in (`dayCaps`), not 0; the day is closed to the rotation.
   */
  remoteDays?: boolean[] | null;
  /** Fewest people in the office per workday. */
  minOffice: number;
  headcount: number;
  /** Indices into `Problem.people`, in input order. */
  people: number[];
  rules: CompositionRule[];
}

/** Shift teams (rotation "teams"): fixed teams for the horizon taking turns by day or week. */
export interface TeamsSetting {
  /** Teams per agency; null: the fewest whose largest team fits the room under the cap. */
  count: number | null;
  period: "day" | "week";
}

/**
 * Flexible work (PermenPANRB 4/2025, scenario.json `perPerson.officeDaysPerWeek`): each
 * rotating or health-priority person's office days in every full week lie within the bounds
 * `weekOfficeBounds` gives that person and week: [min, max], the minimum lowered by each day
 * of the week the person cannot come for a reason outside the rotation.
 */
export interface PerPersonRule {
  min: number;
  max: number;
  /**
   * Per calendar week (`Calendar.weekStarts`): whether the horizon holds every day of the
   * week that is a workday by the scenario's `workdays` (holidays do not cut a week; the
   * horizon's start or end does). Only full weeks are bounded.
   */
  fullWeeks: boolean[];
  /**
   * Per calendar week: its workdays by `workdays` alone, holidays included (5 for a Monday to
   * Friday week with Good Friday in it). Absent: the week's workdays in the calendar.
   */
  nominalDays?: number[];
}

export interface Problem {
  name: string;
  rotation: "daily" | "weekly" | "teams";
  /** Set when `rotation` is "teams". */
  teams?: TeamsSetting | null;
  /** Office days per person per full week; null or absent when the scenario sets none. */
  perPerson?: PerPersonRule | null;
  calendar: Calendar;
  people: Person[];
  agencies: Agency[];
  /** What compile noticed but is not an error (leave outside the horizon, an agency where no mandatory position matches). */
  warnings?: InputIssue[];
}

/** Modes of every person on every workday: `modes[person * days + day]`. */
export interface Roster {
  days: number;
  modes: Uint8Array;
}

export function emptyRoster(people: number, days: number): Roster {
  return { days, modes: new Uint8Array(people * days) };
}

/** The cap in force on workday `day` (dated caps first); null for exempt agencies. */
export function capOn(agency: Agency, day: number): number | null {
  if (agency.exempt) return null;
  const dated = agency.dayCaps?.[day];
  return dated === undefined || dated === null ? agency.cap : dated;
}

/** The words of the cap in force on workday `day`. */
export function capBasisOn(agency: Agency, day: number): string {
  return agency.dayCapBasis?.[day] ?? agency.capBasis;
}

/**
 * The bounds on a person's office days in week `week` (flexible work), or null when none
 * apply: no `perPerson`, a fixed person, or a week the horizon cuts. In a full week of N
 * workdays by `workdays` (`nominalDays`), each day the person cannot come for a reason
 * outside the rotation (a holiday, a leave day, a day whose cap is 0 such as a decreed
 * remote day, a day pinned home in requests.csv) lowers the minimum by one:
 * `min' = max(0, min - (N - open))`, where `open` counts the week's other workdays;
 * `max' = min(max, open)`. So "at least 3 office days" reads as "at most N - 3 days away",
 * the same rule whether the policy is written as an office quota or as a remote quota.
 *
 * @example weekOfficeBounds(problem, person, 0) //=> { min: 3, max: 4, open: 5 } (no leave, 5 workdays, 3-4)
 */
export function weekOfficeBounds(problem: Problem, person: Person, week: number): { min: number; max: number; open: number } | null {
  const rule = problem.perPerson;
  if (!rule || person.attendance === "fixed" || rule.fullWeeks[week] !== true) return null;
  const { week: weekOf } = problem.calendar;
  const agency = problem.agencies[person.agency];
  let open = 0;
  let canCome = 0;
  let workdays = 0;
  // Days ascend and a week's days are contiguous: scan from its first day.
  for (let d = weekOf.indexOf(week); d >= 0 && d < weekOf.length && weekOf[d] === week; d++) {
    workdays++;
    if (person.leave !== null && person.leave[d] === 1) continue;
    if (person.requests?.[d] === PIN_HOME) continue;
    canCome++;
    // A decreed remote day lowers the minimum like a holiday, but whoever a rule still needs
    // in that day (the library's three) may come: it does not lower the maximum.
    if (capOn(agency, d) === 0 || agency.remoteDays?.[d] === true) continue;
    open++;
  }
  const nominal = rule.nominalDays?.[week] ?? workdays;
  return { min: Math.max(0, rule.min - (nominal - open)), max: Math.min(rule.max, canCome), open };
}

export function ruleMatches(rule: CompositionRule, person: Person): boolean {
  return (rule.rank === null || rule.rank === person.rank) && (rule.unit === null || unitKey(rule.unit) === unitKey(person.unit));
}

/** The key of a fairness group: same agency, rank and unit, rotating and not health priority. */
export function fairnessGroupKey(person: Person): string | null {
  return person.attendance === "rotating" ? `${person.agency}\u0000${person.rank}\u0000${person.unit}` : null;
}
