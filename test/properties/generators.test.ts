/**
 * The random scenarios are worth testing on: most have a fairness group of two or more
 * rotating members and a cap that binds, most are feasible, and every feature shows up.
 * (A generator that only makes trivial cases would let every property pass.)
 */
import fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { fairnessGroupKey } from "../../src/domain/problem.js";
import { scenarioArbitrary } from "../helpers/arbitraries.js";
import { compileSpec } from "../helpers/scenarioFiles.js";
import { tempDir } from "../helpers/cli.js";

describe("scenarioArbitrary", () => {
  it("makes mostly non-trivial, mostly feasible scenarios with every feature", async () => {
    const specs = fc.sample(scenarioArbitrary({ withLeave: true, withRules: true, withHistory: true }), { numRuns: 200, seed: 60640 });
    const dir = join(tempDir("giliran-gen-"), "in");
    const seen = { group: 0, binding: 0, feasible: 0, weekly: 0, priority: 0, fixed: 0, exempt: 0, leave: 0, rules: 0, history: 0, holidays: 0, capCount: 0 };
    for (const spec of specs) {
      const problem = await compileSpec(dir, spec);
      const sizes = new Map<string, number>();
      for (const p of problem.people) {
        const key = fairnessGroupKey(p);
        if (key !== null) sizes.set(key, (sizes.get(key) ?? 0) + 1);
      }
      if ([...sizes.values()].some((n) => n >= 2)) seen.group++;
      // Binding: fewer office places than people who could come in.
      if (problem.agencies.some((a) => a.cap !== null && a.cap < a.people.filter((i) => problem.people[i].attendance !== "fixed").length)) seen.binding++;
      try {
        solveProblem(problem, { backend: jslpBackend });
        seen.feasible++;
      } catch {
        // infeasible cases are tested too, only not most of them
      }
      if (problem.rotation === "weekly") seen.weekly++;
      if (problem.people.some((p) => p.attendance === "priority")) seen.priority++;
      if (problem.people.some((p) => p.fixedBy === "mandatory" || p.fixedBy === "employment")) seen.fixed++;
      if (problem.agencies.some((a) => a.exempt)) seen.exempt++;
      if (problem.people.some((p) => p.leave !== null)) seen.leave++;
      if (problem.agencies.some((a) => a.rules.length > 0)) seen.rules++;
      if (problem.people.some((p) => p.history > 0)) seen.history++;
      if ((spec.config.holidays ?? []).length > 0) seen.holidays++;
      if ("count" in spec.config.officeCap || spec.agencies.some((a) => a.cap_count !== "")) seen.capCount++;
    }
    console.info(`generator: ${JSON.stringify(seen)} of ${specs.length}`);
    expect(seen.group).toBeGreaterThanOrEqual(120);
    expect(seen.binding).toBeGreaterThanOrEqual(140);
    expect(seen.feasible).toBeGreaterThanOrEqual(110);
    for (const [feature, n] of Object.entries(seen)) expect(n, feature).toBeGreaterThanOrEqual(20);
  });
});
