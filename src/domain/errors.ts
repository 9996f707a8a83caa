/**
 * Errors are data first, words second: each carries structured issues with a message code;
 * `src/messages` turns them into text. The CLI maps each class to an exit code
 * (InputError 1, InfeasibleError 2, anything else 3).
 */
import type { MessageCode, MessageValues } from "../messages/index.js";

/** One problem in the input, located as precisely as the input allows. */
export interface InputIssue {
  code: MessageCode;
  file: string;
  /** 1-based; the header of a CSV is line 1. */
  line?: number;
  /** 1-based. */
  column?: number;
  values: MessageValues;
}

export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(`${issues.length} input issue(s), first: ${issues[0]?.code} in ${issues[0]?.file}`);
    this.name = "InputError";
  }
}

/** One reason no roster can satisfy the hard rules: agency, day, rule and the numbers. */
export interface InfeasibleCause {
  code: MessageCode;
  agencyId: string;
  date: string;
  rule: string;
  values: MessageValues;
}

export class InfeasibleError extends Error {
  constructor(readonly causes: InfeasibleCause[]) {
    super(`infeasible: ${causes.length} cause(s)`);
    this.name = "InfeasibleError";
  }
}

/** The finished roster broke a hard rule: a bug in giliran, never written (exit 3). */
export class VerificationError extends Error {
  constructor(readonly lines: string[], readonly count: number) {
    super(`verification failed: ${count} violation(s); first: ${lines[0] ?? "-"}`);
    this.name = "VerificationError";
  }
}
