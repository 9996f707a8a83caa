/**
 * The exact per-person integer program: one binary per rotating person and workday (or week),
 * the hard rules as rows, the objectives solved lexicographically by HiGHS: cap use,
 * priority office days, the largest deviation from the fair share, the sum of squared
 * deviations, wishes granted, the largest weekly deviation. It is what a planner would write
 * first, and it does not scale; it is the reference the count-based solver is tested
 * against, and the baseline of the benchmarks.
 *
 * Shares are linear in the roster (share_p = (H + office of the agency's counted people) *
 * weight_p / W), and after objectives 1 and 2 the counted office days of each agency, and of
 * each of its weeks, are constants (every day sits at its own cap and priority optimum): so
 * dev_p is office_p - target_p with a constant target, its largest |value| is a linear
 * objective, and its square, convex over whole days, is linear by unit segments.
 *
 * Decomposition: every hard rule and every objective term belongs to one agency, so by
 * default each agency is solved on its own. The global model (`decompose: false`) sums the
 * agencies' terms, which is the same optimum: agencies share no row.
 */
import { HOME, OFFICE, LEAVE, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, capOn, weekOfficeBounds, emptyRoster, ruleMatches } from "../../src/domain/problem.js";
import { fairShares, shareBasis, sharesTurns } from "../../src/domain/shares.js";
import { agencyObjectives, type AgencyObjectives } from "../../src/metrics/objectives.js";
import type { Problem, Roster, Person } from "../../src/domain/problem.js";
import { writeLp } from "../model.js";
import type { Model, ModelConstraint, ModelVar } from "../model.js";
import { solveLp } from "../backends/highs.js";

/** The objective values, as `src/metrics/objectives.ts` measures them on the roster. */
export type ExactObjectives = AgencyObjectives;

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

/** The objective values of a roster over the given agencies (default all): sums, and the worst agency for deviations. */
export function exactObjectives(problem: Problem, roster: Roster, agencies?: ReadonlySet<number>): ExactObjectives {
  const per = problem.agencies.filter((a) => agencies === undefined || agencies.has(a.index)).map((a) => agencyObjectives(problem, roster, a.index));
  return {
    capUse: per.reduce((s, o) => s + o.capUse, 0),
    priorityOfficeDays: per.reduce((s, o) => s + o.priorityOfficeDays, 0),
    maxDeviation: per.reduce((s, o) => Math.max(s, o.maxDeviation), 0),
    sumSquaredDeviation: per.reduce((s, o) => s + o.sumSquaredDeviation, 0),
    weeklyDeviation: per.reduce((s, o) => Math.max(s, o.weeklyDeviation), 0),
  };
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
  /** Objectives 1-2 up front; the later ones are built from the values the earlier ones left. */
  stages: Stage[];
  later: Array<(values: Map<string, number>) => Stage | null>;
  /** A hard-rule row with no person-choice whose constants break it; null when none. */
  brokenConstant: string | null;
  /** The variable deciding person p on day d, or null when the mode is fixed. */
  varOf: (person: Person, day: number) => string | null;
  /** The mode of a person-day with no variable: leave, office (fixed, pinned) or home (pinned). */
  fixedMode: (person: Person, day: number) => number;
}

function addTerm(map: Map<string, number>, name: string, coef: number): void {
  map.set(name, (map.get(name) ?? 0) + coef);
}

/** The pinned mode of a person on a day (weekly rotation: a pin holds its whole week), or null. */
function pinOf(problem: Problem, person: Person, day: number): number | null {
  const r = person.requests;
  if (!r || person.attendance === "fixed") return null;
  const mode = (d: number): number | null => (r[d] === PIN_OFFICE ? OFFICE : r[d] === PIN_HOME ? HOME : null);
  if (problem.rotation === "daily") return mode(day);
  const { week } = problem.calendar;
  let found: number | null = null;
  for (let d = 0; d < week.length; d++) {
    if (week[d] !== week[day] || !NO_LEAVE(person, d)) continue;
    const m = mode(d);
    if (m !== null) found = found === null || found === m ? m : -1;
  }
  return found;
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

  const fixedMode = (person: Person, day: number): number => {
    if (!NO_LEAVE(person, day)) return LEAVE;
    if (person.attendance === "fixed") return OFFICE;
    const pin = pinOf(problem, person, day);
    return pin === OFFICE ? OFFICE : HOME;
  };
  const varOf = (person: Person, day: number): string | null => {
    if (person.attendance === "fixed" || !NO_LEAVE(person, day)) return null;
    const pin = pinOf(problem, person, day);
    if (pin === OFFICE || pin === HOME) return null;
    if (pin === -1 && brokenConstant === null) brokenConstant = `${person.id}: pinned to both modes in one week`;
    return daily ? `x${person.index}_${day}` : `y${person.index}_${week[day]}`;
  };
  /** Terms of person p's office days (and the constant of pinned office days). */
  const officeTerms = (person: Person, dayFilter: (d: number) => boolean = () => true): { terms: Map<string, number>; constant: number } => {
    const terms = new Map<string, number>();
    let constant = 0;
    for (let d = 0; d < days; d++) {
      if (!dayFilter(d) || !NO_LEAVE(person, d)) continue;
      const v = varOf(person, d);
      if (v === null) constant += fixedMode(person, d) === OFFICE ? 1 : 0;
      else addTerm(terms, v, 1);
    }
    return { terms, constant };
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
        if (v === null) constant += fixedMode(person, d) === OFFICE ? 1 : 0;
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
      if (!agency.exempt) countRow(`cap${a}_${d}`, d, () => true, agency.minOffice > 0 ? agency.minOffice : -Infinity, capOn(agency, d) ?? Infinity);
      agency.rules.forEach((rule, r) => {
        countRow(`rule${a}_${r}_${d}`, d, (person) => ruleMatches(rule, person), rule.min > 0 ? rule.min : -Infinity, rule.max ?? Infinity);
      });
    }
  }

  // Flexible work: each rotating person's office days in every full week within [min, max],
  // the minimum cut to the days they can come (not on leave, not pinned home).
  const perPerson = problem.perPerson;
  if (perPerson) {
    for (const a of agencyIndices) {
      if (problem.agencies[a].exempt) continue;
      for (const p of problem.agencies[a].people) {
        const person = problem.people[p];
        if (person.attendance === "fixed") continue;
        perPerson.fullWeeks.forEach((_, w) => {
          const bounds = weekOfficeBounds(problem, person, w);
          if (bounds === null) return;
          const office = officeTerms(person, (d) => week[d] === w);
          const least = bounds.min - office.constant;
          const most = bounds.max - office.constant;
          if (office.terms.size === 0) {
            if ((least > 0 || most < 0) && brokenConstant === null) brokenConstant = `perPerson ${person.id} week ${w}: ${office.constant} pinned office days, allowed [${perPerson.min}, ${perPerson.max}]`;
            return;
          }
          constraints.push({ name: `pp${p}_${w}`, terms: [...office.terms], lower: least, upper: most });
        });
      }
    }
  }

  const stages: Stage[] = [
    { name: "capUse", sense: "max", objective: capUse, vars: [], constraints: [] },
    { name: "priority", sense: "min", objective: priority, vars: [], constraints: [] },
  ];

  // The counted people of each agency, their share bases and office terms.
  const counted = agencyIndices.map((a) => problem.agencies[a].people.map((p) => problem.people[p]).filter(sharesTurns)).filter((list) => list.length > 0);
  const valueOf = (values: Map<string, number>, t: { terms: Map<string, number>; constant: number }): number => {
    let sum = t.constant;
    for (const [v, c] of t.terms) sum += c * Math.round(values.get(v) ?? 0);
    return sum;
  };
  /** Each counted person's target (share - history), from the office days the earlier stages fixed. */
  const targetsOf = (values: Map<string, number>): Array<Array<{ person: Person; office: { terms: Map<string, number>; constant: number }; target: number }>> =>
    counted.map((people) => {
      const office = people.map((person) => officeTerms(person));
      const total = office.reduce((sum, t) => sum + valueOf(values, t), 0);
      const basis = people.map((person) => shareBasis(person, days));
      const shares = fairShares(basis, total);
      return people.map((person, i) => ({ person, office: office[i], target: shares[i] - person.history }));
    });

  const later: Built["later"] = [];
  // 3. The largest |dev| of each agency.
  later.push((values) => {
    if (counted.length === 0) return null;
    const stage: Stage = { name: "deviation", sense: "min", objective: new Map(), vars: [], constraints: [] };
    targetsOf(values).forEach((people, g) => {
      stage.vars.push({ name: `dev${g}`, lower: 0, upper: Infinity, integer: false });
      stage.objective.set(`dev${g}`, 1);
      for (const { person, office, target } of people) {
        const terms = [...office.terms].map(([v, c]): [string, number] => [v, -c]);
        // dev >= office - target and dev >= target - office.
        stage.constraints.push({ name: `dh${person.index}`, terms: [[`dev${g}`, 1], ...terms], lower: office.constant - target });
        stage.constraints.push({ name: `dl${person.index}`, terms: [[`dev${g}`, 1], ...terms.map(([v, c]): [string, number] => [v, -c])], lower: target - office.constant });
      }
    });
    return stage;
  });
  // 4. The sum of dev^2: by unit segments, convex over whole days.
  later.push((values) => {
    if (counted.length === 0) return null;
    const stage: Stage = { name: "squares", sense: "min", objective: new Map(), vars: [], constraints: [] };
    for (const people of targetsOf(values)) {
      for (const { person, office, target } of people) {
        if (office.terms.size === 0) continue;
        let most = 0;
        for (let d = 0; d < days; d++) if (NO_LEAVE(person, d) && varOf(person, d) !== null) most++;
        const row: Array<[string, number]> = [...office.terms];
        for (let k = 0; k < most; k++) {
          const z = `q${person.index}_${k}`;
          const before = office.constant + k - target;
          stage.vars.push({ name: z, lower: 0, upper: 1, integer: false });
          stage.objective.set(z, (before + 1) ** 2 - before ** 2);
          row.push([z, -1]);
        }
        stage.constraints.push({ name: `qs${person.index}`, terms: row, lower: 0, upper: 0 });
      }
    }
    return stage;
  });
  // Wishes granted, once objectives 1-4 hold.
  later.push(() => {
    const objective = new Map<string, number>();
    for (const a of agencyIndices) {
      for (const p of problem.agencies[a].people) {
        const person = problem.people[p];
        if (!person.requests) continue;
        for (let d = 0; d < days; d++) {
          const v = varOf(person, d);
          if (v === null) continue;
          if (person.requests[d] === WISH_OFFICE) addTerm(objective, v, 1);
          else if (person.requests[d] === WISH_HOME) addTerm(objective, v, -1);
        }
      }
    }
    return objective.size === 0 ? null : { name: "wishes", sense: "max", objective, vars: [], constraints: [] };
  });
  // 5. The largest weekly deviation (daily rotation).
  if (daily) {
    later.push((values) => {
      if (counted.length === 0) return null;
      const stage: Stage = { name: "weekly", sense: "min", objective: new Map(), vars: [], constraints: [] };
      counted.forEach((people, g) => {
        stage.vars.push({ name: `wdev${g}`, lower: 0, upper: Infinity, integer: false });
        stage.objective.set(`wdev${g}`, 1);
        for (let w = 0; w < weeks; w++) {
          const inWeek = (d: number): boolean => week[d] === w;
          const office = people.map((person) => officeTerms(person, inWeek));
          const avail = people.map((person) => {
            let n = 0;
            for (let d = 0; d < days; d++) if (inWeek(d) && NO_LEAVE(person, d)) n++;
            return n;
          });
          const totalAvail = avail.reduce((x, y) => x + y, 0);
          if (totalAvail === 0) continue;
          const totalOffice = office.reduce((sum, t) => sum + valueOf(values, t), 0);
          people.forEach((person, i) => {
            const share = (totalOffice * avail[i]) / totalAvail;
            const terms = [...office[i].terms].map(([v, c]): [string, number] => [v, -c]);
            stage.constraints.push({ name: `wh${person.index}_${w}`, terms: [[`wdev${g}`, 1], ...terms], lower: office[i].constant - share });
            stage.constraints.push({ name: `wl${person.index}_${w}`, terms: [[`wdev${g}`, 1], ...terms.map(([v, c]): [string, number] => [v, -c])], lower: share - office[i].constant });
          });
        }
      });
      return stage;
    });
  }
  return { vars, constraints, stages, later, brokenConstant, varOf, fixedMode };
}

type UnitOutcome = { status: "optimal"; values: Map<string, number> | null } | { status: Exclude<ExactStatus, "optimal">; detail: string };

/** Solves the stages in order, each optimum kept as a bound on its objective for the next. */
async function solveUnit(built: Built, name: string, deadline: number, reports: StageReport[]): Promise<UnitOutcome> {
  if (built.brokenConstant !== null) return { status: "infeasible", detail: built.brokenConstant };
  if (built.vars.length === 0) return { status: "optimal", values: null };
  const vars = [...built.vars];
  const constraints = [...built.constraints];
  let values: Map<string, number> | null = null;
  const stages: Array<Stage | ((values: Map<string, number>) => Stage | null)> = [...built.stages, ...built.later];
  for (const next of stages) {
    const stage = typeof next === "function" ? next(values ?? new Map()) : next;
    if (stage === null) continue;
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
    // Integral optima are kept exactly; fractional ones (shares) with a hair of slack.
    const rounded = Math.round(result.objective);
    const integral = stage.name === "capUse" || stage.name === "priority" || stage.name === "wishes";
    const slack = 1e-6 * Math.max(1, Math.abs(result.objective));
    const bound = integral ? rounded : result.objective + (stage.sense === "min" ? slack : -slack);
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
 * cap use, priority office days, largest deviation, squared deviations, wishes, weekly deviation.
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
          const v = built.varOf(person, d);
          const mode = v === null ? built.fixedMode(person, d) : (outcome.values?.get(v) ?? 0) > 0.5 ? OFFICE : HOME;
          roster.modes[p * days + d] = mode;
        }
      }
    }
  }

  const perAgency = problem.agencies.map((a) => exactObjectives(problem, roster, new Set([a.index])));
  const objectives = exactObjectives(problem, roster);
  return { status: "optimal", objectives, perAgency, roster, seconds: seconds(), stages };
}
