import { describe, expect, it } from "vitest";
import { isSafeName, writeLp } from "../../solver/model.js";
import type { Model } from "../../solver/model.js";
import { solveLp } from "../../solver/backends/highs.js";

const tiny: Model = {
  name: "tiny",
  sense: "max",
  objective: new Map([
    ["a", 3],
    ["b", 2],
    ["c", 0],
  ]),
  constraints: [
    { name: "both", terms: [["a", 1], ["b", 1]], lower: 1, upper: 1.5 },
    { name: "same", terms: [["a", 1], ["b", -1]], lower: 0, upper: 0 },
    { name: "cap", terms: [["b", 2], ["c", -1]], upper: 4 },
  ],
  vars: [
    { name: "a", lower: 0, upper: 1, integer: true },
    { name: "b", lower: 0, upper: 1, integer: true },
    { name: "c", lower: -Infinity, upper: Infinity, integer: false },
  ],
};

describe("writeLp", () => {
  it("writes sense, objective, split ranged rows, equalities, bounds and integers", () => {
    expect(writeLp(tiny)).toBe(
      [
        "\\ tiny",
        "Maximize",
        " obj: + 3 a + 2 b",
        "Subject To",
        " both_lo: + a + b >= 1",
        " both_hi: + a + b <= 1.5",
        " same: + a - b = 0",
        " cap: + 2 b - c <= 4",
        "Bounds",
        " 0 <= a <= 1",
        " 0 <= b <= 1",
        " c free",
        "General",
        " a b",
        "End",
        "",
      ].join("\n"),
    );
  });

  it("accepts a plain-object objective and one-sided bounds", () => {
    const lp = writeLp({
      name: "m",
      sense: "min",
      objective: { z: 1 },
      constraints: [{ name: "r", terms: [["z", 1]], lower: 2 }],
      vars: [{ name: "z", lower: -Infinity, upper: 9, integer: false }],
    });
    expect(lp).toContain("Minimize\n obj: + z\n");
    expect(lp).toContain(" r: + z >= 2\n");
    expect(lp).toContain(" -inf <= z <= 9\n");
    expect(lp).not.toContain("General");
  });

  it("refuses unsafe names, unknown variables, empty rows and unbounded rows", () => {
    const base = { name: "m", sense: "min" as const, objective: {} };
    expect(() => writeLp({ ...base, constraints: [], vars: [{ name: "e1", lower: 0, upper: 1, integer: true }] })).toThrow(/unsafe/);
    expect(() => writeLp({ ...base, constraints: [], vars: [{ name: "a b", lower: 0, upper: 1, integer: true }] })).toThrow(/unsafe/);
    const vars = [{ name: "a", lower: 0, upper: 1, integer: true }];
    expect(() => writeLp({ ...base, vars, constraints: [{ name: "r", terms: [["q", 1]], upper: 1 }] })).toThrow(/unknown variable/);
    expect(() => writeLp({ ...base, vars, constraints: [{ name: "r", terms: [["a", 0]], upper: 1 }] })).toThrow(/no nonzero term/);
    expect(() => writeLp({ ...base, vars, constraints: [{ name: "r", terms: [["a", 1]] }] })).toThrow(/no bound/);
    expect(isSafeName("x12_3")).toBe(true);
    expect(isSafeName("free")).toBe(false);
    expect(isSafeName("3x")).toBe(false);
  });

  it("wraps long rows so that no line grows without limit", () => {
    const vars = Array.from({ length: 100 }, (_, i) => ({ name: `v${i}`, lower: 0, upper: 1, integer: true }));
    const lp = writeLp({ name: "long", sense: "max", objective: {}, vars, constraints: [{ name: "r", terms: vars.map((v): [string, number] => [v.name, 1]), upper: 5 }] });
    expect(Math.max(...lp.split("\n").map((line) => line.length))).toBeLessThan(120);
  });
});

describe("solveLp (HiGHS)", () => {
  it("reports the tiny model infeasible and gives no values", async () => {
    // a = b with a, b integer in [0, 1] makes a + b 0 or 2, never within [1, 1.5].
    const result = await solveLp(writeLp(tiny));
    expect(result.status).toBe("infeasible");
    expect("values" in result).toBe(false);
  });

  it("solves a feasible variant to its known optimum", async () => {
    const model: Model = { ...tiny, constraints: tiny.constraints.filter((c) => c.name !== "same") };
    const result = await solveLp(writeLp(model));
    expect(result.status).toBe("optimal");
    if (result.status !== "optimal") return;
    // Exactly one of a, b is 1; a earns more.
    expect(result.objective).toBe(3);
    expect(result.values.get("a")).toBe(1);
    expect(result.values.get("b")).toBe(0);
  });

  it("turns text HiGHS cannot read into an error result, and solves again afterwards", async () => {
    const broken = await solveLp("Maximize\n obj: + x\nSubject To\n r: 1 <= x <= 2\nEnd\n");
    expect(broken.status).toBe("error");
    const after = await solveLp(writeLp({ ...tiny, constraints: [] }));
    expect(after.status).toBe("optimal");
  });

  it("reports a time limit as its own status, with no values", async () => {
    // A knapsack with 40 large pseudo-random weights: far beyond 0.2 s for branch and bound.
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const vars = Array.from({ length: 40 }, (_, i) => ({ name: `k${i}`, lower: 0, upper: 1, integer: true }));
    const weights = vars.map(() => Math.floor(random() * 1e5) + 1e5);
    const model: Model = {
      name: "knapsack",
      sense: "max",
      objective: new Map(vars.map((v, i) => [v.name, weights[i]])),
      constraints: [{ name: "w", terms: vars.map((v, i): [string, number] => [v.name, weights[i]]), upper: Math.floor(weights.reduce((s, w) => s + w, 0) / 2) }],
      vars,
    };
    const result = await solveLp(writeLp(model), { timeLimitSeconds: 0.2 });
    expect(result.status).toBe("time_limit");
    expect("values" in result).toBe(false);
  });
});
