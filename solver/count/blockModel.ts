/**
 * The integer program of one block over counts: how many of each pool go to the office. Its
 * rows are the hard rules of DESIGN.md stated on counts (cap and floor per day, each
 * composition rule per day); weekly rotation is built into the pools (a chosen member is in
 * on every available day of the week). Tiny whatever the headcount.
 */
import type { Model, ModelConstraint } from "../model.js";
import type { AgencyStructure, Block } from "./pools.js";
import { capOn } from "../../src/domain/problem.js";

export const poolVar = (i: number): string => `v${i}`;

/** Rows shared by every model of a block: the hard rules on counts. */
export function hardRuleRows(s: AgencyStructure, block: Block): ModelConstraint[] {
  const rows: ModelConstraint[] = [];
  const { minOffice } = s.agency;
  for (const d of block.days) {
    const cap = capOn(s.agency, d);
    const terms: Array<[string, number]> = [];
    block.pools.forEach((pool, i) => {
      if (pool.days.includes(d)) terms.push([poolVar(i), 1]);
    });
    if (terms.length === 0) continue; // constant rows: decided by the day checks
    rows.push({ name: `cap_${d}`, terms, upper: cap! - s.fixedOffice[d], lower: Math.max(0, minOffice - s.fixedOffice[d]) });
    s.agency.rules.forEach((rule, r) => {
      const ruleTerms = terms.filter(([name]) => s.classes[block.pools[Number(name.slice(1))].cls].matches[r]);
      if (ruleTerms.length === 0) return;
      rows.push({
        name: `rule${r}_${d}`,
        terms: ruleTerms,
        lower: Math.max(0, rule.min - s.fixedMatch[r][d]),
        ...(rule.max === null ? {} : { upper: rule.max - s.fixedMatch[r][d] }),
      });
    });
  }
  return rows;
}

/** One integer variable per pool: how many of it go to the office, at most its size. */
export function blockVars(block: Block) {
  return block.pools.map((pool, i) => ({ name: poolVar(i), lower: 0, upper: pool.size, integer: true }));
}

/**
 * Objectives 1 and 2 of DESIGN.md in one: fill the cap (office person-days), then keep
 * health-priority people home. The weight makes one more office day worth more than any
 * number of priority days.
 */
export function capThenPriorityModel(s: AgencyStructure, block: Block): Model {
  let priorityDays = 0;
  for (const pool of block.pools) if (s.classes[pool.cls].priority) priorityDays += pool.size * pool.days.length;
  const weight = priorityDays + 1;
  const objective = new Map<string, number>();
  block.pools.forEach((pool, i) => {
    const value = pool.days.length * weight - (s.classes[pool.cls].priority ? pool.days.length : 0);
    objective.set(poolVar(i), value);
  });
  return { name: `block${block.index}`, sense: "max", objective, constraints: hardRuleRows(s, block), vars: blockVars(block) };
}
