/**
 * The exact per-person integer program: one binary per rotating person and workday (or week),
 * the hard rules as rows, the four objectives solved lexicographically by HiGHS. It is what a
 * planner would write first, and it does not scale; it is the reference the count-based
 * solver is tested against, and the baseline of the benchmarks.
 *
 * Decomposition: every hard rule and every objective term belongs to one agency, so by
 * default each agency is solved on its own and the figures combined (sums for cap use and
 * priority days, max for the spreads). For cap use and priority days this is exactly the
 * global lexicographic optimum; for the horizon spread too (the global optimum is the max of
 * the agencies' optima). For the weekly spread it is the max over agencies of each agency's
 * own lexicographic optimum, which is what a per-agency solver must match; a single global
 * model could report less in contrived cases, because fixing only the global horizon spread
 * lets an agency loosen its own horizon spread to tighten its weekly one.
 * `decompose: false` builds that single global model.
 */
import { HOME, OFFICE, LEAVE, emptyRoster, fairnessGroupKey, ruleMatches } from "../../src/domain/problem.js";
import type { Problem, Roster, Person } from "../../src/domain/problem.js";
import { writeLp } from "../model.js";
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import { solveLp } from "../backends/highs.js";

export interface ExactObjectives {
  /** Office person-days summed over non-exempt agencies and workdays. */
  capUse: number;
  /** Office person-days of health-priority people. */
  priorityOfficeDays: number;
  /** Max over fairness groups of (max - min) of history + office units, members without leave. */
  horizonSpread: number;
  /** Daily rotation: max over groups and weeks of (max - min) office days in the week; weekly rotation: 0. */
  weeklySpread: number;
}

export type ExactStatus = "optimal" | "infeasible" | "time_limit" | "error";

export interface ExactResult {
  status: ExactStatus;
  /** Present when optimal: figures recomputed from the roster. */
  objectives?: ExactObjectives;
  /** Present when optimal: each agency's figures, in `problem.agencies` order. */
  perAgency?: ExactObjectives[];
  roster?: Roster;
  seconds: number;
  /** Each HiGHS solve in order, for benchmarks: which unit, which stage, its size and time. */
  stages: StageReport[];
  /** Why the solve was not optimal (HiGHS status, or a row that holds no person-choice). */
  detail?: string;
}

export interface StageReport {
  /** Agency id, or the problem name for the global model. */
  unit: string;
  stage: string;
  vars: number;
  rows: number;
  status: string;
  seconds: number;
}

export interface ExactOptions {
  /** Wall-clock limit over all stages and agencies. */
  timeLimitSeconds?: number;
  /** Solve each agency separately (default true); false builds one global model. */
  decompose?: boolean;
}

const NO_LEAVE = (person: Person, day: number): boolean => person.leave === null || person.leave[day] !== 1;

/** Members of each fairness group that have no leave day in the horizon; groups below 2 dropped. */
export function fairnessMembers(problem: Problem, agencies?: ReadonlySet<number>): Person[][] {
  const groups = new Map<string, Person[]>();
  for (const person of problem.people) {
    if (agencies !== undefined && !agencies.has(person.agency)) continue;
    const key = fairnessGroupKey(person);
    if (key === null) continue;
    if (person.leave !== null && person.leave.some((v) => v === 1)) continue;
    let members = groups.get(key);
    if (members === undefined) groups.set(key, (members = []));
    members.push(person);
  }
  return [...groups.values()].filter((members) => members.length >= 2);
}

/** The four objective figures of a roster (over the given agencies, default all). */
export function exactObjectives(problem: Problem, roster: Roster, agencies?: ReadonlySet<number>): ExactObjectives {
  const days = problem.calendar.days.length;
  const weeks = problem.calendar.weekStarts.length;
  const inScope = (person: Person): boolean => agencies === undefined || agencies.has(person.agency);
  const office = (p: number, d: number): boolean => roster.modes[p * days + d] === OFFICE;
  let capUse = 0;
  let priorityOfficeDays = 0;
  for (const person of problem.people) {
    if (!inScope(person)) continue;
    const exempt = problem.agencies[person.agency].exempt;
    for (let d = 0; d < days; d++) {
      if (!office(person.index, d)) continue;
      if (!exempt) capUse++;
      if (person.attendance === "priority") priorityOfficeDays++;
    }
  }
  let horizonSpread = 0;
  let weeklySpread = 0;
  for (const members of fairnessMembers(problem, agencies)) {
    const units = members.map((person) => {
      if (problem.rotation === "daily") {
        let n = 0;
        for (let d = 0; d < days; d++) if (office(person.index, d)) n++;
        return person.history + n;
      }
      const inOffice = new Set<number>();
      for (let d = 0; d < days; d++) if (office(person.index, d)) inOffice.add(problem.calendar.week[d]);
      return person.history + inOffice.size;
    });
    horizonSpread = Math.max(horizonSpread, Math.max(...units) - Math.min(...units));
    if (problem.rotation === "daily") {
      for (let w = 0; w < weeks; w++) {
        const counts = members.map((person) => {
          let n = 0;
          for (let d = 0; d < days; d++) if (problem.calendar.week[d] === w && office(person.index, d)) n++;
          return n;
        });
        weeklySpread = Math.max(weeklySpread, Math.max(...counts) - Math.min(...counts));
      }
    }
  }
  return { capUse, priorityOfficeDays, horizonSpread, weeklySpread };
}

/** One objective of the lexicographic sequence, with the rows and variables that define it. */
interface Stage {
  name: string;
  sense: "max" | "min";
  objective: Map<string, number>;
  vars: ModelVar[];
  constraints: ModelConstraint[];
}

interface Built {
  vars: ModelVar[];
  constraints: ModelConstraint[];
  stages: Stage[];
  /** A hard-rule row with no person-choice whose constants break it; null when none. */
  brokenConstant: string | null;
  /** The variable deciding person p on day d, or null when the mode is fixed. */
  varOf: (person: Person, day: number) => string | null;
}

function addTerm(map: Map<string, number>, name: string, coef: number): void {
  map.set(name, (map.get(name) ?? 0) + coef);
}

/** The per-person model of the given agencies: hard rules as rows, objectives as stages. */
function build(problem: Problem, agencyIndices: number[]): Built {
  const { days: dayList, week, weekStarts } = problem.calendar;
  const days = dayList.length;
  const weeks = weekStarts.length;
  const daily = problem.rotation === "daily";
  const vars: ModelVar[] = [];
  const constraints: ModelConstraint[] = [];
  let brokenConstant: string | null = null;

  const varOf = (person: Person, day: number): string | null => {
    if (person.attendance === "fixed" || !NO_LEAVE(person, day)) return null;
    return daily ? `x${person.index}_${day}` : `y${person.index}_${week[day]}`;
  };

  const capUse = new Map<string, number>();
  const priority = new Map<string, number>();

  for (const a of agencyIndices) {
    const agency = problem.agencies[a];
    const people = agency.people.map((p) => problem.people[p]);
    for (const person of people) {
      if (person.attendance === "fixed") continue;
      const seen = new Set<string>();
      for (let d = 0; d < days; d++) {
        const name = varOf(person, d);
        if (name === null) continue;
        if (!agency.exempt) addTerm(capUse, name, 1);
        if (person.attendance === "priority") addTerm(priority, name, 1);
        if (seen.has(name)) continue;
        seen.add(name);
        vars.push({ name, lower: 0, upper: 1, integer: true });
      }
    }
    /** A row over the office people of this agency on day d matching `who`, with constants moved right. */
    const countRow = (name: string, d: number, who: (person: Person) => boolean, lower: number, upper: number): void => {
      const terms: Array<[string, number]> = [];
      let constant = 0;
      for (const person of people) {
        if (!who(person) || !NO_LEAVE(person, d)) continue;
        const v = varOf(person, d);
        if (v === null) constant++;
        else terms.push([v, 1]);
      }
      if (terms.length === 0) {
        if ((constant < lower || constant > upper) && brokenConstant === null) {
          brokenConstant = `${name}: ${constant} fixed in the office, allowed [${lower}, ${upper}]`;
        }
        return;
      }
      const row: ModelConstraint = { name, terms };
      if (lower > -Infinity) row.lower = lower - constant;
      if (upper < Infinity) row.upper = upper - constant;
      if (row.lower === undefined && row.upper === undefined) return;
      constraints.push(row);
    };
    for (let d = 0; d < days; d++) {
      if (!agency.exempt) countRow(`cap${a}_${d}`, d, () => true, agency.minOffice > 0 ? agency.minOffice : -Infinity, agency.cap ?? Infinity);
      agency.rules.forEach((rule, r) => {
        countRow(`rule${a}_${r}_${d}`, d, (person) => ruleMatches(rule, person), rule.min > 0 ? rule.min : -Infinity, rule.max ?? Infinity);
      });
    }
  }

  const stages: Stage[] = [
    { name: "capUse", sense: "max", objective: capUse, vars: [], constraints: [] },
    { name: "priority", sense: "min", objective: priority, vars: [], constraints: [] },
  ];

  const groups = fairnessMembers(problem, new Set(agencyIndices));
  if (groups.length > 0) {
    // With whole-number history every unit count is whole, so the bounds can be integers too:
    // no optimum changes, and HiGHS can round the LP bound (10 days over 6 people: hi >= 2,
    // lo <= 1) instead of branching through symmetric rosters; continuous bounds took it
    // 0.7-3 s to prove a spread of 1 for 6 people over 5 days.
    const integral = groups.every((members) => members.every((person) => Number.isInteger(person.history)));
    const horizon: Stage = { name: "horizon", sense: "min", objective: new Map([["zh", 1]]), vars: [], constraints: [] };
    horizon.vars.push({ name: "zh", lower: 0, upper: Infinity, integer: integral });
    groups.forEach((members, g) => {
      horizon.vars.push({ name: `hi${g}`, lower: -Infinity, upper: Infinity, integer: integral });
      horizon.vars.push({ name: `lo${g}`, lower: -Infinity, upper: Infinity, integer: integral });
      for (const person of members) {
        const units = new Map<string, number>();
        if (daily) for (let d = 0; d < days; d++) units.set(`x${person.index}_${d}`, 1);
        else for (let w = 0; w < weeks; w++) units.set(`y${person.index}_${w}`, 1);
        const minus = [...units.keys()].map((v): [string, number] => [v, -1]);
        // hi >= history + units and lo <= history + units.
        horizon.constraints.push({ name: `hh${g}_${person.index}`, terms: [[`hi${g}`, 1], ...minus], lower: person.history });
        horizon.constraints.push({ name: `hl${g}_${person.index}`, terms: [[`lo${g}`, 1], ...minus], upper: person.history });
      }
      horizon.constraints.push({ name: `zh${g}`, terms: [["zh", 1], [`hi${g}`, -1], [`lo${g}`, 1]], lower: 0 });
    });
    stages.push(horizon);

    if (daily) {
      const weekly: Stage = { name: "weekly", sense: "min", objective: new Map([["zw", 1]]), vars: [], constraints: [] };
      weekly.vars.push({ name: "zw", lower: 0, upper: Infinity, integer: true });
      groups.forEach((members, g) => {
        for (let w = 0; w < weeks; w++) {
          const weekDays: number[] = [];
          for (let d = 0; d < days; d++) if (week[d] === w) weekDays.push(d);
          if (weekDays.length === 0) continue;
          weekly.vars.push({ name: `wh${g}_${w}`, lower: -Infinity, upper: Infinity, integer: true });
          weekly.vars.push({ name: `wl${g}_${w}`, lower: -Infinity, upper: Infinity, integer: true });
          for (const person of members) {
            const minus = weekDays.map((d): [string, number] => [`x${person.index}_${d}`, -1]);
            weekly.constraints.push({ name: `wh${g}_${w}_${person.index}`, terms: [[`wh${g}_${w}`, 1], ...minus], lower: 0 });
            weekly.constraints.push({ name: `wl${g}_${w}_${person.index}`, terms: [[`wl${g}_${w}`, 1], ...minus], upper: 0 });
          }
          weekly.constraints.push({ name: `zw${g}_${w}`, terms: [["zw", 1], [`wh${g}_${w}`, -1], [`wl${g}_${w}`, 1]], lower: 0 });
        }
      });
      stages.push(weekly);
    }
  }
  return { vars, constraints, stages, brokenConstant, varOf };
}

type UnitOutcome = { status: "optimal"; values: Map<string, number> | null } | { status: Exclude<ExactStatus, "optimal">; detail: string };

/** Solves the stages in order, each optimum kept as a bound on its objective for the next. */
async function solveUnit(built: Built, name: string, deadline: number, reports: StageReport[]): Promise<UnitOutcome> {
  if (built.brokenConstant !== null) return { status: "infeasible", detail: built.brokenConstant };
  if (built.vars.length === 0) return { status: "optimal", values: null };
  const vars = [...built.vars];
  const constraints = [...built.constraints];
  let values: Map<string, number> | null = null;
  for (const stage of built.stages) {
    vars.push(...stage.vars);
    constraints.push(...stage.constraints);
    if (![...stage.objective.values()].some((c) => c !== 0)) continue;
    const remaining = (deadline - performance.now()) / 1000;
    if (remaining <= 0) return { status: "time_limit", detail: `before stage ${stage.name}` };
    const model: Model = { name: `${name} ${stage.name}`, sense: stage.sense, objective: stage.objective, constraints, vars };
    const result = await solveLp(writeLp(model), { timeLimitSeconds: Number.isFinite(remaining) ? remaining : undefined });
    reports.push({ unit: name, stage: stage.name, vars: vars.length, rows: constraints.length, status: result.status, seconds: result.seconds });
    if (result.status !== "optimal") {
      const status: ExactStatus =
        result.status === "time_limit" ? "time_limit"
        // Every objective is bounded (binaries, spreads >= 0), so "infeasible or unbounded" is infeasible.
        : (result.status === "infeasible" || result.status === "infeasible_or_unbounded") && values === null ? "infeasible"
        : "error";
      return { status, detail: `stage ${stage.name}: ${result.detail}` };
    }
    values = result.values;
    // Integral optima are kept exactly; fractional ones (fractional history) with a hair of slack.
    const rounded = Math.round(result.objective);
    const integral = Math.abs(result.objective - rounded) < 1e-6;
    const bound = integral ? rounded : result.objective + (stage.sense === "min" ? 1e-6 : -1e-6);
    const fix: ModelConstraint = { name: `fix_${stage.name}`, terms: [...stage.objective.entries()] };
    if (stage.sense === "max") fix.lower = bound;
    else fix.upper = bound;
    constraints.push(fix);
  }
  if (values === null) {
    // No objective has a term (no choice counts toward any figure): any feasible point will do.
    const result = await solveLp(writeLp({ name: `${name} feasibility`, sense: "min", objective: {}, constraints, vars }), {
      timeLimitSeconds: Number.isFinite(deadline) ? Math.max((deadline - performance.now()) / 1000, 0) : undefined,
    });
    reports.push({ unit: name, stage: "feasibility", vars: vars.length, rows: constraints.length, status: result.status, seconds: result.seconds });
    if (result.status !== "optimal") {
      const status: ExactStatus = result.status === "time_limit" ? "time_limit" : result.status === "infeasible" ? "infeasible" : "error";
      return { status, detail: `feasibility: ${result.detail}` };
    }
    values = result.values;
  }
  return { status: "optimal", values };
}

/**
 * Solve the problem exactly with the per-person model, objectives in lexicographic order:
 * cap use, priority office days, horizon spread, weekly spread.
 */
export async function solveExact(problem: Problem, options: ExactOptions = {}): Promise<ExactResult> {
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const deadline = options.timeLimitSeconds === undefined ? Infinity : started + options.timeLimitSeconds * 1000;
  const decompose = options.decompose ?? true;
  const units = decompose ? problem.agencies.map((a) => [a.index]) : [problem.agencies.map((a) => a.index)];
  const days = problem.calendar.days.length;
  const roster = emptyRoster(problem.people.length, days);
  const stages: StageReport[] = [];

  for (const unit of units) {
    const built = build(problem, unit);
    let outcome: UnitOutcome;
    try {
      outcome = await solveUnit(built, unit.length === 1 ? problem.agencies[unit[0]].id : problem.name, deadline, stages);
    } catch (error) {
      return { status: "error", detail: error instanceof Error ? error.message : String(error), seconds: seconds(), stages };
    }
    if (outcome.status !== "optimal") {
      const where = unit.length === 1 ? `agency ${problem.agencies[unit[0]].id}, ` : "";
      return { status: outcome.status, detail: where + outcome.detail, seconds: seconds(), stages };
    }
    for (const a of unit) {
      for (const p of problem.agencies[a].people) {
        const person = problem.people[p];
        for (let d = 0; d < days; d++) {
          let mode: number;
          if (!NO_LEAVE(person, d)) mode = LEAVE;
          else {
            const v = built.varOf(person, d);
            mode = v === null ? OFFICE : (outcome.values?.get(v) ?? 0) > 0.5 ? OFFICE : HOME;
          }
          roster.modes[p * days + d] = mode;
        }
      }
    }
  }

  const perAgency = problem.agencies.map((a) => exactObjectives(problem, roster, new Set([a.index])));
  const objectives: ExactObjectives = {
    capUse: perAgency.reduce((s, o) => s + o.capUse, 0),
    priorityOfficeDays: perAgency.reduce((s, o) => s + o.priorityOfficeDays, 0),
    horizonSpread: perAgency.reduce((s, o) => Math.max(s, o.horizonSpread), 0),
    weeklySpread: perAgency.reduce((s, o) => Math.max(s, o.weeklySpread), 0),
  };
  return { status: "optimal", objectives, perAgency, roster, seconds: seconds(), stages };
}
