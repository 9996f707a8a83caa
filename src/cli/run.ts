/**
 * The one place where errors become messages on stderr and exit codes:
 * 0 done, 1 bad input (or a roster that breaks the rules, for `check`), 2 infeasible,
 * 3 internal error. A user's mistake never shows a stack trace.
 */
import { InfeasibleError, InputError, VerificationError } from "../domain/errors.js";
import { OutputError } from "../io/writeOutputs.js";
import { formatInputIssues } from "../io/formatIssues.js";
import { formatMessage, type Lang } from "../messages/index.js";

export const EXIT = { ok: 0, badInput: 1, infeasible: 2, internal: 3 } as const;

export function errorLines(error: unknown, lang: Lang): { lines: string[]; exitCode: number } {
  if (error instanceof InputError) return { lines: formatInputIssues(error, lang), exitCode: EXIT.badInput };
  if (error instanceof InfeasibleError) {
    return {
      lines: [...groupCauses(error, lang), formatMessage("infeasible.summary", { count: error.causes.length }, lang)],
      exitCode: EXIT.infeasible,
    };
  }
  if (error instanceof VerificationError) {
    return { lines: [formatMessage("error.verify_failed", { count: error.count, first: error.lines[0] ?? "-" }, lang), ...error.lines.slice(1)], exitCode: EXIT.internal };
  }
  if (error instanceof OutputError) return { lines: [formatMessage(error.code, error.values, lang)], exitCode: EXIT.badInput };
  const reason = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  return { lines: [formatMessage("error.internal", { reason }, lang)], exitCode: EXIT.internal };
}

/**
 * The same cause on consecutive days is one line ("... (and 19 more workdays to 2021-08-13)"):
 * a cap too small for the mandatory staff is one problem, not twenty.
 */
function groupCauses(error: InfeasibleError, lang: Lang): string[] {
  const groups = new Map<string, { first: string; last: string; days: number; line: string }>();
  for (const cause of error.causes) {
    const { date: _date, ...rest } = cause.values;
    const key = `${cause.agencyId}\u0000${cause.code}\u0000${JSON.stringify(rest)}`;
    const group = groups.get(key);
    if (group) {
      group.days++;
      group.last = cause.date;
    } else {
      // A composition rule's cause names its file; causes that do not say are from rules.csv.
      const values = { source: "rules.csv", ...cause.values };
      groups.set(key, { first: cause.date, last: cause.date, days: 1, line: formatMessage(cause.code, values, lang) });
    }
  }
  return [...groups.values()].map((g) => (g.days === 1 ? g.line : `${g.line} ${formatMessage("infeasible.more_days", { more: g.days - 1, last: g.last }, lang)}`));
}

/** Run a command body; print what went wrong and set the exit code. */
export async function run(lang: Lang, body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? EXIT.ok;
  } catch (error) {
    const { lines, exitCode } = errorLines(error, lang);
    for (const line of lines) process.stderr.write(`${line}\n`);
    process.exitCode = exitCode;
  }
}

/** The `--lang` option's value, checked. */
export function langOption(value: string | undefined): Lang {
  return value === "id" ? "id" : "en";
}
