/**
 * `replan` as one library call: today's scenario, the roster published before, and the first
 * day to replan. The published days stay as published (pinned, counted in fairness), the
 * days from `from` on are solved again with today's inputs, wishing every person-day to its
 * published mode, so that the solver's objectives come first and the fewest changes after.
 *
 * read scenario -> compile -> read previous roster -> pin and wish -> solve -> verify -> write
 * The stages after pinning are `solveCompiled`, shared with `solve`. In `times`, `read` covers
 * the first three, `compile` the pinning and wishing.
 */
import { readScenario } from "../io/readScenario.js";
import { compile } from "../policy/compile.js";
import { parseDate } from "../domain/values.js";
import { InputError } from "../domain/errors.js";
import { applyPrevious, fromDayIndex } from "../replan/previous.js";
import { readPrevious } from "../replan/readPrevious.js";
import { replanChanges, type ReplanSummary } from "../replan/changes.js";
import { solveCompiled, stopwatch, type SolveOutcome, type SolveScenarioOptions } from "./solveScenario.js";

export interface ReplanOptions extends SolveScenarioOptions {
  /** The previous roster file (long roster.csv or wide roster-wide.csv). */
  previous: string;
  /** The first day to replan, `YYYY-MM-DD` or `DD/MM/YYYY`: days before it are published. */
  from: string;
}

export interface ReplanOutcome extends SolveOutcome {
  replan: ReplanSummary;
}

/**
 * Replan the scenario in `dir` from `options.from` on, keeping the published days of
 * `options.previous`, and write the verified roster, changes.csv and history-next.csv into `outDir`.
 *
 * @throws InputError for a bad `from`, an unreadable previous roster or bad scenario input
 * @throws InfeasibleError when today's rules cannot hold with the published days kept
 * @example await replanScenario("fixtures/kotim-2021", "out/replan", { previous: "out/kotim/roster.csv", from: "2021-07-30" })
 */
export async function replanScenario(dir: string, outDir: string, options: ReplanOptions): Promise<ReplanOutcome> {
  const from = parseDate(options.from);
  if (from === null) throw new InputError([{ code: "input.replan_from", file: "--from", values: { received: options.from } }]);
  const clock = stopwatch();
  const problem = compile(await readScenario(dir));
  const fromDay = fromDayIndex(problem, from);
  const previous = await readPrevious(options.previous, problem, fromDay);
  const read = clock();
  const counts = applyPrevious(problem, previous, fromDay);
  const compiled = clock();
  let summary!: ReplanSummary;
  const outcome = await solveCompiled(problem, outDir, options, { read, compile: compiled }, clock, (roster) => {
    const changes = replanChanges(problem, previous, roster, fromDay, from, counts);
    summary = changes.summary;
    return { changesCsv: changes.csv, replan: changes.summary };
  });
  return { ...outcome, replan: summary };
}
