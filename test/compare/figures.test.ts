import { describe, expect, it } from "vitest";
import { better, compareRosters, rosterFigures } from "../../src/compare/figures.js";
import { compareCsv, compareTable, figureText, formatTable } from "../../src/compare/render.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

describe("better", () => {
  it("prefers lower deviations, counts off share, Gini, weekday concentration and priority days", () => {
    for (const f of ["maxDeviation", "sumSquaredDeviation", "weeklyDeviation", "over2", "over1", "noOffice", "stdDev", "gini", "weekdayLockedShare", "topWeekdayShare", "priorityOfficeDays"] as const) {
      expect(better(f, 1, 2), f).toBe("a");
      expect(better(f, 2, 1), f).toBe("b");
      expect(better(f, 0.5, 0.5), f).toBe("=");
    }
  });

  it("prefers a higher Jain's index and cap use closer to 1", () => {
    expect(better("jain", 0.9, 0.8)).toBe("a");
    expect(better("jain", 0.8, 1)).toBe("b");
    expect(better("capUse", 0.9, 1)).toBe("b");
    expect(better("capUse", 0.95, 1.2)).toBe("a");
    expect(better("capUse", 0.9, 1.1)).toBe("=");
  });

  it("says nothing for office days, the pool's size or a missing figure", () => {
    expect(better("officeDays", 10, 12)).toBeNull();
    expect(better("rotating", 10, 12)).toBeNull();
    expect(better("capUse", null, null)).toBeNull();
  });
});

// One agency, cap 2, four rotating pelaksana over one week (5 days): 10 office days to share.
const problem = buildProblem({
  days: workdaysBetween("2021-07-19", "2021-07-23"),
  agencies: [{ id: "A", cap: 2 }, { id: "X", exempt: true }],
  people: [{ id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" }, { id: "x1", agency: "X" }],
});
// Even: 3, 3, 2, 2 office days. Uneven: 5, 5, 0, 0 (the same cap use). Shares 2.5 each.
const even = rosterOf(problem, { p1: "OOHHO", p2: "OHOOH", p3: "HOHOH", p4: "HHOHO", x1: "OOOOO" });
const uneven = rosterOf(problem, { p1: "OOOOO", p2: "OOOOO", p3: "HHHHH", p4: "HHHHH", x1: "OOOOO" });

describe("rosterFigures", () => {
  it("measures hand-computed cases, pooled over the agency's rotating staff", () => {
    const [overall, a, x] = rosterFigures(problem, uneven);
    // 5, 5, 0, 0 against 2.5 each: deviations +-2.5, squares 4 x 6.25; rates 1, 1, 0, 0:
    // Gini 2*(3*1+4*1)/(4*2) - 5/4 = 0.5, Jain 4/(4*2) = 0.5; everyone in 5 times is on every weekday once.
    expect(a.figures).toEqual({
      maxDeviation: 2.5, sumSquaredDeviation: 25, weeklyDeviation: 2.5, over2: 4, over1: 4, noOffice: 2,
      stdDev: 2.5, gini: 0.5, jain: 0.5, weekdayLockedShare: 0, topWeekdayShare: 0.2,
      priorityOfficeDays: 0, capUse: 1, rotating: 4, officeDays: 10,
      // Contacts: the two always in meet each other (1 each), the two always home nobody.
      contactsMean: 0.5, contactsMax: 1,
    });
    expect(overall.figures).toMatchObject({ maxDeviation: 2.5, gini: 0.5, jain: 0.5, capUse: 1, officeDays: 15, rotating: 4 });
    expect(x.figures).toMatchObject({ capUse: null, officeDays: 5, maxDeviation: 0, rotating: 0, weekdayLockedShare: null });
    const [, evenA] = rosterFigures(problem, even);
    // 3, 3, 2, 2: deviations +-0.5, sd 0.5; rates 0.6, 0.6, 0.4, 0.4: Gini 0.1, Jain 4/(4*1.04).
    expect(evenA.figures).toMatchObject({ maxDeviation: 0.5, sumSquaredDeviation: 1, over1: 0, noOffice: 0, stdDev: 0.5, gini: 0.1, jain: Math.round((4 / 4.16) * 1e6) / 1e6 });
  });
});

describe("compareRosters", () => {
  it("counts changed assignments and people per agency and overall", () => {
    const cmp = compareRosters(problem, even, uneven);
    // p1 OOHHO vs OOOOO: 2; p2 OHOOH vs OOOOO: 2; p3 HOHOH vs HHHHH: 2; p4 HHOHO vs HHHHH: 2.
    expect(cmp.changed).toBe(8);
    expect(cmp.assignments).toBe(25);
    expect(cmp.scopes.map((s) => [s.agencyId, s.changed, s.assignments, s.changedPeople])).toEqual([[null, 8, 25, 4], ["A", 8, 20, 4], ["X", 0, 5, 0]]);
    expect(compareRosters(problem, even, even).changed).toBe(0);
  });

  it("says which is better on each line", () => {
    const a = compareRosters(problem, even, uneven).scopes[1].figures;
    expect(a.maxDeviation).toEqual({ a: 0.5, b: 2.5, better: "a" });
    expect(a.jain.better).toBe("a");
    expect(a.gini.better).toBe("a");
    expect(a.capUse).toEqual({ a: 1, b: 1, better: "=" });
    expect(a.officeDays.better).toBeNull();
    const swapped = compareRosters(problem, uneven, even).scopes[1].figures;
    expect(swapped.maxDeviation.better).toBe("b");
  });

  it("judges each scope by the objectives' order: cap use, priority days, then the largest deviation", () => {
    const cmp = compareRosters(problem, even, uneven);
    expect(cmp.scopes.map((s) => s.verdict)).toEqual([{ better: "a", by: "maxDeviation" }, { better: "a", by: "maxDeviation" }, { better: "=", by: null }]);
    // Fewer office days (cap unused) loses whatever its deviations.
    const idle = rosterOf(problem, { p1: "OHHHH", p2: "HOHHH", p3: "HHOHH", p4: "HHHOH", x1: "OOOOO" });
    expect(compareRosters(problem, idle, uneven).scopes[1].verdict).toEqual({ better: "b", by: "capUse" });
  });

  it("falls through to the sum of squares when the largest deviations tie", () => {
    // 5, 5, 0, 0 and 5, 2, 3, 0 (deviations 2.5 both): squares 25 vs 6.25 + 0.25 + 0.25 + 6.25 = 13.
    const mixed = rosterOf(problem, { p1: "OOOOO", p2: "OOHHH", p3: "HHOOO", p4: "HHHHH", x1: "OOOOO" });
    expect(compareRosters(problem, uneven, mixed).scopes[1].verdict).toEqual({ better: "b", by: "sumSquaredDeviation" });
  });

  it("prints an aligned table with the better column, the verdict and the changed counts", () => {
    const lines = compareTable(compareRosters(problem, even, uneven), "en");
    expect(lines[0]).toMatch(/^scope\s+figure\s+A\s+B\s+better$/);
    const worst = lines.find((l) => l.startsWith("A ") && l.includes("largest deviation from a fair share"))!;
    expect(worst).toMatch(/largest deviation from a fair share \(days\)\s+0\.500\s+2\.500\s+A$/);
    expect(lines.filter((l) => /better, decided by\s+A \(largest deviation from a fair share \(days\)\)$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /changed assignments\s+8$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /people with a changed day\s+4$/.test(l))).toHaveLength(2);
    // Aligned: every "better" cell starts at the same column as the header's.
    const at = lines[0].indexOf("better");
    for (const line of lines.slice(1)) if (line.length > at && !line.includes("decided by")) expect(line[at - 1], line).toBe(" ");
  });

  it("writes CSV rows per scope and figure", () => {
    const csv = compareCsv(compareRosters(problem, even, uneven)).split("\n");
    expect(csv[0]).toBe("scope,name,figure,a,b,better");
    expect(csv).toContain("A,A,maxDeviation,0.5,2.5,a");
    expect(csv).toContain("A,A,verdict,maxDeviation,,a");
    expect(csv).toContain("overall,,changed,8,25,");
    expect(csv).toContain("overall,,changedPeople,4,,");
  });
});

describe("formatTable and figureText", () => {
  it("pads columns, right-aligning numbers", () => {
    expect(formatTable([["a", "1"], ["bbb", "22"]], [false, true])).toEqual(["a     1", "bbb  22"]);
  });
  it("writes ratios to 3 decimals and nothing as a dash", () => {
    expect([figureText(0.123456), figureText(7), figureText(null)]).toEqual(["0.123", "7", "-"]);
  });
});
