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
  /** The pinned modes of each member of `onLeave`, in the same order (null: leave, no pins). */
  onLeavePins: Array<Uint8Array | null>;
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
  pinned: PinnedPeople;
}

/**
 * The rotating people of an agency with pins, in input order. A replan pins everyone: kept in
 * two lists, looked up by person (a map) only when asked.
 */
export class PinnedPeople {
  readonly people: number[] = [];
  readonly pins: Pinned[] = [];
  private byPerson: Map<number, Pinned> | null = null;

  add(p: number, pins: Pinned): void {
    this.people.push(p);
    this.pins.push(pins);
    this.byPerson = null;
  }

  get(p: number): Pinned | undefined {
    this.byPerson ??= new Map(this.people.map((q, i) => [q, this.pins[i]]));
    return this.byPerson.get(p);
  }

  /** Whether anyone has pins of both modes in one week (weekly rotation). */
  anyConflict(): boolean {
    return this.pins.some((pins) => pins.conflicts.length > 0);
  }
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
  const pinned = new PinnedPeople();
  const daily = problem.rotation === "daily";
  // Daily rotation: per class (in order of appearance), how many of its members with leave or
  // pins are free on each day: counted here, while the person is in hand (a replan pins
  // everyone, so this is every person times every day). Who they are is listed only when asked.
  const freeByAppearance: Int32Array[] = [];
  let last: RotatingClass | null = null;
  for (let i = 0; i < agency.people.length; i++) {
    const p = agency.people[i];
    const person = problem.people[p];
    const fixed = person.attendance === "fixed";
    const matches = hasRules ? agency.rules.map((rule) => ruleMatches(rule, person)) : noMatches;
    const pins = fixed ? null : pinnedModes(problem, person);
    if (pins !== null) pinned.add(p, pins);
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
    // People of one unit mostly come together: the last person's class is tried first.
    let cls: RotatingClass | undefined = last !== null && last.rank === person.rank && last.unit === person.unit && last.priority === priority ? last : undefined;
    if (cls === undefined) {
      const key = `${person.rank}\u0000${person.unit}\u0000${priority}`; // as fairnessGroupKey: the unit exactly as written
      cls = classByKey.get(key);
      if (!cls) {
        cls = { index: classes.length, rank: person.rank, unit: person.unit, priority, steady: [], onLeave: [], onLeavePins: [], matches };
        classByKey.set(key, cls);
        classes.push(cls);
        freeByAppearance.push(new Int32Array(daily ? days : 0));
      }
      last = cls;
    }
    if (person.leave === null && pins === null) cls.steady.push(p);
    else {
      const pinnedDays = pins === null ? null : pins.modes;
      cls.onLeave.push(p);
      cls.onLeavePins.push(pinnedDays);
      // One pass over the days: a pinned office day is a fixed office day for every count (a
      // pinned day is never chosen), a pinned home day no available day; in daily rotation, the
      // days the person is free are counted.
      const free = daily ? freeByAppearance[cls.index] : null;
      const leave = person.leave;
      for (let d = 0; d < days; d++) {
        const pinnedMode = pinnedDays === null ? PINNED_NONE : pinnedDays[d];
        if (pinnedMode === PINNED_OFFICE) {
          fixedOffice[d]++;
          for (let r = 0; r < matches.length; r++) if (matches[r]) fixedMatch[r][d]++;
        } else if (pinnedMode === PINNED_HOME) {
          // A pinned home day is no day the person is available for the office.
          available[d]--;
          for (let r = 0; r < matches.length; r++) if (matches[r]) availableMatch[r][d]--;
        } else if (free !== null && (leave === null || leave[d] === 0)) free[d]++;
      }
    }
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
  const freeCount = daily ? classes.map((cls) => freeByAppearance[cls.index]) : null;
  classes.forEach((cls, index) => (cls.index = index));

  const blockDays = problem.rotation === "daily" ? problem.calendar.days.map((_, d) => [d]) : daysByWeek(problem.calendar);
  const blocks: Block[] = blockDays.map((bdays, index) => {
    const pools: Pool[] = [];
    for (const cls of classes) {
      if (cls.steady.length > 0) pools.push({ cls: cls.index, steady: true, size: cls.steady.length, days: bdays, members: [] });
      if (freeCount !== null) {
        const size = freeCount[cls.index][index];
        if (size > 0) pools.push(freeOnDay(problem, cls, index, size, bdays));
        continue;
      }
      // Members with leave, grouped by the days of the block they are available on.
      const byMask = new Map<string, Pool>();
      for (const [i, p] of cls.onLeave.entries()) {
        const leave = problem.people[p].leave;
        const pins = cls.onLeavePins[i];
        const availableDays = bdays.filter((d) => isFree(leave, pins, d));
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

/** Whether a person with this leave and these pins can be chosen on day `d`. */
function isFree(leave: Uint8Array | null, pins: Uint8Array | null, d: number): boolean {
  return (leave === null || leave[d] === 0) && (pins === null || pins[d] === PINNED_NONE);
}

/** The pool of `cls`'s members with leave or pins who are free on day `d` (daily rotation): `size` of them, listed on first use. */
function freeOnDay(problem: Problem, cls: RotatingClass, d: number, size: number, days: number[]): Pool {
  let members: number[] | null = null;
  return {
    cls: cls.index, steady: false, size, days,
    get members(): number[] {
      return (members ??= cls.onLeave.filter((p, i) => isFree(problem.people[p].leave, cls.onLeavePins[i], d)));
    },
  };
}
