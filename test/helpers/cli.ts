/** Run the built CLI (`dist/`, built by `npm test` before vitest) and copy scenarios to play with. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist/src/cli/main.js");
export const TINY = join(ROOT, "test/fixtures/tiny");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function giliran(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = "giliran-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of a scenario directory, with some files replaced or edited. */
export function scenarioCopy(from: string, edits: Record<string, string | ((text: string) => string)> = {}): string {
  const dir = tempDir("giliran-scenario-");
  cpSync(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    writeFileSync(path, typeof edit === "string" ? edit : edit(readFileSync(path, "utf8")));
  }
  return dir;
}
