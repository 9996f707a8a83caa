/** A roster `solve` wrote for a scenario, as rows to plant mistakes in, and checking it back. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { solveScenario } from "../../src/pipeline/solveScenario.js";
import { readScenario } from "../../src/io/readScenario.js";
import { parseRosterText } from "../../src/io/readRoster.js";
import { compile } from "../../src/policy/compile.js";
import { checkRoster, type CheckResult } from "../../src/check/checkRoster.js";
import type { Problem } from "../../src/domain/problem.js";
import { tempDir } from "../helpers/cli.js";

export interface Solved {
  problem: Problem;
  /** roster.csv as lines, header first. */
  long: string[];
  /** roster-wide.csv as lines, header first. */
  wide: string[];
  out: string;
}

/** Solve `dir` (in process) and read its rosters back as lines. */
export async function solved(dir: string): Promise<Solved> {
  const out = join(tempDir("giliran-check-"), "out");
  await solveScenario(dir, out);
  const lines = (file: string) => readFileSync(join(out, file), "utf8").trimEnd().split("\n");
  return { problem: compile(await readScenario(dir)), long: lines("roster.csv"), wide: lines("roster-wide.csv"), out };
}

/** Check roster text against a scenario directory's problem. */
export async function checkText(problem: Problem, text: string, file = "roster.csv"): Promise<CheckResult> {
  return checkRoster(problem, await parseRosterText(text, file));
}

/** The rules with findings, and how many each. */
export function broken(result: CheckResult): Record<string, number> {
  return Object.fromEntries(Object.entries(result.total).filter(([, n]) => n > 0));
}

/** Set the mode of one long-form row (employee, date); throws when the row is not there. */
export function setMode(lines: string[], employee: string, date: string, mode: string): string[] {
  const i = lines.findIndex((l) => l.startsWith(`${employee},${date},`));
  if (i < 0) throw new Error(`no row ${employee} ${date}`);
  const copy = [...lines];
  copy[i] = `${employee},${date},${mode}`;
  return copy;
}

/** The mode of one long-form row. */
export function modeOf(lines: string[], employee: string, date: string): string {
  const line = lines.find((l) => l.startsWith(`${employee},${date},`));
  if (!line) throw new Error(`no row ${employee} ${date}`);
  return line.split(",")[2];
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
