/**
 * The words a planner reads for an `InputError`: one line per issue, in their language, then
 * the summary. Issues are data; this is the one place that turns them into text.
 */
import type { InputError, InputIssue } from "../domain/errors.js";
import { formatMessage, type Lang, type MessageValues } from "../messages/index.js";
import { en } from "../messages/en.js";

/**
 * Format every issue of an input error, then the `input.summary` line.
 *
 * Where a message's template has no place for a position (e.g. `input.field`) but the issue
 * has one, the file is shown as `file:line:column`, so every located issue reads the same way.
 *
 * @example formatInputIssues(new InputError([{ code: "input.file_missing", file: "agencies.csv", values: { dir: "x" } }]), "en")
 * //=> ["agencies.csv: file not found (expected in x)", "1 problem(s) in the input; nothing was written."]
 */
export function formatInputIssues(error: InputError, lang: Lang): string[] {
  const lines = error.issues.map((issue) => formatInputIssue(issue, lang));
  const count = error.issues.reduce((n, issue) => n + (issue.code === "input.more_issues" ? Number(issue.values.count) : 1), 0);
  lines.push(formatMessage("input.summary", { count }, lang));
  return lines;
}

/** One issue as one line of text. */
export function formatInputIssue(issue: InputIssue, lang: Lang): string {
  const template: string = en[issue.code];
  const located = !template.includes("{line}") && !template.includes("{column}") && issue.line !== undefined;
  const file = located ? `${issue.file}:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ""}` : issue.file;
  const values: Record<string, string | number> = {};
  if (issue.line !== undefined) values.line = issue.line;
  if (issue.column !== undefined) values.column = issue.column;
  for (const [key, value] of Object.entries(issue.values as MessageValues)) values[key] = key === "received" && typeof value === "string" ? shorten(value) : value;
  values.file = file;
  if (issue.code === "input.unknown_key") {
    const path = String(issue.values.where ?? "");
    values.where = path === "" ? "" : formatMessage("input.unknown_key_where", { path }, lang);
  }
  return formatMessage(issue.code, values, lang);
}

/** Text echoed from the input, cut to a readable length: a 3 MB cell must not become a 3 MB line. */
export function shorten(text: string, most = 120): string {
  if (text.length <= most) return text;
  return `${text.slice(0, most - 20)}... (${text.length} characters)`;
}
