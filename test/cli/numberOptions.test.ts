/** Numbers on the command line follow the input's rules: digits only, never `0x2`, `1e3` or `abc` read as something. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { giliran, tempDir, TINY } from "../helpers/cli.js";

describe("numeric options", () => {
  it("refuses --threads written in hex or with an exponent", () => {
    for (const threads of ["0x2", "2e0", "+2", "0"]) {
      const result = giliran("solve", TINY, "-o", join(tempDir(), "out"), "--threads", threads, "-q");
      expect(result.code, threads).toBe(1);
      expect(result.stderr).toContain(`--threads <n>' argument '${threads}' is invalid. expected a whole number of 1 or more`);
    }
  });

  it("refuses a --limit that is not digits instead of reading it as 0 or 1", () => {
    for (const limit of ["abc", "1e3", "-1"]) {
      const result = giliran("check", TINY, join(TINY, "scenario.json"), "--limit", limit);
      expect(result.code, limit).toBe(1);
      expect(result.stderr).toMatch(/--limit <n>' argument '.*' is invalid\. expected a whole number of 0 or more/);
    }
  });

  it("refuses generate sizes in exponent or hex notation", () => {
    for (const n of ["1e3", "0x100"]) {
      const result = giliran("generate", "--employees", n, "--seed", "1", "-o", join(tempDir(), "g"));
      expect(result.code, n).toBe(1);
      expect(result.stderr).toMatch(/--employees <n>' argument '.*' is invalid/);
    }
  });
});
