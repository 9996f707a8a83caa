/**
 * fast-check generators of random valid compiled problems, small enough for the exact
 * per-person model: 1-2 agencies of 2-9 people, 5-10 workdays, daily or weekly rotation,
 * fixed / rotating / health-priority people, leave, caps, floors and composition rules.
 */
import fc from "fast-check";
import type { Rank } from "../../src/domain/values.js";
import type { Problem } from "../../src/domain/problem.js";
import { buildProblem, workdaysBetween, type PersonSpec, type AgencySpec } from "./problemBuilder.js";

const RANK_POOL: Rank[] = ["eselon_3", "eselon_4", "pelaksana", "fungsional"];

export interface ProblemShape {
  withLeave?: boolean;
  withRules?: boolean;
  withHistory?: boolean;
}

export function problemArbitrary(shape: ProblemShape = {}): fc.Arbitrary<Problem> {
  const person = fc.record({
    rank: fc.constantFrom(...RANK_POOL.slice(0, 3)),
    unit: fc.constantFrom("", "", "Umum"),
    attendance: fc.constantFrom("rotating", "rotating", "rotating", "rotating", "priority", "fixed") as fc.Arbitrary<"rotating" | "priority" | "fixed">,
    leaveStart: fc.integer({ min: 0, max: 9 }),
    leaveLength: shape.withLeave ? fc.constantFrom(0, 0, 0, 1, 2, 4) : fc.constant(0),
    history: shape.withHistory ? fc.constantFrom(0, 0, 1, 2, 5) : fc.constant(0),
  });
  const agency = fc.record({
    people: fc.array(person, { minLength: 2, maxLength: 9 }),
    capShare: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
    minOffice: fc.constantFrom(0, 0, 1),
    exempt: fc.constantFrom(false, false, false, true),
    rule: shape.withRules ? fc.option(fc.record({ rank: fc.constantFrom(...RANK_POOL.slice(0, 3)), min: fc.constantFrom(0, 1), max: fc.constantFrom(null, 1, 2) })) : fc.constant(null),
  });
  return fc
    .record({
      agencies: fc.array(agency, { minLength: 1, maxLength: 2 }),
      rotation: fc.constantFrom("daily", "weekly") as fc.Arbitrary<"daily" | "weekly">,
      weeks: fc.constantFrom(1, 2),
      holiday: fc.option(fc.integer({ min: 0, max: 9 })),
    })
    .map(({ agencies, rotation, weeks, holiday }) => {
      let days = workdaysBetween("2021-07-19", weeks === 1 ? "2021-07-23" : "2021-07-30");
      if (holiday !== null && holiday < days.length) days = days.filter((_, i) => i !== holiday);
      const agencySpecs: AgencySpec[] = [];
      const people: PersonSpec[] = [];
      agencies.forEach((a, ai) => {
        const id = `A${ai}`;
        const fixed = a.people.filter((p) => p.attendance === "fixed").length;
        const cap = Math.max(fixed, Math.floor(a.capShare * a.people.length));
        agencySpecs.push({ id, exempt: a.exempt, cap: a.exempt ? null : cap, minOffice: a.exempt ? 0 : a.minOffice, rules: a.exempt || a.rule === null ? [] : [a.rule] });
        a.people.forEach((p, pi) => {
          const leave: number[] = [];
          for (let d = p.leaveStart; d < Math.min(days.length, p.leaveStart + p.leaveLength); d++) leave.push(d);
          people.push({ id: `${id}p${pi}`, agency: id, rank: p.rank, unit: p.unit, attendance: a.exempt ? "fixed" : p.attendance, leave, history: p.history });
        });
      });
      return buildProblem({ rotation, days, agencies: agencySpecs, people });
    });
}
