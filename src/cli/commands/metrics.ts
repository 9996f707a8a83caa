/**
 * `giliran metrics ROSTER.csv --scenario DIR` and `giliran compare A.csv B.csv --scenario DIR`:
 * the fairness figures of one roster, or two side by side with which is better.
 */
import { Command, Option } from "commander";
import type { Problem, Roster } from "../../domain/problem.js";
import { readScenario } from "../../io/readScenario.js";
import { readRoster } from "../../io/readRoster.js";
import { compile } from "../../policy/compile.js";
import { checkRoster } from "../../check/checkRoster.js";
import { computeMetrics } from "../../metrics/fairness.js";
import { compareRosters, rosterFigures } from "../../compare/figures.js";
import { changedPercent, compareCsv, compareTable, metricsCsv, metricsTable } from "../../compare/render.js";
import { formatMessage, type Lang } from "../../messages/index.js";
import { langOption, run } from "../run.js";

interface FigureFlags {
  scenario: string;
  json?: boolean;
  csv?: boolean;
  lang?: string;
}

function figureOptions(command: Command): Command {
  return command
    .requiredOption("-s, --scenario <dir>", "the scenario the roster(s) are for")
    .addOption(new Option("--json", "print JSON for other tools").conflicts("csv"))
    .addOption(new Option("--csv", "print CSV for other tools").conflicts("json"))
    .addOption(new Option("--lang <lang>", "language of messages and labels").choices(["en", "id"]).default("en"));
}

/** Read a roster for measuring; one that breaks the rules is measured anyway, after a warning on stderr. */
async function measuredRoster(problem: Problem, path: string, lang: Lang): Promise<{ roster: Roster; violations: number }> {
  const result = checkRoster(problem, await readRoster(path), 0);
  if (!result.ok) process.stderr.write(`${formatMessage("warn.breaks_rules", { file: path, count: result.count }, lang)}\n`);
  return { roster: result.roster, violations: result.count };
}

export function register(program: Command): void {
  figureOptions(program
    .command("metrics")
    .description("Fairness figures of a roster, per agency and overall: deviations from fair shares, people off their share, people never in, Gini, Jain's index, weekly deviation, weekday concentration, health-priority office days, cap use.")
    .argument("<roster>", "roster file (long or wide form)"))
    .action(async (rosterPath: string, flags: FigureFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const problem = compile(await readScenario(flags.scenario));
        const { roster, violations } = await measuredRoster(problem, rosterPath, lang);
        const metrics = computeMetrics(problem, roster);
        const scopes = rosterFigures(problem, roster, metrics);
        if (flags.json) process.stdout.write(`${JSON.stringify({ file: rosterPath, violations, figures: scopes, metrics }, null, 2)}\n`);
        else if (flags.csv) process.stdout.write(metricsCsv(scopes));
        else process.stdout.write(`${metricsTable(scopes, lang).join("\n")}\n\n${formatMessage("metrics.note", {}, lang)}\n`);
      });
    });

  figureOptions(program
    .command("compare")
    .description("Two rosters of one scenario side by side: fairness figures, which is better on each and overall (objectives first), and how many assignments differ.")
    .argument("<roster-a>", "first roster file (A)")
    .argument("<roster-b>", "second roster file (B)"))
    .action(async (pathA: string, pathB: string, flags: FigureFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const problem = compile(await readScenario(flags.scenario));
        const a = await measuredRoster(problem, pathA, lang);
        const b = await measuredRoster(problem, pathB, lang);
        const comparison = compareRosters(problem, a.roster, b.roster);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ a: pathA, b: pathB, violations: { a: a.violations, b: b.violations }, ...comparison }, null, 2)}\n`);
        } else if (flags.csv) process.stdout.write(compareCsv(comparison));
        else {
          const lines = [
            formatMessage("compare.legend", { label: "A", file: pathA }, lang),
            formatMessage("compare.legend", { label: "B", file: pathB }, lang),
            "",
            ...compareTable(comparison, lang),
            "",
            formatMessage("compare.changed", { changed: comparison.changed, total: comparison.assignments, percent: changedPercent(comparison.changed, comparison.assignments) }, lang),
            formatMessage("compare.better_note", {}, lang),
            formatMessage("metrics.note", {}, lang),
          ];
          process.stdout.write(`${lines.join("\n")}\n`);
        }
      });
    });
}
