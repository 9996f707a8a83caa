/**
 * What `check` reports: the verifier's violations plus findings about the roster file's
 * shape (unknown employees, missing days, unreadable codes, ...). A `Violation` is a
 * `Finding`; shape findings add where in the file they are.
 */
import type { MessageCode, MessageValues } from "../messages/index.js";
import { HARD_RULE_NAMES, type HardRuleName } from "../verify/types.js";

/** Shape findings, in the order `check` reports them (before the hard rules). */
export const SHAPE_RULE_NAMES = [
  "unknownEmployee",
  "notWorkday",
  "missingEmployee",
  "missingDay",
  "missingCell",
  "unknownCode",
  "duplicateCell",
] as const;
export type ShapeRuleName = (typeof SHAPE_RULE_NAMES)[number];
export type CheckRuleName = ShapeRuleName | HardRuleName;

/** Every rule `check` reports, in report order. */
export const CHECK_RULE_NAMES: readonly CheckRuleName[] = [...SHAPE_RULE_NAMES, ...HARD_RULE_NAMES];

export interface Finding {
  rule: CheckRuleName;
  code: MessageCode;
  /** Absent when the finding is about no agency (an unknown employee, a missing day). */
  agencyId?: string;
  employeeId?: string;
  date?: string;
  /** Where in the roster file, for shape findings that point at a cell or row. */
  file?: string;
  line?: number;
  column?: number;
  values: MessageValues;
}

export function isShapeRule(rule: CheckRuleName): rule is ShapeRuleName {
  return (SHAPE_RULE_NAMES as readonly string[]).includes(rule);
}
