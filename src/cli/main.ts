#!/usr/bin/env node
/**
 * The `giliran` command. One module per subcommand under `commands/`; each parses its
 * options and calls the library. Errors become messages and exit codes in one place
 * (`run.ts`).
 */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import { register as registerSolve } from "./commands/solve.js";
import { register as registerReplan } from "./commands/replan.js";
import { register as registerGenerate } from "./commands/generate.js";
import { register as registerCheck } from "./commands/check.js";
import { register as registerFigures } from "./commands/metrics.js";
import { register as registerReport } from "./commands/report.js";
import { register as registerBench } from "./commands/bench.js";
import { register as registerInit } from "./commands/init.js";

// A closed pipe (`giliran check ... | head`) ends the run quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    throw error;
  });
}

const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };

const program = new Command()
  .name("giliran")
  .description("Plans office / work-from-home rotations for Indonesian civil-service agencies: fair, verified, fast.")
  .version(pkg.version)
  .showHelpAfterError();

// Subcommands register themselves here, one line each.
const commands: Array<(program: Command) => void> = [registerSolve, registerReplan, registerCheck, registerFigures, registerReport, registerGenerate, registerBench, registerInit];
for (const register of commands) register(program);

await program.parseAsync(process.argv);
