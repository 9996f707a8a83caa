import { describe, expect, it } from "vitest";
import { solveExact } from "../../solver/exact/exactModel.js";
import { HOME, LEAVE, OFFICE, ruleMatches } from "../../src/domain/problem.js";
import type { Agency, Attendance, CompositionRule, Problem, Roster } from "../../src/domain/problem.js";
import type { Rank } from "../../src/domain/values.js";

interface AgencySpec {
  cap: number | null;
  minOffice?: number;
  exempt?: boolean;
  rules?: Array<Partial<CompositionRule> & { min: number }>;
}
interface PersonSpec {
  agency?: number;
  rank?: Rank;
  unit?: string;
  attendance?: Attendance;
  /** Workday indices on leave. */
  leave?: number[];
  history?: number;
}

/** A problem over `days` consecutive workdays from Monday 2021-07-19 (Mon-Fri weeks). */
function problem(days: number, agencies: AgencySpec[], people: PersonSpec[], rotation: "daily" | "weekly" = "daily"): Problem {
  const dates: string[] = [];
  const week: number[] = [];
  const weekStarts: string[] = [];
  const day = new Date(Date.UTC(2021, 6, 19));
  while (dates.length < days) {
    const dow = day.getUTCDay();
    if (dow >= 1 && dow <= 5) {
      if (dow === 1 || weekStarts.length === 0) weekStarts.push(day.toISOString().slice(0, 10));
      dates.push(day.toISOString().slice(0, 10));
      week.push(weekStarts.length - 1);
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  const built: Agency[] = agencies.map((a, index) => ({
    index,
    id: `A${index}`,
    name: `Agency ${index}`,
    exempt: a.exempt ?? false,
    cap: a.exempt ? null : a.cap,
    capBasis: `count ${a.cap}`,
    minOffice: a.minOffice ?? 0,
    headcount: 0,
    people: [],
    rules: (a.rules ?? []).map((r, line) => ({ line: line + 2, unit: r.unit ?? null, rank: r.rank ?? null, min: r.min, max: r.max ?? null })),
  }));
  const persons = people.map((p, index) => {
    const agency = p.agency ?? 0;
    built[agency].people.push(index);
    built[agency].headcount++;
    let leave: Uint8Array | null = null;
    if (p.leave !== undefined) {
      leave = new Uint8Array(days);
      for (const d of p.leave) leave[d] = 1;
    }
    const attendance = built[agency].exempt ? "fixed" : (p.attendance ?? "rotating");
    return {
      index,
      id: `E${index}`,
      name: `Person ${index}`,
      agency,
      rank: p.rank ?? "pelaksana",
      unit: p.unit ?? "",
      position: "Staf",
      employment: "pns" as const,
      attendance,
      fixedBy: attendance === "fixed" ? (built[agency].exempt ? ("exempt" as const) : ("mandatory" as const)) : null,
      priorityReasons: attendance === "priority" ? ["age"] : [],
      leave,
      history: p.history ?? 0,
      priorWorkdays: p.history === undefined ? 0 : dates.length,
      line: index + 2,
    };
  });
  return { name: "test", rotation, calendar: { days: dates, week, weekStarts }, people: persons, agencies: built };
}

/** Every hard rule, checked by a plain loop independent of the model builder. */
function violations(p: Problem, roster: Roster): string[] {
  const days = p.calendar.days.length;
  const out: string[] = [];
  const mode = (person: number, d: number): number => roster.modes[person * days + d];
  for (const person of p.people) {
    for (let d = 0; d < days; d++) {
      const onLeave = person.leave !== null && person.leave[d] === 1;
      const m = mode(person.index, d);
      if (onLeave !== (m === LEAVE)) out.push(`leave ${person.id} ${d}`);
      if (m !== HOME && m !== OFFICE && m !== LEAVE) out.push(`mode ${person.id} ${d}`);
      if (!onLeave && person.attendance === "fixed" && m !== OFFICE) out.push(`fixed ${person.id} ${d}`);
      if (p.rotation === "weekly" && person.attendance !== "fixed" && !onLeave) {
        for (let e = 0; e < days; e++) {
          const other = mode(person.index, e);
          if (p.calendar.week[e] === p.calendar.week[d] && other !== LEAVE && other !== m) out.push(`weekly ${person.id} ${d} ${e}`);
        }
      }
    }
  }
  for (const agency of p.agencies) {
    for (let d = 0; d < days; d++) {
      const inOffice = agency.people.filter((i) => mode(i, d) === OFFICE);
      if (!agency.exempt) {
        if (agency.cap !== null && inOffice.length > agency.cap) out.push(`cap ${agency.id} ${d}`);
        if (inOffice.length < agency.minOffice) out.push(`min ${agency.id} ${d}`);
      }
      for (const rule of agency.rules) {
        const n = inOffice.filter((i) => ruleMatches(rule, p.people[i])).length;
        if (n < rule.min || (rule.max !== null && n > rule.max)) out.push(`rule ${agency.id} ${rule.line} ${d}`);
      }
    }
  }
  return out;
}

function officeDays(p: Problem, roster: Roster, person: number): number {
  const days = p.calendar.days.length;
  let n = 0;
  for (let d = 0; d < days; d++) if (roster.modes[person * days + d] === OFFICE) n++;
  return n;
}

async function solved(p: Problem) {
  const result = await solveExact(p, { timeLimitSeconds: 30 });
  expect(result.status, result.detail).toBe("optimal");
  expect(result.roster).toBeDefined();
  expect(violations(p, result.roster!)).toEqual([]);
  return { objectives: result.objectives!, roster: result.roster!, perAgency: result.perAgency! };
}

/** Objective values equal to the expected ones, floating noise aside. */
function near(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [key, value] of Object.entries(expected)) expect(actual[key], key).toBeCloseTo(value, 6);
}

const rotating = (n: number, spec: PersonSpec = {}): PersonSpec[] => Array.from({ length: n }, () => ({ ...spec }));

describe("solveExact", () => {
  it("fills a cap of 2 over 5 days with 6 people: 10 office days, deviations of 2/3", async () => {
    const p = problem(5, [{ cap: 2 }], rotating(6));
    const { objectives, roster } = await solved(p);
    near(objectives, { capUse: 10, priorityOfficeDays: 0, maxDeviation: 2 / 3, sumSquaredDeviation: 4 / 3, weeklyDeviation: 2 / 3 });
    const counts = [0, 1, 2, 3, 4, 5].map((i) => officeDays(p, roster, i)).sort();
    expect(counts).toEqual([1, 1, 2, 2, 2, 2]);
  });

  it("shares a cap of 3 over 4 days among 6 people exactly (deviation 0)", async () => {
    const { objectives } = await solved(problem(4, [{ cap: 3 }], rotating(6)));
    near(objectives, { capUse: 12, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 0 });
  });

  it("keeps a health-priority person home when others can fill the cap", async () => {
    const p = problem(5, [{ cap: 2 }], [...rotating(3), { attendance: "priority" }]);
    const { objectives, roster } = await solved(p);
    expect(objectives.capUse).toBe(10);
    expect(objectives.priorityOfficeDays).toBe(0);
    expect(officeDays(p, roster, 3)).toBe(0);
  });

  it("sends a health-priority person in only on the day a rule needs them", async () => {
    // One eselon_4 per day; the rotating eselon_4 is on leave on day 2.
    const p = problem(5, [{ cap: 2, rules: [{ rank: "eselon_4", min: 1 }] }], [
      { rank: "eselon_4", leave: [2] },
      { rank: "eselon_4", attendance: "priority" },
      ...rotating(4),
    ]);
    const { objectives, roster } = await solved(p);
    expect(objectives.priorityOfficeDays).toBe(1);
    expect(roster.modes[1 * 5 + 2]).toBe(OFFICE);
    expect(officeDays(p, roster, 1)).toBe(1);
    expect(objectives.capUse).toBe(10);
  });

  it("uses the cap up to what a cap on pelaksana leaves", async () => {
    // At most 1 pelaksana a day, and 1 eselon_3: at most 2 of the cap of 3.
    const p = problem(4, [{ cap: 3, rules: [{ rank: "pelaksana", min: 0, max: 1 }] }], [{ rank: "eselon_3" }, ...rotating(4)]);
    const { objectives } = await solved(p);
    expect(objectives.capUse).toBe(8);
    // The eselon_3 is in every day (share 1.6 of 8 days among 5): the rule keeps pelaksana to 1 each.
    expect(objectives.maxDeviation).toBeCloseTo(2.4, 6);
  });

  it("holds an exact composition rule every day and still shares fairly", async () => {
    const p = problem(4, [{ cap: 3, rules: [{ rank: "eselon_3", min: 1, max: 1 }] }], [...rotating(2, { rank: "eselon_3" }), ...rotating(4)]);
    const { objectives, roster } = await solved(p);
    for (let d = 0; d < 4; d++) expect(roster.modes[0 * 4 + d] + roster.modes[1 * 4 + d]).toBe(1);
    near(objectives, { capUse: 12, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 0 });
  });

  it("counts history: a person ahead of the others gets fewer days, before the weekly deviation", async () => {
    // Shares of (3 + 5) over equal weights are 4 each: 1 + 4 days. The week's share is 2.5 each: weekly 1.5.
    const p = problem(5, [{ cap: 1 }], [{ history: 3 }, { history: 0 }]);
    const { objectives, roster } = await solved(p);
    near(objectives, { capUse: 5, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 1.5 });
    expect(officeDays(p, roster, 0)).toBe(1);
  });

  it("weighs a share by available plus prior workdays (history without workdays counts this horizon's length)", async () => {
    // Weights 3 + 3 and 3 + 0, total 0.5 + 3: shares 7/3 and 7/6; 0.5 + 2 and 1 are 1/6 away each.
    const p = problem(3, [{ cap: 1 }], [{ history: 0.5 }, {}]);
    const { objectives, roster } = await solved(p);
    expect(objectives.maxDeviation).toBeCloseTo(1 / 6, 6);
    expect(officeDays(p, roster, 0)).toBe(2);
  });

  it("leaves leave days as leave and gives people with leave their pro rata share", async () => {
    // Person 0 is away 4 of 5 days; the others share 2 a day.
    const p = problem(5, [{ cap: 2 }], [{ leave: [0, 1, 2, 3] }, ...rotating(4)]);
    const { objectives, roster } = await solved(p);
    for (let d = 0; d < 4; d++) expect(roster.modes[d]).toBe(LEAVE);
    expect(objectives.capUse).toBe(10);
    // Person 0 is owed 10/21 of a day and takes day 4: the others share 9, 2.381 each, and one is 13/21 over.
    expect(objectives.maxDeviation).toBeCloseTo(13 / 21, 6);
    expect(officeDays(p, roster, 0)).toBe(1);
  });

  it("keeps exempt agencies in the office and out of cap use", async () => {
    const p = problem(3, [{ cap: 1 }, { cap: null, exempt: true }], [...rotating(2), ...rotating(3, { agency: 1 })]);
    const { objectives, perAgency, roster } = await solved(p);
    expect(objectives.capUse).toBe(3);
    expect(perAgency.map((o) => o.capUse)).toEqual([3, 0]);
    for (const i of [2, 3, 4]) expect(officeDays(p, roster, i)).toBe(3);
  });

  it("counts fixed people toward the cap and rules", async () => {
    const p = problem(5, [{ cap: 3, minOffice: 3 }], [{ attendance: "fixed" }, ...rotating(4)]);
    const { objectives, roster } = await solved(p);
    expect(officeDays(p, roster, 0)).toBe(5);
    // The rotating four share 2 a day: 10 over 4, 2 or 3 each, half a day from 2.5.
    expect(objectives.capUse).toBe(15);
    expect(objectives.maxDeviation).toBeCloseTo(0.5, 6);
  });

  it("reports mandatory staff over the cap as infeasible without calling the solver", async () => {
    const result = await solveExact(problem(3, [{ cap: 2 }], rotating(3, { attendance: "fixed" })));
    expect(result.status).toBe("infeasible");
    expect(result.roster).toBeUndefined();
    expect(result.detail).toMatch(/cap0_0: 3 fixed in the office/);
  });

  it("reports mandatory staff over the cap beside rotating staff as infeasible", async () => {
    const result = await solveExact(problem(3, [{ cap: 2 }], [...rotating(3, { attendance: "fixed" }), ...rotating(2)]));
    expect(result.status).toBe("infeasible");
    expect(result.roster).toBeUndefined();
  });

  it("reports a rule no choice can meet as infeasible", async () => {
    const result = await solveExact(problem(3, [{ cap: 4, rules: [{ rank: "eselon_4", min: 2 }] }], [{ rank: "eselon_4" }, ...rotating(3)]));
    expect(result.status).toBe("infeasible");
    expect(result.objectives).toBeUndefined();
  });

  it("rotates whole weeks in weekly rotation and counts office weeks", async () => {
    // 2 weeks, cap 2, 4 people: each in the office exactly one full week.
    const p = problem(10, [{ cap: 2 }], rotating(4), "weekly");
    const { objectives, roster } = await solved(p);
    near(objectives, { capUse: 20, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 0 });
    for (let i = 0; i < 4; i++) expect(officeDays(p, roster, i)).toBe(5);
  });

  it("counts history in days in weekly rotation", async () => {
    // 2 weeks, cap 1: person 0 has 1 office day in 10 earlier workdays, so a share of 5.5 of
    // (1 + 10) by weights 20 / 10 / 10: a week for them (6) and one for another (5 against 2.75).
    const p = problem(10, [{ cap: 1 }], [{ history: 1 }, {}, {}], "weekly");
    const { objectives, roster } = await solved(p);
    expect(objectives.capUse).toBe(10);
    expect(objectives.maxDeviation).toBeCloseTo(2.75, 6);
    expect(officeDays(p, roster, 0)).toBe(5);
  });

  it("keeps a person's week whole around a leave day in weekly rotation", async () => {
    const p = problem(5, [{ cap: 1, minOffice: 1 }], [{ leave: [0] }, {}, {}], "weekly");
    const { roster } = await solved(p);
    expect(roster.modes[0]).toBe(LEAVE);
  });

  it("agrees with the single global model on two independent agencies", async () => {
    const p = problem(5, [{ cap: 2 }, { cap: 3, rules: [{ rank: "eselon_4", min: 1 }] }], [
      ...rotating(5),
      ...rotating(2, { agency: 1, rank: "eselon_4" }),
      ...rotating(5, { agency: 1 }),
      { agency: 1, attendance: "priority" },
    ]);
    const split = await solveExact(p);
    const global = await solveExact(p, { decompose: false });
    expect(split.status).toBe("optimal");
    expect(global.status).toBe("optimal");
    expect(global.objectives).toEqual(split.objectives);
    expect(violations(p, global.roster!)).toEqual([]);
    expect(split.perAgency!.map((o) => o.capUse)).toEqual([10, 15]);
  });

  it("stops at the time limit with no roster", async () => {
    const result = await solveExact(problem(5, [{ cap: 2 }], rotating(6)), { timeLimitSeconds: 0 });
    expect(result.status).toBe("time_limit");
    expect(result.roster).toBeUndefined();
  });
});
