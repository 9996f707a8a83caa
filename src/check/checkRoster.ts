/**
 * `check` as a library: a roster file judged against a scenario. The file's shape first
 * (`rosterFromEntries`), then every hard rule with the same verifier `solve` runs.
 */
import type { Problem, Roster } from "../domain/problem.js";
import type { RosterFile } from "../io/readRoster.js";
import { formatMessage, type Lang, type MessageCode } from "../messages/index.js";
import { formatViolation } from "../verify/format.js";
import { verifyRoster } from "../verify/rules.js";
import { DEFAULT_VIOLATION_LIMIT, type Violation } from "../verify/types.js";
import { CHECK_RULE_NAMES, isShapeRule, type CheckRuleName, type Finding } from "./findings.js";
import { rosterFromEntries } from "./rosterFromEntries.js";

export interface CheckResult {
  ok: boolean;
  /** Kept findings, shape rules first, then the hard rules, each in report order. */
  findings: Finding[];
  /** Every finding counted, per rule, kept or not. */
  total: Record<CheckRuleName, number>;
  count: number;
  truncated: boolean;
  /** The roster as read (cells without a readable mode filled as the rules expect). */
  roster: Roster;
}

/**
 * Check a roster file against a compiled scenario.
 *
 * @param limit most findings kept per rule (all are counted)
 * @example checkRoster(problem, await readRoster("roster.csv")).ok //=> true for a roster solve wrote
 */
export function checkRoster(problem: Problem, file: RosterFile, limit = DEFAULT_VIOLATION_LIMIT): CheckResult {
  const mapped = rosterFromEntries(problem, file, limit);
  const verification = verifyRoster(problem, mapped.roster, limit);
  const total = { ...mapped.total, ...verification.total };
  const count = CHECK_RULE_NAMES.reduce((sum, rule) => sum + total[rule], 0);
  const findings: Finding[] = [...mapped.problems, ...verification.violations];
  return { ok: count === 0, findings, total, count, truncated: findings.length < count, roster: mapped.roster };
}

/** The words of one finding, in the planner's language. */
export function formatFinding(finding: Finding, lang: Lang = "en"): string {
  if (isShapeRule(finding.rule)) return formatMessage(finding.code, finding.values, lang);
  return formatViolation(finding as Violation, lang);
}

/** The name of a rule, in words ("office count above the cap"). */
export function ruleLabel(rule: CheckRuleName, lang: Lang = "en"): string {
  return formatMessage(`rule.${rule}` as MessageCode, {}, lang);
}

export interface FindingGroup {
  rule: CheckRuleName;
  label: string;
  /** Every finding of the rule, kept or not. */
  count: number;
  lines: string[];
}

/** Findings grouped by rule in report order, with words; rules with no finding left out. */
export function groupFindings(result: Pick<CheckResult, "findings" | "total">, lang: Lang = "en"): FindingGroup[] {
  const byRule = new Map<CheckRuleName, string[]>();
  for (const finding of result.findings) {
    let lines = byRule.get(finding.rule);
    if (!lines) byRule.set(finding.rule, (lines = []));
    lines.push(formatFinding(finding, lang));
  }
  return CHECK_RULE_NAMES.filter((rule) => result.total[rule] > 0).map((rule) => ({
    rule, label: ruleLabel(rule, lang), count: result.total[rule], lines: byRule.get(rule) ?? [],
  }));
}

/** The result as a JSON-able document for other tools: counts per rule and every kept finding with its words. */
export function checkJson(result: CheckResult, file: string, lang: Lang = "en"): unknown {
  return {
    file,
    ok: result.ok,
    count: result.count,
    truncated: result.truncated,
    total: Object.fromEntries(CHECK_RULE_NAMES.map((rule) => [rule, result.total[rule]])),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      code: f.code,
      message: formatFinding(f, lang),
      ...(f.agencyId === undefined ? {} : { agencyId: f.agencyId }),
      ...(f.employeeId === undefined ? {} : { employeeId: f.employeeId }),
      ...(f.date === undefined ? {} : { date: f.date }),
      ...(f.line === undefined ? {} : { line: f.line }),
      ...(f.column === undefined ? {} : { column: f.column }),
      values: f.values,
    })),
  };
}
