import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { candidateDeviations, levelTotals, smallestDeviation, unitCost, type LevelClass } from "../../solver/count/levelTargets.js";
import { realize } from "../../solver/count/realize.js";

const cls = (size: number, most: number, target: number, forced = 0): LevelClass => ({ size, most, forced, unit: 1, target });

describe("levelTotals", () => {
  it("gives one class its total when that is the only way, with the deviation of its members", () => {
    expect(levelTotals([cls(4, 5, 2.5)], 10)).toEqual({ totals: [10], deviation: 0.5 });
  });

  it("sends the days to the class furthest below its target first", () => {
    // Class 0 is owed 3 each (2 members), class 1 is owed 1 (2 members): 8 days go 6 / 2.
    expect(levelTotals([cls(2, 5, 3), cls(2, 5, 1)], 8)).toEqual({ totals: [6, 2], deviation: 0 });
  });

  it("keeps a class ahead by history at zero and takes its deviation as the bound", () => {
    // Target -2: already 2 days over the share, nothing to give; the other class takes all 4.
    const result = levelTotals([cls(1, 5, -2), cls(2, 5, 2)], 4);
    expect(result).toEqual({ totals: [0, 4], deviation: 2 });
  });

  it("counts pinned office days as already given", () => {
    expect(levelTotals([cls(1, 4, 3, 2), cls(1, 4, 3)], 4)).toEqual({ totals: [1, 3], deviation: 0 });
  });

  it("returns null when the days cannot be shared at all", () => {
    expect(levelTotals([cls(1, 2, 1)], 3)).toBeNull();
  });

  it("reaches the brute-force optimum of (largest |dev|, sum of squares) on small cases", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ size: fc.integer({ min: 1, max: 3 }), most: fc.integer({ min: 0, max: 4 }), target: fc.double({ min: -1, max: 5, noNaN: true }) }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 20 }), (raw, total) => {
        const classes = raw.map((r) => cls(r.size, r.most, r.target));
        // Brute force over member-level unit counts: members of a class get floor or ceil, so enumerate class totals.
        let best: [number, number] | null = null;
        const rec = (i: number, left: number, worst: number, squares: number): void => {
          if (i === classes.length) {
            if (left === 0 && (best === null || worst < best[0] - 1e-9 || (Math.abs(worst - best[0]) <= 1e-9 && squares < best[1] - 1e-9))) best = [worst, squares];
            return;
          }
          const c = classes[i];
          for (let x = 0; x <= Math.min(left, c.size * c.most); x++) {
            const q = Math.floor(x / c.size);
            const r = x - q * c.size;
            const lo = q - c.target;
            const hi = q + 1 - c.target;
            const w = Math.max(Math.abs(lo), r > 0 ? Math.abs(hi) : 0);
            rec(i + 1, left - x, Math.max(worst, w), squares + (c.size - r) * lo * lo + r * hi * hi);
          }
        };
        rec(0, total, 0, 0);
        const got = levelTotals(classes, total);
        if (best === null) {
          expect(got).toBeNull();
          return;
        }
        expect(got).not.toBeNull();
        const [worst, squares] = best;
        let s = 0;
        got!.totals.forEach((x, i) => {
          const c = classes[i];
          const q = Math.floor(x / c.size);
          const r = x - q * c.size;
          s += (c.size - r) * (q - c.target) ** 2 + r * (q + 1 - c.target) ** 2;
        });
        expect(got!.deviation).toBeCloseTo(worst, 9);
        expect(s).toBeCloseTo(squares, 9);
      }),
      { numRuns: 400, seed: 5150 },
    );
  });
});

describe("smallestDeviation and candidates", () => {
  it("lists each reachable deviation once, ascending", () => {
    expect(candidateDeviations([cls(1, 2, 0.5)])).toEqual([0.5, 1.5]);
  });
  it("is Infinity when no sharing exists", () => {
    expect(smallestDeviation([cls(1, 1, 0)], 5)).toBe(Infinity);
  });
  it("prices a unit by what it adds to the sum of squares", () => {
    expect(unitCost(cls(1, 5, 2.5), 0)).toBeCloseTo(1 - 2 * 2.5, 9);
  });
});

describe("realize", () => {
  const week = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
  it("spreads a class with leave over its weeks and fills the rest with the steady class", () => {
    const demand = Int32Array.from([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const counts = realize([{ size: 1, days: [0, 1, 2, 3, 4, 5, 6, 7], total: 4 }, { size: 4, days: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], total: 16 }], demand, week)!;
    expect(counts).not.toBeNull();
    const inWeek = (w: number) => counts[0].filter((_, d) => week[d] === w).reduce((a, b) => a + b, 0);
    // 4 days pro rata to 5 and 3 available days: 2.5 and 1.5, rounded either way.
    expect([2, 3]).toContain(inWeek(0));
    expect(inWeek(0) + inWeek(1)).toBe(4);
    for (let d = 0; d < 10; d++) expect(counts[0][d] + counts[1][d]).toBe(2);
  });

  it("finds a fit by flow where the greedy fill gets stuck, and says null when none exists", () => {
    // Two one-person classes available on overlapping days: both must come on their only days.
    const demand = Int32Array.from([1, 1, 0]);
    expect(realize([{ size: 1, days: [0, 1], total: 1 }, { size: 1, days: [0], total: 1 }], demand, [0, 0, 0])).toEqual([Int32Array.from([0, 1, 0]), Int32Array.from([1, 0, 0])]);
    expect(realize([{ size: 1, days: [0], total: 1 }, { size: 1, days: [0], total: 1 }], Int32Array.from([1, 1, 0]), [0, 0, 0])).toBeNull();
  });
});
