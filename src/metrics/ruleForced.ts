/**
 * Which composition rules hold people away from their fair share (DESIGN: "where a rule
 * forces a person far from their share, the report says which rule").
 *
 * A rule forces its people *up* when they are, on average, more than a day above their
 * share while the rule's minimum binds on every workday (the office count of the people it
 * matches is at most its `min` each day: not one of their days could go to someone else).
 * It forces them *down* when they are more than a day below their share while its maximum
 * binds on every workday. Babel's duty team (exactly 1 eselon III a day, min = max) in an
 * agency with one or two eselon III is the typical case.
 */
import { OFFICE, ruleMatches, type Agency, type Problem, type Roster } from "../domain/problem.js";
import type { Rank } from "../domain/values.js";
import type { Tally } from "./tally.js";

/** Mean deviation (days) beyond which a rule's people count as held away from their share. */
export const FORCED_MEAN_DEVIATION = 1;

export interface RuleForced {
  /** The file and line the rule comes from (rules.csv, or units.csv for a unit's floor and cap). */
  file: string;
  line: number;
  rank: Rank | null;
  unit: string | null;
  min: number;
  max: number | null;
  /** "up": the minimum keeps them in more than their share; "down": the maximum keeps them out. */
  direction: "up" | "down";
  /** Rotating, non-priority people the rule matches, and their mean deviation (days). */
  people: number;
  meanDeviation: number;
  /** How many of them are more than 1 day from their share in the rule's direction. */
  away: number;
}

/**
 * The rules of one agency that force people of its pool away from their share, in rules.csv order.
 *
 * @example ruleForcedAway(problem, roster, tally(problem, roster), problem.agencies[0]) //=> [{ file: "rules.csv", line: 4, direction: "up", people: 1, meanDeviation: 9.2, away: 1, ... }]
 */
export function ruleForcedAway(problem: Problem, roster: Roster, t: Tally, agency: Agency): RuleForced[] {
  if (agency.exempt || agency.rules.length === 0) return [];
  const days = t.days;
  const found: RuleForced[] = [];
  const count = new Int32Array(days);
  for (const rule of agency.rules) {
    const matching = agency.people.filter((p) => ruleMatches(rule, problem.people[p]));
    const pooled = matching.filter((p) => t.pooled[p] === 1);
    if (pooled.length === 0) continue;
    let sum = 0;
    for (const p of pooled) sum += t.dev[p];
    const mean = sum / pooled.length;
    if (Math.abs(mean) <= FORCED_MEAN_DEVIATION) continue;
    count.fill(0);
    for (const p of matching) for (let d = 0; d < days; d++) if (roster.modes[p * days + d] === OFFICE) count[d]++;
    let atMin = rule.min > 0;
    let atMax = rule.max !== null;
    for (let d = 0; d < days; d++) {
      if (count[d] > rule.min) atMin = false;
      if (rule.max !== null && count[d] < rule.max) atMax = false;
    }
    const direction = mean > 0 && atMin ? "up" : mean < 0 && atMax ? "down" : null;
    if (direction === null) continue;
    const away = pooled.filter((p) => heldAway(t, p, direction)).length;
    found.push({
      file: (rule as { file?: string }).file ?? "rules.csv", line: rule.line, rank: rule.rank, unit: rule.unit, min: rule.min, max: rule.max, direction,
      people: pooled.length, meanDeviation: Math.round(mean * 1e6) / 1e6, away,
    });
  }
  return found;
}

function heldAway(t: Tally, p: number, direction: "up" | "down"): boolean {
  return direction === "up" ? t.dev[p] > 1 : t.dev[p] < -1;
}

/**
 * Per person, where the first forcing rule that holds them more than a day from their share
 * is written ("rules.csv:4"; "" for nobody): what the report's staff table names.
 */
export function forcedRulePerPerson(problem: Problem, t: Tally, forced: ReadonlyArray<readonly RuleForced[]>): string[] {
  const places = new Array<string>(problem.people.length).fill("");
  problem.agencies.forEach((agency, a) => {
    for (const f of forced[a] ?? []) {
      const rule = agency.rules.find((r) => r.line === f.line && ((r as { file?: string }).file ?? "rules.csv") === f.file);
      if (rule === undefined) continue;
      const place = `${f.file}:${f.line}`;
      for (const p of agency.people) {
        if (places[p] === "" && t.pooled[p] === 1 && ruleMatches(rule, problem.people[p]) && heldAway(t, p, f.direction)) places[p] = place;
      }
    }
  });
  return places;
}
