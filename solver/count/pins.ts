/**
 * Pins (requests.csv `pin`, and the published days of a replan) as the solver sees them:
 * one mode per workday the person must have. In weekly rotation a rotating person's mode is
 * the same on every workday of a week they are not on leave, so a pin on one day fixes the
 * whole week; two pins of different modes in one week cannot both hold.
 */
import { PIN_HOME, PIN_OFFICE, type Person, type Problem } from "../../src/domain/problem.js";

export const PINNED_NONE = 0;
export const PINNED_OFFICE = 1;
export const PINNED_HOME = 2;

export interface Pinned {
  /** Per workday: PINNED_NONE, PINNED_OFFICE or PINNED_HOME (never on a leave day). */
  modes: Uint8Array;
  /** Weeks (weekly rotation) holding pins of both modes: the pins cannot all hold. */
  conflicts: readonly number[];
}

/** The pinned mode of each workday for a rotating person; null when nothing is pinned. */
export function pinnedModes(problem: Problem, person: Person): Pinned | null {
  const requests = person.requests;
  if (!requests || person.attendance === "fixed") return null;
  const days = problem.calendar.days.length;
  const leave = person.leave;
  let modes: Uint8Array | null = null;
  for (let d = 0; d < days; d++) {
    if (leave !== null && leave[d] === 1) continue;
    const pinned = requests[d] === PIN_OFFICE ? PINNED_OFFICE : requests[d] === PIN_HOME ? PINNED_HOME : PINNED_NONE;
    if (pinned === PINNED_NONE) continue;
    modes ??= new Uint8Array(days);
    modes[d] = pinned;
  }
  if (modes === null) return null;
  if (problem.rotation !== "weekly") return { modes, conflicts: NO_CONFLICTS };
  const conflicts: number[] = [];
  const week = problem.calendar.week;
  const weekMode = new Uint8Array(problem.calendar.weekStarts.length);
  for (let d = 0; d < days; d++) {
    if (modes[d] === PINNED_NONE) continue;
    const w = week[d];
    if (weekMode[w] === PINNED_NONE) weekMode[w] = modes[d];
    else if (weekMode[w] !== modes[d] && !conflicts.includes(w)) conflicts.push(w);
  }
  for (let d = 0; d < days; d++) if ((leave === null || leave[d] !== 1) && weekMode[week[d]] !== PINNED_NONE) modes[d] = weekMode[week[d]];
  return { modes, conflicts };
}

/** Daily rotation: pins never conflict (one list for everyone, never added to). */
const NO_CONFLICTS: readonly number[] = Object.freeze([]);
