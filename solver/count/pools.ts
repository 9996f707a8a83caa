/**
 * The structure the count model rests on. Inside an agency, rotating people of the same
 * rank, unit and attendance are interchangeable for every hard rule: a *class*. Within a
 * class, those never on leave (the *steady* members) rotate on one cyclic stream, and those
 * with leave are picked day by day among the available. A *block* is the unit of rotation
 * (a workday in daily rotation, a calendar week in weekly rotation); a *pool* is a set of
 * interchangeable people in one block, with how many there are and which days of the block
 * each of them is in the office when chosen.
 */
import type { Agency, Problem } from "../../src/domain/problem.js";
import { ruleMatches } from "../../src/domain/problem.js";
import { daysByWeek } from "../../src/calendar/workdays.js";
import { RANKS, type Rank } from "../../src/domain/values.js";
import { pinnedModes, PINNED_HOME, PINNED_NONE, PINNED_OFFICE, type Pinned } from "./pins.js";

export interface RotatingClass {
  /** Index of the class inside its agency. */
  index: number;
  rank: string;
  unit: string;
  priority: boolean;
  /** Members never on leave in the horizon, in input order. */
  steady: number[];
  /** Members with at least one leave or pinned day, in input order. */
  onLeave: number[];
  /** For each rule of the agency, whether it counts this class. */
  matches: boolean[];
}

export interface Pool {
  cls: number;
  /** true: the class's steady members; false: members with leave, available as `days` says. */
  steady: boolean;
  /** How many people the pool holds: the most it can send. */
  size: number;
  /** Days of the block (indices into the calendar) a chosen member is in the office. */
  days: number[];
  /** Members with leave in this pool (weekly: same availability mask); empty for steady pools. */
  members: number[];
}

export interface Block {
  index: number;
  days: number[];
  pools: Pool[];
}

export interface AgencyStructure {
  agency: Agency;
  classes: RotatingClass[];
  blocks: Block[];
  /** Fixed people in the office on each day of the horizon. */
  fixedOffice: Int32Array;
  /** For each rule, fixed people it counts in the office on each day. */
  fixedMatch: Int32Array[];
  /** People available (not on leave, not pinned home) on each day, all attendances. */
  available: Int32Array;
  /** For each rule, available people it counts on each day. */
  availableMatch: Int32Array[];
  /** Rotating people with pins: their pinned mode per day (pinned office days count as fixed office). */
  pinned: Map<number, Pinned>;
}

/** Group an agency's people into classes and blocks of pools. */
export function agencyStructure(problem: Problem, agency: Agency): AgencyStructure {
  const days = problem.calendar.days.length;
  const fixedOffice = new Int32Array(days);
  const available = new Int32Array(days);
  const fixedMatch = agency.rules.map(() => new Int32Array(days));
  const availableMatch = agency.rules.map(() => new Int32Array(days));
  const classByKey = new Map<string, RotatingClass>();
  const classes: RotatingClass[] = [];

  const hasRules = agency.rules.length > 0;
  const noMatches: boolean[] = [];
  // People never on leave count on every day: tallied once, spread over the days after.
  let steadyAvailable = 0;
  let steadyFixed = 0;
  const steadyMatch = new Int32Array(agency.rules.length);
  const steadyFixedMatch = new Int32Array(agency.rules.length);
  const pinned = new Map<number, Pinned>();
  for (const p of agency.people) {
    const person = problem.people[p];
    const fixed = person.attendance === "fixed";
    const matches = hasRules ? agency.rules.map((rule) => ruleMatches(rule, person)) : noMatches;
    const pins = fixed ? null : pinnedModes(problem, person);
    if (pins !== null) {
      pinned.set(p, pins);
      // A pinned office day is a fixed office day for every count; a pinned day is never chosen,
      // and a pinned home day is no day the person is available for the office.
      for (let d = 0; d < days; d++) {
        if (pins.modes[d] === PINNED_OFFICE) {
          fixedOffice[d]++;
          for (let r = 0; r < matches.length; r++) if (matches[r]) fixedMatch[r][d]++;
        } else if (pins.modes[d] === PINNED_HOME) {
          available[d]--;
          for (let r = 0; r < matches.length; r++) if (matches[r]) availableMatch[r][d]--;
        }
      }
    }
    if (person.leave === null) {
      steadyAvailable++;
      if (fixed) steadyFixed++;
      for (let r = 0; r < matches.length; r++) {
        if (!matches[r]) continue;
        steadyMatch[r]++;
        if (fixed) steadyFixedMatch[r]++;
      }
    } else {
      for (let d = 0; d < days; d++) {
        if (person.leave[d] === 1) continue;
        available[d]++;
        if (fixed) fixedOffice[d]++;
        for (let r = 0; r < matches.length; r++) {
          if (!matches[r]) continue;
          availableMatch[r][d]++;
          if (fixed) fixedMatch[r][d]++;
        }
      }
    }
    if (fixed) continue;
    const priority = person.attendance === "priority";
    const key = `${person.rank}\u0000${person.unit}\u0000${priority}`; // as fairnessGroupKey: the unit exactly as written
    let cls = classByKey.get(key);
    if (!cls) {
      cls = { index: classes.length, rank: person.rank, unit: person.unit, priority, steady: [], onLeave: [], matches };
      classByKey.set(key, cls);
      classes.push(cls);
    }
    (person.leave === null && pins === null ? cls.steady : cls.onLeave).push(p);
  }
  for (let d = 0; d < days; d++) {
    available[d] += steadyAvailable;
    fixedOffice[d] += steadyFixed;
    for (let r = 0; r < agency.rules.length; r++) {
      availableMatch[r][d] += steadyMatch[r];
      fixedMatch[r][d] += steadyFixedMatch[r];
    }
  }

  // A canonical class order (priority, rank, unit), not the order of first appearance: ties
  // between classes must not depend on the order of rows in employees.csv.
  classes.sort((a, b) => Number(a.priority) - Number(b.priority) || RANKS.indexOf(a.rank as Rank) - RANKS.indexOf(b.rank as Rank) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  classes.forEach((cls, index) => (cls.index = index));

  const blockDays = problem.rotation === "daily" ? problem.calendar.days.map((_, d) => [d]) : daysByWeek(problem.calendar);
  // Daily rotation: each class's free members per day in one pass over its people (a replan
  // pins everyone, so this is every person times every day: no closures, no masks).
  const freeByDay: number[][][] | null = problem.rotation === "daily" ? classes.map(() => blockDays.map(() => [])) : null;
  if (freeByDay !== null) {
    for (const cls of classes) {
      const perDay = freeByDay[cls.index];
      for (const p of cls.onLeave) {
        const leave = problem.people[p].leave;
        const pins = pinned.get(p)?.modes;
        for (let d = 0; d < days; d++) if ((leave === null || leave[d] === 0) && (pins === undefined || pins[d] === PINNED_NONE)) perDay[d].push(p);
      }
    }
  }
  const blocks: Block[] = blockDays.map((bdays, index) => {
    const pools: Pool[] = [];
    for (const cls of classes) {
      if (cls.steady.length > 0) pools.push({ cls: cls.index, steady: true, size: cls.steady.length, days: bdays, members: [] });
      if (freeByDay !== null) {
        const members = freeByDay[cls.index][index];
        if (members.length > 0) pools.push({ cls: cls.index, steady: false, size: members.length, days: bdays, members });
        continue;
      }
      // Members with leave, grouped by the days of the block they are available on.
      const byMask = new Map<string, Pool>();
      for (const p of cls.onLeave) {
        const leave = problem.people[p].leave;
        const pins = pinned.get(p)?.modes;
        const free = (d: number): boolean => (leave === null || leave[d] === 0) && (pins === undefined || pins[d] === PINNED_NONE);
        const availableDays = bdays.filter(free);
        if (availableDays.length === 0) continue;
        const mask = availableDays.join(",");
        let pool = byMask.get(mask);
        if (!pool) byMask.set(mask, (pool = { cls: cls.index, steady: false, size: 0, days: availableDays, members: [] }));
        pool.size++;
        pool.members.push(p);
      }
      for (const mask of [...byMask.keys()].sort()) pools.push(byMask.get(mask)!);
    }
    return { index, days: bdays, pools };
  });

  return { agency, classes, blocks, fixedOffice, fixedMatch, available, availableMatch, pinned };
}
