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

interface Turn {
  /** history + office units so far */
  load: number;
  /** block of the last office turn, -1 if none */
  last: number;
}

/** Pick `count` of `members` by least load, then longest since the last turn, then input order. */
function leastServed(members: number[], count: number, turns: Map<number, Turn>): number[] {
  if (count >= members.length) return members.slice(0, count);
  const ranked = members.map((p, order) => ({ p, order, turn: turns.get(p)! }));
  ranked.sort((a, b) => a.turn.load - b.turn.load || a.turn.last - b.turn.last || a.order - b.order);
  return ranked.slice(0, count).map((r) => r.p);
}

/**
 * Write the office turns of an agency's rotating people into the roster, given the chosen
 * count of every pool of every block (`counts[block][pool]`).
 */
export function assignTurns(problem: Problem, s: AgencyStructure, counts: number[][], roster: Roster): void {
  const days = roster.days;
  const turns = new Map<number, Turn>();
  for (const cls of s.classes) for (const p of [...cls.steady, ...cls.onLeave]) turns.set(p, { load: problem.people[p].history, last: -1 });
  const cyclic = s.classes.map((cls) => cls.steady.every((p) => problem.people[p].history === problem.people[cls.steady[0]].history));
  const pointer = new Int32Array(s.classes.length);

  const serve = (p: number, blockDays: number[], block: number): void => {
    for (const d of blockDays) roster.modes[p * days + d] = OFFICE;
    const turn = turns.get(p)!;
    turn.load++;
    turn.last = block;
  };

  for (const block of s.blocks) {
    block.pools.forEach((pool, i) => {
      const count = counts[block.index][i];
      if (count === 0) return;
      const cls = s.classes[pool.cls];
      if (!pool.steady) {
        for (const p of leastServed(pool.members, count, turns)) serve(p, pool.days, block.index);
      } else if (cyclic[pool.cls]) {
        const n = cls.steady.length;
        for (let k = 0; k < count; k++) serve(cls.steady[(pointer[pool.cls] + k) % n], pool.days, block.index);
        pointer[pool.cls] = (pointer[pool.cls] + count) % n;
      } else {
        for (const p of leastServed(cls.steady, count, turns)) serve(p, pool.days, block.index);
      }
    });
  }
}
