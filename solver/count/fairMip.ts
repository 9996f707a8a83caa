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
import { capOn, weekOfficeBounds, type Problem } from "../../src/domain/problem.js";
import { PINNED_OFFICE } from "./pins.js";
import type { Backend } from "../backend.js";
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import { candidateDeviations, smallestDeviation, unitCost, unitRange, type LevelClass } from "./levelTargets.js";
import type { AgencyStructure } from "./pools.js";
import type { ShareClass } from "./shareClasses.js";

const BUDGET_SECONDS = 20;
/**
 * HiGHS' presolve rewrites these count programs at a cost above what it saves: on the
 * 27,000-person weekly agency's fairness model, 1.8-2.0 s with presolve and 0.8-1.3 s without
 * (same optimum). Off for the fairness models only.
 */
const HIGHS = { presolve: "off" };
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

/** The variables and rows every model of an agency's count program shares. */
export interface CountBase {
  vars: ModelVar[];
  rows: ModelConstraint[];
}

/**
 * Rows of the flexible-work rule (`problem.perPerson`): in every full week each member's
 * office days (pinned ones included) within `weekOfficeBounds` (the verifier's own bounds:
 * each day a member cannot come lowers the minimum). Daily rotation: members get floor or ceil of the class's week total (turns.ts walks
 * each week in one stretch), so bounding the total by m * bound bounds every member. Weekly
 * rotation: a member is in on all their choosable days of the week or none.
 */
function perPersonRows(problem: Problem, s: AgencyStructure, classes: readonly ShareClass[]): ModelConstraint[] | "infeasible" {
  const rule = problem.perPerson;
  if (!rule) return [];
  const rows: ModelConstraint[] = [];
  const { week } = problem.calendar;
  for (const c of classes) {
    const m = c.members.length;
    const pins = s.pinned.get(c.members[0])?.modes;
    rule.fullWeeks.forEach((_, w) => {
      // Members of a class share leave and pins: the first member's bounds are everyone's.
      const bounds = weekOfficeBounds(problem, problem.people[c.members[0]], w);
      if (bounds === null) return;
      let forced = 0;
      const choosable = c.days.filter((d) => week[d] === w);
      if (pins) for (let d = 0; d < week.length; d++) if (week[d] === w && pins[d] === PINNED_OFFICE) forced++;
      const least = Math.max(0, bounds.min - forced);
      const most = bounds.max - forced;
      if (most < 0 || least > choosable.length) return void rows.push({ name: "impossible", terms: [], lower: 1 });
      if (choosable.length === 0) return;
      if (problem.rotation === "daily") {
        rows.push({ name: `pp${c.index}_${w}`, terms: choosable.map((d): [string, number] => [countVar(c.index, d), 1]), lower: least * m, upper: most * m });
      } else {
        const v = countVar(c.index, w);
        if (least > 0 && choosable.length > most) return void rows.push({ name: "impossible", terms: [], lower: 1 });
        if (least > 0) rows.push({ name: `pp${c.index}_${w}`, terms: [[v, 1]], lower: m, upper: m });
        else if (choosable.length > most) rows.push({ name: `pp${c.index}_${w}`, terms: [[v, 1]], lower: 0, upper: 0 });
      }
    });
  }
  return rows.some((r) => r.terms.length === 0) ? "infeasible" : rows;
}

/**
 * The hard rules on counts (cap, floor, rules per day; flexible work per week), and the
 * totals objectives 1-2 fixed: per block (stage 1's optimum), or over the horizon when the
 * flexible-work rule ties the days of a week together (`totalsOverCounts`). null when the
 * flexible-work rule cannot hold for some class.
 */
export function baseModel(problem: Problem, s: AgencyStructure, classes: readonly ShareClass[], totals: BlockTotals | null): CountBase | null {
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
    if (inBlock.length > 0 && totals !== null) {
      rows.push({ name: `tot_${b}`, terms: inBlock.map((c) => [countVar(c.index, b), c.blockDays[b].length]), lower: totals.office[b], upper: totals.office[b] });
      const prio = inBlock.filter((c) => c.priority);
      if (prio.length > 0) rows.push({ name: `pri_${b}`, terms: prio.map((c) => [countVar(c.index, b), c.blockDays[b].length]), lower: totals.priority[b], upper: totals.priority[b] });
    }
  }
  const weekly = perPersonRows(problem, s, classes);
  if (weekly === "infeasible") return null;
  rows.push(...weekly);
  return { vars, rows };
}

/** Office days of all classes, and of priority classes: the terms of objectives 1 and 2. */
function officeTerms(s: AgencyStructure, classes: readonly ShareClass[], priorityOnly: boolean): Array<[string, number]> {
  const terms: Array<[string, number]> = [];
  for (const c of classes) {
    if (priorityOnly && !c.priority) continue;
    s.blocks.forEach((block) => {
      if (c.blockDays[block.index].length > 0) terms.push([countVar(c.index, block.index), c.blockDays[block.index].length]);
    });
  }
  return terms;
}

/**
 * Objectives 1 and 2 over the whole horizon at once, for the flexible-work rule (which ties
 * the days of a week together, so blocks are no longer independent): the most office days,
 * then the fewest priority office days, each kept as a row of the base for the fairness
 * models. null when the hard rules cannot all hold.
 */
export function totalsOverCounts(problem: Problem, s: AgencyStructure, classes: readonly ShareClass[], backend: Backend): { base: CountBase; office: number; priority: number; models: number; counts: number[][] } | null {
  const base = baseModel(problem, s, classes, null);
  if (base === null) return null;
  if (base.vars.length === 0) return { base, office: 0, priority: 0, models: 0, counts: classes.map(() => new Array<number>(s.blocks.length).fill(0)) };
  const all = officeTerms(s, classes, false);
  const most = backend.solve({ name: `cap ${s.agency.id}`, sense: "max", objective: new Map(all), constraints: base.rows, vars: base.vars });
  if (most.status !== "optimal") return null;
  const office = Math.round(most.objective);
  const withOffice: CountBase = { vars: base.vars, rows: [...base.rows, { name: "capuse", terms: all, lower: office, upper: office }] };
  const prio = officeTerms(s, classes, true);
  let priority = 0;
  let models = 1;
  let values = most.values;
  if (prio.length > 0) {
    const least = backend.solve({ name: `priority ${s.agency.id}`, sense: "min", objective: new Map(prio), constraints: withOffice.rows, vars: base.vars });
    models++;
    if (least.status !== "optimal") return null;
    priority = Math.round(least.objective);
    values = least.values;
    withOffice.rows.push({ name: "prio", terms: prio, lower: priority, upper: priority });
  }
  // The counts found so far: the fallback should the fairness search run out of budget.
  const counts = readCounts(values, classes, s.blocks.length);
  if (!countsKeepRows(withOffice, counts)) return null;
  return { base: withOffice, office, priority, models, counts };
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
function fairModel(base: CountBase, s: AgencyStructure, normal: readonly ShareClass[], views: readonly LevelClass[], limit: number): Model | null {
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

/**
 * Whether counts keep every row of the base model (cap, floor, rules, block totals): a
 * backend's answer is checked before it is used, so an imprecise solve can only cost
 * fairness (the caller falls back), never a hard rule.
 */
export function countsKeepRows(base: { rows: ModelConstraint[] }, counts: number[][]): boolean {
  for (const row of base.rows) {
    let sum = 0;
    for (const [name, coef] of row.terms) {
      if (name[0] !== "n") continue;
      const [c, b] = name.slice(1).split("_").map(Number);
      sum += coef * (counts[c]?.[b] ?? 0);
    }
    if ((row.lower !== undefined && sum < row.lower - 1e-9) || (row.upper !== undefined && sum > row.upper + 1e-9)) return false;
  }
  return true;
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
function minDeviationModel(base: CountBase, s: AgencyStructure, normal: readonly ShareClass[], views: readonly LevelClass[], from: number): Model {
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
export function solveFairMip(s: AgencyStructure, classes: readonly ShareClass[], views: readonly LevelClass[], base: CountBase, backend: Backend, from: number): MipOutcome {
  const normal = classes.filter((c) => !c.priority);
  const normalViews = normal.map((c) => views[c.index]);
  // GILIRAN_FAIR_BUDGET (seconds) overrides the budget: tests set 0 to exercise the fallback.
  const budget = process.env.GILIRAN_FAIR_BUDGET === undefined ? BUDGET_SECONDS : Number(process.env.GILIRAN_FAIR_BUDGET);
  if (!(budget > 0)) return { counts: null, proven: false, models: 0 };
  const started = performance.now();
  const left = (): number => Math.max(budget - (performance.now() - started) / 1000, 0.5);
  let models = 0;
  let limit = from;
  // The relaxation's bound is often met (rules that barely bind): one model settles 3 and 4.
  // The deviations members can have, ascending: a bound is snapped up to the one it stands for.
  const candidates = candidateDeviations(normalViews);
  const snap = (bound: number): number => candidates.find((v) => v >= bound - 1e-6) ?? bound;
  const atBound = normal.length > 0 ? fairModel(base, s, normal, normalViews, snap(from)) : null;
  if (atBound !== null) {
    const result = backend.solve(atBound, { timeLimitSeconds: left(), highs: HIGHS });
    models++;
    if (result.status === "optimal") {
      const counts = readCounts(result.values, classes, s.blocks.length);
      if (countsKeepRows(base, counts)) return { counts, proven: true, models };
    }
  }
  if (normal.length > 0) {
    const found = backend.solve(minDeviationModel(base, s, normal, normalViews, from), { timeLimitSeconds: left(), highs: HIGHS });
    models++;
    if (found.status !== "optimal") return { counts: null, proven: false, models };
    const dev = found.objective;
    limit = snap(dev);
  }
  const model = fairModel(base, s, normal, normalViews, limit);
  if (model === null) return { counts: null, proven: false, models };
  const result = backend.solve(model, { timeLimitSeconds: left(), highs: HIGHS });
  models++;
  if (result.status !== "optimal") return { counts: null, proven: false, models };
  const counts = readCounts(result.values, classes, s.blocks.length);
  return countsKeepRows(base, counts) ? { counts, proven: true, models } : { counts: null, proven: false, models };
}

/** The relaxation's bound on objective 3 (days ignored): where the search starts. */
export function relaxedDeviation(views: readonly LevelClass[], total: number): number {
  const bound = smallestDeviation(views, total);
  return Number.isFinite(bound) ? bound : 0;
}
