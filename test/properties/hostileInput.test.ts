/**
 * Hostile input, fuzzed: real scenario directories (the tiny fixture, a generated province,
 * a random scenario with every optional file) with their files broken the ways planners' files
 * break. Reading must either succeed (and then the roster must verify) or fail with an
 * `InputError` whose every issue names the file and, where the file has content, the line and
 * column; never anything else. Through the CLI: never a stack trace, exit 1 or 0, and the
 * output directory byte for byte as it was.
 */
import fc from "fast-check";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScenario } from "../../src/io/readScenario.js";
import { formatInputIssues } from "../../src/io/formatIssues.js";
import { compile } from "../../src/policy/compile.js";
import { solveProblem } from "../../solver/solve.js";
import { jslpBackend } from "../../solver/backends/jslp.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { InfeasibleError, InputError, type InputIssue } from "../../src/domain/errors.js";
import { generateScenario } from "../../src/generate/index.js";
import { scenarioArbitrary } from "../helpers/arbitraries.js";
import { writeScenarioFiles } from "../helpers/scenarioFiles.js";
import { corrupt, corruptionArbitrary, describeCorruption, type Corruption } from "../helpers/corrupt.js";
import { spawnSync } from "node:child_process";
import { CLI, giliran, tempDir, TINY } from "../helpers/cli.js";

const DEEP = process.env.GILIRAN_DEEP === "1";
export const FUZZ_RUNS = DEEP ? 10_000 : 150;
export const CLI_FUZZ_RUNS = DEEP ? 200 : 6;

/** Issues about a whole file (it is missing, empty or unreadable), where no line or column exists. */
const WHOLE_FILE = new Set(["input.file_missing", "input.file_unreadable", "input.file_empty", "input.more_issues", "input.no_workdays"]);

const root = tempDir("giliran-hostile-");
const fixtures: string[] = [TINY];
const stats = { valid: 0, rejected: 0, byCode: new Map<string, number>() };

beforeAll(async () => {
  const generated = join(root, "generated");
  await generateScenario({ employees: 150, seed: 11, rules: true, weeks: 2, leaveRate: 0.1 }, generated);
  const random = writeScenarioFiles(join(root, "random"), fc.sample(scenarioArbitrary({ withLeave: true, withRules: true, withHistory: true, maxAgencies: 3 }).filter((s) => s.rules.length > 0 && s.leave.length > 0 && s.history.length > 0), { numRuns: 1, seed: 6 })[0]);
  fixtures.push(generated, random);
});

const hostileCase = fc.record({
  fixture: fc.nat(),
  file: fc.nat(),
  corruptions: fc.array(corruptionArbitrary, { minLength: 1, maxLength: 3 }),
});
type HostileCase = { fixture: number; file: number; corruptions: Corruption[] };

/** A copy of a fixture with one of its files corrupted; returns the directory and the file's name. */
function corruptedCopy(c: HostileCase, into: string): { dir: string; file: string } {
  const from = fixtures[c.fixture % fixtures.length];
  rmSync(into, { recursive: true, force: true });
  cpSync(from, into, { recursive: true });
  const files = readdirSync(into).sort();
  const file = files[c.file % files.length];
  let bytes: Buffer = readFileSync(join(into, file));
  for (const corruption of c.corruptions) bytes = corrupt(bytes, corruption);
  writeFileSync(join(into, file), bytes);
  return { dir: into, file };
}

function checkIssue(issue: InputIssue, files: string[], label: string): void {
  stats.byCode.set(issue.code, (stats.byCode.get(issue.code) ?? 0) + 1);
  const where = `${label}: ${JSON.stringify(issue)}`;
  expect(files, `${where}: names a file of the scenario`).toContain(issue.file);
  if (WHOLE_FILE.has(issue.code)) return;
  expect(typeof issue.line, `${where}: has a line`).toBe("number");
  // A column that is not in the header has no column number; the header line is named.
  if (issue.code !== "input.column_missing") expect(typeof issue.column, `${where}: has a column`).toBe("number");
}

describe("hostile input", () => {
  afterAll(() => {
    const codes = [...stats.byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(", ");
    console.info(`hostile input: ${stats.valid} corrupted directories still valid, ${stats.rejected} rejected; issues: ${codes}`);
  });

  it("is read into a roster that verifies, or rejected with located issues and nothing else", async () => {
    const into = join(root, "case");
    await fc.assert(
      fc.asyncProperty(hostileCase, async (c) => {
        const { dir, file } = corruptedCopy(c, into);
        const label = `${file} ${c.corruptions.map(describeCorruption).join(" then ")}`;
        const files = readdirSync(dir);
        let problem;
        try {
          problem = compile(await readScenario(dir));
        } catch (error) {
          if (!(error instanceof InputError)) throw new Error(`${label}: not an InputError: ${String(error)}`, { cause: error });
          stats.rejected++;
          expect(error.issues.length).toBeGreaterThan(0);
          for (const issue of error.issues) checkIssue(issue, files, label);
          expect(formatInputIssues(error, "en").join("\n")).toContain(error.issues[0].file);
          return;
        }
        stats.valid++;
        try {
          const { roster } = solveProblem(problem, { backend: jslpBackend });
          expect(verifyRoster(problem, roster).ok, label).toBe(true);
        } catch (error) {
          if (!(error instanceof InfeasibleError)) throw error;
        }
      }),
      { numRuns: FUZZ_RUNS, seed: 60631 },
    );
  }, DEEP ? 3_600_000 : 120_000);

  it("through the CLI: exit 1 with file:line:column and no stack trace (or exit 0 and a verified roster), the output directory untouched", async () => {
    const into = join(root, "cli-case");
    const out = join(root, "cli-out");
    // Outputs of an earlier complete run: a failed run must leave them byte for byte.
    expect(giliran("solve", TINY, "-o", out, "-q").code).toBe(0);
    const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));
    const before = snapshot(out);
    await fc.assert(
      fc.asyncProperty(hostileCase, async (c) => {
        const { dir, file } = corruptedCopy(c, into);
        const label = `${file} ${c.corruptions.map(describeCorruption).join(" then ")}`;
        // A large maxBuffer: messages echo cells, and a fuzzed cell can be megabytes long.
        const spawned = spawnSync(process.execPath, [CLI, "solve", dir, "-o", out, "-q"], { encoding: "utf8", maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: "1" } });
        const result = { code: spawned.status ?? -1, stderr: spawned.stderr };
        expect(result.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+/);
        expect(result.stderr, label).not.toMatch(/internal error/i);
        if (result.code === 0) {
          // The corruption left valid input: the roster written must keep the rules.
          const problem = compile(await readScenario(dir));
          expect(existsSync(join(out, "roster.csv"))).toBe(true);
          const written = readFileSync(join(out, "roster.csv"), "utf8").trim().split("\n").length - 1;
          expect(written).toBe(problem.people.length * problem.calendar.days.length);
          // Put the earlier outputs back for the next case.
          rmSync(out, { recursive: true, force: true });
          expect(giliran("solve", TINY, "-o", out, "-q").code).toBe(0);
          return;
        }
        expect([1, 2], `${label}: exit ${result.code}: ${result.stderr.slice(0, 500)}`).toContain(result.code);
        if (result.code === 1) {
          const lines = result.stderr.trim().split("\n");
          const located = lines.slice(0, -1).filter((l) => !/more problem/.test(l));
          // file:line:column, except a column absent from the header (its line) and whole-file problems.
          for (const line of located) expect(line, label).toMatch(/^[\w.-]+\.(csv|json)(:\d+:\d+: |:1: missing column |: (file not found|the file is empty|cannot be read|no workday))/);
        }
        expect(snapshot(out), `${label}: the output directory changed`).toEqual(before);
        expect(statSync(out).isDirectory()).toBe(true);
      }),
      { numRuns: CLI_FUZZ_RUNS, seed: 60632 },
    );
  }, DEEP ? 1_800_000 : 120_000);
});
