/**
 * What the verifier reports: one `Violation` per broken hard rule instance, as data
 * (rule, message code, who, when, the numbers); `format.ts` turns it into words.
 */
import type { Problem, Roster } from "../domain/problem.js";
import type { MessageCode, MessageValues } from "../messages/index.js";
import type { Facts } from "./facts.js";

/** The hard rules, in the order the verifier runs them and reports their violations. */
export const HARD_RULE_NAMES = [
  "unknownMode",
  "leaveIsLeave",
  "fixedAlwaysIn",
  "pinsHold",
  "capPerAgencyDay",
  "minOfficePerAgencyDay",
  "compositionRule",
  "weeklyBlocks",
  "officeDaysPerWeek",
] as const;
export type HardRuleName = (typeof HARD_RULE_NAMES)[number];

/**
 * One instance of a broken rule. `values` holds the numbers and the raw names
 * (`agency`, `employee`, `mode`, `reason`, `rank`, `unit`, ...) that `formatViolation`
 * needs; words that depend on the language (mode names, "staff", "at least") are chosen
 * there, not here.
 */
export interface Violation {
  rule: HardRuleName;
  code: MessageCode;
  agencyId: string;
  employeeId?: string;
  /** The workday (ISO); for `weeklyBlocks` and `officeDaysPerWeek`, the Monday of the week. */
  date?: string;
  values: MessageValues;
}

/** Most violations kept per rule by default; all of them are still counted. */
export const DEFAULT_VIOLATION_LIMIT = 10_000;

/**
 * Collects one rule's violations: counts every one, keeps the first `limit`. Rules call
 * `take()` before building a violation, so that a badly broken million-person roster
 * allocates at most `limit` objects per rule.
 */
export class ViolationSink {
  readonly kept: Violation[] = [];
  total = 0;
  constructor(readonly limit: number = DEFAULT_VIOLATION_LIMIT) {}

  /** Count one more violation; true when it should be built and kept. */
  take(): boolean {
    this.total++;
    return this.total <= this.limit;
  }

  /** Count `n` violations at once (found by a fast pass) without keeping any. */
  countOnly(n: number): void {
    this.total += n;
  }

  /** Keep a violation the caller had counted already (through `countOnly`). */
  keep(v: Violation): boolean {
    if (this.kept.length >= this.limit) return false;
    this.kept.push(v);
    return true;
  }

  get full(): boolean {
    return this.kept.length >= this.limit;
  }
}

/**
 * A hard rule: reads the problem and the roster, reports into `sink`, returns what it kept.
 * `facts` (the people as typed arrays) is built when not given; `verifyRoster` builds it once for all rules.
 */
export type HardRule = (problem: Problem, roster: Roster, sink?: ViolationSink, facts?: Facts) => Violation[];

/** The outcome of `verifyRoster`. */
export interface Verification {
  /** True when no hard rule is broken. */
  ok: boolean;
  /** Kept violations, by rule (in `HARD_RULE_NAMES` order), then agency, date, person. */
  violations: Violation[];
  /** Every violation counted, per rule, kept or not. */
  total: Record<HardRuleName, number>;
  /** Sum of `total`. */
  count: number;
  /** True when some rule had more violations than the limit and not all were kept. */
  truncated: boolean;
}
