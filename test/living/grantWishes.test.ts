import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, type Problem } from "../../src/domain/problem.js";
import { grantWishes } from "../../src/replan/grantWishes.js";
import { wishesGranted } from "../../src/metrics/requests.js";
import { objectiveValues } from "../../src/metrics/objectives.js";
import { compositionRule, verifyRoster } from "../../src/verify/rules.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

const WEEK = workdaysBetween("2021-07-19", "2021-07-23");
const CODES: Record<string, number> = { ".": 0, O: WISH_OFFICE, H: WISH_HOME, o: PIN_OFFICE, h: PIN_HOME };

function withRequests(problem: Problem, requests: Record<string, string>): Problem {
  for (const [id, codes] of Object.entries(requests)) problem.people.find((p) => p.id === id)!.requests = Uint8Array.from([...codes].map((c) => CODES[c]));
  return problem;
}

function letters(problem: Problem, roster: { modes: Uint8Array; days: number }): Record<string, string> {
  return Object.fromEntries(problem.people.map((p) => [p.id, [...roster.modes.slice(p.index * roster.days, (p.index + 1) * roster.days)].map((m) => "HOL"[m]).join("")]));
}

/**
 * Grant wishes on a roster, then: objectives 1-4 as they were (the weekly figures of objective
 * 5 rank below wishes), no fewer wishes granted, every hard rule kept.
 */
function expectGrantKeepsObjectives(problem: Problem, roster: { modes: Uint8Array; days: number }): void {
  const before = objectiveValues(problem, roster);
  const granted = wishesGranted(problem, roster).granted;
  grantWishes(problem, roster);
  const after = objectiveValues(problem, roster);
  expect([after.capUse, after.priorityOfficeDays, after.maxDeviation, after.sumSquaredDeviation])
    .toEqual([before.capUse, before.priorityOfficeDays, before.maxDeviation, before.sumSquaredDeviation]);
  expect(wishesGranted(problem, roster).granted).toBeGreaterThanOrEqual(granted);
  expect(verifyRoster(problem, roster).ok).toBe(true);
}

describe("grantWishes", () => {
  it("trades days between two people of one class so that both get their wishes", () => {
    const problem = withRequests(buildProblem({ days: WEEK, agencies: [{ id: "A", cap: 1 }], people: [{ id: "a" }, { id: "b" }] }), { a: "HO...", b: "OH..." });
    const roster = rosterOf(problem, { a: "OHOHH", b: "HOHOO" });
    expect(grantWishes(problem, roster)).toBeGreaterThan(0);
    // All four wishes granted, one person a day, and the totals (2 and 3) kept or swapped.
    const after = letters(problem, roster);
    expect([after.a.slice(0, 2), after.b.slice(0, 2)]).toEqual(["HO", "OH"]);
    for (let d = 0; d < 5; d++) expect([after.a[d], after.b[d]].filter((m) => m === "O")).toHaveLength(1);
    expect([after.a, after.b].map((m) => m.split("O").length - 1).sort()).toEqual([2, 3]);
  });

  it("never moves a pinned day or a leave day, nor trades what a composition rule needs", () => {
    const problem = withRequests(buildProblem({
      days: WEEK, agencies: [{ id: "A", cap: 2, rules: [{ rank: "eselon_4", min: 1, max: 1 }] }],
      people: [{ id: "a" }, { id: "b" }, { id: "c", rank: "eselon_4" }, { id: "d", leave: [0] }],
    }), { a: "Ho...", b: "OH...", c: "HO...", d: "HO..." });
    const roster = rosterOf(problem, { a: "OHHHH", b: "HOHHH", c: "OHHHH", d: "LHHHH" });
    expect(grantWishes(problem, roster)).toBe(0);
  });

  it("exchanges one day between people of equal weight whose totals differ by one, which swaps their totals", () => {
    const problem = withRequests(buildProblem({ days: WEEK, agencies: [{ id: "A", cap: 1 }], people: [{ id: "a" }, { id: "b" }] }), { a: "..H..", b: "..O.." });
    const roster = rosterOf(problem, { a: "OHOHH", b: "HOHHH" });
    expect(grantWishes(problem, roster)).toBe(1);
    expect(letters(problem, roster)).toEqual({ a: "OHHHH", b: "HOOHH" });
  });

  it("does not exchange between people of different weight (leave or prior workdays)", () => {
    const problem = withRequests(buildProblem({ days: WEEK, agencies: [{ id: "A", cap: 1 }], people: [{ id: "a" }, { id: "b", history: 1, priorWorkdays: 5 }] }), { a: "..H..", b: "..O.." });
    const roster = rosterOf(problem, { a: "OHOHH", b: "HHHHH" });
    expect(grantWishes(problem, roster)).toBe(0);
    problem.people[1].priorWorkdays = 0;
    expect(grantWishes(problem, roster)).toBe(1);
  });

  it("keeps flexible work's office days per person per full week within bounds", () => {
    const problem = withRequests(buildProblem({ days: WEEK, agencies: [{ id: "A", cap: 2 }], people: [{ id: "a" }, { id: "b" }] }), { a: "..H..", b: "..O.." });
    const roster = rosterOf(problem, { a: "OOOHH", b: "OOHHH" });
    problem.perPerson = { min: 1, max: 2, fullWeeks: [true] };
    expect(grantWishes(problem, roster)).toBe(0);
    problem.perPerson = { min: 1, max: 3, fullWeeks: [true] };
    expect(grantWishes(problem, roster)).toBe(1);
    expect(letters(problem, roster)).toEqual({ a: "OOHHH", b: "OOOHH" });
  });

  it("trades across ranks when the rules still hold", () => {
    const problem = withRequests(buildProblem({
      days: WEEK, agencies: [{ id: "A", cap: 1, rules: [{ rank: "eselon_4", min: 0, max: 1 }] }],
      people: [{ id: "a" }, { id: "c", rank: "eselon_4" }],
    }), { a: "HO...", c: "OH..." });
    const roster = rosterOf(problem, { a: "OHHHH", c: "HOHHH" });
    expect(grantWishes(problem, roster)).toBe(1);
    expect(letters(problem, roster)).toEqual({ a: "HOHHH", c: "OHHHH" });
  });

  it("does nothing in weekly rotation", () => {
    const problem = withRequests(buildProblem({ days: WEEK, rotation: "weekly", agencies: [{ id: "A" }], people: [{ id: "a" }, { id: "b" }] }), { a: "HO...", b: "OH..." });
    expect(grantWishes(problem, rosterOf(problem, { a: "OOOOO", b: "HHHHH" }))).toBe(0);
  });

  it("keeps objectives 1-4 and every hard rule while never granting fewer wishes (random rosters of one class)", () => {
    const days = workdaysBetween("2021-07-19", "2021-07-30");
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 6 }),
      fc.array(fc.constantFrom("O", "H", "."), { minLength: 60, maxLength: 60 }),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      (people, wishes, office) => {
        const ids = Array.from({ length: people }, (_, i) => `p${i}`);
        const problem = buildProblem({ days, agencies: [{ id: "A", cap: people }], people: ids.map((id) => ({ id })) });
        withRequests(problem, Object.fromEntries(ids.map((id, i) => [id, wishes.slice(i * 10, i * 10 + 10).join("")])));
        const roster = rosterOf(problem, Object.fromEntries(ids.map((id, i) => [id, office.slice(i * 10, i * 10 + 10).map((o) => (o ? "O" : "H")).join("")])));
        expectGrantKeepsObjectives(problem, roster);
      },
    ), { numRuns: 200 });
  });

  it("never breaks a composition rule that held (random rosters, two ranks, a rule on one)", () => {
    const days = workdaysBetween("2021-07-19", "2021-07-30");
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 }),
      fc.array(fc.constantFrom("O", "H", "."), { minLength: 60, maxLength: 60 }),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      (min, max, wishes, office) => {
        const ids = Array.from({ length: 6 }, (_, i) => `p${i}`);
        const problem = buildProblem({
          days, agencies: [{ id: "A", cap: 6, rules: [{ rank: "eselon_4", min, max: Math.max(min, max) }] }],
          people: ids.map((id, i) => ({ id, rank: i % 2 === 0 ? "eselon_4" as const : "pelaksana" as const })),
        });
        withRequests(problem, Object.fromEntries(ids.map((id, i) => [id, wishes.slice(i * 10, i * 10 + 10).join("")])));
        const roster = rosterOf(problem, Object.fromEntries(ids.map((id, i) => [id, office.slice(i * 10, i * 10 + 10).map((o) => (o ? "O" : "H")).join("")])));
        const broken = () => new Set(compositionRule(problem, roster).map((v) => v.date));
        const before = broken();
        const totals = objectiveValues(problem, roster);
        grantWishes(problem, roster);
        for (const date of broken()) expect(before.has(date)).toBe(true);
        const after = objectiveValues(problem, roster);
        expect([after.capUse, after.maxDeviation, after.sumSquaredDeviation]).toEqual([totals.capUse, totals.maxDeviation, totals.sumSquaredDeviation]);
      },
    ), { numRuns: 200 });
  });
});

describe("grantWishes at real sizes", () => {
  it("keeps objectives 1-4 and every rule on agencies of 80-300 people with unit and rank rules, never granting fewer wishes", () => {
    const days = workdaysBetween("2021-07-19", "2021-07-30");
    fc.assert(fc.property(fc.integer({ min: 80, max: 300 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.boolean(), (size, seed, crossing) => {
      let state = seed;
      const rand = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const units = ["Loket", "Arsip", "Umum"];
      const ids = Array.from({ length: size }, (_, i) => `p${i}`);
      const cap = Math.floor(size / 4);
      const rules = [
        { unit: "Loket", min: 1, max: Math.floor(cap / 2) },
        { unit: "Loket", rank: "eselon_4" as const, min: 0, max: 2 },
        ...(crossing ? [{ rank: "eselon_4" as const, min: 1 }] : []),
      ];
      const problem = buildProblem({
        days, agencies: [{ id: "A", cap, rules }],
        people: ids.map((id, i) => ({ id, unit: units[i % 3], rank: i % 7 === 0 ? ("eselon_4" as const) : ("pelaksana" as const), ...(rand() < 0.05 ? { attendance: "priority" as const } : {}) })),
      });
      // A roster that keeps the rules: each day, the cap filled in a rotating order that meets them.
      const modes: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, Array(days.length).fill("H")]));
      days.forEach((_, d) => {
        let inOffice = 0;
        let loket = 0;
        let loketE4 = 0;
        let e4 = 0;
        for (let k = 0; k < size && inOffice < cap; k++) {
          const i = (d * 17 + k) % size;
          const unit = units[i % 3];
          const isE4 = i % 7 === 0;
          if (unit === "Loket" && (loket >= Math.floor(cap / 2) || (isE4 && loketE4 >= 2))) continue;
          if (crossing && e4 === 0 && !isE4 && inOffice === cap - 1) continue;
          modes[ids[i]][d] = "O";
          inOffice++;
          if (unit === "Loket") loket++;
          if (unit === "Loket" && isE4) loketE4++;
          if (isE4) e4++;
        }
      });
      const roster = rosterOf(problem, Object.fromEntries(ids.map((id) => [id, modes[id].join("")])));
      fc.pre(verifyRoster(problem, roster).ok);
      withRequests(problem, Object.fromEntries(ids.map((id) => [id, days.map(() => (rand() < 0.3 ? "O" : rand() < 0.5 ? "H" : ".")).join("")])));
      expectGrantKeepsObjectives(problem, roster);
    }), { numRuns: 12, seed: 4711 });
  });
});
