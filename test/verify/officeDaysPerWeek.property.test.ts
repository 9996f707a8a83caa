/**
 * `officeDaysPerWeek` against a reference written straight from the rule's wording (README,
 * docs/policies.md), on random problems: leave, holidays (fewer workdays than nominal), weeks
 * the horizon cuts, days with a cap of 0, fixed and health-priority people, random rosters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OFFICE, LEAVE, HOME, type Problem, type Roster } from "../../src/domain/problem.js";
import { officeDaysPerWeek } from "../../src/verify/rules.js";
import { buildProblem, workdaysBetween } from "../helpers/problemBuilder.js";

const THREE_WEEKS = workdaysBetween("2025-04-14", "2025-05-02");

/**
 * The rule in plain words: in a full week, office days within [min - days not open, min(max,
 * days not on leave)]: a closed day (cap 0) lowers the minimum, but whoever a rule still needs
 * in may come that day, so it does not lower the maximum.
 */
function reference(problem: Problem, roster: Roster): string[] {
  const rule = problem.perPerson!;
  const found: string[] = [];
  for (const agency of problem.agencies) {
    problem.calendar.weekStarts.forEach((monday, w) => {
      if (!rule.fullWeeks[w]) return;
      const nominal = rule.nominalDays![w];
      for (const p of agency.people) {
        const person = problem.people[p];
        if (person.attendance === "fixed") continue;
        let open = 0;
        let canCome = 0;
        let office = 0;
        problem.calendar.days.forEach((_, d) => {
          if (problem.calendar.week[d] !== w) return;
          if (roster.modes[p * roster.days + d] === OFFICE) office++;
          const onLeave = person.leave !== null && person.leave[d] === 1;
          const cap = agency.dayCaps?.[d] ?? agency.cap;
          if (!onLeave && cap !== 0) open++;
          if (!onLeave) canCome++;
        });
        const low = Math.max(0, rule.min - (nominal - open));
        const high = Math.min(rule.max, canCome);
        if (office < low || office > high) found.push(`${person.id} ${monday} ${office} ${low}-${high}`);
      }
    });
  }
  return found;
}

const arbCase = fc.record({
  holidays: fc.uniqueArray(fc.nat({ max: 14 }), { maxLength: 3 }),
  cutFirst: fc.boolean(),
  min: fc.integer({ min: 0, max: 5 }),
  spread: fc.integer({ min: 0, max: 3 }),
  closed: fc.uniqueArray(fc.nat({ max: 14 }), { maxLength: 2 }),
  people: fc.array(fc.record({
    attendance: fc.constantFrom("fixed" as const, "rotating" as const, "rotating" as const, "priority" as const),
    leave: fc.uniqueArray(fc.nat({ max: 14 }), { maxLength: 4 }),
  }), { minLength: 1, maxLength: 6 }),
  modes: fc.array(fc.constantFrom(HOME, OFFICE, OFFICE), { minLength: 90, maxLength: 90 }),
});

describe("officeDaysPerWeek against its reference", () => {
  it("reports exactly the person-weeks the reference finds", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const days = THREE_WEEKS.filter((_, i) => !c.holidays.includes(i));
        const problem = buildProblem({
          days,
          agencies: [{ id: "A", cap: 3 }],
          people: c.people.map((p, i) => ({ id: `p${i}`, attendance: p.attendance, leave: p.leave.filter((d) => d < days.length) })),
        });
        const nominalDays = [c.cutFirst ? 0 : 5, 5, 5].slice(0, problem.calendar.weekStarts.length);
        problem.perPerson = { min: c.min, max: Math.min(7, c.min + c.spread), fullWeeks: nominalDays.map((n) => n > 0), nominalDays };
        problem.agencies[0].dayCaps = days.map((_, d) => (c.closed.includes(d) ? 0 : null));
        const roster: Roster = { days: days.length, modes: new Uint8Array(problem.people.length * days.length) };
        problem.people.forEach((person, p) => days.forEach((_, d) => {
          roster.modes[p * days.length + d] = person.leave !== null && person.leave[d] === 1 ? LEAVE : c.modes[(p * days.length + d) % c.modes.length];
        }));
        const fast = officeDaysPerWeek(problem, roster).map((v) => `${v.employeeId} ${v.date} ${v.values.office} ${v.values.low}-${v.values.high}`);
        expect(fast).toEqual(reference(problem, roster));
      }),
      { numRuns: 300, seed: 2025 },
    );
  });
});
