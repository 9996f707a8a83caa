/**
 * Objectives 3 and 4 as an integer program over counts, for agencies where the days alone do
 * not decide who may come (a composition rule counts rotating people, or weekly rotation with
 * its per-day caps): how many members of each share class go in each block, under every hard
 * rule, with each block's office days and priority office days held at their optimum
 * (objectives 1 and 2, from stage 1). Objective 3 is the optimum of one model (`dev`, from
 * the relaxation's bound up); objective 4 is a second model's objective within it: each class's sum of squares is convex and piecewise
 * linear in its total, with one segment per unit a member can take.
 *
 * The search is bounded: two models and `BUDGET_SECONDS` of solver time per agency. Past the
 * budget, stage 1's counts stand (shared among classes):
 * every hard rule and objectives 1-2 still hold, and the result says fairness is unproven.
 */
import { capOn } from "../../src/domain/problem.js";
import type { Backend } from "../backend.js";
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import { candidateDeviations, smallestDeviation, unitCost, unitRange, type LevelClass } from "./levelTargets.js";
import type { AgencyStructure } from "./pools.js";
import type { ShareClass } from "./shareClasses.js";

const BUDGET_SECONDS = 20;
const EPS = 1e-9;

export interface BlockTotals {
  /** Office person-days of rotating people chosen in each block (stage 1's optimum). */
  office: number[];
  /** Of which health-priority people. */
  priority: number[];
}

export interface MipOutcome {
  /** counts[class][block]: members of the class in the office in the block; null when no model was solved. */
  counts: number[][] | null;
  /** Whether objective 3 and 4 are proven optimal (false: the budget ran out first). */
  proven: boolean;
  models: number;
}

const countVar = (c: number, b: number): string => `n${c}_${b}`;

/** The hard rules and block totals on counts, shared by every model of the search. */
function baseModel(s: AgencyStructure, classes: readonly ShareClass[], totals: BlockTotals): { vars: ModelVar[]; rows: ModelConstraint[] } {
  const vars: ModelVar[] = [];
  const rows: ModelConstraint[] = [];
  const agency = s.agency;
  for (const block of s.blocks) {
    const b = block.index;
    const inBlock = classes.filter((c) => c.blockDays[b].length > 0);
    for (const c of inBlock) vars.push({ name: countVar(c.index, b), lower: 0, upper: c.members.length, integer: true });
    for (const d of block.days) {
      const here = inBlock.filter((c) => c.blockDays[b].includes(d));
      if (here.length === 0) continue;
      const terms = here.map((c): [string, number] => [countVar(c.index, b), 1]);
      const cap = capOn(agency, d)!;
      rows.push({ name: `cap_${d}`, terms, lower: Math.max(0, agency.minOffice - s.fixedOffice[d]), upper: cap - s.fixedOffice[d] });
      agency.rules.forEach((rule, r) => {
        const ruleTerms = here.filter((c) => c.matches[r]).map((c): [string, number] => [countVar(c.index, b), 1]);
        if (ruleTerms.length === 0) return;
        const row: ModelConstraint = { name: `rule${r}_${d}`, terms: ruleTerms, lower: Math.max(0, rule.min - s.fixedMatch[r][d]) };
        if (rule.max !== null) row.upper = rule.max - s.fixedMatch[r][d];
        rows.push(row);
      });
    }
    if (inBlock.length > 0) {
      rows.push({ name: `tot_${b}`, terms: inBlock.map((c) => [countVar(c.index, b), c.blockDays[b].length]), lower: totals.office[b], upper: totals.office[b] });
      const prio = inBlock.filter((c) => c.priority);
      if (prio.length > 0) rows.push({ name: `pri_${b}`, terms: prio.map((c) => [countVar(c.index, b), c.blockDays[b].length]), lower: totals.priority[b], upper: totals.priority[b] });
    }
  }
  return { vars, rows };
}

/**
 * A factor that makes every segment cost whole: costs are 2u(f + ku - t) + u^2 with targets
 * t = T * weight / W - hist, so W (the sum of the family's share weights) clears every
 * denominator. Falls back to 1e6 when W is not whole (never, for whole day counts).
 */
function costScale(normal: readonly ShareClass[]): number {
  const W = normal.reduce((sum, c) => sum + c.weight * c.members.length, 0);
  return Number.isInteger(W) && W > 0 && W < 1e7 ? W : 1e6;
}

/**
 * The model for largest deviation `limit`: class totals bounded, segments priced. Units per
 * class follow `views` (days, or weeks of one length).
 */
function fairModel(base: { vars: ModelVar[]; rows: ModelConstraint[] }, s: AgencyStructure, normal: readonly ShareClass[], views: readonly LevelClass[], limit: number): Model | null {
  const scale = costScale(normal);
  const vars = [...base.vars];
  const rows = [...base.rows];
  const objective = new Map<string, number>();
  for (let i = 0; i < normal.length; i++) {
    const c = normal[i];
    const view = views[i];
    const range = unitRange(view, limit);
    if (range === null) return null;
    const [low, high] = range;
    const m = c.members.length;
    // Units of the class: member-days, or member-weeks when a unit is a whole week.
    const perBlock = (b: number): number => (view.unit === 1 ? c.blockDays[b].length : 1);
    const terms: Array<[string, number]> = [];
    s.blocks.forEach((block) => {
      if (c.blockDays[block.index].length > 0) terms.push([countVar(c.index, block.index), perBlock(block.index)]);
    });
    if (terms.length === 0) {
      if (low > 0) return null;
      continue;
    }
    for (let k = low; k < high; k++) {
      const z = `z${c.index}_${k}`;
      // Whole segments and whole costs: HiGHS then knows the objective moves in whole steps
      // and closes the gap at once, where fractional costs left it branching on ties.
      vars.push({ name: z, lower: 0, upper: m, integer: true });
      objective.set(z, Math.round(unitCost(view, k) * scale));
      terms.push([z, -1]);
    }
    rows.push({ name: `w${c.index}`, terms, lower: low * m, upper: low * m });
  }
  return { name: `fair ${s.agency.id}`, sense: "min", objective, constraints: rows, vars };
}

/** Read counts[class][block] from a solution. */
function readCounts(values: Map<string, number>, classes: readonly ShareClass[], blocks: number): number[][] {
  return classes.map((c) => {
    const row = new Array<number>(blocks).fill(0);
    for (let b = 0; b < blocks; b++) if (c.blockDays[b].length > 0) row[b] = Math.round(values.get(countVar(c.index, b)) ?? 0);
    return row;
  });
}

/**
 * Objective 3 as one integer program: members of class c get k_c or k_c + 1 units (the
 * latter only when delta_c is 1), and D bounds both ends' distance from the target.
 */
function minDeviationModel(base: { vars: ModelVar[]; rows: ModelConstraint[] }, s: AgencyStructure, normal: readonly ShareClass[], views: readonly LevelClass[], from: number): Model {
  const vars = [...base.vars, { name: "dev", lower: Math.max(0, from - EPS), upper: Infinity, integer: false }];
  const rows = [...base.rows];
  normal.forEach((c, i) => {
    const view = views[i];
    const m = c.members.length;
    const terms: Array<[string, number]> = [];
    s.blocks.forEach((block) => {
      if (c.blockDays[block.index].length > 0) terms.push([countVar(c.index, block.index), view.unit === 1 ? c.blockDays[block.index].length : 1]);
    });
    const k = `k${c.index}`;
    const delta = `d${c.index}`;
    vars.push({ name: k, lower: 0, upper: view.most, integer: true }, { name: delta, lower: 0, upper: 1, integer: true });
    if (terms.length > 0) {
      rows.push({ name: `kl${c.index}`, terms: [...terms, [k, -m]], lower: 0 });
      rows.push({ name: `kh${c.index}`, terms: [...terms, [k, -m], [delta, -m]], upper: 0 });
    } else rows.push({ name: `kz${c.index}`, terms: [[k, 1], [delta, 1]], upper: 0 });
    rows.push({ name: `dl${c.index}`, terms: [["dev", 1], [k, view.unit]], lower: view.target - view.forced });
    rows.push({ name: `dh${c.index}`, terms: [["dev", 1], [k, -view.unit], [delta, -view.unit]], lower: view.forced - view.target });
  });
  return { name: `deviation ${s.agency.id}`, sense: "min", objective: new Map([["dev", 1]]), constraints: rows, vars };
}

/**
 * Objective 3 by one integer program (its optimum snapped to the candidate deviation it
 * equals), then objective 4 within it. Past the budget, the best counts found stand.
 */
export function solveFairMip(s: AgencyStructure, classes: readonly ShareClass[], views: readonly LevelClass[], totals: BlockTotals, backend: Backend, from: number): MipOutcome {
  const normal = classes.filter((c) => !c.priority);
  const normalViews = normal.map((c) => views[c.index]);
  const base = baseModel(s, classes, totals);
  const started = performance.now();
  const left = (): number => Math.max(BUDGET_SECONDS - (performance.now() - started) / 1000, 0.5);
  let models = 0;
  let limit = from;
  // The relaxation's bound is often met (rules that barely bind): one model settles 3 and 4.
  const atBound = normal.length > 0 ? fairModel(base, s, normal, normalViews, candidateDeviations(normalViews).find((v) => v >= from - 1e-6) ?? from) : null;
  if (atBound !== null) {
    const result = backend.solve(atBound, { timeLimitSeconds: left() });
    models++;
    if (result.status === "optimal") return { counts: readCounts(result.values, classes, s.blocks.length), proven: true, models };
  }
  if (normal.length > 0) {
    const found = backend.solve(minDeviationModel(base, s, normal, normalViews, from), { timeLimitSeconds: left() });
    models++;
    if (found.status !== "optimal") return { counts: null, proven: false, models };
    const dev = found.objective;
    limit = candidateDeviations(normalViews).find((v) => v >= dev - 1e-6) ?? dev;
  }
  const model = fairModel(base, s, normal, normalViews, limit);
  if (model === null) return { counts: null, proven: false, models };
  const result = backend.solve(model, { timeLimitSeconds: left() });
  models++;
  if (result.status !== "optimal") return { counts: null, proven: false, models };
  return { counts: readCounts(result.values, classes, s.blocks.length), proven: true, models };
}

/** The relaxation's bound on objective 3 (days ignored): where the search starts. */
export function relaxedDeviation(views: readonly LevelClass[], total: number): number {
  const bound = smallestDeviation(views, total);
  return Number.isFinite(bound) ? bound : 0;
}
