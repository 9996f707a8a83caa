/**
 * A columnar view of a problem's people: agency, attendance, rank, unit and "has leave" in
 * typed arrays. Reading a million scattered `Person` objects costs a cache miss each, so
 * the verifier and the metrics read them once into these arrays and loop over bytes after.
 */
import type { Problem } from "../domain/problem.js";
import { RANKS, unitKey } from "../domain/values.js";

export const ATTEND_FIXED = 0;
export const ATTEND_ROTATING = 1;
export const ATTEND_PRIORITY = 2;

export interface Facts {
  /** Per person: index of the agency. */
  agencyOf: Int32Array;
  /** Per person: ATTEND_FIXED, ATTEND_ROTATING or ATTEND_PRIORITY. */
  attendance: Uint8Array;
  /** Per person: 1 when the person has at least one leave day in the horizon. */
  hasLeave: Uint8Array;
  /** Per person: index of the rank in `RANKS`. */
  rankOf: Uint8Array;
  /** Per person: office days (weeks) worked before the horizon. */
  history: Float64Array;
  /** Per person: id of the unit exactly as written (`units[id]`). */
  unitOf: Int32Array;
  units: string[];
  /** Per person: id of the unit's `unitKey` (`lowerIds` maps the key to it), for rules.csv matching. */
  lowerOf: Int32Array;
  lowerIds: Map<string, number>;
}

const RANK_INDEX = new Map<string, number>(RANKS.map((r, i) => [r, i]));
const ATTENDANCE = { fixed: ATTEND_FIXED, rotating: ATTEND_ROTATING, priority: ATTEND_PRIORITY } as const;

/** Read the people of a problem into typed arrays (one pass over the `Person` objects). */
export function factsOf(problem: Problem): Facts {
  const n = problem.people.length;
  const facts: Facts = {
    agencyOf: new Int32Array(n),
    attendance: new Uint8Array(n),
    hasLeave: new Uint8Array(n),
    rankOf: new Uint8Array(n),
    history: new Float64Array(n),
    unitOf: new Int32Array(n),
    units: [],
    lowerOf: new Int32Array(n),
    lowerIds: new Map(),
  };
  const unitIds = new Map<string, number>();
  const unitLower: number[] = [];
  for (let p = 0; p < n; p++) {
    const person = problem.people[p];
    facts.agencyOf[p] = person.agency;
    facts.attendance[p] = ATTENDANCE[person.attendance];
    facts.rankOf[p] = RANK_INDEX.get(person.rank)!;
    facts.history[p] = person.history;
    let u = unitIds.get(person.unit);
    if (u === undefined) {
      u = facts.units.length;
      unitIds.set(person.unit, u);
      facts.units.push(person.unit);
      const lower = unitKey(person.unit);
      let l = facts.lowerIds.get(lower);
      if (l === undefined) {
        l = facts.lowerIds.size;
        facts.lowerIds.set(lower, l);
      }
      unitLower.push(l);
    }
    facts.unitOf[p] = u;
    facts.lowerOf[p] = unitLower[u];
    const leave = person.leave;
    if (leave !== null) {
      for (let d = 0; d < leave.length; d++) {
        if (leave[d] === 1) {
          facts.hasLeave[p] = 1;
          break;
        }
      }
    }
  }
  return facts;
}
