/**
 * HiGHS (WebAssembly, the `highs` npm package) as a backend: solve CPLEX LP text and return
 * a typed result whose values exist only when the status says the solve is optimal.
 */
import highsDefault from "highs";

// The package's declarations are read as CommonJS (its default export lands one level down),
// while Node loads its ES module build, whose default export is the loader itself.
type Loader = typeof highsDefault.default;
const highsLoader: Loader = typeof highsDefault === "function" ? (highsDefault as unknown as Loader) : highsDefault.default;
type Highs = Awaited<ReturnType<Loader>>;

export type HighsStatus = "optimal" | "infeasible" | "unbounded" | "infeasible_or_unbounded" | "time_limit" | "iteration_limit" | "error";

export type HighsResult =
  | { status: "optimal"; objective: number; values: Map<string, number>; seconds: number }
  | { status: Exclude<HighsStatus, "optimal">; /** HiGHS' own words for the status or the error. */ detail: string; seconds: number };

export interface HighsSolveOptions {
  /** Wall-clock limit of this one solve; omitted: none. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS may stop; 0 (the default here) asks for a proven optimum. */
  mipRelGap?: number;
}

let loading: Promise<Highs> | null = null;

/** The WebAssembly module is compiled once per process and reused; each solve is a fresh native instance. */
export function loadHighs(): Promise<Highs> {
  if (loading === null) {
    const attempt = highsLoader();
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
    loading = attempt;
  }
  return loading;
}

const STATUS: Readonly<Record<string, Exclude<HighsStatus, "optimal" | "error">>> = {
  Infeasible: "infeasible",
  Unbounded: "unbounded",
  "Primal infeasible or unbounded": "infeasible_or_unbounded",
  "Time limit reached": "time_limit",
  "Iteration limit reached": "iteration_limit",
};

export async function solveLp(lp: string, options: HighsSolveOptions = {}): Promise<HighsResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const settings: { output_flag: boolean; mip_rel_gap: number; time_limit?: number } = {
    output_flag: false,
    mip_rel_gap: options.mipRelGap ?? 0,
  };
  if (options.timeLimitSeconds !== undefined) settings.time_limit = Math.max(options.timeLimitSeconds, 0.001);
  let solution: ReturnType<Highs["solve"]>;
  try {
    solution = highs.solve(lp, settings);
  } catch (error) {
    // A WebAssembly abort may leave the module unusable: load a fresh one next time.
    loading = null;
    return { status: "error", detail: error instanceof Error ? error.message : String(error), seconds: seconds() };
  }
  const raw: string = solution.Status;
  if (raw !== "Optimal") return { status: STATUS[raw] ?? "error", detail: raw, seconds: seconds() };
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(solution.Columns)) {
    if ("Primal" in column) values.set(name, column.Primal as number);
  }
  return { status: "optimal", objective: solution.ObjectiveValue, values, seconds: seconds() };
}
