/**
 * Why an agency has no roster: each check is one named function over one day, returning the
 * causes with the agency, the day, the rule and the numbers. Run before any model is built,
 * so that the common causes (mandatory staff above the cap, a rule asking for more people
 * than exist, a cap below min_office) are named precisely rather than "infeasible".
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import { capBasisOn, capOn, type CompositionRule, type Problem } from "../../src/domain/problem.js";
import type { Model, ModelConstraint } from "../model.js";
import { jslpBackend } from "../backends/jslp.js";
import type { AgencyStructure, Pool } from "./pools.js";
import { PINNED_NONE, PINNED_OFFICE } from "./pins.js";

/** Who a rule counts, in words: "eselon_3", "eselon_4 of unit Perpustakaan", "staff of unit X". */
export function ruleSubject(rule: CompositionRule): string {
  const who = rule.rank ?? "staff";
  return rule.unit === null ? who : `${who} of unit ${rule.unit}`;
}

type DayCheck = (s: AgencyStructure, problem: Problem, day: number) => InfeasibleCause[];

const cause = (s: AgencyStructure, problem: Problem, day: number, rule: string, code: InfeasibleCause["code"], values: Record<string, string | number>): InfeasibleCause => ({
  code, rule, agencyId: s.agency.id, date: problem.calendar.days[day],
  values: { agency: s.agency.name, date: problem.calendar.days[day], ...values },
});

/** Fixed staff (mandatory, non-rotating) alone above the cap. */
export const fixedStaffWithinCap: DayCheck = (s, problem, d) => {
  const cap = capOn(s.agency, d);
  if (cap === null || s.fixedOffice[d] <= cap) return [];
  const reasons = new Map<string, number>();
  for (const p of s.agency.people) {
    const person = problem.people[p];
    // Pinned office days count as fixed (pools.ts).
    const why = person.attendance === "fixed" ? person.fixedBy! : s.pinned?.get(p)?.modes[d] === PINNED_OFFICE ? "pinned" : null;
    if (why === null || (person.leave !== null && person.leave[d] === 1)) continue;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  const text = [...reasons].map(([why, n]) => `${n} ${why}`).join(", ");
  return [cause(s, problem, d, "capPerAgencyDay", "infeasible.fixed_over_cap", { fixed: s.fixedOffice[d], reasons: text, cap, basis: capBasisOn(s.agency, d) })];
};

/** A cap below the agency's floor. */
export const capAtLeastMinOffice: DayCheck = (s, problem, d) => {
  const cap = capOn(s.agency, d);
  const { minOffice } = s.agency;
  if (cap === null || cap >= minOffice) return [];
  return [cause(s, problem, d, "minOfficePerAgencyDay", "infeasible.cap_below_min_office", { min: minOffice, cap, basis: capBasisOn(s.agency, d) })];
};

/** Fewer people available than the floor asks. */
export const minOfficeReachable: DayCheck = (s, problem, d) => {
  const { minOffice } = s.agency;
  if (s.agency.exempt || s.available[d] >= minOffice) return [];
  return [cause(s, problem, d, "minOfficePerAgencyDay", "infeasible.min_office_unreachable", { min: minOffice, available: s.available[d] })];
};

/** A composition rule asking for more matching people than are available that day. */
export const ruleMinReachable: DayCheck = (s, problem, d) =>
  s.agency.rules.flatMap((rule, r) =>
    s.availableMatch[r][d] >= rule.min ? [] : [cause(s, problem, d, "compositionRule", "infeasible.rule_min_unreachable", { line: rule.line, min: rule.min, who: ruleSubject(rule), available: s.availableMatch[r][d] })],
  );

/** A composition rule allowing fewer matching people than must be in. */
export const ruleMaxAboveFixed: DayCheck = (s, problem, d) =>
  s.agency.rules.flatMap((rule, r) =>
    rule.max === null || s.fixedMatch[r][d] <= rule.max ? [] : [cause(s, problem, d, "compositionRule", "infeasible.rule_max_below_fixed", { line: rule.line, max: rule.max, who: ruleSubject(rule), fixed: s.fixedMatch[r][d] })],
  );

/** A single rule's minimum above the cap. */
export const ruleMinWithinCap: DayCheck = (s, problem, d) => {
  const cap = capOn(s.agency, d);
  if (cap === null) return [];
  return s.agency.rules.flatMap((rule) => (rule.min <= cap ? [] : [cause(s, problem, d, "compositionRule", "infeasible.rule_min_over_cap", { needed: rule.min, cap, basis: capBasisOn(s.agency, d) })]));
};

export const DAY_CHECKS: readonly DayCheck[] = [fixedStaffWithinCap, capAtLeastMinOffice, minOfficeReachable, ruleMinReachable, ruleMaxAboveFixed, ruleMinWithinCap];

/** Every named cause on every day of an agency. */
export function diagnoseAgency(s: AgencyStructure, problem: Problem): InfeasibleCause[] {
  if (s.agency.exempt) return [];
  const causes: InfeasibleCause[] = [];
  for (let d = 0; d < problem.calendar.days.length; d++) for (const check of DAY_CHECKS) causes.push(...check(s, problem, d));
  return causes;
}

/**
 * Whether some count per pool meets every hard rule on the given days: the cap and the floor
 * each day and, with `rules`, every composition rule each day. A chosen member of a pool is
 * in on each of the pool's days among `days`; pools with none of them are left out. Rows
 * without a pool are decided here (an empty row cannot be written as a model).
 */
function feasible(s: AgencyStructure, pools: readonly Pool[], days: readonly number[], rules: boolean): boolean {
  const { minOffice } = s.agency;
  // Only a pool's days here and, with rules, which rules count it matter: merge pools alike in
  // both (a handful of variables, whatever the headcount).
  const merged = new Map<string, { days: number[]; matches: boolean[]; size: number }>();
  for (const pool of pools) {
    const here = pool.days.filter((d) => days.includes(d));
    if (here.length === 0) continue;
    const matches = s.classes[pool.cls].matches;
    const key = `${here.join(",")}|${rules ? matches.map(Number).join("") : ""}`;
    const group = merged.get(key);
    if (group) group.size += pool.size;
    else merged.set(key, { days: here, matches, size: pool.size });
  }
  const used = [...merged.values()];
  const constraints: ModelConstraint[] = [];
  const row = (name: string, d: number, take: (pool: { matches: boolean[] }) => boolean, fixed: number, min: number, max: number | null): boolean => {
    const terms = used.flatMap((pool, i): Array<[string, number]> => (pool.days.includes(d) && take(pool) ? [[`x${i}`, 1]] : []));
    const lower = Math.max(0, min - fixed);
    const upper = max === null ? null : max - fixed;
    if (upper !== null && upper < lower) return false;
    if (terms.length === 0) return lower === 0;
    constraints.push({ name, terms, lower, ...(upper === null ? {} : { upper }) });
    return true;
  };
  for (const d of days) {
    if (!row(`cap${d}`, d, () => true, s.fixedOffice[d], minOffice, capOn(s.agency, d))) return false;
    if (!rules) continue;
    for (let r = 0; r < s.agency.rules.length; r++) {
      const rule = s.agency.rules[r];
      if (!row(`r${r}d${d}`, d, (pool) => pool.matches[r], s.fixedMatch[r][d], rule.min, rule.max)) return false;
    }
  }
  if (constraints.length === 0) return true;
  const model: Model = {
    name: "diagnose", sense: "max",
    objective: new Map(used.map((_, i) => [`x${i}`, 1])),
    constraints,
    vars: used.map((pool, i) => ({ name: `x${i}`, lower: 0, upper: pool.size, integer: true })),
  };
  return jslpBackend.solve(model).status === "optimal";
}

/** The agency's people on leave on some day of a block, those days, and the rotating people with a pin in it. */
function awayIn(s: AgencyStructure, problem: Problem, days: readonly number[]): { onLeave: number; leaveDays: string[]; pinned: number } {
  let onLeave = 0;
  let pinned = 0;
  const on = new Set<number>();
  for (const p of s.agency.people) {
    const leave = problem.people[p].leave;
    if (leave !== null) {
      let any = false;
      for (const d of days) {
        if (leave[d] !== 1) continue;
        any = true;
        on.add(d);
      }
      if (any) onLeave++;
    }
    const pins = s.pinned?.get(p)?.modes;
    if (pins !== undefined && days.some((d) => pins[d] !== PINNED_NONE)) pinned++;
  }
  return { onLeave, leaveDays: days.filter((d) => on.has(d)).map((d) => problem.calendar.days[d]), pinned };
}

/**
 * The cause when no named check explains an infeasible block, naming the rule that binds.
 * A week of weekly rotation whose every day could be met alone fails because a rotating
 * person keeps one mode all week while leave (or pins) make the days differ: that is the
 * weekly block (with the composition rules only when they take part), not "the composition
 * rules". Otherwise the day that fails alone is named, with the rules only when the agency
 * has any.
 */
export function conflictCause(s: AgencyStructure, problem: Problem, day: number): InfeasibleCause {
  const block = s.blocks.find((b) => b.days.includes(day));
  const { minOffice } = s.agency;
  const hasRules = s.agency.rules.length > 0;
  if (block !== undefined && block.days.length > 1) {
    const failing = block.days.find((d) => !feasible(s, block.pools, [d], true));
    if (failing === undefined) {
      // The rules take part when the week could be met without them.
      const withRules = hasRules && feasible(s, block.pools, block.days, false);
      const away = awayIn(s, problem, block.days);
      const first = block.days[0];
      const caps = [...new Set(block.days.map((d) => capOn(s.agency, d) ?? "-"))];
      const code = away.pinned > 0 ? "infeasible.weekly_block_pins" : withRules ? "infeasible.weekly_block_rules" : "infeasible.weekly_block";
      return cause(s, problem, first, "weeklyBlocks", code, {
        week: problem.calendar.weekStarts[problem.calendar.week[first]],
        onLeave: away.onLeave, leaveDays: away.leaveDays.join(", "), pinned: away.pinned,
        min: minOffice, cap: caps.length === 1 ? caps[0] : caps.join("/"), basis: capBasisOn(s.agency, first),
      });
    }
    day = failing;
  }
  const cap = capOn(s.agency, day) ?? "-";
  if (!hasRules) return cause(s, problem, day, "capPerAgencyDay", "infeasible.cap_min_conflict", { cap, min: minOffice });
  return cause(s, problem, day, "compositionRule", "infeasible.rules_conflict", { cap, min: minOffice });
}
