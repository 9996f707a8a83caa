/**
 * requests.csv into `Person.requests`: one code per workday (PIN_OFFICE, PIN_HOME,
 * WISH_OFFICE, WISH_HOME). Pins are hard rules (`pinsHold` in the verifier); wishes are
 * granted whenever objectives 1-4 do not get worse (`wishesGranted` counts them).
 */
import { InputError, type InputIssue } from "../domain/errors.js";
import { PIN_HOME, PIN_OFFICE, REQUEST_NONE, WISH_HOME, WISH_OFFICE, type Problem } from "../domain/problem.js";
import type { Lined, RequestRow } from "../domain/scenario.js";

/** The request code of a row. */
export function requestCode(mode: "office" | "home", kind: "pin" | "wish"): number {
  if (kind === "pin") return mode === "office" ? PIN_OFFICE : PIN_HOME;
  return mode === "office" ? WISH_OFFICE : WISH_HOME;
}

/** True for PIN_OFFICE and PIN_HOME. */
export function isPin(code: number): boolean {
  return code === PIN_OFFICE || code === PIN_HOME;
}

/** True for WISH_OFFICE and WISH_HOME. */
export function isWish(code: number): boolean {
  return code === WISH_OFFICE || code === WISH_HOME;
}

/**
 * Set each person's `requests` from the rows of requests.csv (ids were checked when read;
 * duplicates too). A date that is no workday of the horizon is bad input.
 *
 * @throws InputError naming requests.csv and the line of every row off the calendar
 */
export function compileRequests(problem: Problem, rows: readonly Lined<RequestRow>[]): void {
  if (rows.length === 0) return;
  const days = problem.calendar.days;
  const dayOf = new Map(days.map((d, i) => [d, i]));
  const personOf = new Map(problem.people.map((p) => [p.id, p]));
  const issues: InputIssue[] = [];
  for (const row of rows) {
    const d = dayOf.get(row.date);
    const person = personOf.get(row.employee_id);
    if (d === undefined) {
      issues.push({ code: "input.request_not_workday", file: "requests.csv", line: row.line, values: { date: row.date, start: days[0], end: days[days.length - 1] } });
      continue;
    }
    if (person === undefined) continue;
    if (!person.requests) person.requests = new Uint8Array(days.length).fill(REQUEST_NONE);
    person.requests[d] = requestCode(row.mode, row.kind);
  }
  if (issues.length > 0) throw new InputError(issues);
}
