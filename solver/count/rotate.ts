/**
 * Turning counts into people. Each class's steady members rotate on a cyclic stream: block
 * after block, the next `count` members in order take their turn, so over the horizon and
 * over any run of consecutive blocks (every week included) each member gets the floor or the
 * ceiling of the group's share. With unequal history, the least-served go first (the same
 * order as the cycle when histories are equal). Members with leave are picked among those
 * available, least-served first.
 */
import { OFFICE, type Problem, type Roster } from "../../src/domain/problem.js";
import type { AgencyStructure } from "./pools.js";

/**
 * Turns of the people of one agency, in typed arrays indexed by person (the solver handles
 * one agency at a time per thread, so one pair of arrays is reused).
 */
let load = new Float64Array(0);
let last = new Int32Array(0);

function turnsFor(people: number): void {
  if (load.length < people) {
    load = new Float64Array(people);
    last = new Int32Array(people);
  }
}

/**
 * Pick `count` of `members` by least load, then longest since the last turn, then lower
 * history, then leave pattern, then input order. The middle keys make ties independent of
 * the order of rows in employees.csv: only people alike in everything the figures measure
 * are left to input order, and swapping them changes no figure.
 */
function leastServed(members: number[], count: number, tie: TieKeys): number[] {
  if (count >= members.length) return members.slice(0, count);
  const order = members.map((_, k) => k);
  order.sort((a, b) => {
    const [p, q] = [members[a], members[b]];
    return load[p] - load[q] || last[p] - last[q] || tie.history(p) - tie.history(q) || compareText(tie.leave(p), tie.leave(q)) || a - b;
  });
  return order.slice(0, count).map((k) => members[k]);
}

interface TieKeys {
  history(p: number): number;
  leave(p: number): string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Write the office turns of an agency's rotating people into the roster, given the chosen
 * count of every pool of every block (`counts[block][pool]`).
 */
export function assignTurns(problem: Problem, s: AgencyStructure, counts: number[][], roster: Roster): void {
  const days = roster.days;
  const modes = roster.modes;
  turnsFor(problem.people.length);
  const cyclic = s.classes.map((cls) => cls.steady.every((p) => problem.people[p].history === problem.people[cls.steady[0]].history));
  for (const cls of s.classes) {
    for (const p of cls.steady) {
      load[p] = problem.people[p].history;
      last[p] = -1;
    }
    for (const p of cls.onLeave) {
      load[p] = problem.people[p].history;
      last[p] = -1;
    }
  }
  const pointer = new Int32Array(s.classes.length);
  const leaveKeys = new Map<number, string>();
  const tie: TieKeys = {
    history: (p) => problem.people[p].history,
    leave: (p) => {
      let key = leaveKeys.get(p);
      if (key === undefined) leaveKeys.set(p, (key = problem.people[p].leave?.join("") ?? ""));
      return key;
    },
  };

  const serve = (p: number, blockDays: number[], block: number): void => {
    const base = p * days;
    for (let k = 0; k < blockDays.length; k++) modes[base + blockDays[k]] = OFFICE;
    load[p]++;
    last[p] = block;
  };

  for (const block of s.blocks) {
    const chosen = counts[block.index];
    for (let i = 0; i < block.pools.length; i++) {
      const count = chosen[i];
      if (count === 0) continue;
      const pool = block.pools[i];
      const cls = s.classes[pool.cls];
      if (!pool.steady) {
        for (const p of leastServed(pool.members, count, tie)) serve(p, pool.days, block.index);
      } else if (cyclic[pool.cls]) {
        const members = cls.steady;
        const n = members.length;
        let at = pointer[pool.cls];
        for (let k = 0; k < count; k++) {
          serve(members[at], pool.days, block.index);
          if (++at === n) at = 0;
        }
        pointer[pool.cls] = at;
      } else {
        for (const p of leastServed(cls.steady, count, tie)) serve(p, pool.days, block.index);
      }
    }
  }
}
