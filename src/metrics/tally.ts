/**
 * One pass over the roster that both the metrics and the objective values read: office /
 * home / leave person-days per agency, health-priority office days, and per fairness group
 * each counted member's units (history + office units) and the per-week office-day range.
 * Typed arrays throughout; allocation is per agency and per group, never per person-day.
 */
import { HOME, LEAVE, OFFICE, type Problem, type Roster } from "../domain/problem.js";
import { RANKS, type Rank } from "../domain/values.js";
import { ATTEND_PRIORITY, ATTEND_ROTATING, factsOf, type Facts } from "../verify/facts.js";
import { weekBounds } from "../verify/rules.js";

export interface GroupInfo {
  agency: number;
  rank: Rank;
  unit: string;
}

export interface Tally {
  days: number;
  weeks: number;
  /** Per agency. */
  office: Float64Array;
  home: Float64Array;
  leave: Float64Array;
  priorityOffice: Float64Array;
  /** Fairness groups, ordered by agency, rank (top first), unit. */
  groups: GroupInfo[];
  /** Each person's group index, -1 when not in a fairness group. */
  groupOf: Int32Array;
  /** 1 for a group member with no leave day in the horizon (the members fairness is measured on). */
  counted: Uint8Array;
  /** For counted members: history + office units (days, or weeks in weekly rotation). */
  value: Float64Array;
  /** Per group: all members, counted members, and min / max of `value` over the counted. */
  members: Int32Array;
  countedMembers: Int32Array;
  valueMin: Float64Array;
  valueMax: Float64Array;
  /** Per group and week (`g * weeks + w`): fewest and most office days of a counted member (daily rotation only). */
  weekMin: Int32Array;
  weekMax: Int32Array;
}

/**
 * Walk the roster once. Groups are `fairnessGroupKey`'s (agency, rank, unit as written,
 * attendance "rotating"), keyed here by numbers from the facts instead of a string per person.
 */
export function tally(problem: Problem, roster: Roster, facts: Facts = factsOf(problem)): Tally {
  const days = problem.calendar.days.length;
  if (roster.days !== days || roster.modes.length !== problem.people.length * days) {
    throw new Error(`roster shape ${roster.modes.length} modes / ${roster.days} days does not match ${problem.people.length} people x ${days} workdays`);
  }
  const { first: weekFirst, end: weekEnd } = weekBounds(problem);
  const weeks = weekFirst.length;
  const { agencyOf, attendance, hasLeave, rankOf, unitOf, units, history } = facts;
  const n = agencyOf.length;

  // Groups, first in order of appearance, then renumbered in report order (agency, rank, unit).
  const groupOf = new Int32Array(n).fill(-1);
  const keys = new Map<number, number>();
  const found: GroupInfo[] = [];
  const unitOrder = units.map((_, i) => i).sort((a, b) => (units[a] < units[b] ? -1 : units[a] > units[b] ? 1 : 0));
  const unitRank = new Int32Array(units.length);
  unitOrder.forEach((u, i) => (unitRank[u] = i));
  const sortKey: number[] = [];
  for (let p = 0; p < n; p++) {
    if (attendance[p] !== ATTEND_ROTATING) continue;
    const key = (agencyOf[p] * RANKS.length + rankOf[p]) * units.length + unitOf[p];
    let g = keys.get(key);
    if (g === undefined) {
      g = found.length;
      keys.set(key, g);
      found.push({ agency: agencyOf[p], rank: RANKS[rankOf[p]], unit: units[unitOf[p]] });
      sortKey.push((agencyOf[p] * RANKS.length + rankOf[p]) * units.length + unitRank[unitOf[p]]);
    }
    groupOf[p] = g;
  }
  const order = found.map((_, i) => i).sort((a, b) => sortKey[a] - sortKey[b]);
  const renumber = new Int32Array(found.length);
  order.forEach((old, i) => (renumber[old] = i));
  for (let p = 0; p < n; p++) if (groupOf[p] >= 0) groupOf[p] = renumber[groupOf[p]];
  const groups = order.map((old) => found[old]);

  const agencies = problem.agencies.length;
  const t: Tally = {
    days, weeks,
    office: new Float64Array(agencies), home: new Float64Array(agencies), leave: new Float64Array(agencies), priorityOffice: new Float64Array(agencies),
    groups, groupOf, counted: new Uint8Array(n), value: new Float64Array(n),
    members: new Int32Array(groups.length), countedMembers: new Int32Array(groups.length),
    valueMin: new Float64Array(groups.length).fill(Infinity), valueMax: new Float64Array(groups.length).fill(-Infinity),
    weekMin: new Int32Array(groups.length * weeks).fill(2147483647), weekMax: new Int32Array(groups.length * weeks).fill(-1),
  };
  const modes = roster.modes;
  const weekly = problem.rotation === "weekly";
  for (let p = 0, base = 0; p < n; p++, base += days) {
    const a = agencyOf[p];
    let office = 0;
    let home = 0;
    let leave = 0;
    for (let d = 0; d < days; d++) {
      const m = modes[base + d];
      if (m === OFFICE) office++;
      else if (m === HOME) home++;
      else if (m === LEAVE) leave++;
    }
    t.office[a] += office;
    t.home[a] += home;
    t.leave[a] += leave;
    if (attendance[p] === ATTEND_PRIORITY) t.priorityOffice[a] += office;
    const g = groupOf[p];
    if (g < 0) continue;
    t.members[g]++;
    if (hasLeave[p] === 1) continue;
    t.counted[p] = 1;
    t.countedMembers[g]++;
    let earned = weekly ? 0 : office;
    for (let w = 0; w < weeks; w++) {
      let inWeek = 0;
      for (let d = weekFirst[w]; d < weekEnd[w]; d++) if (modes[base + d] === OFFICE) inWeek++;
      if (weekly) {
        if (inWeek === weekEnd[w] - weekFirst[w]) earned++;
      } else {
        const i = g * weeks + w;
        if (inWeek < t.weekMin[i]) t.weekMin[i] = inWeek;
        if (inWeek > t.weekMax[i]) t.weekMax[i] = inWeek;
      }
    }
    const value = history[p] + earned;
    t.value[p] = value;
    if (value < t.valueMin[g]) t.valueMin[g] = value;
    if (value > t.valueMax[g]) t.valueMax[g] = value;
  }
  return t;
}

/** Largest max-min of office days within one week among a group's counted members; 0 in weekly rotation. */
export function groupWeeklySpread(t: Tally, g: number): number {
  let worst = 0;
  for (let w = 0; w < t.weeks; w++) {
    const i = g * t.weeks + w;
    if (t.weekMax[i] >= 0 && t.weekMax[i] - t.weekMin[i] > worst) worst = t.weekMax[i] - t.weekMin[i];
  }
  return worst;
}

/** Spread of history + office units among a group's counted members; 0 when none is counted. */
export function groupSpread(t: Tally, g: number): number {
  return t.countedMembers[g] === 0 ? 0 : t.valueMax[g] - t.valueMin[g];
}
