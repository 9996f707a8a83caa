/** `giliran check SCENARIO_DIR ROSTER.csv`: is this roster (maybe made by hand in Excel) within the rules? */
import { Command, InvalidArgumentError, Option } from "commander";
import { readScenario } from "../../io/readScenario.js";
import { readRoster } from "../../io/readRoster.js";
import { compile } from "../../policy/compile.js";
import { checkJson, checkRoster, groupFindings } from "../../check/checkRoster.js";
import { DEFAULT_VIOLATION_LIMIT } from "../../verify/types.js";
import { parseCount } from "../../domain/values.js";
import { formatMessage } from "../../messages/index.js";
import { formatInputIssue } from "../../io/formatIssues.js";
import { EXIT, langOption, run } from "../run.js";

interface CheckFlags {
  json?: boolean;
  lang?: string;
  quiet?: boolean;
  limit: number;
}

/** Digits only, as every count giliran reads: `abc` or `1e3` is an error, not 0 or 1. */
function limitOption(value: string): number {
  const n = parseCount(value);
  if (n === null) throw new InvalidArgumentError("expected a whole number of 0 or more");
  return n;
}

export function register(program: Command): void {
  program
    .command("check")
    .description("Check a roster (long roster.csv, wide roster-wide.csv, comma or semicolon, or roster.xlsx) against every hard rule; exit 1 when anything is wrong.")
    .argument("<scenario-dir>", "the scenario the roster is for")
    .argument("<roster>", "roster file: employee_id,date,mode rows, or one row per employee with a column per workday (O/H/L, K/R/C, WFO/WFH); .csv or .xlsx")
    .option("--json", "print the findings as JSON for other tools")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["en", "id"]).default("en"))
    .option("-q, --quiet", "print only the count per rule (nothing when the roster holds)")
    .option("--limit <n>", "most findings listed per rule (all are counted)", limitOption, DEFAULT_VIOLATION_LIMIT)
    .action(async (dir: string, rosterPath: string, flags: CheckFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const limit = flags.limit;
        const problem = compile(await readScenario(dir));
        for (const warning of problem.warnings ?? []) process.stderr.write(`${formatInputIssue(warning, lang)}\n`);
        const result = checkRoster(problem, await readRoster(rosterPath), limit);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(checkJson(result, rosterPath, lang), null, 2)}\n`);
          return result.ok ? EXIT.ok : EXIT.badInput;
        }
        const size = { file: rosterPath, employees: problem.people.length, workdays: problem.calendar.days.length };
        const out: string[] = [];
        const groups = groupFindings(result, lang);
        for (const group of groups) {
          out.push(formatMessage("check.rule_header", { rule: group.label, count: group.count }, lang));
          if (flags.quiet) continue;
          for (const line of group.lines) out.push(`  ${line}`);
          if (group.count > group.lines.length) out.push(formatMessage("check.more", { more: group.count - group.lines.length }, lang));
          out.push("");
        }
        if (result.ok) {
          if (!flags.quiet) out.push(formatMessage("check.summary_ok", size, lang));
        } else out.push(formatMessage("check.summary_bad", { ...size, count: result.count, rules: groups.length }, lang));
        if (out.length > 0) process.stdout.write(`${out.join("\n")}\n`);
        return result.ok ? EXIT.ok : EXIT.badInput;
      });
    });
}
