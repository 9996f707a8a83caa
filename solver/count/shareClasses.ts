/**
 * The people of an agency as the fairness stages see them: *share classes* of rotating people
 * identical in everything objectives 3-5 and the hard rules read (health priority, the rules
 * that count them, the days they can be chosen, pinned office days, history and the weight
 * of their share). Rank and unit matter only through the rules: with no rule counting
 * rotating people, a fungsional and a pelaksana with the same days are one class, and take
 * turns on one cycle. That is what makes shares fair across ranks.
 */
import { PINNED_NONE, PINNED_OFFICE } from "./pins.js";
import type { AgencyStructure } from "./pools.js";
import type { Problem } from "../../src/domain/problem.js";
import { availableDays, fairShares } from "../../src/domain/shares.js";
import type { LevelClass } from "./levelTargets.js";
import { RANKS } from "../../src/domain/values.js";

export interface ShareClass {
  index: number;
  priority: boolean;
  /** Person indices, by rank, unit and input order (the order of their turns). */
  members: number[];
  /** For each rule of the agency, whether it counts this class. */
  matches: boolean[];
  /** Workdays (calendar indices) a member can be chosen on: not on leave, not pinned. */
  days: number[];
  /** Per block: the choosable days of the block (weekly: a chosen member is in on all of them). */
  blockDays: number[][];
  /** Pinned office days of each member. */
  forced: number;
  /** hist_p, and avail_p + prior_p (normal classes). */
  history: number;
  weight: number;
  /** Office days a member should end with, history excluded: share - history (0 for priority classes until set). */
  target: number;
}

/** Group the agency's rotating people into share classes (canonical order: by key). */
export function shareClasses(problem: Problem, s: AgencyStructure, rulesCount: boolean): ShareClass[] {
  const days = problem.calendar.days.length;
  const blockOf = new Int32Array(days);
  s.blocks.forEach((block) => block.days.forEach((d) => (blockOf[d] = block.index)));
  // The key of a class is `priority|rule signature|days|forced|weight|history`, looked up in
  // steps: by its first three parts (one text for a run of people with the same choosable days:
  // a replan pins the same published days on everyone), then by each number: no text per person.
  const byDays = new Map<string, Map<number, Map<number, Map<number, ShareClass>>>>();
  const keyed: Array<[string, ShareClass]> = [];
  const choosable: number[] = [];
  let lastDays: number[] = [];
  let lastGroup: Map<number, Map<number, Map<number, ShareClass>>> | null = null;
  let lastGroupKey = "";
  for (const cls of s.classes) {
    const signature = rulesCount ? cls.matches.map((m) => (m ? "1" : "0")).join("") : "";
    const prefix = `${cls.priority ? 1 : 0}|${signature}|`;
    lastGroup = null; // the prefix changed
    const add = (p: number, pins: Uint8Array | null): void => {
      const person = problem.people[p];
      choosable.length = 0;
      let forced = 0;
      for (let d = 0; d < days; d++) {
        if (person.leave !== null && person.leave[d] === 1) continue;
        if (pins !== null && pins[d] !== PINNED_NONE) {
          if (pins[d] === PINNED_OFFICE) forced++;
          continue;
        }
        choosable.push(d);
      }
      if (lastGroup === null || !sameNumbers(choosable, lastDays)) {
        lastDays = choosable.slice();
        lastGroupKey = `${prefix}${choosable.length === days ? "*" : choosable.join(",")}`;
        lastGroup = byDays.get(lastGroupKey) ?? null;
        if (lastGroup === null) byDays.set(lastGroupKey, (lastGroup = new Map()));
      }
      const weight = availableDays(person, days) + person.priorWorkdays;
      const byHistory = inner(inner(lastGroup, forced), weight);
      let share = byHistory.get(person.history);
      if (share === undefined) {
        const blockDays: number[][] = s.blocks.map(() => []);
        for (const d of choosable) blockDays[blockOf[d]].push(d);
        share = {
          index: -1, priority: cls.priority, members: [], matches: rulesCount ? cls.matches : [], days: choosable.slice(), blockDays,
          forced, history: person.history, weight, target: 0,
        };
        byHistory.set(person.history, share);
        keyed.push([`${lastGroupKey}|${forced}|${weight}|${person.history}`, share]);
      }
      share.members.push(p);
    };
    for (let i = 0; i < cls.steady.length; i++) add(cls.steady[i], null);
    for (let i = 0; i < cls.onLeave.length; i++) add(cls.onLeave[i], cls.onLeavePins[i]);
  }
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rankOrder = new Map<string, number>(RANKS.map((rank, i) => [rank, i]));
  const classes = keyed.map(([, c], index) => {
    c.index = index;
    // By rank and unit first: which rank gets a class's extra turn must not follow the rows'
    // order (the per-group figures would change when employees.csv is shuffled); people of one
    // rank and unit are alike in every figure, so among them input order is harmless.
    c.members.sort((a, b) => {
      const p = problem.people[a];
      const q = problem.people[b];
      return (rankOrder.get(p.rank) ?? -1) - (rankOrder.get(q.rank) ?? -1) || (p.unit < q.unit ? -1 : p.unit > q.unit ? 1 : 0) || a - b;
    });
    return c;
  });
  return classes;
}

/** The map under `key` in `outer`, made when missing. */
function inner<V>(outer: Map<number, Map<number, V>>, key: number): Map<number, V> {
  let map = outer.get(key);
  if (map === undefined) outer.set(key, (map = new Map()));
  return map;
}

/** Whether two lists hold the same numbers in the same order. */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Set each normal class's target (share - history) for `chosenOffice` office days chosen over
 * the horizon (pinned office days are added here); priority classes get a share of their own
 * office days pro rata to their choosable days, so that those who must come take turns too.
 */
export function setTargets(classes: ShareClass[], chosenNormal: number, chosenPriority: number): void {
  const normal = classes.filter((c) => !c.priority);
  const forcedNormal = normal.reduce((sum, c) => sum + c.forced * c.members.length, 0);
  const basis = normal.map((c) => ({ weight: c.weight * c.members.length, history: c.history * c.members.length }));
  const shares = fairShares(basis, chosenNormal + forcedNormal);
  normal.forEach((c, i) => (c.target = shares[i] / c.members.length - c.history));
  const priority = classes.filter((c) => c.priority);
  const forcedPriority = priority.reduce((sum, c) => sum + c.forced * c.members.length, 0);
  const pBasis = priority.map((c) => ({ weight: c.days.length * c.members.length, history: 0 }));
  const pShares = fairShares(pBasis, chosenPriority + forcedPriority);
  priority.forEach((c, i) => (c.target = pShares[i] / c.members.length));
}

/**
 * The levelling view of classes. Daily rotation: a unit is a day. Weekly rotation: a unit is
 * a week of the class's choosable days when all its weeks are equally long (exact), else a
 * day (the rotation then evens out weeks of different lengths, least-served first).
 */
export function levelView(problem: Problem, c: ShareClass): LevelClass {
  if (problem.rotation === "daily") return { size: c.members.length, most: c.days.length, forced: c.forced, unit: 1, target: c.target };
  const lengths = c.blockDays.map((d) => d.length).filter((n) => n > 0);
  const uniform = lengths.every((n) => n === lengths[0]);
  if (uniform && lengths.length > 0) return { size: c.members.length, most: lengths.length, forced: c.forced, unit: lengths[0], target: c.target };
  return { size: c.members.length, most: c.days.length, forced: c.forced, unit: 1, target: c.target };
}

