/** `giliran init`: copies a bundled seed scenario, refuses to overwrite, lists the presets. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, giliran, tempDir } from "../helpers/cli.js";
import { presetIds } from "../../src/init/initScenario.js";

const IDS = ["babel-2020", "banjarmasin-2020", "kalsel-2020", "kotim-2021", "paser-2020", "sleman-2025"];

describe("giliran init", () => {
  it("finds the six bundled scenarios from the source tree", () => {
    expect(presetIds()).toEqual(IDS);
  });

  it("lists the presets in --help", () => {
    const r = giliran("init", "--help");
    expect(r.code).toBe(0);
    for (const id of IDS) expect(r.stdout).toContain(id);
  });

  it("copies the fixture byte for byte into a new directory, and the copy solves", () => {
    const dir = join(tempDir(), "kotim");
    const r = giliran("init", dir, "--preset", "kotim-2021");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kotim-2021");
    const source = join(ROOT, "fixtures/kotim-2021");
    expect(readdirSync(dir).sort()).toEqual(readdirSync(source).sort());
    for (const file of readdirSync(source)) expect(readFileSync(join(dir, file)).equals(readFileSync(join(source, file))), file).toBe(true);
    const out = join(tempDir(), "out");
    expect(giliran("solve", dir, "-o", out, "--quiet").code).toBe(0);
    expect(existsSync(join(out, "roster.csv"))).toBe(true);
  });

  it("rejects an unknown preset with exit 1, listing the ids", () => {
    const dir = join(tempDir(), "x");
    const r = giliran("init", dir, "--preset", "jabar-2021");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown preset "jabar-2021"');
    for (const id of IDS) expect(r.stderr).toContain(id);
    expect(existsSync(dir)).toBe(false);
  });

  it("refuses a directory that holds files unless --force, and then leaves no stale rules.csv", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rules.csv"), "agency_id,unit,rank,min_per_day,max_per_day\n*,*,eselon_3,1,\n");
    const refused = giliran("init", dir, "--preset", "kotim-2021");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(existsSync(join(dir, "scenario.json"))).toBe(false);
    const forced = giliran("init", dir, "--preset", "kotim-2021", "--force");
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, "rules.csv"))).toBe(false);
    expect(existsSync(join(dir, "scenario.json"))).toBe(true);
  });

  it("accepts an empty existing directory and speaks Indonesian with --lang id", () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const r = giliran("init", dir, "--preset", "paser-2020", "--lang", "id");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("disalin");
    expect(existsSync(join(dir, "rules.csv"))).toBe(true);
  });
});
