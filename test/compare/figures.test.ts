import { describe, expect, it } from "vitest";
import { better, compareRosters, rosterFigures } from "../../src/compare/figures.js";
import { compareCsv, compareTable, figureText, formatTable } from "../../src/compare/render.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

describe("better", () => {
  it("prefers lower spreads, deviation, Gini and priority days", () => {
    for (const f of ["spread", "weeklySpread", "stdDev", "gini", "priorityOfficeDays"] as const) {
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

  it("says nothing for office days or a missing figure", () => {
    expect(better("officeDays", 10, 12)).toBeNull();
    expect(better("capUse", null, null)).toBeNull();
  });
});

// One agency, cap 2, four rotating pelaksana over one week (5 days): 10 office days to share.
const problem = buildProblem({
  days: workdaysBetween("2021-07-19", "2021-07-23"),
  agencies: [{ id: "A", cap: 2 }, { id: "X", exempt: true }],
  people: [{ id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" }, { id: "x1", agency: "X" }],
});
// Even: 3, 3, 2, 2 office days. Uneven: 5, 5, 0, 0 (the same cap use).
const even = rosterOf(problem, { p1: "OOHHO", p2: "OHOOH", p3: "HOHOH", p4: "HHOHO", x1: "OOOOO" });
const uneven = rosterOf(problem, { p1: "OOOOO", p2: "OOOOO", p3: "HHHHH", p4: "HHHHH", x1: "OOOOO" });

describe("rosterFigures", () => {
  it("measures hand-computed cases", () => {
    const [overall, a, x] = rosterFigures(problem, uneven);
    // 5, 5, 0, 0 in one week: spread 5 (also within the week), mean 2.5, sd 2.5, Gini 2*(3*5+4*5)/(4*10) - 5/4 = 0.5, Jain 100/(4*50) = 0.5.
    // Contacts: the two always in meet each other (1 each), the two always home nobody.
    expect(a.figures).toEqual({ spread: 5, weeklySpread: 5, stdDev: 2.5, gini: 0.5, jain: 0.5, priorityOfficeDays: 0, capUse: 1, contactsMean: 0.5, contactsMax: 1, officeDays: 10 });
    expect(overall.figures).toMatchObject({ spread: 5, stdDev: 2.5, gini: 0.5, jain: 0.5, capUse: 1, officeDays: 15 });
    expect(x.figures).toMatchObject({ capUse: null, officeDays: 5, spread: 0 });
    const [, evenA] = rosterFigures(problem, even);
    // 3, 3, 2, 2: sd 0.5, Gini 2*(1*2+2*2+3*3+4*3)/(4*10) - 5/4 = 0.1, Jain 100/(4*26).
    expect(evenA.figures).toMatchObject({ spread: 1, stdDev: 0.5, gini: 0.1, jain: Math.round((100 / 104) * 1e6) / 1e6 });
  });
});

describe("compareRosters", () => {
  it("counts changed assignments per agency and overall", () => {
    const cmp = compareRosters(problem, even, uneven);
    // p1 OOHHO vs OOOOO: 2; p2 OHOOH vs OOOOO: 2; p3 HOHOH vs HHHHH: 2; p4 HHOHO vs HHHHH: 2.
    expect(cmp.changed).toBe(8);
    expect(cmp.assignments).toBe(25);
    expect(cmp.scopes.map((s) => [s.agencyId, s.changed, s.assignments])).toEqual([[null, 8, 25], ["A", 8, 20], ["X", 0, 5]]);
    expect(compareRosters(problem, even, even).changed).toBe(0);
  });

  it("says which is better on each line", () => {
    const a = compareRosters(problem, even, uneven).scopes[1].figures;
    expect(a.spread).toEqual({ a: 1, b: 5, better: "a" });
    expect(a.jain.better).toBe("a");
    expect(a.gini.better).toBe("a");
    expect(a.capUse).toEqual({ a: 1, b: 1, better: "=" });
    expect(a.officeDays.better).toBeNull();
    const swapped = compareRosters(problem, uneven, even).scopes[1].figures;
    expect(swapped.spread.better).toBe("b");
  });

  it("prints an aligned table with the better column and the changed count", () => {
    const lines = compareTable(compareRosters(problem, even, uneven), "en");
    expect(lines[0]).toMatch(/^scope\s+figure\s+A\s+B\s+better$/);
    const spread = lines.find((l) => l.startsWith("A ") && l.includes("fairness spread"))!;
    expect(spread).toMatch(/fairness spread \(max - min, worst group\)\s+1\s+5\s+A$/);
    expect(lines.filter((l) => /changed assignments\s+8$/.test(l))).toHaveLength(2);
    // Aligned: every "better" cell starts at the same column as the header's.
    const at = lines[0].indexOf("better");
    for (const line of lines.slice(1)) if (line.length > at) expect(line[at - 1], line).toBe(" ");
  });

  it("writes CSV rows per scope and figure", () => {
    const csv = compareCsv(compareRosters(problem, even, uneven)).split("\n");
    expect(csv[0]).toBe("scope,name,figure,a,b,better");
    expect(csv).toContain("A,A,spread,1,5,a");
    expect(csv).toContain("overall,,changed,8,25,");
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
