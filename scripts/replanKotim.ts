/**
 * The living plan on Kotim 2021 (issue 10's "done when"): the published roster, then 40
 * people sick from the ninth workday and caps.csv lowering every agency's cap from 25 % to
 * 20 % from that day. `replan` against a fresh `solve` of the same new inputs:
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/replanKotim.js [OUT_DIR]
 *
 * Prints: the published days kept (all of them, or the script exits 1), whether the
 * replanned roster passes `check` on the new inputs, and the changed assignments from that
 * day on for the replan and for a fresh solve. The 40 people are picked deterministically:
 * every k-th rotating person (input order) of the capped agencies, not already on leave.
 */
import { appendFile, cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { solveScenario } from "../src/pipeline/solveScenario.js";
import { replanScenario } from "../src/pipeline/replanScenario.js";
import { readScenario } from "../src/io/readScenario.js";
import { readRoster } from "../src/io/readRoster.js";
import { compile } from "../src/policy/compile.js";
import { checkRoster } from "../src/check/checkRoster.js";
import { changedFrom } from "../src/replan/changes.js";
import { fromDayIndex } from "../src/replan/previous.js";
import { errorLines } from "../src/cli/run.js";

const KOTIM = fileURLToPath(new URL("../../fixtures/kotim-2021/", import.meta.url));
/** The ninth workday of the horizon (19 Jul 2021 is the first; 20 Jul is Idul Adha). */
const NINTH = 8;
const SICK = 40;
/** Workdays each of the 40 is sick, from the ninth workday. */
const SICK_DAYS = 1;
const NEW_CAP_PERCENT = 20;

async function main(): Promise<number> {
  const out = process.argv[2] ?? (await mkdtemp(join(tmpdir(), "giliran-replan-kotim-")));
  await mkdir(out, { recursive: true });
  const published = join(out, "published");
  const today = join(out, "scenario-today");

  // 1. The roster published at the start of the period.
  const first = await solveScenario(KOTIM, published);
  const days = first.problem.calendar.days;
  const from = days[NINTH];
  const fromDay = fromDayIndex(first.problem, from);

  // 2. Today's inputs: 40 people sick from the ninth workday, the cap lowered from that day.
  await rm(today, { recursive: true, force: true });
  await cp(KOTIM, today, { recursive: true });
  const candidates = first.problem.people.filter((p) => p.attendance === "rotating" && !first.problem.agencies[p.agency].exempt && (p.leave === null || p.leave.slice(fromDay, fromDay + SICK_DAYS).every((x) => x === 0)));
  const step = Math.floor(candidates.length / SICK);
  const sick = Array.from({ length: SICK }, (_, i) => candidates[i * step]);
  const until = days[Math.min(days.length - 1, fromDay + SICK_DAYS - 1)];
  await appendFile(join(today, "leave.csv"), sick.map((p) => `${p.id},${from},${until},sakit\n`).join(""));
  await writeFile(join(today, "caps.csv"), `agency_id,from,to,cap_percent\n*,${from},${days[days.length - 1]},${NEW_CAP_PERCENT}\n`);

  // 3. Replan from the ninth workday, and a fresh solve of the same inputs.
  const replanStart = performance.now();
  let replanned: Awaited<ReturnType<typeof replanScenario>>;
  try {
    replanned = await replanScenario(today, join(out, "replan"), { previous: join(published, "roster.csv"), from });
  } catch (error) {
    // The count solver must honour pins (the published days) and dated caps for this to work.
    process.stderr.write(`replan failed: ${errorLines(error, "en").lines.slice(0, 5).join("\n")}\n`);
    return 1;
  }
  const replanSeconds = (performance.now() - replanStart) / 1000;
  const freshStart = performance.now();
  const fresh = await solveScenario(today, join(out, "fresh"));
  const freshSeconds = (performance.now() - freshStart) / 1000;

  // 4. The figures.
  const problem = compile(await readScenario(today));
  const check = checkRoster(problem, await readRoster(join(out, "replan", "roster.csv")));
  const before = first.roster;
  let kept = 0;
  let publishedDays = 0;
  for (let p = 0; p < problem.people.length; p++) {
    for (let d = 0; d < fromDay; d++) {
      publishedDays++;
      if (replanned.roster.modes[p * days.length + d] === before.modes[p * days.length + d]) kept++;
    }
  }
  const freshEarlier = changedFrom(before, fresh.roster, 0).changed - changedFrom(before, fresh.roster, fromDay).changed;
  const replanAfter = changedFrom(before, replanned.roster, fromDay);
  const freshAfter = changedFrom(before, fresh.roster, fromDay);
  const lines = [
    `Kotim 2021: ${problem.people.length} employees, ${days.length} workdays; ${SICK} sick from ${from} (${SICK_DAYS} workday(s)); cap ${NEW_CAP_PERCENT} % from ${from} (caps.csv).`,
    `published days kept by replan: ${kept} of ${publishedDays} person-days${kept === publishedDays ? " (all)" : ""}`,
    `check of the replanned roster on the new inputs: ${check.ok ? "passes" : `${check.count} violation(s)`}`,
    `changed assignments from ${from} on: replan ${replanAfter.changed} (${replanAfter.people} people), fresh solve ${freshAfter.changed} (${freshAfter.people} people)`,
    `a fresh solve also changes ${freshEarlier} assignments on days already worked`,
    `changes.csv rows: ${replanned.replan.changed + replanned.replan.publishedChanged}; wishes granted ${replanned.requests?.granted ?? 0} of ${replanned.requests?.wishes ?? 0}`,
    `time: replan ${replanSeconds.toFixed(2)} s, fresh solve ${freshSeconds.toFixed(2)} s`,
    `outputs in ${out}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return kept === publishedDays && check.ok ? 0 : 1;
}

process.exitCode = await main();
