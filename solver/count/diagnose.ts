/**
 * Why an agency has no roster: each check is one named function over one day, returning the
 * causes with the agency, the day, the rule and the numbers. Run before any model is built,
 * so that the common causes (mandatory staff above the cap, a rule asking for more people
 * than exist, a cap below min_office) are named precisely rather than "infeasible".
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import type { CompositionRule, Problem } from "../../src/domain/problem.js";
import type { AgencyStructure } from "./pools.js";

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
  const { cap, capBasis } = s.agency;
  if (cap === null || s.fixedOffice[d] <= cap) return [];
  const reasons = new Map<string, number>();
  for (const p of s.agency.people) {
    const person = problem.people[p];
    if (person.attendance !== "fixed" || (person.leave !== null && person.leave[d] === 1)) continue;
    reasons.set(person.fixedBy!, (reasons.get(person.fixedBy!) ?? 0) + 1);
  }
  const text = [...reasons].map(([why, n]) => `${n} ${why}`).join(", ");
  return [cause(s, problem, d, "capPerAgencyDay", "infeasible.fixed_over_cap", { fixed: s.fixedOffice[d], reasons: text, cap, basis: capBasis })];
};

/** A cap below the agency's floor. */
export const capAtLeastMinOffice: DayCheck = (s, problem, d) => {
  const { cap, capBasis, minOffice } = s.agency;
  if (cap === null || cap >= minOffice) return [];
  return [cause(s, problem, d, "minOfficePerAgencyDay", "infeasible.cap_below_min_office", { min: minOffice, cap, basis: capBasis })];
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
  const { cap, capBasis } = s.agency;
  if (cap === null) return [];
  return s.agency.rules.flatMap((rule) => (rule.min <= cap ? [] : [cause(s, problem, d, "compositionRule", "infeasible.rule_min_over_cap", { needed: rule.min, cap, basis: capBasis })]));
};

export const DAY_CHECKS: readonly DayCheck[] = [fixedStaffWithinCap, capAtLeastMinOffice, minOfficeReachable, ruleMinReachable, ruleMaxAboveFixed, ruleMinWithinCap];

/** Every named cause on every day of an agency. */
export function diagnoseAgency(s: AgencyStructure, problem: Problem): InfeasibleCause[] {
  if (s.agency.exempt) return [];
  const causes: InfeasibleCause[] = [];
  for (let d = 0; d < problem.calendar.days.length; d++) for (const check of DAY_CHECKS) causes.push(...check(s, problem, d));
  return causes;
}

/** The fallback cause when no named check explains an infeasible block. */
export function conflictCause(s: AgencyStructure, problem: Problem, day: number): InfeasibleCause {
  return cause(s, problem, day, "compositionRule", "infeasible.rules_conflict", { cap: s.agency.cap ?? "-", min: s.agency.minOffice });
}
