import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gini, jain, mean, spread, stdDev } from "../../src/metrics/stats.js";

describe("spread", () => {
  it("is max minus min, 0 for nothing", () => {
    expect(spread([3, 5, 4])).toBe(2);
    expect(spread([7])).toBe(0);
    expect(spread([])).toBe(0);
    expect(spread(new Int32Array([-1, 4]))).toBe(5);
  });
});

describe("mean and stdDev", () => {
  it("divide by n (population), 0 for nothing", () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(stdDev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(stdDev([3, 4])).toBe(0.5);
    expect(stdDev([5])).toBe(0);
    expect(stdDev([])).toBe(0);
    expect(mean([])).toBe(0);
  });
});

describe("gini", () => {
  it("is 0 when all are equal and (n-1)/n when one holds everything", () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBe(0.75);
    expect(gini([4, 0, 0, 0])).toBe(0.75);
  });

  it("matches hand-computed values on unsorted input", () => {
    // sorted [1, 2, 3]: 2 * (1 + 4 + 9) / (3 * 6) - 4 / 3 = 2 / 9
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
    expect(gini([3, 4])).toBeCloseTo(1 / 14, 12);
  });

  it("is 0 for nothing and for all zeros", () => {
    expect(gini([])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });

  it("does not reorder its input", () => {
    const xs = new Float64Array([3, 1, 2]);
    gini(xs);
    expect([...xs]).toEqual([3, 1, 2]);
  });

  it("equals the mean absolute difference over twice the mean", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const n = xs.length;
        const sum = xs.reduce((a, b) => a + b, 0);
        let diff = 0;
        for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
        const expected = sum === 0 ? 0 : diff / (2 * n * sum);
        expect(gini(xs)).toBeCloseTo(expected, 9);
      }),
    );
  });
});

describe("jain", () => {
  it("matches hand-computed values", () => {
    expect(jain([1, 2, 3])).toBe(36 / 42);
    expect(jain([0, 0, 0, 4])).toBe(0.25);
    expect(jain([5, 5])).toBe(1);
  });

  it("is 1 for nothing and for all zeros", () => {
    expect(jain([])).toBe(1);
    expect(jain([0, 0])).toBe(1);
  });

  it("lies between 1/n and 1", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const j = jain(xs);
        expect(j).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
        expect(j).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
