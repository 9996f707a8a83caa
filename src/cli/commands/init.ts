/** `giliran init DIR --preset <id>`: start a scenario from one of the bundled seed policies. */
import { Command, Option } from "commander";
import { InitError, initScenario, presetIds } from "../../init/initScenario.js";
import { formatMessage, type Lang } from "../../messages/index.js";
import { EXIT, langOption, run } from "../run.js";

interface InitFlags {
  preset: string;
  force?: boolean;
  lang?: string;
  quiet?: boolean;
}

export function register(program: Command): void {
  const ids = presetIds();
  program
    .command("init")
    .description("Copy a bundled seed scenario into a directory, as a starting point to edit and solve.")
    .argument("<dir>", "directory to create (must be empty unless --force)")
    .requiredOption("--preset <id>", `the scenario to copy: ${ids.join(", ")}`)
    .option("--force", "copy into a directory that already holds files (files of the same name are replaced)")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["en", "id"]).default("en"))
    .option("-q, --quiet", "print nothing on success")
    .action(async (dir: string, flags: InitFlags) => {
      const lang: Lang = langOption(flags.lang);
      await run(lang, async () => {
        try {
          const result = initScenario(dir, flags.preset, { force: flags.force });
          if (!flags.quiet) process.stdout.write(`${formatMessage("init.done", { preset: result.preset, dir, files: result.files.join(", ") }, lang)}\n`);
        } catch (error) {
          if (!(error instanceof InitError)) throw error;
          process.stderr.write(`${formatMessage(error.code, error.values, lang)}\n`);
          return EXIT.badInput;
        }
      });
    });
}
