/**
 * The benchmark suite of issue 5 (`npm run bench`, `giliran bench`): synthetic provinces of
 * 1k to 1M employees over 20 workdays, each solved end to end with both backends, timed by
 * stage, next to the I/O floor measured in the same run; a single 27,000-person agency; and
 * the naive per-person model (HiGHS) where it finishes. Every measurement runs in its own
 * process, so peak memory is per run and one run's heap does not slow the next.
 *
 *   node dist/bench/run.js [--sizes 1000,10000] [--quick] [--out bench/RESULTS.md]
 *   node dist/bench/run.js --only-replan [--sizes 100000]   (the replan comparison alone, about 30 s)
 */
import { fork } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateScenario, type GenerateOptions } from "../src/generate/index.js";
import { workdayCalendar } from "../src/calendar/workdays.js";
import type { Weekday } from "../src/domain/scenario.js";
import type { BackendName } from "../solver/backend.js";
import { formatMessage, type Lang, type MessageCode, type MessageValues } from "../src/messages/index.js";
import type { ExactFigures, FloorFigures, ReplanFigures, SolveFigures, WorkerResult, WorkerTask } from "./worker.js";

export interface BenchOptions {
  /** Employees per province; default 1k, 10k, 100k, 1M. */
  sizes?: number[];
  /** 1k and 10k only, the naive model at 20 and 100 people. */
  quick?: boolean;
  /** Where RESULTS.md goes; none written when null. */
  out?: string | null;
  seed?: number;
  /** Largest size also solved with HiGHS (it is the slower backend); default 1,000,000. */
  highsMax?: number;
  /** Size of the single-agency scenario; 0 skips it. */
  singleAgency?: number;
  /** People of the one-agency problems given to the naive per-person model. */
  exactSizes?: number[];
  /** HiGHS's own time limit for the naive model; the process is killed at twice that. */
  exactLimitSeconds?: number;
  /** Sizes also replanned (against a solve of the same new inputs); default 100,000 (10,000 with --quick). */
  replanSizes?: number[];
  /**
   * Only the replan comparison of issue 10: each of `replanSizes` (or `sizes` when given) is
   * generated and solved (the published roster), then solved afresh and replanned with the
   * newly sick; no floor, HiGHS, single agency or naive model. RESULTS.md is left alone unless
   * `out` names a file.
   */
  onlyReplan?: boolean;
  /** A solve process still running after this long is killed and reported. */
  solveTimeoutSeconds?: number;
  /** Progress, one catalogue message per step (stderr in English by default). */
  log?: (code: MessageCode, values: MessageValues) => void;
}

export interface SizeResult {
  label: string;
  employees: number;
  /** Agencies as generated. */
  agencies: number;
  floor: FloorFigures | Failure;
  solves: Partial<Record<BackendName, SolveFigures | Failure>>;
  /** Replan from the ninth workday with 0.5 % of the staff newly sick, against a solve of the same inputs. */
  replan?: { replan: ReplanFigures | Failure; solve: SolveFigures | Failure };
}

export interface ExactRow {
  label: string;
  result: ExactFigures | Failure;
}

export interface Failure {
  kind: "failed";
  reason: string;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; freeGb: number; node: string; platform: string };
  loadBefore: number[];
  loadAfter: number[];
  seed: number;
  sizes: SizeResult[];
  exact: ExactRow[];
  exactLimitSeconds: number;
  seconds: number;
}

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));
const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
export const DEFAULT_OUT = "bench/RESULTS.md";

/** Run one task in a fresh Node process; kill it (SIGKILL) when it outlives `timeoutMs`. */
export function runInChild(task: WorkerTask, timeoutMs: number): Promise<WorkerResult | Failure> {
  return new Promise((resolve) => {
    const child = fork(WORKER, [JSON.stringify(task)], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let result: WorkerResult | null = null;
    let stderr = "";
    let timedOut = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString("utf8")).slice(-2000);
    });
    child.on("message", (message) => {
      result = message as WorkerResult;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (result !== null) resolve(result);
      else if (timedOut) resolve({ kind: "failed", reason: `did not finish in ${Math.round(timeoutMs / 1000)} s (killed)` });
      else resolve({ kind: "failed", reason: `exit ${code ?? signal}: ${lastLine(stderr)}` });
    });
  });
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n").filter((l) => l.trim() !== "");
  return lines.find((l) => /Error/.test(l)) ?? lines.at(-1) ?? "no output";
}

const isFailure = (x: unknown): x is Failure => (x as Failure).kind === "failed";

/** A province for 1k-100k; a million is a national run over several provinces. */
function generation(employees: number, seed: number): GenerateOptions {
  return { employees, seed, weeks: 4, preset: employees >= 1_000_000 ? "national" : "province" };
}

/** Run the whole suite and (unless `out` is null) write RESULTS.md. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? progressTo(process.stderr, "en");
  const quick = options.quick === true;
  const onlyReplan = options.onlyReplan === true;
  const replanSizes = options.replanSizes ?? (onlyReplan && options.sizes ? options.sizes : quick ? [10_000] : [100_000]);
  const sizes = onlyReplan ? replanSizes : options.sizes ?? (quick ? DEFAULT_SIZES.slice(0, 2) : DEFAULT_SIZES);
  const seed = options.seed ?? 2021;
  const highsMax = onlyReplan ? 0 : options.highsMax ?? 1_000_000;
  const single = onlyReplan ? 0 : options.singleAgency ?? 27_000;
  const exactSizes = onlyReplan ? [] : options.exactSizes ?? (quick ? [20, 100] : [20, 100, 500]);
  const exactLimit = options.exactLimitSeconds ?? (quick ? 20 : 30);
  const solveTimeout = (options.solveTimeoutSeconds ?? 300) * 1000;
  const started = performance.now();
  const loadBefore = loadavg();
  const work = await mkdtemp(join(tmpdir(), "giliran-bench-"));
  const sizeResults: SizeResult[] = [];
  const exact: ExactRow[] = [];
  try {
    const scenarios: Array<{ label: string; options: GenerateOptions; backends: BackendName[] }> = sizes.map((n) => ({
      label: n.toLocaleString("en-US"),
      options: generation(n, seed),
      backends: n <= highsMax ? ["auto", "highs"] : ["auto"],
    }));
    if (single > 0) scenarios.push({ label: `${single.toLocaleString("en-US")}, one agency`, options: { employees: single, seed, weeks: 4, agencies: 1 }, backends: ["auto", "highs"] });

    for (const [i, scenario] of scenarios.entries()) {
      const dir = join(work, `scenario-${i}`);
      log("bench.generate", { label: scenario.label });
      const summary = await generateScenario(scenario.options, dir);
      const result: SizeResult = { label: scenario.label, employees: summary.employees, agencies: summary.agencies, floor: { kind: "failed", reason: "not run" }, solves: {} };
      sizeResults.push(result);
      if (!onlyReplan) {
        log("bench.floor", {});
        result.floor = expectKind(await runInChild({ kind: "floor", dir, out: join(work, `floor-${i}`) }, solveTimeout), "floor");
      }
      for (const solver of scenario.backends) {
        log("bench.solve", { solver });
        result.solves[solver] = expectKind(await runInChild({ kind: "solve", dir, out: join(work, `out-${i}-${solver}`), solver }, solveTimeout), "solve");
        const s = result.solves[solver]!;
        if (isFailure(s)) log("bench.failed", { reason: s.reason });
        else log("bench.solved", { seconds: (s.wallMs / 1000).toFixed(2), mb: s.peakMb.toFixed(0) });
      }
      const published = result.solves.auto;
      if (replanSizes.includes(scenario.options.employees) && !scenario.label.includes("one agency") && published && !isFailure(published)) {
        log("bench.replan", {});
        const today = await sickFromNinthWorkday(dir, join(work, `today-${i}`), summary.employees);
        const previous = join(work, `out-${i}-auto`, "roster.csv");
        const fresh = expectKind(await runInChild({ kind: "solve", dir: today, out: join(work, `fresh-${i}`), solver: "auto" }, solveTimeout), "solve");
        const replan = expectKind(await runInChild({ kind: "replan", dir: today, out: join(work, `replan-${i}`), solver: "auto", previous, fromWorkday: REPLAN_FROM_WORKDAY, fresh: join(work, `fresh-${i}`, "roster.csv") }, solveTimeout), "replan");
        result.replan = { replan, solve: fresh };
        if (isFailure(replan)) log("bench.failed", { reason: replan.reason });
        else log("bench.solved", { seconds: (replan.wallMs / 1000).toFixed(2), mb: replan.peakMb.toFixed(0) });
        for (const name of [`today-${i}`, `fresh-${i}`, `replan-${i}`]) await rm(join(work, name), { recursive: true, force: true });
      }
      await rm(join(work, `floor-${i}`), { recursive: true, force: true });
      for (const solver of scenario.backends) await rm(join(work, `out-${i}-${solver}`), { recursive: true, force: true });
      if (i === 0 && !onlyReplan) {
        // The naive model on the smallest generated scenario too, as a planner would first try it.
        const label = `${scenario.label} scenario (${summary.agencies} agencies)`;
        exact.push({ label, result: await runExact(label, { kind: "exact", dir, timeLimitSeconds: exactLimit }, exactLimit, log) });
      }
      await rm(dir, { recursive: true, force: true });
    }
    for (const size of exactSizes) {
      const label = `one agency, ${size} people`;
      exact.unshift({ label, result: await runExact(label, { kind: "exact", size, groups: 1, timeLimitSeconds: exactLimit }, exactLimit, log) });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  exact.sort((a, b) => peopleOf(a) - peopleOf(b));
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? "unknown", memoryGb: totalmem() / 2 ** 30, freeGb: freemem() / 2 ** 30,
      node: process.version, platform: `${process.platform} ${process.arch}`,
    },
    loadBefore,
    loadAfter: loadavg(),
    seed,
    sizes: sizeResults,
    exact,
    exactLimitSeconds: exactLimit,
    seconds: (performance.now() - started) / 1000,
  };
  const out = options.out === undefined ? (onlyReplan ? null : DEFAULT_OUT) : options.out;
  if (out !== null) await writeFile(out, (onlyReplan ? replanResults(report) : formatResults(report)) + (onlyReplan ? "" : await keptSection(out)));
  return report;
}

/** The replan benchmark starts on the ninth workday, as issue 10's Kotim case. */
const REPLAN_FROM_WORKDAY = 8;

/**
 * A copy of a generated scenario with every 200th employee (0.5 %) sick on the ninth workday:
 * the inputs both the replan and the fresh solve of the benchmark read.
 */
async function sickFromNinthWorkday(dir: string, into: string, employees: number): Promise<string> {
  await cp(dir, into, { recursive: true });
  const config = JSON.parse(await readFile(join(dir, "scenario.json"), "utf8")) as { start: string; end: string; workdays?: Weekday[]; holidays?: string[] };
  const days = workdayCalendar(config.start, config.end, config.workdays ?? ["mon", "tue", "wed", "thu", "fri"], config.holidays ?? []).days;
  const day = days[Math.min(REPLAN_FROM_WORKDAY, days.length - 1)];
  const ids = (await readFile(join(dir, "employees.csv"), "utf8")).split("\n").slice(1).filter((l) => l.trim() !== "").map((l) => l.split(",")[0]);
  const sick = ids.filter((_, k) => k % 200 === 7).slice(0, Math.ceil(employees / 200));
  let leave = "";
  try {
    leave = await readFile(join(into, "leave.csv"), "utf8");
  } catch {
    leave = "employee_id,from,to,kind\n";
    await writeFile(join(into, "leave.csv"), leave);
  }
  // Someone already on leave that day keeps their row; a second row for the same day is harmless.
  await appendFile(join(into, "leave.csv"), `${leave.endsWith("\n") ? "" : "\n"}${sick.map((id) => `${id},${day},${day},sakit`).join("\n")}\n`);
  return into;
}

function peopleOf(row: ExactRow): number {
  return isFailure(row.result) ? Number(/(\d[\d,]*) (people|scenario)/.exec(row.label)?.[1]?.replace(/,/g, "") ?? 0) : row.result.people;
}

async function runExact(label: string, task: WorkerTask, limit: number, log: (code: MessageCode, values: MessageValues) => void): Promise<ExactFigures | Failure> {
  log("bench.exact", { label, limit });
  // HiGHS in WebAssembly does not always stop at its time limit: a hard kill at twice the limit.
  const result = expectKind(await runInChild(task, (2 * limit + 10) * 1000), "exact");
  if (isFailure(result) && /did not finish/.test(result.reason)) result.reason = `did not finish in ${2 * limit + 10} s (killed)`;
  return result;
}

function expectKind<K extends WorkerResult["kind"]>(result: WorkerResult | Failure, kind: K): Extract<WorkerResult, { kind: K }> | Failure {
  if (isFailure(result) || result.kind === kind) return result as Extract<WorkerResult, { kind: K }> | Failure;
  return { kind: "failed", reason: `worker answered ${result.kind}` };
}

// ---- RESULTS.md -------------------------------------------------------------------------

/** The roster.xlsx section (measured by bench/xlsxSpeed.ts, not by this suite), kept when the rest is rewritten. */
async function keptSection(out: string): Promise<string> {
  const text = await readFile(out, "utf8").catch(() => "");
  const start = text.indexOf(XLSX_SECTION);
  return start === -1 ? "" : `\n${text.slice(start).trimEnd()}\n`;
}

export const XLSX_SECTION = "<!-- roster.xlsx: bench/xlsxSpeed.ts -->";

const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function floorMs(f: FloorFigures): number {
  return f.readMs + f.writeMs;
}

function rawFloorMs(f: FloorFigures): number {
  return f.rawReadMs + f.rawWriteMs;
}

/** The DESIGN.md targets, each with its verdict. */
export function targetVerdicts(report: BenchReport): string[] {
  const lines: string[] = [];
  const find = (n: number, single = false) => report.sizes.find((r) => r.employees === n && r.label.includes("one agency") === single);
  const verdict = (ok: boolean) => (ok ? "**met**" : "**missed**");
  const hundred = find(100_000);
  const h = hundred?.solves.auto;
  if (hundred && h && !isFailure(h) && !isFailure(hundred.floor)) {
    const raw = rawFloorMs(hundred.floor);
    const same = floorMs(hundred.floor);
    const ratio = h.wallMs / raw;
    lines.push(`- 100,000 employees within 3x the I/O floor: ${verdict(ratio <= 3)}: ${s(h.wallMs)} s is ${ratio.toFixed(1)}x the raw floor (${s(raw)} s: readFile + write of roster.csv's bytes)` +
      `${ratio > 3 ? `, ${(h.wallMs / 1000 - 3 * raw / 1000).toFixed(2)} s over 3x` : ""}; ${(h.wallMs / same).toFixed(1)}x the floor of our own reader and writer (${s(same)} s).`);
    lines.push(`- 100,000 employees under 10 s: ${verdict(h.wallMs < 10_000)} (${s(h.wallMs)} s wall, ${s(h.cpuMs)} s CPU).`);
  } else lines.push("- 100,000 employees: not measured in this run.");
  const million = find(1_000_000)?.solves.auto;
  if (million && !isFailure(million)) {
    lines.push(`- 1,000,000 employees under 60 s: ${verdict(million.wallMs < 60_000)} (${s(million.wallMs)} s${million.wallMs >= 60_000 ? `, ${s(million.wallMs - 60_000)} s over` : ""}).`);
    lines.push(`- 1,000,000 employees under 2 GB: ${verdict(million.peakMb < 2048)} (peak RSS ${million.peakMb.toFixed(0)} MB).`);
  } else lines.push(`- 1,000,000 employees: ${million ? `failed: ${(million as Failure).reason}` : "not measured in this run"}.`);
  for (const r of report.sizes) {
    const replan = r.replan;
    if (!replan || isFailure(replan.replan) || isFailure(replan.solve)) continue;
    const ratio = replan.replan.wallMs / replan.solve.wallMs;
    const cpu = replan.replan.cpuMs / replan.solve.cpuMs;
    lines.push(`- replan of ${r.label} employees within 1.5x solve on the same input: ${verdict(ratio <= 1.5)} (${s(replan.replan.wallMs)} s against ${s(replan.solve.wallMs)} s, ${ratio.toFixed(2)}x; CPU ${cpu.toFixed(2)}x).`);
  }
  const giant = report.sizes.find((r) => r.label.includes("one agency"));
  const g = giant?.solves.auto;
  if (giant && g && !isFailure(g)) {
    lines.push(`- A single agency of ${giant.employees.toLocaleString("en-US")} under 3 s: ${verdict(g.wallMs < 3000)} (${s(g.wallMs)} s${g.wallMs >= 3000 ? `, ${s(g.wallMs - 3000)} s over` : ""}).`);
  } else lines.push("- Single agency: not measured in this run.");
  const compared = report.exact.filter((r) => !isFailure(r.result) && r.result.exact !== null);
  const equal = compared.filter((r) => sameObjectives(r.result as ExactFigures));
  lines.push(`- Fairness equal to the exact model's optimum where it can be solved: ${verdict(compared.length > 0 && equal.length === compared.length)} (${equal.length} of ${compared.length} solved problems equal on all four objectives).`);
  return lines;
}

function sameObjectives(r: ExactFigures): boolean {
  const e = r.exact as unknown as { capUse: number; priorityOfficeDays: number; maxDeviation: number; sumSquaredDeviation: number } | null;
  return e !== null && e.capUse === r.count.capUse && e.priorityOfficeDays === r.count.priorityOfficeDays && Math.abs(e.maxDeviation - r.count.maxDeviation) < 1e-6 && Math.abs(e.sumSquaredDeviation - r.count.sumSquaredDeviation) < 1e-6;
}

export function formatResults(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push("# Benchmark results", "");
  out.push("Made by `npm run bench` (`node dist/bench/run.js`; also `giliran bench`). Scenarios are generated with",
    `\`giliran generate\`'s library (seed ${report.seed}, 20 workdays, daily rotation; a province up to 100,000, the national preset`,
    "at 1,000,000), not timed. Each measurement runs in its own Node process; times exclude process start and module loading.",
    "The replan comparison alone (below, about 30 s): `npm run build && node dist/bench/run.js --only-replan` prints it and writes no file.", "");
  out.push(`- Date: ${report.date}`);
  out.push(`- Machine: ${m.cpus} cores (\`os.cpus().length\`, ${m.cpuModel}), ${m.memoryGb.toFixed(1)} GB memory, ${m.platform}`);
  out.push(`- Node ${m.node}`);
  out.push(`- Load average (1/5/15 min) before: ${report.loadBefore.map((x) => x.toFixed(1)).join(" / ")}, after: ${report.loadAfter.map((x) => x.toFixed(1)).join(" / ")}` +
    `${report.loadBefore[0] > m.cpus * 0.75 ? " (a busy machine: wall times are inflated; the CPU column is steadier)" : ""}`);
  out.push(`- Whole suite: ${(report.seconds / 60).toFixed(1)} min`, "");

  out.push("## End to end, by stage (seconds)", "");
  const rows: string[][] = [];
  for (const r of report.sizes) {
    for (const [solver, f] of Object.entries(r.solves) as Array<[BackendName, SolveFigures | Failure]>) {
      if (isFailure(f)) {
        rows.push([r.label, String(r.agencies), solver, f.reason, "", "", "", "", "", "", "", "", ""]);
        continue;
      }
      const t = f.times;
      rows.push([r.label, String(r.agencies), solver, s(t.read), s(t.compile), s(t.solve), s(t.verify), s(t.metrics), s(t.write), `**${s(f.wallMs)}**`, s(f.cpuMs), f.peakMb.toFixed(0), String(f.models)]);
    }
  }
  out.push(table(["employees", "agencies", "solver", "read", "compile", "solve", "verify", "metrics", "write", "total", "CPU", "peak RSS MB", "models"], rows), "");

  out.push("## The I/O floor, measured in the same run", "");
  out.push("*floor*: only `readScenario` of the same input plus `writeOutputs` of a roster of the same size (everyone home,",
    "leave as leave): the same reader and writer. *raw floor*: `fs.readFile` of the input files plus writing roster.csv's",
    "bytes to a new file and syncing it (the writer syncs too). Ratios are the `auto` total over each floor.", "");
  const floorRows: string[][] = [];
  for (const r of report.sizes) {
    const f = r.floor;
    const total = r.solves.auto;
    if (isFailure(f)) {
      floorRows.push([r.label, f.reason, "", "", "", "", "", "", "", "", ""]);
      continue;
    }
    const ratio = (x: number) => (total && !isFailure(total) ? `${(total.wallMs / x).toFixed(1)}x` : "-");
    floorRows.push([r.label, mb(f.inputBytes), mb(f.rosterBytes), s(f.readMs), s(f.writeMs), `**${s(floorMs(f))}**`, s(f.rawReadMs), s(f.rawWriteMs), `**${s(rawFloorMs(f))}**`, ratio(floorMs(f)), ratio(rawFloorMs(f))]);
  }
  out.push(table(["employees", "input MB", "roster.csv MB", "read", "write", "floor", "raw read", "raw write", "raw floor", "total/floor", "total/raw floor"], floorRows), "");

  out.push("## The naive per-person model (HiGHS) against the count model", "");
  out.push(`One binary per person and workday, lexicographic objectives solved in turn by HiGHS (\`solveExact\`, per agency), with a`,
    `time limit of ${report.exactLimitSeconds} s and a hard kill at ${2 * report.exactLimitSeconds + 10} s (HiGHS in WebAssembly does not always stop at its limit).`,
    "The count model is the default solver (javascript-lp-solver) on the same problem. \"equal\" compares all four objectives.", "");
  const exactRows = report.exact.map((row) => {
    const r = row.result;
    if (isFailure(r)) return [row.label, "", "", r.reason, "", ""];
    const e = r.exact as unknown as { capUse: number; priorityOfficeDays: number; maxDeviation: number; sumSquaredDeviation: number } | null;
    const objectives = (o: { capUse: number; priorityOfficeDays: number; maxDeviation: number; sumSquaredDeviation: number }) => `${o.capUse} / ${o.priorityOfficeDays} / ${o.maxDeviation.toFixed(2)} / ${o.sumSquaredDeviation.toFixed(2)}`;
    return [row.label, r.binaries.toLocaleString("en-US"), r.status === "optimal" ? `${r.exactSeconds.toFixed(2)} s` : `${r.status} after ${r.exactSeconds.toFixed(1)} s`,
      e === null ? "-" : objectives(e), `${r.countSeconds.toFixed(3)} s`, `${objectives(r.count)}${e === null ? "" : sameObjectives(r) ? " (equal)" : " (**differs**)"}`];
  });
  out.push(table(["problem", "binaries", "naive model", "its objectives", "count model", "count objectives"], exactRows), "");
  out.push("Objectives: capUse / priorityOfficeDays / maxDeviation / sumSquaredDeviation.", "");

  out.push(...replanSection(report));

  out.push("## DESIGN.md targets", "");
  out.push(...targetVerdicts(report), "");
  return `${out.join("\n")}\n`;
}

/** The "Replan against solve" section (none when no size was replanned), as lines. */
function replanSection(report: BenchReport): string[] {
  const out: string[] = [];
  const replans = report.sizes.filter((r) => r.replan !== undefined);
  if (replans.length > 0) {
    out.push("## Replan against solve (issue 10)", "");
    out.push(`The published roster is the \`auto\` solve of the generated scenario; today's inputs add every 200th employee sick on the ninth workday.`,
      "`replan` keeps the days before it and replans the rest; `solve` solves the same new inputs afresh. Both in their own process.", "");
    const replanRows = replans.map((r) => {
      const { replan, solve } = r.replan!;
      if (isFailure(replan) || isFailure(solve)) return [r.label, isFailure(solve) ? solve.reason : s(solve.wallMs), isFailure(replan) ? replan.reason : s(replan.wallMs), "", "", "", "", ""];
      const t = replan.times;
      return [r.label, `${s(solve.wallMs)} / ${s(solve.cpuMs)}`, `**${s(replan.wallMs)}** / ${s(replan.cpuMs)}`, `${(replan.wallMs / solve.wallMs).toFixed(2)}x / ${(replan.cpuMs / solve.cpuMs).toFixed(2)}x`, `${s(t.read)} / ${s(t.compile)} / ${s(t.solve)} / ${s(t.write)}`,
        `${replan.kept.toLocaleString("en-US")} of ${replan.published.toLocaleString("en-US")}`, `${replan.changed.toLocaleString("en-US")} (${replan.notified.toLocaleString("en-US")} people)`,
        replan.freshChanged === undefined ? "-" : replan.freshChanged.toLocaleString("en-US")];
    });
    out.push(table(["employees", "solve wall / CPU", "replan wall / CPU", "replan/solve wall / CPU", "replan read / compile+pins / solve / write", "published kept", "replan changes from the ninth workday", "fresh solve changes"], replanRows), "");
  }
  return out;
}

/** What `--only-replan` prints: the machine, the replan table and its verdicts. */
export function replanResults(report: BenchReport): string {
  const m = report.machine;
  const verdicts = targetVerdicts(report).filter((line) => line.includes("replan of"));
  return [`# Replan against solve (\`--only-replan\`, ${report.date})`, "",
    `- Machine: ${m.cpus} cores (${m.cpuModel}), Node ${m.node}; load average before: ${report.loadBefore.map((x) => x.toFixed(1)).join(" / ")}, after: ${report.loadAfter.map((x) => x.toFixed(1)).join(" / ")}`, "",
    ...replanSection(report), ...verdicts, ""].join("\n");
}

// ---- command line -----------------------------------------------------------------------

/** Progress lines from the catalogue, written to a stream. */
export function progressTo(stream: NodeJS.WritableStream, lang: Lang): (code: MessageCode, values: MessageValues) => void {
  return (code, values) => {
    stream.write(`${formatMessage(code, values, lang)}\n`);
  };
}

/** `--sizes 1000,10000`, `--quick`, `--only-replan`, `--out FILE` (the flags of `npm run bench`; `giliran bench` has the same). */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--quick") options.quick = true;
    else if (arg === "--sizes") {
      const text = value();
      const sizes = parseSizes(text);
      if (sizes === null) throw new Error(formatMessage("bench.bad_sizes", { received: text }));
      options.sizes = sizes;
    }
    else if (arg === "--out") options.out = value();
    else if (arg === "--only-replan") options.onlyReplan = true;
    else throw new Error(`unknown option ${arg} (expected --sizes N,N, --quick, --only-replan, --out FILE)`);
  }
  return options;
}

/** `"1000,10_000"` -> `[1000, 10000]`; null when any part is not a whole number above 0. */
export function parseSizes(text: string): number[] | null {
  const sizes = text.split(",").map((x) => (x.trim() === "" ? NaN : Number(x.trim().replace(/_/g, ""))));
  return sizes.some((n) => !Number.isInteger(n) || n < 1) ? null : sizes;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseBenchArgs(process.argv.slice(2));
  const report = await runBench(options);
  process.stdout.write(options.onlyReplan ? replanResults(report) : formatResults(report));
  if (!options.onlyReplan || options.out !== undefined) process.stderr.write(`${formatMessage("bench.done", { minutes: (report.seconds / 60).toFixed(1), out: options.out ?? DEFAULT_OUT }, "en")}\n`);
}
