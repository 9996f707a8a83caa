/**
 * Write a `ScenarioSpec` (see `arbitraries.ts`) as a scenario directory, `scenario.json` plus
 * CSV files in any of the dialects planners really have (comma or semicolon, BOM, CRLF, quoted
 * cells), so that properties run the whole pipeline: read -> compile -> solve -> verify -> write.
 */
import fc from "fast-check";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CSV_FILES } from "../../src/domain/scenario.js";
import type { Problem } from "../../src/domain/problem.js";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import type { ScenarioSpec } from "./arbitraries.js";

export interface CsvDialect {
  delimiter: "," | ";";
  bom: boolean;
  crlf: boolean;
  /** Quote every cell, not only those that need it. */
  quoteAll: boolean;
}

export const PLAIN_DIALECT: CsvDialect = { delimiter: ",", bom: false, crlf: false, quoteAll: false };

export const dialectArbitrary: fc.Arbitrary<CsvDialect> = fc.record({
  delimiter: fc.constantFrom(",", ";") as fc.Arbitrary<"," | ";">,
  bom: fc.boolean(),
  crlf: fc.boolean(),
  quoteAll: fc.boolean(),
});

type TableName = "agencies" | "employees" | "rules" | "leave" | "history";
export const TABLES: readonly TableName[] = ["agencies", "employees", "rules", "leave", "history"];

function cell(text: string, dialect: CsvDialect): string {
  const needs = dialect.quoteAll || text.includes(dialect.delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV file's text: the columns of `CSV_FILES` that any row uses, in the schema's order. */
export function csvText(table: TableName, rows: ReadonlyArray<Record<string, string>>, dialect: CsvDialect = PLAIN_DIALECT): string {
  const spec = CSV_FILES[table];
  const columns = [...spec.columns, ...spec.optional.filter((c) => rows.some((r) => c in r))];
  const eol = dialect.crlf ? "\r\n" : "\n";
  const lines = [columns.join(dialect.delimiter), ...rows.map((r) => columns.map((c) => cell(r[c] ?? "", dialect)).join(dialect.delimiter))];
  return `${dialect.bom ? "\uFEFF" : ""}${lines.join(eol)}${eol}`;
}

/**
 * Write the scenario into `dir` (emptied first). Optional files with no rows are left out,
 * as planners leave them out.
 *
 * @example writeScenarioFiles(tempDir(), spec, { ...PLAIN_DIALECT, delimiter: ";" })
 */
export function writeScenarioFiles(dir: string, spec: ScenarioSpec, dialect: CsvDialect = PLAIN_DIALECT): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "scenario.json"), `${JSON.stringify(spec.config, null, 2)}\n`);
  for (const table of TABLES) {
    const rows = spec[table];
    if (rows.length === 0 && !CSV_FILES[table].required) continue;
    writeFileSync(join(dir, CSV_FILES[table].file), csvText(table, rows, dialect));
  }
  return dir;
}

/** Write the scenario into `dir`, read it back and compile it: the `Problem` the solver sees. */
export async function compileSpec(dir: string, spec: ScenarioSpec, dialect: CsvDialect = PLAIN_DIALECT): Promise<Problem> {
  return compile(await readScenario(writeScenarioFiles(dir, spec, dialect)));
}
