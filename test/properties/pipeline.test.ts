/**
 * Whole-pipeline properties on random scenario directories (read -> compile -> solve ->
 * verify -> write): every roster written keeps every hard rule, by the verifier and by the
 * simple checker of `test/helpers/simpleChecker.ts`; text from the input never leaves as a
 * spreadsheet formula; an infeasible scenario writes nothing.
 */
import fc from "fast-check";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { solveScenario } from "../../src/pipeline/solveScenario.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { scenarioArbitrary, type ScenarioSpec } from "../helpers/arbitraries.js";
import { dialectArbitrary, writeScenarioFiles, type CsvDialect } from "../helpers/scenarioFiles.js";
import { simpleViolations, splitCsvLine } from "../helpers/simpleChecker.js";
import { tempDir } from "../helpers/cli.js";

const DEEP = process.env.GILIRAN_DEEP === "1";
const TIMEOUT = DEEP ? 3_600_000 : 120_000;
export const PIPELINE_RUNS = DEEP ? 3000 : 30;

const FORMULA = /^[=+\-@\t\r]/;
const CSV_OUTPUTS = ["roster.csv", "roster-wide.csv", "daily.csv"];

const tally = { feasible: 0, infeasible: 0 };

/** Solve one scenario through the library pipeline and check what it wrote. */
async function solveAndCheck(spec: ScenarioSpec, dialect: CsvDialect): Promise<void> {
  const root = tempDir("giliran-pipeline-");
  const dir = writeScenarioFiles(join(root, "in"), spec, dialect);
  const out = join(root, "out");
  let outcome: Awaited<ReturnType<typeof solveScenario>>;
  try {
    outcome = await solveScenario(dir, out, { lang: "en" });
  } catch (error) {
    if (!(error instanceof InfeasibleError)) throw error;
    tally.infeasible++;
    expect(existsSync(out), "an infeasible scenario writes nothing").toBe(false);
    return;
  }
  tally.feasible++;
  expect(verifyRoster(outcome.problem, outcome.roster).ok).toBe(true);
  expect(simpleViolations(spec, readFileSync(join(out, "roster.csv"), "utf8"))).toEqual([]);
  expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);

  for (const file of CSV_OUTPUTS) {
    const lines = readFileSync(join(out, file), "utf8").split("\n").filter((l) => l !== "");
    for (const line of lines) for (const cell of splitCsvLine(line)) expect(cell, `${file}: ${line}`).not.toMatch(FORMULA);
  }
  // The printable sheet carries each name, neutralized but otherwise as written.
  const wide = readFileSync(join(out, "roster-wide.csv"), "utf8").split("\n").slice(1, -1).map((l) => splitCsvLine(l));
  expect(wide.map((cells) => cells[1])).toEqual(spec.employees.map((e) => e.name.trim().replace(/^(?=[=+\-@])/, "'")));
  expect(wide.map((cells) => cells[0])).toEqual(spec.employees.map((e) => e.employee_id.replace(/^(?=[=+\-@])/, "'")));
}

describe("every roster solve writes", () => {
  afterAll(() => {
    console.info(`pipeline property: ${tally.feasible} feasible and ${tally.infeasible} infeasible scenarios solved`);
  });

  it("keeps every hard rule, by the verifier and by a simple second checker", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ withLeave: true, withRules: true, withHistory: true }), dialectArbitrary, solveAndCheck),
      { numRuns: PIPELINE_RUNS, seed: 60601 },
    );
  }, TIMEOUT);

  it("neutralizes names and ids that start like spreadsheet formulas in every CSV output", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ withLeave: true, hostileText: true }), dialectArbitrary, solveAndCheck),
      { numRuns: Math.ceil(PIPELINE_RUNS / 3), seed: 60602 },
    );
  }, TIMEOUT);
});
