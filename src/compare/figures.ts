/**
 * The fairness figures of DESIGN.md (spread, standard deviation, Gini, Jain's index, largest
 * weekly spread, health-priority office days, cap use) per agency and overall: what `metrics`,
 * `compare` and report.html show, and which of two rosters is better on each.
 *
 * Per agency, every figure is its worst fairness group's (largest spread, deviation and Gini,
 * smallest Jain's index), as the solver's objective takes the worst spread: fairness is asked
 * within a group (same rank and unit), and pooling groups would mostly measure what the
 * composition rules ask of each rank. The overall row is the worst over all groups for these
 * three too (metrics.json's `overall` pools everyone instead), with the totals of
 * `computeMetrics`.
 */
import type { Problem, Roster } from "../domain/problem.js";
import { computeMetrics, type Metrics } from "../metrics/fairness.js";

export const FIGURE_NAMES = ["spread", "weeklySpread", "stdDev", "gini", "jain", "priorityOfficeDays", "capUse", "contactsMean", "contactsMax", "officeDays"] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];
export type Figures = Record<FigureName, number | null>;

export interface ScopeFigures {
  /** null for the overall figures. */
  agencyId: string | null;
  name: string;
  figures: Figures;
}

/**
 * The figures of a roster: overall first, then each agency in input order.
 *
 * @param metrics the roster's `computeMetrics`, when already computed
 */
export function rosterFigures(problem: Problem, roster: Roster, metrics: Metrics = computeMetrics(problem, roster)): ScopeFigures[] {
  const o = metrics.overall;
  const worst = (groups: Metrics["agencies"][number]["groups"]) => {
    let [stdDev, gini, jain] = [0, 0, 1];
    for (const group of groups) {
      stdDev = Math.max(stdDev, group.stdDev);
      gini = Math.max(gini, group.gini);
      jain = Math.min(jain, group.jain);
    }
    return { stdDev, gini, jain };
  };
  const scopes: ScopeFigures[] = [{
    agencyId: null,
    name: "",
    figures: { spread: o.worstSpread, weeklySpread: o.worstWeeklySpread, ...worst(metrics.agencies.flatMap((a) => a.groups)), priorityOfficeDays: o.priorityOfficeDays, capUse: o.capUse, contactsMean: metrics.contacts.overall.mean, contactsMax: metrics.contacts.overall.max, officeDays: o.officeDays },
  }];
  const contacts = new Map(metrics.contacts.agencies.map((c) => [c.agencyId, c]));
  for (const a of metrics.agencies) {
    scopes.push({
      agencyId: a.agencyId,
      name: a.name,
      figures: { spread: a.worstSpread, weeklySpread: a.worstWeeklySpread, ...worst(a.groups), priorityOfficeDays: a.priorityOfficeDays, capUse: a.capUse, contactsMean: contacts.get(a.agencyId)?.mean ?? null, contactsMax: contacts.get(a.agencyId)?.max ?? null, officeDays: a.officeDays },
    });
  }
  return scopes;
}

/** Which side is better on a figure: "a", "b", "=" (equal), or null (not comparable, or a figure with no better). */
export type Better = "a" | "b" | "=" | null;

/**
 * Lower spreads, deviation, Gini, priority days and distinct office colleagues (contact
 * spread) are better; higher Jain's index; cap use closer to 1 (the policy's split is a
 * target, not only a maximum). Office days alone say nothing.
 *
 * @example better("gini", 0.1, 0.2) //=> "a"
 * @example better("capUse", 0.9, 1) //=> "b"
 */
export function better(figure: FigureName, a: number | null, b: number | null): Better {
  if (a === null || b === null || figure === "officeDays") return null;
  let score: number;
  if (figure === "jain") score = b - a;
  else if (figure === "capUse") score = Math.abs(1 - a) - Math.abs(1 - b);
  else score = a - b;
  if (Math.abs(score) < 1e-9) return "=";
  return score < 0 ? "a" : "b";
}

export interface ScopeComparison {
  agencyId: string | null;
  name: string;
  figures: Record<FigureName, { a: number | null; b: number | null; better: Better }>;
  /** Person-days whose mode differs between the two rosters, and all person-days. */
  changed: number;
  assignments: number;
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
  for (const person of problem.people) {
    const base = person.index * days;
    let n = 0;
    for (let d = 0; d < days; d++) if (a.modes[base + d] !== b.modes[base + d]) n++;
    changedBy[person.agency] += n;
  }
  const changed = changedBy.reduce((s, n) => s + n, 0);
  const assignments = problem.people.length * days;
  const scopes = fa.map((scope, i): ScopeComparison => {
    const agency = scope.agencyId === null ? null : problem.agencies[i - 1];
    const figures = Object.fromEntries(FIGURE_NAMES.map((f) => {
      const [x, y] = [scope.figures[f], fb[i].figures[f]];
      return [f, { a: x, b: y, better: better(f, x, y) }];
    })) as ScopeComparison["figures"];
    return {
      agencyId: scope.agencyId, name: scope.name, figures,
      changed: agency === null ? changed : changedBy[agency.index],
      assignments: agency === null ? assignments : agency.people.length * days,
    };
  });
  return { scopes, changed, assignments };
}
