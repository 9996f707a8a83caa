/**
 * A run killed with SIGKILL in the middle of writing (no handler runs, no cleanup) leaves the
 * previous complete outputs, never a partial file. A ~200,000-employee province makes the
 * write stage long enough to hit: the test waits for a temporary file to appear in the
 * output directory, then kills the process.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, giliran, tempDir, TINY } from "../helpers/cli.js";

const DEEP = process.env.GILIRAN_DEEP === "1";
/** Milliseconds between the first temporary file showing and the kill, one run each. */
const DELAYS = DEEP ? [0, 150, 600, 1500] : [100];

const root = tempDir("giliran-kill-");
const big = join(root, "province");

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => !f.startsWith("."))
      .sort()
      .map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]),
  );
}

/** Start `solve`, kill -9 it `delay` ms after a `.tmp` file appears in `out`; what was seen. */
function solveAndKill(out: string, delay: number): Promise<{ sawTemporary: boolean; signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "solve", big, "-o", out, "-q"], { stdio: ["ignore", "ignore", "pipe"] });
    let sawTemporary = false;
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const poll = setInterval(() => {
      if (sawTemporary) return;
      if (readdirSync(out).some((f) => f.endsWith(".tmp"))) {
        sawTemporary = true;
        clearInterval(poll);
        setTimeout(() => child.kill("SIGKILL"), delay);
      }
    }, 2);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearInterval(poll);
      if (!sawTemporary && code !== 0) reject(new Error(`solve exited ${code} before writing: ${stderr}`));
      else resolve({ sawTemporary, signal, code });
    });
  });
}

describe("a run killed mid-write", () => {
  beforeAll(() => {
    const generated = giliran("generate", "--employees", "200000", "--seed", "7", "-o", big, "-q");
    expect(generated.code, generated.stderr).toBe(0);
  }, 120_000);

  it.each(DELAYS)("leaves the previous complete outputs, never a partial file (kill %i ms after the first temporary)", async (delay) => {
    const out = join(root, `out-${delay}`);
    expect(giliran("solve", TINY, "-o", out, "-q").code).toBe(0);
    const before = digest(out);
    const run = await solveAndKill(out, delay);
    expect(run.sawTemporary, "the write stage was reached").toBe(true);
    const after = digest(out);
    const hidden = readdirSync(out).filter((f) => f.startsWith("."));
    console.info(`kill ${delay} ms after the first temporary: ${run.signal === "SIGKILL" ? "killed" : `finished first (exit ${run.code})`}; visible outputs ${JSON.stringify(after) === JSON.stringify(before) ? "the previous ones" : "replaced"}; leftover hidden files: ${hidden.join(", ") || "none"}`);
    if (run.signal === "SIGKILL" && JSON.stringify(after) === JSON.stringify(before)) return;
    // Killed after the renames began, or not killed at all: every visible file must then be the
    // new run's complete file (or still the previous one), never a partial one.
    const reference = join(root, `reference-${delay}`);
    expect(giliran("solve", big, "-o", reference, "-q").code).toBe(0);
    const complete = digest(reference);
    for (const [file, hash] of Object.entries(after)) expect([before[file], complete[file]], file).toContain(hash);
  }, 300_000);
});
