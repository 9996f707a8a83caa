/**
 * Solve every bundled fixture and a generated 20,000-employee province (seed 7) with the
 * built CLI, then audit each roster with `fairnessAudit` (which reads the files on its own,
 * independently of src/) and print one table: issue 9's "done when" figures.
 *
 *   npm run build && node dist/scripts/auditFixtures.js [--json] [--skip-generated] [--solver auto|jslp|highs] [--out DIR]
 *
 * Shell-free: the CLI runs as a child process of this Node (`execFileSync`, no shell), so
 * it runs the same on any machine. Rosters are written under `--out` (a temporary directory
 * by default) and kept, to be looked at after.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { auditRoster, auditTable, type AuditFigures } from "./fairnessAudit.js";

/** The repository root (this file runs from dist/scripts/ or, under a TS runner, from scripts/). */
function repositoryRoot(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  for (const up of ["..", "../.."]) {
    const root = join(here, up);
    if (existsSync(join(root, "package.json")) && existsSync(join(root, "fixtures"))) return root;
  }
  throw new Error(`cannot find the repository root above ${here}`);
}

export interface AuditRun extends AuditFigures {
  /** Wall-clock seconds of the solve. */
  seconds: number;
}

/** Solve one scenario directory with the built CLI into `out`, then audit the roster. */
export function solveAndAudit(cli: string, scenario: string, out: string, solver: string, label: string): AuditRun {
  const started = performance.now();
  execFileSync(process.execPath, [cli, "solve", scenario, "-o", out, "--quiet", "--solver", solver], { stdio: ["ignore", "inherit", "inherit"] });
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  return { ...auditRoster(scenario, join(out, "roster.csv")), scenario: label, seconds };
}

function main(argv: string[]): number {
  const json = argv.includes("--json");
  const skipGenerated = argv.includes("--skip-generated");
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const solver = option("--solver") ?? "auto";
  const outRoot = option("--out") ?? mkdtempSync(join(tmpdir(), "giliran-audit-"));
  const root = repositoryRoot();
  const cli = join(root, "dist/src/cli/main.js");
  if (!existsSync(cli)) {
    process.stderr.write(`${cli} not found: run npm run build first\n`);
    return 1;
  }

  const runs: AuditRun[] = [];
  const fixtures = join(root, "fixtures");
  for (const id of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, id);
    if (!existsSync(join(dir, "scenario.json"))) continue;
    process.stderr.write(`solving ${id} ...\n`);
    runs.push(solveAndAudit(cli, dir, join(outRoot, id), solver, id));
  }
  if (!skipGenerated) {
    const province = join(outRoot, "generated-20000-seed7");
    process.stderr.write("generating 20,000 employees (seed 7) ...\n");
    execFileSync(process.execPath, [cli, "generate", "--employees", "20000", "--seed", "7", "-o", province], { stdio: ["ignore", "ignore", "inherit"] });
    process.stderr.write("solving generated-20000-seed7 ...\n");
    runs.push(solveAndAudit(cli, province, join(outRoot, "generated-20000-seed7-out"), solver, "generated-20000-seed7"));
  }

  if (json) process.stdout.write(`${JSON.stringify({ solver, out: outRoot, runs }, null, 2)}\n`);
  else {
    process.stdout.write(auditTable(runs));
    process.stdout.write(`\nsolver ${solver}; solve seconds: ${runs.map((r) => `${r.scenario} ${r.seconds}`).join(", ")}; rosters in ${outRoot}\n`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main(process.argv.slice(2));
