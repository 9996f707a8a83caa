/**
 * Stage 5, counts into people: who of each share class goes in on each day (or week). The
 * members of a class are identical for every rule and objective, so each class takes turns
 * on one cyclic pointer: over the horizon, and within each week, every member gets the floor
 * or the ceiling of the class's share (objective 5's first half). The pointer walks the days
 * of each week in a different order every week (week w starts w days later), so a member
 * whose turn comes every fifth day is not in on the same weekday all month (its second half).
 *
 * Weekly rotation: a chosen member is in on every choosable day of the week; members take
 * weeks least-served first (office days so far), the pointer breaking ties.
 * Wishes (requests.csv, and a replan's published days): among members equally served so far,
 * those who wish to be in go first and those who wish to be home last. They never change the
 * counts, so objectives 1-4 are untouched.
 */
import { OFFICE, WISH_HOME, WISH_OFFICE, type Problem, type Roster } from "../../src/domain/problem.js";
import { PINNED_OFFICE } from "./pins.js";
import type { AgencyStructure } from "./pools.js";
import type { ShareClass } from "./shareClasses.js";

/** The order the pointer visits the workdays: week by week, each week's days rotated by the week's index. */
export function visitOrder(problem: Problem): number[] {
  const { week } = problem.calendar;
  const byWeek: number[][] = problem.calendar.weekStarts.map(() => []);
  week.forEach((w, d) => byWeek[w].push(d));
  return byWeek.flatMap((days, w) => {
    if (days.length === 0) return [];
    const shift = w % days.length;
    return [...days.slice(shift), ...days.slice(0, shift)];
  });
}

/** Wish of person p for day d: +1 office, -1 home, 0 none. */
function wishOf(problem: Problem, p: number, d: number): number {
  const r = problem.people[p].requests;
  if (!r) return 0;
  return r[d] === WISH_OFFICE ? 1 : r[d] === WISH_HOME ? -1 : 0;
}

/**
 * Choose `count` members: least load first, then (with wish scores) those who most wish to be
 * in, then the pointer's order starting at `start`. Loads and scores are whole numbers in a
 * small range (members stay within a turn of each other; a score is within [-reach, reach]),
 * so each member's rank is one small integer: a count per rank finds the last rank chosen,
 * and one pass in pointer order takes everyone ranked before it and the first of that rank.
 * Linear, with no string or sort per member: a replan calls this for every class on every day.
 */
function choose(load: Float64Array, score: ArrayLike<number> | null, reach: number, count: number, start: number): number[] {
  const m = load.length;
  let least = Infinity;
  let most = -Infinity;
  for (let k = 0; k < m; k++) {
    least = Math.min(least, load[k]);
    most = Math.max(most, load[k]);
  }
  const span = 2 * reach + 1;
  const rank = new Int32Array(m);
  const perRank = new Int32Array((most - least + 1) * span);
  for (let k = 0; k < m; k++) {
    rank[k] = (load[k] - least) * span + reach - (score === null ? 0 : score[k]);
    perRank[rank[k]]++;
  }
  let last = 0;
  let before = 0;
  while (last < perRank.length - 1 && before + perRank[last] < count) before += perRank[last++];
  let ofLast = count - before;
  const chosen: number[] = [];
  for (let i = 0; i < m; i++) {
    const k = (start + i) % m;
    if (rank[k] < last) chosen.push(k);
    else if (rank[k] === last && ofLast > 0) {
      chosen.push(k);
      ofLast--;
    }
  }
  return chosen;
}

/** Each member's wish for each workday (+1 office, -1 home, 0 none), day by day: `[d * m + k]` for member k of m. */
function wishesByDay(requests: ReadonlyArray<Uint8Array | null | undefined>, days: number): Int8Array {
  const m = requests.length;
  const wish = new Int8Array(days * m);
  for (let k = 0; k < m; k++) {
    const r = requests[k];
    if (!r) continue;
    for (let d = 0; d < days; d++) {
      const code = r[d];
      if (code === WISH_OFFICE) wish[d * m + k] = 1;
      else if (code === WISH_HOME) wish[d * m + k] = -1;
    }
  }
  return wish;
}

/** The wish score of each member for `on` (the sum of their wishes on those days). */
function wishScores(requests: ReadonlyArray<Uint8Array | null | undefined>, on: readonly number[]): Int32Array {
  return Int32Array.from(requests, (r) => {
    let score = 0;
    if (r) for (const d of on) score += r[d] === WISH_OFFICE ? 1 : r[d] === WISH_HOME ? -1 : 0;
    return score;
  });
}

/** Write every class's office turns into the roster (fixed, leave and home are already set). */
export function assignTurns(problem: Problem, s: AgencyStructure, classes: readonly ShareClass[], counts: readonly (ArrayLike<number>)[], roster: Roster): void {
  const days = roster.days;
  const modes = roster.modes;
  const { people: pinnedPeople, pins } = s.pinned;
  for (let i = 0; i < pinnedPeople.length; i++) {
    const base = pinnedPeople[i] * days;
    const pinned = pins[i].modes;
    for (let d = 0; d < days; d++) if (pinned[d] === PINNED_OFFICE) modes[base + d] = OFFICE;
  }
  const order = problem.rotation === "daily" ? visitOrder(problem) : [];

  for (const c of classes) {
    const members = c.members;
    const m = members.length;
    const wishes = members.some((p) => problem.people[p].requests != null && c.days.some((d) => wishOf(problem, p, d) !== 0));
    const load = new Float64Array(m);
    const requests = wishes ? members.map((p) => problem.people[p].requests) : [];
    let pointer = 0;
    const serve = (k: number, on: readonly number[]): void => {
      for (let i = 0; i < on.length; i++) modes[members[k] * days + on[i]] = OFFICE;
      load[k] += on.length;
    };
    const serveAll = (chosen: readonly number[], on: readonly number[]): void => {
      for (let i = 0; i < chosen.length; i++) serve(chosen[i], on);
    };

    if (problem.rotation === "daily") {
      const wishOn = wishes ? wishesByDay(requests, days) : null;
      for (const d of order) {
        const n = counts[c.index][d];
        if (n === 0) continue;
        const on = [d];
        if (wishOn === null) {
          for (let i = 0; i < n; i++) {
            serve(pointer, on);
            if (++pointer === m) pointer = 0;
          }
        } else {
          serveAll(choose(load, wishOn.subarray(d * m, d * m + m), 1, n, pointer), on);
          pointer = (pointer + n) % m;
        }
      }
    } else {
      s.blocks.forEach((block) => {
        const n = counts[c.index][block.index];
        if (n === 0) return;
        const on = c.blockDays[block.index];
        serveAll(choose(load, wishes ? wishScores(requests, on) : null, on.length, n, pointer), on);
        pointer = (pointer + n) % m;
      });
    }
  }
}
