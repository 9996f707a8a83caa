/**
 * The seam between a model and the program that solves it (JuMP habit): builders make a
 * neutral `Model`; a `Backend` solves it and reports a status that is checked before any
 * value is read.
 */
import type { Model } from "./model.js";
import { writeLp } from "./model.js";
import { jslpBackend } from "./backends/jslp.js";

export type BackendResult =
  | { status: "optimal"; objective: number; values: Map<string, number> }
  | { status: "infeasible" | "unbounded" | "error"; detail?: string };

export interface SolveSettings {
  timeLimitSeconds?: number;
  /** Options for HiGHS only (solver-specific, kept apart from the neutral ones); other backends ignore them. */
  highs?: Record<string, string | number | boolean>;
}

export interface Backend {
  name: string;
  solve(model: Model, settings?: SolveSettings): BackendResult;
}

export type BackendName = "auto" | "jslp" | "highs";
export const BACKEND_NAMES: readonly BackendName[] = ["auto", "jslp", "highs"];

/**
 * Models up to this many variables go to javascript-lp-solver under `auto`: the block models
 * of stage 1 (a handful of group counts) solve in microseconds there, with no LP text to write
 * and parse; the fairness programs (hundreds to thousands of counts and segments) go to HiGHS,
 * which solved the 27,000-person weekly agency's models 20x faster (README, "Backends").
 */
export const AUTO_JSLP_MAX_VARS = 40;

/** The backend by name; HiGHS' WebAssembly is loaded once, after which its solves are synchronous. */
export async function loadBackend(name: BackendName): Promise<Backend> {
  if (name === "jslp") return jslpBackend;
  if (name === "auto") {
    const highs = await loadBackend("highs");
    return {
      name: "auto",
      solve: (model, settings) => (model.vars.length <= AUTO_JSLP_MAX_VARS ? jslpBackend : highs).solve(model, settings),
    };
  }
  // Loaded on demand: most runs never need the WebAssembly module.
  const { loadHighs } = await import("./backends/highs.js");
  const highs = await loadHighs();
  return {
    name: "highs",
    solve(model, settings) {
      const options: Record<string, unknown> = { output_flag: false, mip_rel_gap: 0, ...settings?.highs };
      if (settings?.timeLimitSeconds !== undefined) options.time_limit = settings.timeLimitSeconds;
      let solution: ReturnType<typeof highs.solve>;
      try {
        solution = highs.solve(writeLp(model), options as Parameters<typeof highs.solve>[1]);
      } catch (error) {
        // A WebAssembly abort: report it; the caller turns it into an internal error.
        return { status: "error", detail: error instanceof Error ? error.message : String(error) };
      }
      if (solution.Status === "Infeasible") return { status: "infeasible" };
      if (solution.Status !== "Optimal") return { status: "error", detail: solution.Status };
      const values = new Map<string, number>();
      for (const v of model.vars) {
        const column = (solution.Columns as Record<string, { Primal?: number }>)[v.name];
        const x = column?.Primal ?? 0;
        values.set(v.name, v.integer ? Math.round(x) : x);
      }
      return { status: "optimal", objective: solution.ObjectiveValue, values };
    },
  };
}
