/**
 * The fairness figures of DESIGN.md "Fairness metrics" per agency and overall: what
 * `metrics`, `compare` and report.html show, and which of two rosters is better.
 *
 * Every fairness figure is pooled over the scope's rotating, non-priority staff (see
 * src/metrics/fairness.ts and docs/fairness.md); the (rank, unit) groups are detail in
 * metrics.json and the report, not figures of their own here.
 */
import type { Problem, Roster } from "../domain/problem.js";
import { computeMetrics, type FairnessFigures, type Metrics } from "../metrics/fairness.js";
import type { ContactFigures } from "../metrics/contacts.js";

/** The figures, in the order they are shown. */
export const FIGURE_NAMES = [
  "maxDeviation", "sumSquaredDeviation", "weeklyDeviation", "over2", "over1", "noOffice",
  "stdDev", "gini", "jain", "weekdayLockedShare", "topWeekdayShare",
  "priorityOfficeDays", "capUse", "contactsMean", "contactsMax", "rotating", "officeDays",
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
export type Figures = Record<FigureName, number | null>;

/**
 * The order in which two rosters are judged: DESIGN.md's objectives (use the cap, spare
 * health priority, the largest deviation from a fair share, the sum of squares, the weekly
 * deviation), then the other fairness figures, then the contact spread (fewer colleagues better).
 */
export const VERDICT_ORDER: readonly FigureName[] = [
  "capUse", "priorityOfficeDays", "maxDeviation", "sumSquaredDeviation", "weeklyDeviation",
  "over2", "over1", "noOffice", "stdDev", "gini", "jain", "weekdayLockedShare", "topWeekdayShare",
  "contactsMean", "contactsMax",
];

export interface ScopeFigures {
  /** null for the overall figures. */
  agencyId: string | null;
  name: string;
  figures: Figures;
}

/** A scope's figures; `contacts` is its contact spread (distinct office colleagues, src/metrics/contacts.ts). */
function pick(f: FairnessFigures & { priorityOfficeDays: number; capUse: number | null; officeDays: number }, contacts: ContactFigures | undefined): Figures {
  return {
    maxDeviation: f.maxDeviation, sumSquaredDeviation: f.sumSquaredDeviation, weeklyDeviation: f.weeklyDeviation,
    over2: f.over2, over1: f.over1, noOffice: f.noOffice, stdDev: f.stdDev, gini: f.gini, jain: f.jain,
    weekdayLockedShare: f.weekdayLockedShare, topWeekdayShare: f.topWeekdayShare,
    priorityOfficeDays: f.priorityOfficeDays, capUse: f.capUse, contactsMean: contacts?.mean ?? null, contactsMax: contacts?.max ?? null,
    rotating: f.rotating, officeDays: f.officeDays,
  };
}

/**
 * The figures of a roster: overall first, then each agency in input order.
 *
 * @param metrics the roster's `computeMetrics`, when already computed
 */
export function rosterFigures(problem: Problem, roster: Roster, metrics: Metrics = computeMetrics(problem, roster)): ScopeFigures[] {
  const contacts = new Map(metrics.contacts.agencies.map((c) => [c.agencyId, c]));
  return [
    { agencyId: null, name: "", figures: pick(metrics.overall, metrics.contacts.overall) },
    ...metrics.agencies.map((a) => ({ agencyId: a.agencyId, name: a.name, figures: pick(a, contacts.get(a.agencyId)) })),
  ];
}

/** Which side is better on a figure: "a", "b", "=" (equal), or null (not comparable, or a figure with no better). */
export type Better = "a" | "b" | "=" | null;

/**
 * Lower deviations, counts of people off their share, Gini, weekday concentration and
 * priority days are better; a higher Jain's index; cap use closer to 1 (the policy's split is
 * a target, not only a maximum). Office days and the pool's size alone say nothing.
 *
 * @example better("gini", 0.1, 0.2) //=> "a"
 * @example better("capUse", 0.9, 1) //=> "b"
 */
export function better(figure: FigureName, a: number | null, b: number | null): Better {
  if (a === null || b === null || figure === "officeDays" || figure === "rotating") return null;
  let score: number;
  if (figure === "jain") score = b - a;
  else if (figure === "capUse") score = Math.abs(1 - a) - Math.abs(1 - b);
  else score = a - b;
  // Figures are rounded to 6 decimals: one unit in the last place is noise from fractional shares.
  if (Math.abs(score) < 1.5e-6) return "=";
  return score < 0 ? "a" : "b";
}

export interface ScopeComparison {
  agencyId: string | null;
  name: string;
  figures: Record<FigureName, { a: number | null; b: number | null; better: Better }>;
  /**
   * Which roster is better in the scope, and the figure that decides it (the first of
   * `VERDICT_ORDER` on which they differ); "=" and null when they tie on every one.
   */
  verdict: { better: Better; by: FigureName | null };
  /** Person-days whose mode differs between the two rosters, and all person-days. */
  changed: number;
  assignments: number;
  /** People with at least one changed day. */
  changedPeople: number;
}

export interface Comparison {
  scopes: ScopeComparison[];
  changed: number;
  assignments: number;
}

/**
 * Two rosters of the same problem side by side.
 *
 * @example compareRosters(problem, a, a).changed //=> 0
 */
export function compareRosters(problem: Problem, a: Roster, b: Roster): Comparison {
  const fa = rosterFigures(problem, a);
  const fb = rosterFigures(problem, b);
  const days = problem.calendar.days.length;
  const changedBy = new Float64Array(problem.agencies.length);
  const peopleBy = new Float64Array(problem.agencies.length);
  for (const person of problem.people) {
    const base = person.index * days;
    let n = 0;
    for (let d = 0; d < days; d++) if (a.modes[base + d] !== b.modes[base + d]) n++;
    changedBy[person.agency] += n;
    if (n > 0) peopleBy[person.agency]++;
  }
  const changed = changedBy.reduce((s, n) => s + n, 0);
  const changedPeople = peopleBy.reduce((s, n) => s + n, 0);
  const assignments = problem.people.length * days;
  const scopes = fa.map((scope, i): ScopeComparison => {
    const agency = scope.agencyId === null ? null : problem.agencies[i - 1];
    const figures = Object.fromEntries(FIGURE_NAMES.map((f) => {
      const [x, y] = [scope.figures[f], fb[i].figures[f]];
      return [f, { a: x, b: y, better: better(f, x, y) }];
    })) as ScopeComparison["figures"];
    return {
      agencyId: scope.agencyId, name: scope.name, figures, verdict: verdict(figures),
      changed: agency === null ? changed : changedBy[agency.index],
      assignments: agency === null ? assignments : agency.people.length * days,
      changedPeople: agency === null ? changedPeople : peopleBy[agency.index],
    };
  });
  return { scopes, changed, assignments };
}

/**
 * The better roster of a scope by `VERDICT_ORDER`: the first figure on which they differ decides.
 *
 * @example verdict({ capUse: { a: 1, b: 1, better: "=" }, maxDeviation: { a: 2, b: 1, better: "b" }, ... }) //=> { better: "b", by: "maxDeviation" }
 */
export function verdict(figures: ScopeComparison["figures"]): ScopeComparison["verdict"] {
  for (const f of VERDICT_ORDER) {
    const b = figures[f].better;
    if (b === "a" || b === "b") return { better: b, by: f };
  }
  return { better: "=", by: null };
}
