/**
 * The main job as one library call, data flowing one way:
 * read -> validate -> compile -> solve -> verify -> write.
 * Nothing is written unless the verifier passed the roster.
 */
import { readScenario } from "../io/readScenario.js";
import { writeOutputs, type WrittenFiles } from "../io/writeOutputs.js";
import { compile } from "../policy/compile.js";
import { solveProblem, type SolveStats } from "../../solver/solve.js";
import { solveInParallel } from "../../solver/parallel.js";
import { availableParallelism } from "node:os";
import { loadBackend, type BackendName } from "../../solver/backend.js";
import { verifyRoster } from "../verify/rules.js";
import { teamPattern } from "../verify/teams.js";
import type { TeamsOutcome } from "../domain/teams.js";
import { formatViolation } from "../verify/format.js";
import { computeMetrics } from "../metrics/fairness.js";
import { objectiveValues, type ObjectiveValues } from "../metrics/objectives.js";
import { InfeasibleError, VerificationError, type InputIssue } from "../domain/errors.js";
import { pinConflicts } from "../policy/pinConflicts.js";
import { keepWished } from "../replan/keepWished.js";
import { grantWishes } from "../replan/grantWishes.js";
import { hasRequests, wishesGranted, type RequestFigures } from "../metrics/requests.js";
import type { Problem, Roster } from "../domain/problem.js";
import { formatMessage, type Lang } from "../messages/index.js";

export interface SolveScenarioOptions {
  solver?: BackendName;
  lang?: Lang;
  excelBom?: boolean;
  /** Write roster.xlsx: true, false, or (undefined) only up to `XLSX_AUTO_MAX` employees. */
  xlsx?: boolean;
  /** Threads for the solve stage; default 1 (see PARALLEL_FROM). */
  threads?: number;
  /** Called as the input is read and as each output file is written. */
  onStage?: (stage: "read" | "write" | "xlsx", done: number, total: number) => void;
  /** Called after each agency is solved. */
  onAgency?: (done: number, total: number) => void;
  /**
   * Builds report.html from the finished run; no report when omitted. `teams` for rotation
   * "teams"; `extras` carries what a replan adds.
   */
  report?: (problem: Problem, roster: Roster, metrics: unknown, teams: TeamsOutcome | null, extras?: RunExtras) => string;
}

/** What a pipeline other than `solve` adds to a run, made from the verified roster (see `replanScenario`). */
export interface RunExtras {
  /** changes.csv of a replan. */
  changesCsv?: string;
  /** What the report shows beyond the roster: the replan's summary (who to notify). */
  replan?: unknown;
}

export interface StageTimes {
  read: number;
  compile: number;
  solve: number;
  verify: number;
  metrics: number;
  write: number;
}

export interface SolveOutcome {
  problem: Problem;
  roster: Roster;
  metrics: ReturnType<typeof computeMetrics>;
  objectives: ObjectiveValues;
  /** Wishes granted and pins kept (requests.csv, and a replan's published days); null when nobody has a request. */
  requests: RequestFigures | null;
  written: WrittenFiles;
  /** Rotation "teams": the teams, their turns and the stand-ins; null otherwise. */
  teams: TeamsOutcome | null;
  /**
   * What the input raised that is not an error (leave outside the horizon, an agency where no
   * mandatory position matches): the one warnings channel; the CLI prints each on stderr.
   */
  warnings: InputIssue[];
  /** Milliseconds per stage. */
  times: StageTimes;
  models: number;
  /** Agencies whose fairness search ran out of budget (hard rules and objectives 1-2 hold; 3-4 unproven). */
  unprovenAgencies: string[];
  /** roster.xlsx left out because the run is larger than `XLSX_AUTO_MAX` and `--xlsx` was not given. */
  xlsxSkipped?: boolean;
}

/**
 * From this many employees, threads are used by default. Measured so far, a worker's cold
 * start (modules, JIT, copying its share) costs more than the solve it takes over at
 * 100,000 employees (bench/RESULTS.md), so the default stays single-threaded.
 */
const PARALLEL_FROM = Number.POSITIVE_INFINITY;

/** Solve the scenario in `dir` and write the verified roster into `outDir`. */
export async function solveScenario(dir: string, outDir: string, options: SolveScenarioOptions = {}): Promise<SolveOutcome> {
  const clock = stopwatch();
  options.onStage?.("read", 0, 1);
  const input = await readScenario(dir);
  options.onStage?.("read", 1, 1);
  const read = clock();
  const problem = compile(input);
  const compiled = clock();
  return solveCompiled(problem, outDir, options, { read, compile: compiled }, clock);
}

/**
 * The stages after compile, shared by `solve` and `replan`: solve (pins that cannot hold
 * named first), verify, measure, write. Nothing is written unless the verifier passed the
 * roster.
 */
export async function solveCompiled(
  problem: Problem,
  outDir: string,
  options: SolveScenarioOptions,
  before: Pick<StageTimes, "read" | "compile">,
  clock: () => number = stopwatch(),
  afterVerify?: (roster: Roster) => RunExtras,
): Promise<SolveOutcome> {
  const lang = options.lang ?? "en";
  const conflicts = pinConflicts(problem);
  if (conflicts.length > 0) throw new InfeasibleError(conflicts);
  // Teams are formed in one thread: the stand-ins and teams come back with the roster.
  const threads = problem.rotation === "teams" ? 1 : Math.max(1, Math.min(options.threads ?? (problem.people.length >= PARALLEL_FROM ? availableParallelism() : 1), problem.agencies.length));
  const solvedRun: { roster: Roster; stats: SolveStats; teams?: TeamsOutcome } = await (async () => (threads > 1
    ? await solveInParallel(problem, options.solver ?? "auto", threads, options.onAgency)
    : solveProblem(problem, { backend: await loadBackend(options.solver ?? "auto"), onAgency: options.onAgency })))().catch((error: unknown) => {
    throw error instanceof InfeasibleError ? namedRuleSources(problem, error) : error;
  });
  const { roster, stats } = solvedRun;
  const teams = solvedRun.teams ?? null;
  // Wishes the solver left (replan's "fewest changes" among them), granted by trading days at
  // no cost to any objective; the solver's own roster stands if the pass broke any rule.
  const solverModes = hasRequests(problem) ? roster.modes.slice() : null;
  if (solverModes !== null) {
    // Agencies whose wished (published) roster is optimal keep it whole; the others trade days.
    grantWishes(problem, roster, new Set(keepWished(problem, roster)));
  }
  const solved = clock();
  let verification = verifyRoster(problem, roster);
  if (!verification.ok && solverModes !== null) {
    roster.modes.set(solverModes);
    verification = verifyRoster(problem, roster);
  }
  if (!verification.ok) throw new VerificationError(verification.violations.slice(0, 20).map((v) => formatViolation(v, lang)), verification.count);
  if (teams !== null) {
    const pattern = teamPattern(problem, roster, teams, 20);
    if (pattern.count > 0) throw new VerificationError(pattern.violations.map((v) => formatMessage(v.code, v.values, lang)), pattern.count);
  }
  const verified = clock();
  const metrics = computeMetrics(problem, roster);
  const objectives = objectiveValues(problem, roster);
  const requests = hasRequests(problem) ? wishesGranted(problem, roster) : null;
  const document = requests === null ? metrics : { ...metrics, requests };
  const extras = afterVerify?.(roster) ?? {};
  const reportHtml = options.report?.(problem, roster, document, teams, extras);
  const changesCsv = extras.changesCsv;
  const measured = clock();
  // The workbook costs about 14 s of CPU per 100,000 people (exceljs builds every cell's XML):
  // written by default up to 50,000 employees (a regency, most provinces), on request
  // (`--xlsx`) beyond, so a 100,000-employee solve stays within its 10 s.
  const xlsx = options.xlsx ?? problem.people.length <= XLSX_AUTO_MAX;
  const written = await writeOutputs(outDir, problem, roster, {
    metrics: document, lang, excelBom: options.excelBom, teams, xlsx,
    onFile: options.onStage && ((done, total) => options.onStage!("write", done, total)),
    onXlsxAgency: options.onStage && ((done, total) => options.onStage!("xlsx", done, total)),
    ...(reportHtml === undefined ? {} : { reportHtml }),
    ...(changesCsv === undefined ? {} : { changesCsv }),
  });
  const wrote = clock();
  return { problem, roster, metrics, objectives, requests, written, teams, warnings: problem.warnings ?? [], times: { ...before, solve: solved, verify: verified, metrics: measured, write: wrote }, models: stats.models, unprovenAgencies: stats.unprovenAgencies, xlsxSkipped: !xlsx && options.xlsx === undefined };
}

/** Most employees for which `solve` writes roster.xlsx unless told (`--xlsx` / `--no-xlsx`). */
export const XLSX_AUTO_MAX = 50_000;

/**
 * A composition rule's infeasibility names the file the rule comes from: rules from units.csv
 * say so (`units.csv line 7 asks at least 3 ...`). Causes that name their source already are
 * kept; otherwise the rule is found by agency, line and the words of who it counts.
 */
function namedRuleSources(problem: Problem, error: InfeasibleError): InfeasibleError {
  const byId = new Map(problem.agencies.map((a) => [a.id, a]));
  const causes = error.causes.map((cause) => {
    if (cause.values.line === undefined || cause.values.source !== undefined) return cause;
    const rule = byId.get(cause.agencyId)?.rules.find((r) => r.line === cause.values.line && (cause.values.who === undefined || cause.values.who === `${r.rank ?? "staff"}${r.unit === null ? "" : ` of unit ${r.unit}`}`));
    return rule?.file === undefined ? cause : { ...cause, values: { ...cause.values, source: rule.file } };
  });
  return new InfeasibleError(causes);
}

/** Milliseconds since the previous call. */
export function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}
