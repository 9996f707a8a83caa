import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { problemArbitrary } from "../helpers/arbitraries.js";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { loadBackend } from "../../solver/backend.js";
import { solveExact } from "../../solver/exact/exactModel.js";
import { objectiveValues } from "../../src/metrics/objectives.js";
import { expectSameObjectives } from "../helpers/objectives.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import type { Problem } from "../../src/domain/problem.js";

const RUNS = process.env.GILIRAN_DEEP ? 1000 : 60;
/** Deep runs take minutes per property. */
const TIMEOUT = process.env.GILIRAN_DEEP ? 3_600_000 : 120_000;

async function compareWithExact(problem: Problem, backendName: "jslp" | "highs" = "jslp"): Promise<void> {
  const backend = backendName === "jslp" ? jslpBackend : await loadBackend("highs");
  let ours: ReturnType<typeof solveProblem> | null = null;
  try {
    ours = solveProblem(problem, { backend });
  } catch (error) {
    if (!(error instanceof InfeasibleError)) throw error;
  }
  const exact = await solveExact(problem, { timeLimitSeconds: 30 });
  if (exact.status === "time_limit") return;
  if (ours === null) {
    expect(exact.status).toBe("infeasible");
    return;
  }
  expect(exact.status).toBe("optimal");
  expect(verifyRoster(problem, ours.roster).ok).toBe(true);
  expectSameObjectives(objectiveValues(problem, ours.roster).perAgency, exact.perAgency!);
}

describe("the count solver against the exact per-person model (HiGHS)", () => {
  it("reaches every lexicographic optimum without leave or history", async () => {
    await fc.assert(fc.asyncProperty(problemArbitrary(), (p) => compareWithExact(p)), { numRuns: RUNS, seed: 20211 });
  }, TIMEOUT);
  it("reaches every optimum with leave and composition rules", async () => {
    await fc.assert(fc.asyncProperty(problemArbitrary({ withLeave: true, withRules: true }), (p) => compareWithExact(p)), { numRuns: RUNS, seed: 20212 });
  }, TIMEOUT);
  it("gives the same objective values with the HiGHS backend", async () => {
    await fc.assert(fc.asyncProperty(problemArbitrary({ withRules: true }), (p) => compareWithExact(p, "highs")), { numRuns: Math.ceil(RUNS / 2), seed: 20213 });
  }, TIMEOUT);
});
