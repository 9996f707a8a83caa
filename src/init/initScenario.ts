/**
 * `giliran init DIR --preset <id>`: a copy of a bundled seed scenario as a planner's starting
 * point. The fixtures ship with the package (`files` in package.json), found from this module
 * upward so that the same code runs from `src/` (tests) and from `dist/src/` (installed).
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MessageCode, MessageValues } from "../messages/index.js";
import { CSV_FILES } from "../domain/scenario.js";

/** A planner's mistake (unknown preset, directory in use): words from the catalogue, exit 1. */
export class InitError extends Error {
  constructor(readonly code: MessageCode, readonly values: MessageValues) {
    super(code);
    this.name = "InitError";
  }
}

/** The package's `fixtures/` directory: the nearest ancestor holding package.json and fixtures/. */
export function fixturesRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "fixtures"))) return join(dir, "fixtures");
    if (dirname(dir) === dir) throw new Error(`no fixtures directory above ${from}`);
  }
}

/** Ids of the bundled scenarios (each a directory with a scenario.json), sorted. */
export function presetIds(root: string = fixturesRoot()): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, "scenario.json")))
    .map((entry) => entry.name)
    .sort();
}

export interface InitResult {
  dir: string;
  preset: string;
  files: string[];
}

/**
 * Copy the scenario `preset` into `dir` (created if missing). A directory that already holds
 * files is left alone unless `force`, so a planner's edited scenario is never overwritten by
 * accident; with `force`, scenario files the preset lacks are removed.
 *
 * @example initScenario("my-kotim", "kotim-2021") //=> { dir: "my-kotim", preset: "kotim-2021", files: ["agencies.csv", ...] }
 */
export function initScenario(dir: string, preset: string, options: { force?: boolean; root?: string } = {}): InitResult {
  const root = options.root ?? fixturesRoot();
  const ids = presetIds(root);
  if (!ids.includes(preset)) throw new InitError("init.unknown_preset", { preset, presets: ids.join(", ") });
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new InitError("init.not_a_directory", { dir });
    if (readdirSync(dir).length > 0 && !options.force) throw new InitError("init.not_empty", { dir });
  }
  const source = join(root, preset);
  const files = readdirSync(source).sort();
  // An optional scenario file left from another scenario (a rules.csv) would change this one.
  for (const { file } of Object.values(CSV_FILES)) if (!files.includes(file)) rmSync(join(dir, file), { force: true });
  cpSync(source, dir, { recursive: true, force: true });
  return { dir, preset, files };
}
