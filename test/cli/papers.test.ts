/**
 * Small things a planner hits on the command line: the summary names the files written
 * (report.html and roster.xlsx among them), leave dated outside the period is a warning, and a
 * closed pipe (`giliran check ... | head`) ends quietly, with no EPIPE trace.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { CLI, giliran, ROOT, scenarioCopy, tempDir } from "../helpers/cli.js";

const NIP = join(ROOT, "test/fixtures/nip");
const dir = tempDir("giliran-papers-");

describe("the command line", () => {
  it("names every file written in the summary", () => {
    const result = giliran("solve", NIP, "-o", join(dir, "out"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Written: roster\.xlsx, report\.html, roster-wide\.csv, roster\.csv, daily\.csv, metrics\.json, history-next\.csv\.$/m);
  });

  it("warns about leave dated outside the period, and still solves", () => {
    const scenario = scenarioCopy(NIP, { "leave.csv": (t) => `${t.trimEnd()}\n197102071995102001,2020-07-20,2020-07-21,cuti tahunan\n` });
    const result = giliran("solve", scenario, "-o", join(dir, "warned"), "--lang", "id");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^leave\.csv:\d+: peringatan: cuti 197102071995102001 dari 2020-07-20 sampai 2020-07-21 di luar periode/m);
    expect(giliran("check", scenario, join(dir, "warned", "roster.csv")).stderr).toMatch(/^leave\.csv:\d+: warning: leave of 197102071995102001 /m);
  });

  it("ends quietly when the reader of its output goes away", () => {
    const out = join(dir, "piped");
    expect(giliran("solve", NIP, "-o", out, "-q").code).toBe(0);
    // Every office day turned home: thousands of lines, of which head reads one.
    const result = spawnSync("bash", ["-c", `sed 's/,office$/,home/' "${join(out, "roster.csv")}" > "${join(dir, "bad.csv")}" && "${process.execPath}" "${CLI}" check "${NIP}" "${join(dir, "bad.csv")}" --limit 100000 | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: "utf8" });
    expect(result.stdout.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.stderr).toMatch(/^status [01]$/m);
  });
});
