/**
 * The count solver against the exact per-person model (HiGHS): objectives 1-4 (cap use,
 * priority days, largest deviation from the fair share, sum of squared deviations) equal to
 * the proven optimum, agency by agency, and `solve` infeasible exactly when the exact model
 * is. Three families:
 * - small random scenario directories, read and compiled as a planner's (leave, rules, history);
 * - agencies at real sizes (20-80 rotating people, ranks and units, leave, history, rules);
 * - the rules family where the first solver missed the optimum (several rank and unit rules
 *   per agency, min = max, units of 1-3 people).
 * Weekly rotation whose weeks differ in length for someone (a holiday, leave inside a week)
 * is held to objectives 1-2 and counted: there the count model shares days as if weeks could
 * be split (README "Known limits"); the counts of such cases and their gaps are printed.
 */
import fc from "fast-check";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { solveProblem } from "../../solver/solve.js";
import { loadBackend, type Backend } from "../../solver/backend.js";
import { solveExact } from "../../solver/exact/exactModel.js";
import { objectiveValues, type AgencyObjectives } from "../../src/metrics/objectives.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, ruleMatches, type Problem, type Roster } from "../../src/domain/problem.js";
import { realisticAgencyArbitrary, scenarioArbitrary, problemArbitrary, type ScenarioSpec } from "../helpers/arbitraries.js";
import { compileSpec } from "../helpers/scenarioFiles.js";
import { tempDir } from "../helpers/cli.js";
import { firstDifference } from "../helpers/objectives.js";
import { grantWishes } from "../../src/replan/grantWishes.js";
import { keepWished } from "../../src/replan/keepWished.js";
import { wishesGranted } from "../../src/metrics/requests.js";
import { applyPrevious } from "../../src/replan/previous.js";
import { pinConflicts } from "../../src/policy/pinConflicts.js";

const DEEP = process.env.GILIRAN_DEEP === "1";
const TIMEOUT = DEEP ? 7_200_000 : 240_000;
export const EXACT_RUNS = DEEP ? 2000 : 30;
export const REALISTIC_RUNS = DEEP ? 400 : 8;
export const RULES_RUNS = DEEP ? 1000 : 30;

const dir = join(tempDir("giliran-exact-"), "in");
let backend: Backend;

/** Whether some rotating person's weeks differ in length (weekly rotation): the known approximation. */
function unevenWeeks(problem: Problem): boolean {
  if (problem.rotation !== "weekly") return false;
  const { week } = problem.calendar;
  return problem.people.some((person) => {
    if (person.attendance === "fixed") return false;
    const lengths = new Map<number, number>();
    week.forEach((w, d) => {
      if (person.leave === null || person.leave[d] === 0) lengths.set(w, (lengths.get(w) ?? 0) + 1);
    });
    return new Set(lengths.values()).size > 1;
  });
}

interface Tally {
  solved: number;
  infeasible: number;
  timeout: number;
  approximated: number;
  gaps: number;
  worst: number;
  /** Cases with wishes and laminar rules, granted as many as the exact optimum. */
  wishes: number;
  /** Cases with wishes where two rules cross; of them, how many granted fewer, and the largest shortfall. */
  crossing: number;
  crossingShort: number;
  crossingWorst: number;
}

/**
 * Whether an agency's rules count disjoint or nested sets of its rotating and priority people
 * (written here from the definition, apart from the solver's tree).
 */
function laminar(problem: Problem, agency: number): boolean {
  const movers = problem.agencies[agency].people.map((p) => problem.people[p]).filter((person) => person.attendance !== "fixed");
  const sets = problem.agencies[agency].rules.map((rule) => new Set(movers.filter((person) => ruleMatches(rule, person)).map((person) => person.index)));
  return sets.every((a, i) => sets.every((b, j) => {
    if (i >= j) return true;
    const common = [...a].filter((x) => b.has(x)).length;
    return common === 0 || common === a.size || common === b.size;
  }));
}
const tallies = new Map<string, Tally>();
const tally = (name: string): Tally => {
  let t = tallies.get(name);
  if (!t) tallies.set(name, (t = { solved: 0, infeasible: 0, timeout: 0, approximated: 0, gaps: 0, worst: 0, wishes: 0, crossing: 0, crossingShort: 0, crossingWorst: 0 }));
  return t;
};

/** The count solver's roster with the pipeline's wish pass, or null when it says the hard rules cannot all hold. */
function solvedOrNull(problem: Problem): Roster | null {
  // As the pipeline: pins that cannot hold are named before solving.
  if (pinConflicts(problem).length > 0) return null;
  try {
    const roster = solveProblem(problem, { backend }).roster;
    if (problem.people.some((person) => person.requests)) grantWishes(problem, roster, new Set(keepWished(problem, roster)));
    return roster;
  } catch (error) {
    if (error instanceof InfeasibleError) return null;
    throw error;
  }
}

/** Solve both ways and hold ours to the optimum; returns nothing, counts into `family`. */
async function holdToOptimum(problem: Problem, family: string): Promise<void> {
  const t = tally(family);
  const roster = solvedOrNull(problem);
  const exact = await solveExact(problem, { timeLimitSeconds: 60 });
  if (exact.status === "time_limit") {
    t.timeout++;
    return;
  }
  if (roster === null) {
    expect(exact.status, "the solver says infeasible, so must the exact model").toBe("infeasible");
    t.infeasible++;
    return;
  }
  expect(exact.status, `the solver found a roster; the exact model says ${exact.detail ?? exact.status}`).toBe("optimal");
  expect(verifyRoster(problem, roster).ok).toBe(true);
  t.solved++;
  const ours = objectiveValues(problem, roster).perAgency;
  const approximate = unevenWeeks(problem);
  if (approximate) t.approximated++;
  ours.forEach((o: AgencyObjectives, a) => {
    const e = exact.perAgency![a];
    const diff = firstDifference(o, e);
    expect(diff, `agency ${a}: ours ${JSON.stringify(o)} beats the "optimum" ${JSON.stringify(e)}`).toBeGreaterThanOrEqual(0);
    if (approximate && diff >= 3) {
      t.gaps++;
      t.worst = Math.max(t.worst, o.maxDeviation - e.maxDeviation);
      return;
    }
    expect(diff, `agency ${a}: ours ${JSON.stringify(o)}, exact ${JSON.stringify(e)}`).toBe(0);
  });
  // Wishes granted (replan's fewest changes), the stage after objectives 1-4, in daily rotation:
  // equal to the optimum where the rules are laminar; where two rules cross, never above it,
  // and the shortfall is counted (README "Known limits").
  if (problem.rotation === "daily" && problem.people.some((person) => person.requests)) {
    const ours = wishesGranted(problem, roster).granted;
    const best = wishesGranted(problem, exact.roster!).granted;
    expect(ours, "wishes granted, above the optimum").toBeLessThanOrEqual(best);
    if (problem.agencies.every((agency) => laminar(problem, agency.index))) {
      expect(ours, "wishes granted (laminar rules)").toBe(best);
      t.wishes++;
    } else {
      t.crossing++;
      if (ours < best) {
        t.crossingShort++;
        t.crossingWorst = Math.max(t.crossingWorst, best - ours);
      }
    }
  }
}

afterAll(() => {
  for (const [name, t] of tallies) {
    console.info(`exact property, ${name}: ${t.solved} solved equal on objectives 1-4 ${t.wishes + t.crossing > 0 ? ` (wishes: ${t.wishes} with laminar rules, each granted as many as the optimum; ${t.crossing} with crossing rules, ${t.crossingShort} of them short of it by at most ${t.crossingWorst})` : ""}, ${t.infeasible} infeasible (both), ${t.timeout} exact timeouts; uneven weekly weeks ${t.approximated}, of which ${t.gaps} above the optimum (largest excess ${t.worst.toFixed(2)} days)`);
  }
});

describe("the count solver against the exact per-person model", () => {

  it("small scenario directories (leave, rules, history): equal on objectives 1-4, infeasible exactly when the exact model is", async () => {
    backend = await loadBackend("auto");
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ withLeave: true, withRules: true, withHistory: true }), async (spec: ScenarioSpec) => {
        await holdToOptimum(await compileSpec(dir, spec), "small");
      }),
      { numRuns: EXACT_RUNS, seed: 60611 },
    );
  }, TIMEOUT);

  it("agencies of 20-80 rotating people with leave, history and rules: equal on objectives 1-4", async () => {
    backend = await loadBackend("auto");
    await fc.assert(fc.asyncProperty(realisticAgencyArbitrary(), (p) => holdToOptimum(p, "realistic")), { numRuns: REALISTIC_RUNS, seed: 91101 });
  }, TIMEOUT);

  it("several rank and unit rules per agency, min = max, units of 1-3 people: equal on objectives 1-4", async () => {
    backend = await loadBackend("auto");
    await fc.assert(
      fc.asyncProperty(realisticAgencyArbitrary({ minPeople: 6, maxPeople: 14, withLeave: false, withHistory: false, rotation: "daily" }), (p) => holdToOptimum(p, "rules")),
      { numRuns: RULES_RUNS, seed: 91102 },
    );
  }, TIMEOUT);

  it("tiny agencies (2-9 people, one or two weeks): equal on objectives 1-4", async () => {
    backend = await loadBackend("auto");
    await fc.assert(fc.asyncProperty(problemArbitrary({ withLeave: true, withRules: true, withHistory: true }), (p) => holdToOptimum(p, "tiny")), { numRuns: EXACT_RUNS, seed: 91103 });
  }, TIMEOUT);
});

describe("flexible work (office days per person per full week) against the exact model", () => {
  it("keeps every rotating person within [min, max] in every full week, at the exact optimum of objectives 1-4", async () => {
    backend = await loadBackend("auto");
    const withRule = fc.tuple(realisticAgencyArbitrary({ minPeople: 8, maxPeople: 30 }), fc.constantFrom(0, 0, 1, 1, 2), fc.integer({ min: 1, max: 3 })).map(([problem, min, extra]) => {
      problem.perPerson = { min, max: min + extra, fullWeeks: problem.calendar.weekStarts.map(() => true) };
      return problem;
    });
    await fc.assert(
      fc.asyncProperty(withRule, async (problem) => {
        const roster = solvedOrNull(problem);
        if (roster !== null) {
          // Written from the rule's words, independently of the model builders.
          const { days, week, weekStarts } = problem.calendar;
          for (const person of problem.people) {
            if (person.attendance === "fixed" || problem.agencies[person.agency].exempt) continue;
            weekStarts.forEach((_, w) => {
              let office = 0;
              let canCome = 0;
              days.forEach((_, d) => {
                if (week[d] !== w || (person.leave !== null && person.leave[d] === 1)) return;
                canCome++;
                if (roster!.modes[person.index * days.length + d] === 1) office++;
              });
              // Each day of the week a person cannot come lowers the minimum by one (weekOfficeBounds).
              const nominal = week.filter((x) => x === w).length;
              expect(office, `${person.id} week ${w}`).toBeGreaterThanOrEqual(Math.max(0, problem.perPerson!.min - (nominal - canCome)));
              expect(office, `${person.id} week ${w}`).toBeLessThanOrEqual(Math.min(problem.perPerson!.max, canCome));
            });
          }
        }
        await holdToOptimum(problem, "flexible work");
      }),
      { numRuns: DEEP ? 300 : 16, seed: 91104 },
    );
  }, TIMEOUT);
});

describe("requests and chained periods against the exact model", () => {
  it("pins hold exactly and objectives 1-4 equal the exact optimum with pins and wishes", async () => {
    backend = await loadBackend("auto");
    const withRequests = fc.tuple(realisticAgencyArbitrary({ minPeople: 8, maxPeople: 30, rotation: "daily" }), fc.integer({ min: 1, max: 2 ** 30 })).map(([generated, seed]) => {
      // A copy: fast-check reuses generated values while shrinking, and requests are set in place.
      const problem = structuredClone(generated);
      let state = seed;
      const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const days = problem.calendar.days.length;
      for (const person of problem.people) {
        if (person.attendance === "fixed" || rand() > 0.3) continue;
        const requests = new Uint8Array(days);
        for (let d = 0; d < days; d++) {
          if (person.leave !== null && person.leave[d] === 1) continue;
          const r = rand();
          // Mostly wishes; a pin now and then (home pins more often: office pins can overfill the cap).
          requests[d] = r < 0.04 ? PIN_OFFICE : r < 0.1 ? PIN_HOME : r < 0.3 ? WISH_OFFICE : r < 0.5 ? WISH_HOME : 0;
        }
        person.requests = requests;
      }
      return problem;
    });
    await fc.assert(
      fc.asyncProperty(withRequests, async (problem) => {
        const roster = solvedOrNull(problem);
        if (roster !== null) {
          const days = problem.calendar.days.length;
          for (const person of problem.people) {
            person.requests?.forEach((r, d) => {
              if (r === PIN_OFFICE) expect(roster!.modes[person.index * days + d], `${person.id} day ${d}`).toBe(1);
              if (r === PIN_HOME) expect(roster!.modes[person.index * days + d], `${person.id} day ${d}`).toBe(0);
            });
          }
        }
        await holdToOptimum(problem, "pins and wishes");
      }),
      { numRuns: DEEP ? 300 : 12, seed: 91105 },
    );
  }, TIMEOUT);

  it("a second period solved with the first period's cumulative history reaches the exact optimum of cumulative fairness", async () => {
    backend = await loadBackend("auto");
    await fc.assert(
      fc.asyncProperty(realisticAgencyArbitrary({ minPeople: 8, maxPeople: 30, withHistory: false }), async (first) => {
        const roster = solvedOrNull(first);
        if (roster === null) return;
        // history-next: office days and available workdays of the first period, as history.csv of the second.
        const days = first.calendar.days.length;
        const second: Problem = {
          ...first,
          people: first.people.map((person) => {
            let office = 0;
            let available = 0;
            for (let d = 0; d < days; d++) {
              if (person.leave !== null && person.leave[d] === 1) continue;
              available++;
              if (roster!.modes[person.index * days + d] === 1) office++;
            }
            return { ...person, leave: null, history: office, priorWorkdays: available };
          }),
        };
        await holdToOptimum(second, "chained periods");
      }),
      { numRuns: DEEP ? 200 : 8, seed: 91106 },
    );
  }, TIMEOUT);
});

describe("replan against the exact model", () => {
  it("a replan (published days pinned, later days wished to the published mode, people sick, a lower cap) keeps the exact optimum of objectives 1-4 and changes as few days as it", async () => {
    backend = await loadBackend("auto");
    const cases = fc.tuple(
      realisticAgencyArbitrary({ minPeople: 8, maxPeople: 30, rotation: "daily" }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer({ min: 1, max: 2 ** 30 }),
      fc.constantFrom(1, 1, 0.8),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([published, fromDay, seed, capFactor]) => {
        const roster = solvedOrNull(published);
        if (roster === null) return;
        const days = published.calendar.days.length;
        const from = Math.min(fromDay, days - 1);
        // Today's inputs: a few people newly sick from the replan's first day, and the cap lowered from it.
        const today: Problem = structuredClone(published);
        let state = seed;
        const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        for (const person of today.people) {
          if (rand() > 0.15) continue;
          const leave = person.leave ?? new Uint8Array(days);
          const first = from + Math.floor(rand() * (days - from));
          leave.fill(1, first, Math.min(days, first + 1 + Math.floor(rand() * 3)));
          person.leave = leave;
        }
        for (const agency of today.agencies) {
          if (agency.cap === null || capFactor === 1) continue;
          agency.dayCaps = today.calendar.days.map((_, d) => (d < from ? null : Math.max(1, Math.floor(agency.cap! * capFactor))));
          agency.dayCapBasis = agency.dayCaps.map((c) => (c === null ? null : `count ${c} (caps.csv)`));
        }
        applyPrevious(today, { modes: roster.modes, listed: new Uint8Array(today.people.length).fill(1), left: [] }, from);
        await holdToOptimum(today, "replan");
      }),
      { numRuns: DEEP ? 300 : 12, seed: 91108 },
    );
  }, TIMEOUT);
});

describe("dated caps against the exact model", () => {
  it("objectives 1-4 equal the exact optimum when the cap changes from day to day (caps.csv)", async () => {
    backend = await loadBackend("auto");
    const withDatedCaps = fc.tuple(realisticAgencyArbitrary({ minPeople: 8, maxPeople: 40 }), fc.array(fc.double({ min: 0.6, max: 1.2, noNaN: true }), { minLength: 10, maxLength: 10 })).map(([problem, factors]) => {
      const agency = problem.agencies[0];
      const base = agency.cap ?? 0;
      // Each workday its own cap around the base (a PPKM level changing), never below 1.
      agency.dayCaps = problem.calendar.days.map((_, d) => Math.max(1, Math.round(base * factors[d % factors.length])));
      agency.dayCapBasis = agency.dayCaps.map((c) => `count ${c} (caps.csv)`);
      return problem;
    });
    await fc.assert(fc.asyncProperty(withDatedCaps, (problem) => holdToOptimum(problem, "dated caps")), { numRuns: DEEP ? 300 : 14, seed: 91107 });
  }, TIMEOUT);
});
