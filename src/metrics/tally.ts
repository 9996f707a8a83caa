/**
 * One pass over the roster that the figures read: office / home / leave person-days and the
 * cap's person-days per agency, health-priority office days, and per person the office days,
 * the fair share and the deviation from it (src/domain/shares.ts), the available days and
 * the office days on the person's most frequent weekday.
 *
 * The people fairness is about are each agency's rotating, non-priority staff (`sharesTurns`):
 * the "pooled" people. Their (rank, unit) groups are kept as detail.
 *
 * Typed arrays throughout; allocation is per agency and per group, never per person-day.
 */
import { capOn, HOME, LEAVE, OFFICE, type Problem, type Roster } from "../domain/problem.js";
import { fairShares, type ShareBasis } from "../domain/shares.js";
import { RANKS, type Rank } from "../domain/values.js";
import { ATTEND_PRIORITY, ATTEND_ROTATING, factsOf, type Facts } from "../verify/facts.js";

export interface GroupInfo {
  agency: number;
  rank: Rank;
  unit: string;
}

export interface Tally {
  days: number;
  weeks: number;
  /** Per agency: person-days by mode. */
  office: Float64Array;
  home: Float64Array;
  leave: Float64Array;
  /** Per agency: office days of health-priority people. */
  priorityOffice: Float64Array;
  /** Per agency: the sum over workdays of the cap in force that day (`capOn`); 0 when exempt. */
  capDays: Float64Array;
  /** Per person: office days in the horizon. */
  personOffice: Int32Array;
  /** Per person: workdays not on leave. */
  avail: Int32Array;
  /** Per person: 1 when counted in fair shares (rotating, not health priority). */
  pooled: Uint8Array;
  /** Per pooled person: fair share and deviation `hist + office - share`, in days; NaN for others. */
  share: Float64Array;
  dev: Float64Array;
  /** Per person: office days on the weekday the person is in most often. */
  topWeekday: Int32Array;
  /** (rank, unit) groups of pooled people, ordered by agency, rank (top first), unit. */
  groups: GroupInfo[];
  /** Each person's group index, -1 when not pooled. */
  groupOf: Int32Array;
}

/** Day of the week (0 Sunday .. 6 Saturday) of each ISO date. */
export function weekdaysOf(days: readonly string[]): Uint8Array {
  return Uint8Array.from(days, (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay());
}

/**
 * Walk the roster once, then compute shares agency by agency.
 */
export function tally(problem: Problem, roster: Roster, facts: Facts = factsOf(problem)): Tally {
  const days = problem.calendar.days.length;
  if (roster.days !== days || roster.modes.length !== problem.people.length * days) {
    throw new Error(`roster shape ${roster.modes.length} modes / ${roster.days} days does not match ${problem.people.length} people x ${days} workdays`);
  }
  const { agencyOf, attendance, rankOf, unitOf, units } = facts;
  const n = agencyOf.length;
  const agencies = problem.agencies.length;

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

  const t: Tally = {
    days,
    weeks: problem.calendar.weekStarts.length,
    office: new Float64Array(agencies), home: new Float64Array(agencies), leave: new Float64Array(agencies),
    priorityOffice: new Float64Array(agencies), capDays: new Float64Array(agencies),
    personOffice: new Int32Array(n), avail: new Int32Array(n), pooled: new Uint8Array(n),
    share: new Float64Array(n).fill(Number.NaN), dev: new Float64Array(n).fill(Number.NaN),
    topWeekday: new Int32Array(n),
    groups: order.map((old) => found[old]), groupOf,
  };

  for (const agency of problem.agencies) {
    if (agency.exempt) continue;
    let capacity = 0;
    for (let d = 0; d < days; d++) capacity += capOn(agency, d) ?? 0;
    t.capDays[agency.index] = capacity;
  }

  const weekday = weekdaysOf(problem.calendar.days);
  const perWeekday = new Int32Array(7);
  const modes = roster.modes;
  for (let p = 0, base = 0; p < n; p++, base += days) {
    const a = agencyOf[p];
    let office = 0;
    let home = 0;
    let leave = 0;
    perWeekday.fill(0);
    for (let d = 0; d < days; d++) {
      const m = modes[base + d];
      if (m === OFFICE) {
        office++;
        perWeekday[weekday[d]]++;
      } else if (m === HOME) home++;
      else if (m === LEAVE) leave++;
    }
    t.office[a] += office;
    t.home[a] += home;
    t.leave[a] += leave;
    if (attendance[p] === ATTEND_PRIORITY) t.priorityOffice[a] += office;
    t.personOffice[p] = office;
    let top = 0;
    for (let w = 0; w < 7; w++) if (perWeekday[w] > top) top = perWeekday[w];
    t.topWeekday[p] = top;
    const person = problem.people[p];
    let avail = days;
    if (person.leave !== null) for (let d = 0; d < days; d++) if (person.leave[d] === 1) avail--;
    t.avail[p] = avail;
    if (attendance[p] === ATTEND_ROTATING) t.pooled[p] = 1;
  }

  // Shares, agency by agency, as src/domain/shares.ts defines them.
  for (const agency of problem.agencies) {
    if (agency.exempt) continue;
    const pooled = agency.people.filter((p) => t.pooled[p] === 1);
    if (pooled.length === 0) continue;
    let total = 0;
    const basis: ShareBasis[] = pooled.map((p) => {
      total += t.personOffice[p];
      const person = problem.people[p];
      return { weight: t.avail[p] + person.priorWorkdays, history: person.history };
    });
    const share = fairShares(basis, total);
    pooled.forEach((p, i) => {
      t.share[p] = share[i];
      t.dev[p] = basis[i].history + t.personOffice[p] - share[i];
    });
  }
  return t;
}
