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
  const total: RequestCounts = { wishes: 0, granted: 0, pins: 0, pinsKept: 0 };
  const agencies: Record<string, RequestCounts> = {};
  for (const person of problem.people) {
    const requests = person.requests;
    if (!requests) continue;
    const id = problem.agencies[person.agency].id;
    const mine = (agencies[id] ??= { wishes: 0, granted: 0, pins: 0, pinsKept: 0 });
    const base = person.index * days;
    for (let d = 0; d < days; d++) {
      const code = requests[d];
      const mode = roster.modes[base + d];
      if (code === WISH_OFFICE || code === WISH_HOME) {
        const granted = mode === (code === WISH_OFFICE ? OFFICE : HOME) ? 1 : 0;
        mine.wishes++;
        mine.granted += granted;
      } else if (code === PIN_OFFICE || code === PIN_HOME) {
        mine.pins++;
        mine.pinsKept += mode === (code === PIN_OFFICE ? OFFICE : HOME) ? 1 : 0;
      }
    }
  }
  for (const counts of Object.values(agencies)) {
    total.wishes += counts.wishes;
    total.granted += counts.granted;
    total.pins += counts.pins;
    total.pinsKept += counts.pinsKept;
  }
  return { ...total, agencies };
}

/** True when any person has a request (metrics.json then carries `requests`). */
export function hasRequests(problem: Problem): boolean {
  return problem.people.some((p) => p.requests);
}
