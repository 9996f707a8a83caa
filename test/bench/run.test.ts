import { describe, expect, it } from "vitest";
import { formatResults, parseBenchArgs, parseSizes, targetVerdicts, type BenchReport } from "../../bench/run.js";
import type { FloorFigures, SolveFigures } from "../../bench/worker.js";

const times = { read: 1000, compile: 200, solve: 1500, verify: 100, metrics: 300, write: 900 };
const solve = (wallMs: number, peakMb: number): SolveFigures => ({
  kind: "solve", wallMs, cpuMs: wallMs * 0.9, peakMb, times, models: 3, people: 100_000, agencies: 33, days: 20,
  objectives: { capUse: 10, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 1, perAgency: [] }, outputBytes: 1,
});
const floor: FloorFigures = { kind: "floor", wallMs: 2000, cpuMs: 1800, peakMb: 200, readMs: 1200, writeMs: 800, rawReadMs: 100, rawWriteMs: 400, inputBytes: 11e6, rosterBytes: 50e6 };

function report(hundredMs: number, millionMs: number, millionMb: number, giantMs: number, exactEqual: boolean): BenchReport {
  const objectives = { capUse: 100, priorityOfficeDays: 0, maxDeviation: 0, sumSquaredDeviation: 0, weeklyDeviation: 1 };
  return {
    date: "2026-01-01T00:00:00.000Z",
    machine: { cpus: 2, cpuModel: "test", memoryGb: 8, freeGb: 4, node: "v20.0.0", platform: "linux x64" },
    loadBefore: [0.1, 0.1, 0.1], loadAfter: [0.2, 0.2, 0.2], seed: 1, seconds: 60, exactLimitSeconds: 30,
    sizes: [
      { label: "100,000", employees: 100_000, agencies: 33, floor, solves: { auto: solve(hundredMs, 300), highs: { kind: "failed", reason: "did not finish in 300 s (killed)" } } },
      { label: "1,000,000", employees: 1_000_000, agencies: 300, floor, solves: { auto: solve(millionMs, millionMb) } },
      { label: "27,000, one agency", employees: 27_000, agencies: 1, floor, solves: { auto: solve(giantMs, 150) } },
    ],
    exact: [
      { label: "one agency, 20 people", result: { kind: "exact", wallMs: 1, cpuMs: 1, peakMb: 1, people: 20, binaries: 400, status: "optimal", exactSeconds: 2, exact: objectives, countSeconds: 0.01, count: exactEqual ? objectives : { ...objectives, maxDeviation: 1 } } },
      { label: "one agency, 500 people", result: { kind: "failed", reason: "did not finish in 70 s (killed)" } },
    ],
  };
}

describe("bench arguments", () => {
  it("reads sizes, quick and out", () => {
    expect(parseBenchArgs(["--sizes", "1000,10_000", "--quick", "--out", "x.md"])).toEqual({ sizes: [1000, 10000], quick: true, out: "x.md" });
    expect(parseSizes("1000, 20")).toEqual([1000, 20]);
    expect(parseBenchArgs(["--only-replan", "--sizes", "10000"])).toEqual({ onlyReplan: true, sizes: [10000] });
  });

  it("refuses sizes that are not whole numbers above 0, and unknown flags", () => {
    for (const bad of ["", "10,", "1.5", "0", "-3", "abc"]) expect(parseSizes(bad)).toBeNull();
    expect(() => parseBenchArgs(["--sizes", "x"])).toThrow(/--sizes/);
    expect(() => parseBenchArgs(["--fast"])).toThrow(/--fast/);
    expect(() => parseBenchArgs(["--out"])).toThrow(/needs a value/);
  });
});

describe("bench verdicts", () => {
  it("says met when every target is met, with the ratio to the raw floor", () => {
    const lines = targetVerdicts(report(1400, 50_000, 1500, 2500, true));
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.includes("**met**"))).toBe(true);
    expect(lines[0]).toContain("2.8x the raw floor (0.50 s");
    expect(lines[0]).toContain("0.7x the floor of our own reader and writer (2.00 s)");
  });

  it("says by how much each target is missed", () => {
    const lines = targetVerdicts(report(12_000, 75_000, 2500, 4200, false));
    expect(lines.every((l) => l.includes("**missed**"))).toBe(true);
    expect(lines[0]).toContain("24.0x the raw floor");
    expect(lines[0]).toContain("10.50 s over 3x");
    expect(lines[2]).toContain("15.00 s over");
    expect(lines[3]).toContain("peak RSS 2500 MB");
    expect(lines[4]).toContain("1.20 s over");
    expect(lines[5]).toContain("0 of 1 solved problems equal");
  });

  it("writes the machine, the stage table, the floors and the failures into RESULTS.md", () => {
    const text = formatResults(report(1400, 50_000, 1500, 2500, true));
    expect(text).toContain("2 cores (`os.cpus().length`, test), 8.0 GB memory");
    expect(text).toContain("Node v20.0.0");
    expect(text).toContain("| 100,000 | 33 | auto | 1.00 | 0.20 | 1.50 | 0.10 | 0.30 | 0.90 | **1.40** | 1.26 | 300 | 3 |");
    expect(text).toContain("| 100,000 | 33 | highs | did not finish in 300 s (killed) |");
    expect(text).toContain("| 100,000 | 11.0 | 50.0 | 1.20 | 0.80 | **2.00** | 0.10 | 0.40 | **0.50** | 0.7x | 2.8x |");
    expect(text).toContain("| one agency, 500 people |  |  | did not finish in 70 s (killed) |");
    expect(text).toContain("100 / 0 / 0.00 / 0.00 (equal)");
  });
});

describe("bench replan (issue 10)", () => {
  it("compares replan with a solve of the same input, and says whether it is within 1.5x", () => {
    const base = { ...report(1400, 50_000, 1500, 2500, true), exact: [] };
    const replan = { kind: "replan" as const, wallMs: 2000, cpuMs: 1800, peakMb: 300, times, people: 100_000, from: "2021-07-29", changed: 812, notified: 640, published: 800_000, kept: 800_000 };
    base.sizes[0].replan = { replan, solve: solve(1600, 300) };
    const lines = targetVerdicts(base);
    expect(lines).toContain("- replan of 100,000 employees within 1.5x solve on the same input: **met** (2.00 s against 1.60 s, 1.25x; CPU 1.25x).");
    const text = formatResults(base);
    expect(text).toContain("## Replan against solve (issue 10)");
    expect(text).toContain("| 100,000 | 1.60 / 1.44 | **2.00** / 1.80 | 1.25x / 1.25x | 1.00 / 0.20 / 1.50 / 0.90 | 800,000 of 800,000 | 812 (640 people) | - |");
    base.sizes[0].replan = { replan: { ...replan, wallMs: 3000 }, solve: solve(1600, 300) };
    expect(targetVerdicts(base).find((l) => l.startsWith("- replan"))).toContain("**missed**");
  });
});
