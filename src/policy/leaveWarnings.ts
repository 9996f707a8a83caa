/**
 * Leave that cannot count: rows of leave.csv dated wholly outside the scenario's period (a
 * wrong year is the usual cause). They change nothing in the roster, so they are not an error,
 * but a planner should hear about them rather than wonder why the leave was ignored.
 */
import type { InputIssue } from "../domain/errors.js";
import type { ScenarioInput } from "../domain/scenario.js";

/**
 * One `warn.leave_outside` per leave row that ends before `start` or begins after `end`.
 *
 * @example leaveOutsidePeriod(input) //=> [{ code: "warn.leave_outside", file: "leave.csv", line: 4, values: {...} }]
 */
export function leaveOutsidePeriod(input: ScenarioInput): InputIssue[] {
  const { start, end } = input.config;
  return input.leave
    .filter((row) => row.to < start || row.from > end)
    .map((row) => ({ code: "warn.leave_outside" as const, file: "leave.csv", line: row.line, values: { employee: row.employee_id, from: row.from, to: row.to, start, end } }));
}
