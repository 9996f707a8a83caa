/**
 * How requests.csv fared in a roster: wishes granted (objectives 1-4 first, so not every
 * wish can be), pins kept (all of them in a verified roster). Reported in metrics.json
 * (`requests`) and the summary line.
 */
import { HOME, OFFICE, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, type Problem, type Roster } from "../domain/problem.js";

export interface RequestCounts {
  wishes: number;
  granted: number;
  pins: number;
  pinsKept: number;
}

export interface RequestFigures extends RequestCounts {
  /** Per agency id, only agencies with at least one request. */
  agencies: Record<string, RequestCounts>;
}

/**
 * Wishes and pins of every person, and how many the roster grants and keeps. A wish on a
 * leave day is counted and cannot be granted.
 *
 * @example wishesGranted(problem, roster) //=> { wishes: 40, granted: 37, pins: 2, pinsKept: 2, agencies: { ... } }
 */
export function wishesGranted(problem: Problem, roster: Roster): RequestFigures {
  const days = roster.days;
  // Counts per agency by index (4 each: wishes, granted, pins, pins kept); agencies in the order
  // their first person with a request comes, as metrics.json lists them.
  const counts = new Int32Array(problem.agencies.length * 4);
  const order: number[] = [];
  const seen = new Uint8Array(problem.agencies.length);
  for (let i = 0; i < problem.people.length; i++) {
    const person = problem.people[i];
    const requests = person.requests;
    if (!requests) continue;
    const a = person.agency;
    if (seen[a] === 0) {
      seen[a] = 1;
      order.push(a);
    }
    const base = person.index * days;
    for (let d = 0; d < days; d++) {
      const code = requests[d];
      const mode = roster.modes[base + d];
      if (code === WISH_OFFICE || code === WISH_HOME) {
        counts[a * 4]++;
        if (mode === (code === WISH_OFFICE ? OFFICE : HOME)) counts[a * 4 + 1]++;
      } else if (code === PIN_OFFICE || code === PIN_HOME) {
        counts[a * 4 + 2]++;
        if (mode === (code === PIN_OFFICE ? OFFICE : HOME)) counts[a * 4 + 3]++;
      }
    }
  }
  const total: RequestCounts = { wishes: 0, granted: 0, pins: 0, pinsKept: 0 };
  const agencies: Record<string, RequestCounts> = {};
  for (const a of order) {
    const mine: RequestCounts = { wishes: counts[a * 4], granted: counts[a * 4 + 1], pins: counts[a * 4 + 2], pinsKept: counts[a * 4 + 3] };
    agencies[problem.agencies[a].id] = mine;
    total.wishes += mine.wishes;
    total.granted += mine.granted;
    total.pins += mine.pins;
    total.pinsKept += mine.pinsKept;
  }
  return { ...total, agencies };
}

/** True when any person has a request (metrics.json then carries `requests`). */
export function hasRequests(problem: Problem): boolean {
  return problem.people.some((p) => p.requests);
}
