/** Holding a roster's objective values to the exact model's, agency by agency. */
import { expect } from "vitest";
import { OBJECTIVE_TOLERANCE, type AgencyObjectives } from "../../src/metrics/objectives.js";

/** Objectives 1-4 (or 1-5 with `upTo: 5`) equal, shares' floating noise aside. */
export function expectSameObjectives(ours: readonly AgencyObjectives[], exact: readonly AgencyObjectives[], upTo: 4 | 5 = 4): void {
  expect(ours.length).toBe(exact.length);
  ours.forEach((o, i) => {
    const e = exact[i];
    const pick = (x: AgencyObjectives) => ({
      capUse: x.capUse,
      priorityOfficeDays: x.priorityOfficeDays,
      maxDeviation: Math.round(x.maxDeviation / OBJECTIVE_TOLERANCE / 10) * OBJECTIVE_TOLERANCE * 10,
      sumSquaredDeviation: Math.round(x.sumSquaredDeviation / OBJECTIVE_TOLERANCE / 10) * OBJECTIVE_TOLERANCE * 10,
      ...(upTo === 5 ? { weeklyDeviation: Math.round(x.weeklyDeviation / OBJECTIVE_TOLERANCE / 10) * OBJECTIVE_TOLERANCE * 10 } : {}),
    });
    expect({ agency: i, ...pick(o) }).toEqual({ agency: i, ...pick(e) });
  });
}

/** Which objective (1-4) first differs, with the sign: negative when ours is better; 0 when equal. */
export function firstDifference(ours: AgencyObjectives, exact: AgencyObjectives): number {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  if (ours.capUse !== exact.capUse) return ours.capUse > exact.capUse ? -1 : 1;
  if (ours.priorityOfficeDays !== exact.priorityOfficeDays) return ours.priorityOfficeDays < exact.priorityOfficeDays ? -2 : 2;
  if (!near(ours.maxDeviation, exact.maxDeviation)) return ours.maxDeviation < exact.maxDeviation ? -3 : 3;
  if (!near(ours.sumSquaredDeviation, exact.sumSquaredDeviation)) return ours.sumSquaredDeviation < exact.sumSquaredDeviation ? -4 : 4;
  return 0;
}
