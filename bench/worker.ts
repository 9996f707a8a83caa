/**
 * One measurement of the benchmark, run in its own process (`bench/run.ts` forks it), so that
 * each has its own peak memory (maxRSS) and a cold start like a real `giliran solve`. The task
 * comes as JSON in argv[2]; the result goes back over the IPC channel.
 */
import { open, readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { readScenario } from "../src/io/readScenario.js";
import { writeOutputs } from "../src/io/writeOutputs.js";
import { compile } from "../src/policy/compile.js";
import { solveScenario, type StageTimes } from "../src/pipeline/solveScenario.js";
import { replanScenario } from "../src/pipeline/replanScenario.js";
import { readPrevious } from "../src/replan/readPrevious.js";
import { readConfig } from "../src/io/readScenario.js";
import { workdayCalendar } from "../src/calendar/workdays.js";
import { objectiveValues, type ObjectiveValues } from "../src/metrics/objectives.js";
import { baseRoster, solveProblem } from "../solver/solve.js";
import { loadBackend, type BackendName } from "../solver/backend.js";
import { solveExact, type ExactObjectives } from "../solver/exact/exactModel.js";
import type { Problem } from "../src/domain/problem.js";
import { scalingProblem } from "./exactScaling.js";

export type WorkerTask =
  | { kind: "solve"; dir: string; out: string; solver: BackendName }
  | { kind: "floor"; dir: string; out: string }
  | { kind: "replan"; dir: string; out: string; solver: BackendName; previous: string; fromWorkday: number; fresh?: string }
  | { kind: "exact"; dir?: string; size?: number; groups?: number; timeLimitSeconds: number };

/** What every task reports about its process. */
export interface ProcessFigures {
  /** Wall milliseconds of the measured part. */
  wallMs: number;
  /** CPU milliseconds (user + system) of the measured part: less disturbed by a busy machine. */
  cpuMs: number;
  /** Peak resident memory of the whole process, MB. */
  peakMb: number;
}

export interface SolveFigures extends ProcessFigures {
  kind: "solve";
  times: StageTimes;
  models: number;
  people: number;
  agencies: number;
  days: number;
  objectives: ObjectiveValues;
  outputBytes: number;
}

export interface FloorFigures extends ProcessFigures {
  kind: "floor";
  /** readScenario of the same input. */
  readMs: number;
  /** writeOutputs of a roster of the same shape (everyone home, leave as leave). */
  writeMs: number;
  /** fs.readFile of every input file. */
  rawReadMs: number;
  /** Writing roster.csv's bytes to a new file and syncing it, as the writer syncs. */
  rawWriteMs: number;
  inputBytes: number;
  rosterBytes: number;
}

export interface ExactFigures extends ProcessFigures {
  kind: "exact";
  people: number;
  binaries: number;
  status: string;
  exactSeconds: number;
  exact: ExactObjectives | null;
  /** The count solver (javascript-lp-solver) on the same problem. */
  countSeconds: number;
  count: ObjectiveValues;
}

/** `replan` from the `fromWorkday`-th workday (0-based) with `previous` as the published roster. */
export interface ReplanFigures extends ProcessFigures {
  kind: "replan";
  times: StageTimes;
  people: number;
  from: string;
  /** Changed assignments from `from` on, and the people they touch. */
  changed: number;
  notified: number;
  /** Published person-days, and how many kept their mode. */
  published: number;
  kept: number;
  /** Changed assignments from `from` on of a fresh solve of the same input (`fresh`, not timed). */
  freshChanged?: number;
}

export type WorkerResult = SolveFigures | FloorFigures | ExactFigures | ReplanFigures;

function measure(): () => ProcessFigures {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 };
  };
}

async function time<T>(body: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await body();
  return [value, performance.now() - start];
}

async function solveTask(task: Extract<WorkerTask, { kind: "solve" }>): Promise<SolveFigures> {
  const done = measure();
  const outcome = await solveScenario(task.dir, task.out, { solver: task.solver, xlsx: false }); // roster.xlsx: bench/xlsxSpeed.ts
  const figures = done();
  const { problem, written } = outcome;
  const outputBytes = Object.values(written).reduce((sum, f) => sum + (f?.bytes ?? 0), 0);
  return {
    kind: "solve", ...figures, times: outcome.times, models: outcome.models, people: problem.people.length,
    agencies: problem.agencies.length, days: problem.calendar.days.length, objectives: outcome.objectives, outputBytes,
  };
}

async function replanTask(task: Extract<WorkerTask, { kind: "replan" }>): Promise<ReplanFigures> {
  const { config } = await readConfig(task.dir);
  if (config === null) throw new Error(`${task.dir}: scenario.json unreadable`);
  const from = workdayCalendar(config.start, config.end, config.workdays, config.holidays).days[task.fromWorkday];
  const done = measure();
  const outcome = await replanScenario(task.dir, task.out, { solver: task.solver, previous: task.previous, from });
  const figures = done();
  const r = outcome.replan;
  let freshChanged: number | undefined;
  if (task.fresh !== undefined) {
    const n = outcome.problem.calendar.days.length;
    const fromDay = outcome.problem.calendar.days.indexOf(from);
    const [published, fresh] = await Promise.all([readPrevious(task.previous, outcome.problem, 0), readPrevious(task.fresh, outcome.problem, 0)]);
    freshChanged = 0;
    for (let i = 0; i < fresh.modes.length; i++) if (i % n >= fromDay && fresh.modes[i] !== published.modes[i]) freshChanged++;
  }
  return { kind: "replan", ...figures, times: outcome.times, people: outcome.problem.people.length, from, changed: r.changed, notified: r.people, published: r.published, kept: r.kept, ...(freshChanged === undefined ? {} : { freshChanged }) };
}

async function floorTask(task: Extract<WorkerTask, { kind: "floor" }>): Promise<FloorFigures> {
  const done = measure();
  const [input, readMs] = await time(() => readScenario(task.dir));
  const problem = compile(input);
  const roster = baseRoster(problem);
  const [, writeMs] = await time(() => writeOutputs(task.out, problem, roster, { metrics: {}, lang: "en", xlsx: false }));
  const names = (await readdir(task.dir)).sort();
  const [inputBytes, rawReadMs] = await time(async () => {
    let bytes = 0;
    for (const name of names) bytes += (await readFile(join(task.dir, name))).length;
    return bytes;
  });
  const roster_csv = await readFile(join(task.out, "roster.csv"));
  const rawPath = join(task.out, "raw-floor.csv");
  const [, rawWriteMs] = await time(async () => {
    const handle = await open(rawPath, "w");
    await handle.writeFile(roster_csv);
    await handle.sync();
    await handle.close();
  });
  await rm(rawPath, { force: true });
  return { kind: "floor", ...done(), readMs, writeMs, rawReadMs, rawWriteMs, inputBytes, rosterBytes: roster_csv.length };
}

async function exactTask(task: Extract<WorkerTask, { kind: "exact" }>): Promise<ExactFigures> {
  const done = measure();
  const problem: Problem = task.dir !== undefined ? compile(await readScenario(task.dir)) : scalingProblem(task.size ?? 20, task.groups ?? 1);
  const start = performance.now();
  const { roster } = solveProblem(problem, { backend: await loadBackend("auto") });
  const countSeconds = (performance.now() - start) / 1000;
  const count = objectiveValues(problem, roster);
  const exact = await solveExact(problem, { timeLimitSeconds: task.timeLimitSeconds });
  return {
    kind: "exact", ...done(), people: problem.people.length, binaries: problem.people.length * problem.calendar.days.length,
    status: exact.status, exactSeconds: exact.seconds, exact: exact.objectives ?? null, countSeconds, count,
  };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2]) as WorkerTask;
  const result = task.kind === "solve" ? await solveTask(task) : task.kind === "floor" ? await floorTask(task) : task.kind === "replan" ? await replanTask(task) : await exactTask(task);
  await new Promise<void>((resolve, reject) => process.send!(result, (error: Error | null) => (error ? reject(error) : resolve())));
  process.disconnect();
}

if (process.send !== undefined) await main();
