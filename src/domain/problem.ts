/**
 * The compiled problem (what the solver and the verifier read) and the roster (what they
 * write and check). Compiled from a `ScenarioInput` by `src/policy/compile.ts`.
 */
import { unitKey, type Rank, type Employment } from "./values.js";

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
 * - `fixed`: in the office every workday not on leave (exempt agency, mandatory, or an
 *   employment type that does not rotate);
 * - `rotating`: rotates between office and home;
 * - `priority`: rotates, but is health priority: home whenever the rules allow.
 */
export type Attendance = "fixed" | "rotating" | "priority";
export type FixedReason = "exempt" | "mandatory" | "employment";

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
  /** Line in rules.csv. */
  line: number;
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
  /** Fewest people in the office per workday. */
  minOffice: number;
  headcount: number;
  /** Indices into `Problem.people`, in input order. */
  people: number[];
  rules: CompositionRule[];
}

/**
 * Flexible work (PermenPANRB 4/2025, scenario.json `perPerson.officeDaysPerWeek`): each
 * rotating person's office days in every full week within [min, max]; the minimum shrinks to
 * the days they can come (not on leave) that week.
 */
export interface PerPersonRule {
  min: number;
  max: number;
  /** Per calendar week (`Calendar.weekStarts`): whether all its days, Monday to Sunday, lie in the horizon. */
  fullWeeks: boolean[];
}

export interface Problem {
  name: string;
  rotation: "daily" | "weekly";
  /** Office days per person per full week; null or absent when the scenario sets none. */
  perPerson?: PerPersonRule | null;
  calendar: Calendar;
  people: Person[];
  agencies: Agency[];
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

export function ruleMatches(rule: CompositionRule, person: Person): boolean {
  return (rule.rank === null || rule.rank === person.rank) && (rule.unit === null || unitKey(rule.unit) === unitKey(person.unit));
}

/** The key of a fairness group: same agency, rank and unit, rotating and not health priority. */
export function fairnessGroupKey(person: Person): string | null {
  return person.attendance === "rotating" ? `${person.agency}\u0000${person.rank}\u0000${person.unit}` : null;
}
