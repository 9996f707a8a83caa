/** `giliran report ROSTER.csv --scenario DIR -o report.html`: the report page of any roster. */
import { basename, dirname } from "node:path";
import { Command, Option } from "commander";
import { readScenario } from "../../io/readScenario.js";
import { readRoster } from "../../io/readRoster.js";
import { writeFilesAtomically } from "../../io/writeFiles.js";
import { compile } from "../../policy/compile.js";
import { checkRoster, groupFindings } from "../../check/checkRoster.js";
import { computeMetrics } from "../../metrics/fairness.js";
import { renderReport } from "../../report/renderReport.js";
import { langOption, run } from "../run.js";

interface ReportFlags {
  scenario: string;
  out: string;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command("report")
    .description("Write report.html for a roster: office presence against the cap, who is where, office days per person, fairness figures, every violation.")
    .argument("<roster>", "roster file (long or wide form)")
    .requiredOption("-s, --scenario <dir>", "the scenario the roster is for")
    .requiredOption("-o, --out <file>", "the HTML file to write (replaced atomically)")
    .addOption(new Option("--lang <lang>", "language of the page").choices(["en", "id"]).default("en"))
    .action(async (rosterPath: string, flags: ReportFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const problem = compile(await readScenario(flags.scenario));
        const result = checkRoster(problem, await readRoster(rosterPath));
        const metrics = computeMetrics(problem, result.roster);
        const html = renderReport(problem, result.roster, metrics, { lang, findings: groupFindings(result, lang) });
        await writeFilesAtomically(dirname(flags.out), [{ name: basename(flags.out), produce: (sink) => sink.text(html) }]);
      });
    });
}
