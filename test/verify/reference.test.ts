/**
 * The fast verifier and tally (typed arrays, two passes) against plain reference versions
 * written straight from DESIGN.md's wording over `Person` objects and `ruleMatches` /
 * `fairnessGroupKey`, on random small problems and rosters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOME, LEAVE, OFFICE, fairnessGroupKey, ruleMatches, type Problem, type Roster } from "../../src/domain/problem.js";
import { objectiveValues } from "../../src/metrics/objectives.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { buildProblem, workdaysBetween, type PersonSpec } from "../helpers/problemBuilder.js";

const ALL_DAYS = workdaysBetween("2021-07-19", "2021-08-06");
const RANKS = ["eselon_3", "eselon_4", "pelaksana"] as const;
const UNITS = ["", "Umum", "umum", "Perpustakaan"];

const arbCase = fc
  .record({
    days: fc.integer({ min: 1, max: 15 }),
    rotation: fc.constantFrom("daily" as const, "weekly" as const),
    agencies: fc.array(
      fc.record({
        exempt: fc.boolean(),
        cap: fc.integer({ min: 0, max: 6 }),
        minOffice: fc.integer({ min: 0, max: 3 }),
        rules: fc.array(
          fc.record({
            rank: fc.constantFrom(null, ...RANKS),
            unit: fc.constantFrom(null, "umum", "UMUM", "Perpustakaan", "Nowhere"),
            min: fc.integer({ min: 0, max: 2 }),
            extra: fc.option(fc.integer({ min: 0, max: 2 })),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    people: fc.array(
      fc.record({
        agency: fc.nat(),
        rank: fc.constantFrom(...RANKS),
        unit: fc.constantFrom(...UNITS),
        attendance: fc.constantFrom("fixed" as const, "rotating" as const, "rotating" as const, "priority" as const),
        leave: fc.array(fc.nat({ max: 14 }), { maxLength: 3 }),
        history: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 10 },
    ),
    modeSeed: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 150, maxLength: 150 }),
  })
  .map((c) => {
    const days = ALL_DAYS.slice(0, c.days);
    const problem = buildProblem({
      days,
      rotation: c.rotation,
      agencies: c.agencies.map((a, i) => ({
        id: `A${i}`,
        exempt: a.exempt,
        cap: a.cap,
        minOffice: a.minOffice,
        rules: a.exempt ? [] : a.rules.map((r) => ({ rank: r.rank, unit: r.unit, min: r.min, max: r.extra === null ? null : r.min + r.extra })),
      })),
      people: c.people.map((p, i): PersonSpec => ({
        id: `P${i}`,
        agency: `A${p.agency % c.agencies.length}`,
        rank: p.rank,
        unit: p.unit,
        attendance: c.agencies[p.agency % c.agencies.length].exempt ? "fixed" : p.attendance,
        leave: [...new Set(p.leave.filter((d) => d < days.length))],
        history: p.history,
      })),
    });
    // Mostly valid-looking modes: home/office, leave on leave days, a few wrong ones and unknown codes.
    const modes = new Uint8Array(problem.people.length * days.length);
    for (let i = 0; i < modes.length; i++) {
      const s = c.modeSeed[i % c.modeSeed.length];
      const person = problem.people[Math.floor(i / days.length)];
      const onLeave = person.leave !== null && person.leave[i % days.length] === 1;
      modes[i] = s === 20 ? 7 : s === 19 ? LEAVE : s === 18 ? (onLeave ? OFFICE : LEAVE) : onLeave ? LEAVE : s % 2 === 0 ? HOME : OFFICE;
    }
    return { problem, roster: { days: days.length, modes } as Roster };
  });

type Row = [string, string, string, string];

/** The hard rules as DESIGN.md words them, in report order (rule, agency, date, person). */
function reference(problem: Problem, roster: Roster): Row[] {
  const { days } = problem.calendar;
  const mode = (p: number, d: number) => roster.modes[p * days.length + d];
  const onLeave = (p: number, d: number) => problem.people[p].leave?.[d] === 1;
  const rows: Row[] = [];
  const perPersonDay = (rule: string, bad: (p: number, d: number) => boolean) => {
    for (const a of problem.agencies) for (let d = 0; d < days.length; d++) for (const p of a.people) if (bad(p, d)) rows.push([rule, a.id, days[d], problem.people[p].id]);
  };
  perPersonDay("unknownMode", (p, d) => ![HOME, OFFICE, LEAVE].includes(mode(p, d) as 0));
  perPersonDay("leaveIsLeave", (p, d) => onLeave(p, d) !== (mode(p, d) === LEAVE));
  perPersonDay("fixedAlwaysIn", (p, d) => problem.people[p].attendance === "fixed" && !onLeave(p, d) && mode(p, d) !== OFFICE);
  const office = (a: Problem["agencies"][number], d: number, match = (_p: number) => true) => a.people.filter((p) => match(p) && mode(p, d) === OFFICE).length;
  for (const a of problem.agencies) for (let d = 0; d < days.length; d++) if (!a.exempt && a.cap !== null && office(a, d) > a.cap) rows.push(["capPerAgencyDay", a.id, days[d], ""]);
  for (const a of problem.agencies) for (let d = 0; d < days.length; d++) if (!a.exempt && office(a, d) < a.minOffice) rows.push(["minOfficePerAgencyDay", a.id, days[d], ""]);
  for (const a of problem.agencies) {
    for (let d = 0; d < days.length; d++) {
      for (const rule of a.rules) {
        const n = office(a, d, (p) => ruleMatches(rule, problem.people[p]));
        if (n < rule.min || (rule.max !== null && n > rule.max)) rows.push(["compositionRule", a.id, days[d], ""]);
      }
    }
  }
  if (problem.rotation === "weekly") {
    for (const a of problem.agencies) {
      problem.calendar.weekStarts.forEach((start, w) => {
        for (const p of a.people) {
          if (problem.people[p].attendance === "fixed") continue;
          const inWeek = days.map((_, d) => d).filter((d) => problem.calendar.week[d] === w).map((d) => mode(p, d));
          if (inWeek.includes(OFFICE) && inWeek.includes(HOME)) rows.push(["weeklyBlocks", a.id, start, problem.people[p].id]);
        }
      });
    }
  }
  return rows;
}

/** The objective values as DESIGN.md words them, per agency, written from the text with plain loops. */
function referenceObjectives(problem: Problem, roster: Roster) {
  const { days, week, weekStarts } = problem.calendar;
  const mode = (p: number, d: number) => roster.modes[p * days.length + d];
  return problem.agencies.map((agency) => {
    const people = agency.people.map((p) => problem.people[p]);
    let capUse = 0;
    let priorityOfficeDays = 0;
    for (const person of people) {
      const office = days.filter((_, d) => mode(person.index, d) === OFFICE).length;
      if (!agency.exempt) capUse += office;
      if (person.attendance === "priority") priorityOfficeDays += office;
    }
    // Rotating, non-priority people of a non-exempt agency share its office days pro rata to (avail + prior).
    const counted = agency.exempt ? [] : people.filter((person) => person.attendance === "rotating");
    const office = counted.map((person) => days.filter((_, d) => mode(person.index, d) === OFFICE).length);
    const away = (person: (typeof people)[number], d: number) => person.leave !== null && person.leave[d] === 1;
    const avail = counted.map((person) => days.filter((_, d) => !away(person, d)).length);
    const weight = counted.map((person, i) => avail[i] + person.priorWorkdays);
    const total = counted.reduce((sum, person, i) => sum + person.history + office[i], 0);
    const weights = weight.reduce((a, b) => a + b, 0);
    const devs = counted.map((person, i) => person.history + office[i] - (weights === 0 ? 0 : (total * weight[i]) / weights));
    let weeklyDeviation = 0;
    if (problem.rotation === "daily") {
      weekStarts.forEach((_, w) => {
        const inWeek = (p: number, m: number) => days.filter((_, d) => week[d] === w && mode(p, d) === m).length;
        const officeW = counted.map((person) => inWeek(person.index, OFFICE));
        const availW = counted.map((person) => days.filter((_, d) => week[d] === w && !away(person, d)).length);
        const sumO = officeW.reduce((a, b) => a + b, 0);
        const sumA = availW.reduce((a, b) => a + b, 0);
        if (sumA === 0) return;
        counted.forEach((_, i) => (weeklyDeviation = Math.max(weeklyDeviation, Math.abs(officeW[i] - (sumO * availW[i]) / sumA))));
      });
    }
    return {
      capUse, priorityOfficeDays,
      maxDeviation: devs.reduce((m, x) => Math.max(m, Math.abs(x)), 0),
      sumSquaredDeviation: devs.reduce((sum, x) => sum + x * x, 0),
      weeklyDeviation,
    };
  });
}

describe("the fast verifier", () => {
  it("reports exactly the reference's violations, in the same order", () => {
    fc.assert(
      fc.property(arbCase, ({ problem, roster }) => {
        const result = verifyRoster(problem, roster);
        const rows = result.violations.map((v): Row => [v.rule, v.agencyId, v.date ?? "", v.employeeId ?? ""]);
        expect(rows).toEqual(reference(problem, roster));
        expect(result.count).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the first violations of each rule and counts them all under a small limit", () => {
    fc.assert(
      fc.property(arbCase, ({ problem, roster }) => {
        const full = verifyRoster(problem, roster);
        const limited = verifyRoster(problem, roster, 2);
        expect(limited.total).toEqual(full.total);
        const expected = full.violations.filter((v, i, all) => all.slice(0, i).filter((u) => u.rule === v.rule).length < 2);
        expect(limited.violations).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe("objectiveValues", () => {
  it("equals the reference on random rosters", () => {
    fc.assert(
      fc.property(arbCase, ({ problem, roster }) => {
        const ours = objectiveValues(problem, roster).perAgency;
        const reference = referenceObjectives(problem, roster);
        ours.forEach((o, a) => {
          const r = reference[a];
          expect({ capUse: o.capUse, priorityOfficeDays: o.priorityOfficeDays }).toEqual({ capUse: r.capUse, priorityOfficeDays: r.priorityOfficeDays });
          expect(o.maxDeviation).toBeCloseTo(r.maxDeviation, 6);
          expect(o.sumSquaredDeviation).toBeCloseTo(r.sumSquaredDeviation, 6);
          expect(o.weeklyDeviation).toBeCloseTo(r.weeklyDeviation, 6);
        });
      }),
      { numRuns: 300 },
    );
  });
});
