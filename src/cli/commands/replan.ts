/** `giliran replan SCENARIO_DIR --previous ROSTER.csv --from DATE -o OUT_DIR`: keep the published days, replan the rest. */
import { Command, Option } from "commander";
import { replanScenario } from "../../pipeline/replanScenario.js";
import { BACKEND_NAMES, type BackendName } from "../../../solver/backend.js";
import { formatMessage } from "../../messages/index.js";
import { langOption, run } from "../run.js";
import { progressBar } from "../progress.js";
import { renderReport } from "../../report/renderReport.js";
import type { Metrics } from "../../metrics/fairness.js";
import type { ReplanSummary } from "../../replan/changes.js";
import { runSummary } from "./solve.js";
import { formatInputIssue } from "../../io/formatIssues.js";

interface ReplanFlags {
  out: string;
  previous: string;
  from: string;
  solver: BackendName;
  lang?: string;
  quiet?: boolean;
  excelBom?: boolean;
  xlsx?: boolean;
}

export function register(program: Command): void {
  program
    .command("replan")
    .description("Replan a published roster from a date on with today's inputs (leave, staff, caps, rules, requests): earlier days kept, the fewest changes after; writes changes.csv too.")
    .argument("<scenario-dir>", "the scenario as it stands today")
    .requiredOption("--previous <roster>", "the roster published before (roster.csv or roster-wide.csv)")
    .requiredOption("--from <date>", "first day to replan (YYYY-MM-DD or DD/MM/YYYY); days before it stay as published")
    .requiredOption("-o, --out <dir>", "output directory (created if missing; files replaced atomically)")
    .addOption(new Option("--solver <name>", "integer-programming backend").choices(BACKEND_NAMES).default("auto"))
    .addOption(new Option("--lang <lang>", "language of messages and sheet titles").choices(["en", "id"]).default("en"))
    .option("--excel-bom", "start CSV files with a byte order mark (for old Excel)")
    .option("--xlsx", "write roster.xlsx whatever the size (default: up to 50,000 employees)")
    .option("--no-xlsx", "do not write roster.xlsx")
    .option("-q, --quiet", "print nothing on success")
    .action(async (dir: string, flags: ReplanFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const started = performance.now();
        const bar = progressBar(!flags.quiet);
        try {
          const outcome = await replanScenario(dir, flags.out, {
            previous: flags.previous, from: flags.from, solver: flags.solver, lang, excelBom: flags.excelBom, xlsx: flags.xlsx, onAgency: bar.update,
            report: (problem, roster, metrics, teams, extras) => renderReport(problem, roster, metrics as Metrics, {
              lang, teams, replan: extras?.replan as ReplanSummary | undefined, warnings: (problem.warnings ?? []).map((w) => formatInputIssue(w, lang)),
            }),
          });
          bar.stop();
          for (const warning of outcome.warnings) process.stderr.write(`${formatInputIssue(warning, lang)}\n`);
          if (!flags.quiet) process.stdout.write(`${runSummary(outcome, flags.out, started, lang)}${replanLines(outcome.replan, lang).join("\n")}\n`);
        } finally {
          bar.stop();
        }
      });
    });
}

/** The replan's part of the summary: kept and changed, who joined and left, then one line per agency with a change. */
export function replanLines(summary: ReplanSummary, lang: "en" | "id"): string[] {
  const { agencies: _agencies, ...counts } = summary;
  const lines = [formatMessage("replan.summary", counts, lang)];
  if (summary.publishedChanged > 0) lines.push(formatMessage("replan.published_changed", { count: summary.publishedChanged }, lang));
  if (summary.joined > 0) lines.push(formatMessage("replan.joined", { count: summary.joined }, lang));
  if (summary.left > 0) lines.push(formatMessage("replan.left", { count: summary.left }, lang));
  if (summary.overCap > 0) lines.push(formatMessage("replan.over_cap", { count: summary.overCap }, lang));
  for (const a of summary.agencies) {
    lines.push(formatMessage("replan.agency", { agency: a.agency, agencyId: a.agencyId, changed: a.changed + a.publishedChanged, people: a.people.length }, lang));
  }
  return lines;
}
