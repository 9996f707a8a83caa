/**
 * javascript-lp-solver as a backend: translates the neutral `Model` into its JSON model,
 * solves, and checks the status before any value is read.
 */
import * as jsLpModule from "javascript-lp-solver";
import type { Model } from "../model.js";
import type { Backend, BackendResult } from "../backend.js";

interface JsModel { optimize: string; opType: "max" | "min"; constraints: object; variables: object; ints: object; unrestricted: object; timeout?: number }
interface JsSolver { Solve(model: JsModel): unknown }
// The package's types describe its CommonJS build; under ESM its solver is the default export.
const solver = (jsLpModule as unknown as { default: JsSolver }).default;

export function toJsModel(model: Model): JsModel {
  const constraints: Record<string, { min?: number; max?: number; equal?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  for (const v of model.vars) {
    variables[v.name] = {};
    if (v.integer) ints[v.name] = 1;
    if (v.lower === -Infinity) unrestricted[v.name] = 1;
    // Bounds are rows in javascript-lp-solver (variables are >= 0 by default).
    if (v.upper !== Infinity || (v.lower !== 0 && v.lower !== -Infinity)) {
      const row = `bound:${v.name}`;
      constraints[row] = v.lower === v.upper ? { equal: v.lower } : { ...(v.upper !== Infinity ? { max: v.upper } : {}), ...(v.lower > 0 || v.lower < 0 ? (v.lower === -Infinity ? {} : { min: v.lower }) : {}) };
      variables[v.name][row] = 1;
    }
  }
  for (const c of model.constraints) {
    constraints[c.name] = c.lower !== undefined && c.lower === c.upper ? { equal: c.lower } : { ...(c.lower !== undefined ? { min: c.lower } : {}), ...(c.upper !== undefined ? { max: c.upper } : {}) };
    for (const [name, coef] of c.terms) variables[name][c.name] = (variables[name][c.name] ?? 0) + coef;
  }
  const objective = model.objective instanceof Map ? model.objective : new Map(Object.entries(model.objective));
  for (const [name, coef] of objective) variables[name]["objective:"] = coef;
  return { optimize: "objective:", opType: model.sense, constraints, variables, ints, unrestricted } as JsModel;
}

export const jslpBackend: Backend = {
  name: "jslp",
  solve(model: Model, options): BackendResult {
    const js = toJsModel(model);
    if (options?.timeLimitSeconds !== undefined) (js as { timeout?: number }).timeout = options.timeLimitSeconds * 1000;
    const raw = solver.Solve(js) as unknown as Record<string, unknown> & { feasible: boolean; bounded?: boolean; isIntegral?: boolean; result: number };
    if (!raw.feasible) return { status: "infeasible" };
    if (raw.bounded === false) return { status: "unbounded" };
    const hasInts = model.vars.some((v) => v.integer);
    if (hasInts && raw.isIntegral === false) return { status: "error", detail: "no integral solution (time limit?)" };
    const values = new Map<string, number>();
    for (const v of model.vars) {
      const value = raw[v.name];
      const x = typeof value === "number" ? value : 0;
      values.set(v.name, v.integer ? Math.round(x) : x);
    }
    return { status: "optimal", objective: raw.result, values };
  },
};
