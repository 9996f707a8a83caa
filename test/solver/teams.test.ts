/**
 * Rotation "teams" (solver/teams/): the team count the cap implies, dealing by rank and unit,
 * turns by day and by week, stand-ins when leave breaks a rule, the team pattern check, and
 * the contact spread.
 */
import { describe, expect, it } from "vitest";
import { solveProblem } from "../../solver/solve.js";
import type { Backend } from "../../solver/backend.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { OFFICE, type Problem } from "../../src/domain/problem.js";
import { teamName, type TeamsOutcome } from "../../src/domain/teams.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { teamPattern } from "../../src/verify/teams.js";
import { contactSpread } from "../../src/metrics/contacts.js";
import { buildProblem, rosterOf, workdaysBetween, type PersonSpec } from "../helpers/problemBuilder.js";
import type { Rank } from "../../src/domain/values.js";

/** The teams path builds no model; a backend that refuses proves it. */
const NO_BACKEND: Backend = { name: "none", solve: () => { throw new Error("no model expected"); } } as unknown as Backend;

const TWO_WEEKS = workdaysBetween("2021-07-19", "2021-07-30");

function teamsProblem(people: PersonSpec[], cap: number, options: { count?: number | null; period?: "day" | "week"; rules?: Array<{ rank?: Rank; min?: number; max?: number | null }>; minOffice?: number; days?: string[] } = {}): Problem {
  const problem = buildProblem({ days: options.days ?? TWO_WEEKS, agencies: [{ id: "D", cap, rules: options.rules, minOffice: options.minOffice }], people });
  return { ...problem, rotation: "teams", teams: { count: options.count ?? null, period: options.period ?? "day" } };
}

function solve(problem: Problem): { modes: Uint8Array; teams: TeamsOutcome; office: (id: string) => number[] } {
  const { roster, teams } = solveProblem(problem, { backend: NO_BACKEND });
  expect(verifyRoster(problem, roster).ok).toBe(true);
  expect(teamPattern(problem, roster, teams!).count).toBe(0);
  const days = roster.days;
  const office = (id: string): number[] => {
    const p = problem.people.find((x) => x.id === id)!.index;
    return Array.from({ length: days }, (_, d) => d).filter((d) => roster.modes[p * days + d] === OFFICE);
  };
  return { modes: roster.modes, teams: teams!, office };
}

const staff = (n: number, spec: Partial<PersonSpec> = {}, prefix = "r"): PersonSpec[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, ...spec }));

describe("teamName", () => {
  it("names teams as spreadsheet columns", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(teamName)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(teamName(-1)).toBe("");
  });
});

describe("team formation", () => {
  it("forms the fewest teams whose largest fits the room beside the fixed staff: ceil(rotating / room)", () => {
    // cap 6, 2 always in: room 4 for 10 rotating -> 3 teams of 4, 3, 3.
    const problem = teamsProblem([...staff(2, { attendance: "fixed" }, "k"), ...staff(10)], 6);
    const { teams } = solve(problem);
    expect(teams.agencies).toHaveLength(1);
    const [a] = teams.agencies;
    expect(a.count).toBe(3);
    expect(a.room).toBe(4);
    expect(a.members.map((m) => m.length).sort()).toEqual([3, 3, 4]);
    // Every rotating person is in exactly one team; the fixed staff in none.
    expect(a.members.flat().sort((x, y) => x - y)).toEqual(problem.people.filter((p) => p.attendance === "rotating").map((p) => p.index));
    expect(Array.from(teams.teamOf.slice(0, 2))).toEqual([-1, -1]);
  });

  it("reports a given count whose teams do not fit, with the numbers", () => {
    const problem = teamsProblem([...staff(2, { attendance: "fixed" }, "k"), ...staff(10)], 6, { count: 2 });
    let error: unknown;
    try {
      solveProblem(problem, { backend: NO_BACKEND });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfeasibleError);
    const [cause] = (error as InfeasibleError).causes;
    expect(cause.code).toBe("infeasible.teams_too_big");
    expect(cause.values).toMatchObject({ count: 2, size: 5, members: 10, cap: 6, room: 4, fixed: 2, needed: 3 });
  });

  it("deals ranks and units evenly into the teams", () => {
    const people = [
      ...staff(3, { rank: "eselon_4", unit: "Umum" }, "e"),
      ...staff(3, { rank: "pelaksana", unit: "Umum" }, "u"),
      ...staff(3, { rank: "pelaksana", unit: "Keuangan" }, "k"),
    ];
    const problem = teamsProblem(people, 3);
    const { teams } = solve(problem);
    expect(teams.agencies[0].count).toBe(3);
    for (const team of teams.agencies[0].members) {
      const kinds = team.map((p) => `${problem.people[p].rank}/${problem.people[p].unit}`).sort();
      expect(kinds).toEqual(["eselon_4/Umum", "pelaksana/Keuangan", "pelaksana/Umum"]);
    }
  });

  it("adds teams so that none holds more of a rule's people than its max allows", () => {
    // Room for all 6, but at most 1 eselon_4 a day and 3 of them rotate: 3 teams.
    const people = [...staff(3, { rank: "eselon_4" }, "e"), ...staff(3)];
    const problem = teamsProblem(people, 6, { rules: [{ rank: "eselon_4", max: 1 }] });
    const { teams } = solve(problem);
    expect(teams.agencies[0].count).toBe(3);
  });

  it("keeps health-priority staff out of the teams unless a rule needs them", () => {
    const people: PersonSpec[] = [...staff(4), { id: "old", attendance: "priority", rank: "eselon_4" }];
    const free = solve(teamsProblem(people, 2));
    expect(free.teams.teamOf[4]).toBe(-1);
    expect(free.office("old")).toEqual([]);
    // A rule asking 1 eselon_4 a day: the only one is priority, so the teams carry them; with
    // 2 teams, the one team without them needs a stand-in on each of its days.
    const needed = solve(teamsProblem(people, 3, { rules: [{ rank: "eselon_4", min: 1 }] }));
    expect(needed.teams.teamOf[4]).toBeGreaterThanOrEqual(0);
    expect(needed.office("old")).toHaveLength(10);
  });
});

describe("turns", () => {
  it("takes turns day by day; office days per team differ by at most one day", () => {
    const problem = teamsProblem(staff(9), 3);
    const { teams, office } = solve(problem);
    expect(teams.agencies[0].count).toBe(3);
    expect(Array.from(teams.agencies[0].turn)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    const days = problem.people.map((p) => office(p.id).length);
    expect(Math.max(...days) - Math.min(...days)).toBeLessThanOrEqual(1);
    // Members of a team share their office days.
    for (const team of teams.agencies[0].members) {
      const patterns = new Set(team.map((p) => office(problem.people[p].id).join(",")));
      expect(patterns.size).toBe(1);
    }
  });

  it("takes turns week by week", () => {
    const problem = teamsProblem(staff(4), 2, { period: "week", days: workdaysBetween("2021-07-19", "2021-08-06") });
    const { teams, office } = solve(problem);
    expect(Array.from(teams.agencies[0].turn)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    const a = teams.agencies[0].members[0].map((p) => problem.people[p].id)[0];
    expect(office(a)).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14]);
  });

  it("gives the first turn to the least-served team (history.csv)", () => {
    const probe = solve(teamsProblem(staff(4), 2));
    const first = new Set(probe.teams.agencies[0].members[0]);
    const problem = teamsProblem(staff(4).map((p, i) => (first.has(i) ? { ...p, history: 5 } : p)), 2);
    const { teams, office } = solve(problem);
    const [a, b] = teams.agencies[0].members;
    expect(a.every((p) => !first.has(p))).toBe(true);
    expect(b.every((p) => first.has(p))).toBe(true);
    expect(office(problem.people[a[0]].id)[0]).toBe(0);
  });

  it("leaves the team on leave at home without anyone else moving when no rule asks", () => {
    const problem = teamsProblem([{ id: "a", leave: [0, 2] }, ...staff(3)], 2);
    const { teams } = solve(problem);
    expect(teams.standIns).toEqual([]);
  });
});

describe("stand-ins", () => {
  it("calls the fewest stand-ins, least served first, when leave breaks a rule on a team's day", () => {
    // 4 eselon_4 and 4 pelaksana, cap 4: 2 teams, each with 2 eselon_4; rule: at least 2 eselon_4 a day.
    // Both eselon_4 of one team on leave on its first day: two stand-ins from the other team.
    const people: PersonSpec[] = [...staff(4, { rank: "eselon_4" }, "e"), ...staff(4, {}, "p")];
    const probe = solve(teamsProblem(people, 4, { rules: [{ rank: "eselon_4", min: 2 }] }));
    const [teamA] = probe.teams.agencies[0].members;
    const onLeave = new Set(teamA.filter((p) => p < 4));
    expect(onLeave.size).toBe(2);
    const withLeave = people.map((p, i) => (onLeave.has(i) ? { ...p, leave: [0] } : p));
    const problem = teamsProblem(withLeave, 4, { rules: [{ rank: "eselon_4", min: 2 }] });
    const { teams } = solve(problem);
    expect(teams.standIns).toHaveLength(2);
    for (const s of teams.standIns) {
      expect(s.day).toBe(0);
      expect(problem.people[s.person].rank).toBe("eselon_4");
      expect(s.team).toBe(1);
      expect(s.forTeam).toBe(0);
      expect(s.reasons).toEqual(["rules.csv line 2"]);
    }
  });

  it("fills min_office on a day a team is short, within the cap", () => {
    // 4 rotating, cap 2: teams A and B of 2; both of A on leave on A's first day.
    const probe = solve(teamsProblem(staff(4), 2, { minOffice: 1 }));
    const teamA = new Set(probe.teams.agencies[0].members[0]);
    const problem = teamsProblem(staff(4).map((p, i) => (teamA.has(i) ? { ...p, leave: [0] } : p)), 2, { minOffice: 1 });
    const { teams, office } = solve(problem);
    expect(teams.standIns).toHaveLength(1);
    expect(teams.standIns[0]).toMatchObject({ day: 0, reasons: ["min_office"] });
    expect(office(problem.people[teams.standIns[0].person].id)).toContain(0);
  });

  it("is infeasible, naming the day and the rule, when no one can stand in", () => {
    const problem = teamsProblem([{ id: "a", rank: "eselon_4", leave: [0] }, { id: "b", rank: "eselon_4", leave: [0] }, ...staff(2)], 2, { rules: [{ rank: "eselon_4", min: 1 }] });
    expect(() => solveProblem(problem, { backend: NO_BACKEND })).toThrow(InfeasibleError);
    try {
      solveProblem(problem, { backend: NO_BACKEND });
    } catch (e) {
      expect((e as InfeasibleError).causes[0]).toMatchObject({ code: "infeasible.teams_rule_short", date: "2021-07-19", values: { min: 1, count: 0, available: 0 } });
    }
  });
});

describe("causes", () => {
  it("names a rule's maximum below the fixed staff, as the count solver does", () => {
    const problem = teamsProblem([{ id: "k", rank: "eselon_4", attendance: "fixed" }, { id: "l", rank: "eselon_4", attendance: "fixed" }, ...staff(2)], 3, { rules: [{ rank: "eselon_4", max: 1 }], days: TWO_WEEKS.slice(0, 1) });
    expect(() => solveProblem(problem, { backend: NO_BACKEND })).toThrow(InfeasibleError);
    try {
      solveProblem(problem, { backend: NO_BACKEND });
    } catch (e) {
      expect((e as InfeasibleError).causes.map((c) => [c.code, c.values.fixed, c.values.max])).toEqual([["infeasible.rule_max_below_fixed", 2, 1]]);
    }
  });
});

describe("teamPattern", () => {
  it("finds a member off the team's pattern and an unlisted stand-in", () => {
    const problem = teamsProblem(staff(4), 2);
    const { roster, teams } = solveProblem(problem, { backend: NO_BACKEND });
    const days = roster.days;
    const [a, b] = teams!.agencies[0].members[0];
    roster.modes[a * days + 0] = 0; // a member of team A home on A's day
    roster.modes[b * days + 1] = OFFICE; // and in on B's day, unlisted
    const { violations, count } = teamPattern(problem, roster, teams!);
    expect(count).toBe(2);
    expect(violations.map((v) => [v.code, v.employeeId, v.date])).toEqual([
      ["violation.teamPattern", problem.people[a].id, "2021-07-19"],
      ["violation.teamPattern", problem.people[b].id, "2021-07-20"],
    ]);
  });
});

describe("contactSpread", () => {
  it("counts distinct colleagues of the same agency sharing an office day", () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-21"),
      agencies: [{ id: "A" }, { id: "B" }],
      people: [
        { id: "k", agency: "A", attendance: "fixed" },
        { id: "x", agency: "A" },
        { id: "y", agency: "A" },
        { id: "z", agency: "A" },
        { id: "w", agency: "A" },
        { id: "b", agency: "B" },
      ],
    });
    const roster = rosterOf(problem, { k: "OOO", x: "OHH", y: "OHH", z: "HOH", w: "HHH", b: "OOO" });
    const c = contactSpread(problem, roster);
    // k meets x, y, z; x meets k, y; z meets k; w nobody; b alone in B.
    expect(Array.from(c.perPerson)).toEqual([3, 2, 2, 1, 0, 0]);
    expect(c.agencies).toEqual([{ agencyId: "A", people: 4, mean: 1.25, max: 2 }, { agencyId: "B", people: 1, mean: 0, max: 0 }]);
    expect(c.overall).toEqual({ people: 5, mean: 1, max: 2 });
  });
});
