/** `giliran solve SCENARIO_DIR -o OUT_DIR`: agency CSVs in, a verified roster out. */
import { Command, InvalidArgumentError, Option } from "commander";
import { solveScenario, type SolveOutcome } from "../../pipeline/solveScenario.js";
import { BACKEND_NAMES, type BackendName } from "../../../solver/backend.js";
import { formatMessage, type Lang } from "../../messages/index.js";
import { XLSX_AUTO_MAX } from "../../pipeline/solveScenario.js";
import { parseCount } from "../../domain/values.js";
import { formatInputIssue } from "../../io/formatIssues.js";
import { langOption, run } from "../run.js";
import { progressBar } from "../progress.js";
import { renderReport } from "../../report/renderReport.js";
import type { Metrics } from "../../metrics/fairness.js";
import type { WrittenFiles } from "../../io/writeOutputs.js";
import { basename } from "node:path";
import { teamsSummary } from "./teamsSummary.js";

interface SolveFlags {
  out: string;
  solver: BackendName;
  lang?: string;
  quiet?: boolean;
  excelBom?: boolean;
  xlsx?: boolean;
  threads?: number;
}

export function register(program: Command): void {
  program
    .command("solve")
    .description("Solve a scenario directory into a verified roster (roster.csv, roster-wide.csv, roster.xlsx, daily.csv, metrics.json, report.html).")
    .argument("<scenario-dir>", "directory with scenario.json, agencies.csv, employees.csv [, rules.csv, units.csv, leave.csv, history.csv]")
    .requiredOption("-o, --out <dir>", "output directory (created if missing; files replaced atomically)")
    .addOption(new Option("--solver <name>", "integer-programming backend").choices(BACKEND_NAMES).default("auto"))
    .addOption(new Option("--lang <lang>", "language of messages and sheet titles").choices(["en", "id"]).default("en"))
    .option("--threads <n>", "threads for the solve stage (default 1; agencies are shared among threads)", (v) => positiveInt(v))
    .option("--excel-bom", "start CSV files with a byte order mark (for old Excel)")
    .option("--xlsx", "write roster.xlsx whatever the size (default: up to 50,000 employees)")
    .option("--no-xlsx", "do not write roster.xlsx")
    .option("-q, --quiet", "print nothing on success")
    .action(async (dir: string, flags: SolveFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const started = performance.now();
        const bar = progressBar(!flags.quiet, lang);
        try {
          const outcome = await solveScenario(dir, flags.out, { solver: flags.solver, lang, excelBom: flags.excelBom, xlsx: flags.xlsx, threads: flags.threads, onAgency: bar.update, onStage: bar.stage,
            report: (problem, roster, metrics, teams) => renderReport(problem, roster, metrics as Metrics, { lang, teams, warnings: (problem.warnings ?? []).map((w) => formatInputIssue(w, lang)) }),
          });
          bar.stop();
          for (const warning of outcome.warnings) process.stderr.write(`${formatInputIssue(warning, lang)}\n`);
          if (!flags.quiet) process.stdout.write(runSummary(outcome, flags.out, started, lang));
        } finally {
          bar.stop();
        }
      });
    });
}

/** The files a run wrote, by name, in the order a planner looks for them. */
function writtenNames(written: WrittenFiles): string {
  return [written.xlsx, written.report, written.rosterWide, written.roster, written.daily, written.metrics, written.historyNext, written.changes]
    .filter((f): f is NonNullable<typeof f> => f !== null).map((f) => basename(f.path)).join(", ");
}

/** What `solve` (and `replan`, before its own lines) prints on success. */
export function runSummary(outcome: SolveOutcome, out: string, started: number, lang: Lang): string {
  let text = `${solveLines(outcome, out, started, lang).join("\n")}\n`;
  if (outcome.unprovenAgencies.length > 0) {
    text += `${formatMessage("solve.unproven", { count: outcome.unprovenAgencies.length, agencies: outcome.unprovenAgencies.slice(0, 10).join(", ") }, lang)}\n`;
  }
  if (outcome.teams !== null) text += teamsSummary(outcome.problem, outcome.teams, outcome.metrics.contacts.overall, lang);
  return text;
}

/** The summary lines of a run: sizes and time, fairness, verified, and the requests when there are any. */
export function solveLines(outcome: SolveOutcome, out: string, started: number, lang: Lang): string[] {
  const { problem, objectives, requests, metrics } = outcome;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const lines = [formatMessage("solve.summary", {
    agencies: problem.agencies.length, employees: problem.people.length, workdays: problem.calendar.days.length,
    out, seconds, deviation: objectives.maxDeviation.toFixed(1), weekly: objectives.weeklyDeviation.toFixed(1),
    noOffice: metrics.overall.noOffice,
  }, lang), formatMessage("solve.verified", {}, lang), formatMessage("solve.files", { files: writtenNames(outcome.written) }, lang)];
  if (outcome.written.xlsx === null && outcome.xlsxSkipped) lines.push(formatMessage("solve.xlsx_skipped", { employees: problem.people.length, most: XLSX_AUTO_MAX }, lang));
  if (requests !== null && requests.wishes > 0) lines.push(formatMessage("solve.wishes", { granted: requests.granted, wishes: requests.wishes, pins: requests.pins }, lang));
  else if (requests !== null && requests.pins > 0) lines.push(formatMessage("solve.pins", { pins: requests.pins }, lang));
  return lines;
}

/** Digits only, as every count giliran reads (`src/domain/values.ts`): `0x2`, `2e0` are refused. */
function positiveInt(value: string): number {
  const n = parseCount(value);
  if (n === null || n < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return n;
}
