/** `giliran generate --employees N --seed S -o DIR`: a realistic, feasible synthetic scenario. */
import { Command, InvalidArgumentError, Option } from "commander";
import {
  GenerateError, expectedText, generateScenario, isMonday, isValidNumber, PRESETS, ROTATIONS,
  type NumericOption, type Preset,
} from "../../generate/index.js";
import { formatMessage, type Lang } from "../../messages/index.js";
import { EXIT, langOption, run } from "../run.js";

interface GenerateFlags {
  employees: number;
  agencies?: number;
  seed: number;
  out: string;
  preset: Preset;
  start?: string;
  weeks: number;
  cap: number;
  rotation: "daily" | "weekly";
  rules?: boolean;
  nip?: boolean;
  leaveRate: number;
  lang?: string;
  quiet?: boolean;
}

/** A commander parser for a numeric option, worded from the catalogue when the value is bad. */
function numberParser(option: NumericOption): (raw: string) => number {
  return (raw) => {
    // Plain digits and an optional decimal point, as everywhere in giliran: no 0x10, 1e3, +5.
    const value = /^\d+(?:\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!isValidNumber(option, value)) throw new InvalidArgumentError(expectedText(option));
    return value;
  };
}

function choiceParser<T extends string>(option: "preset" | "rotation", choices: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(choices as readonly string[]).includes(raw)) throw new InvalidArgumentError(expectedText(option));
    return raw as T;
  };
}

/** 123456789 bytes -> "117.7 MB". */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export function register(program: Command): void {
  program
    .command("generate")
    .description("Write a realistic synthetic scenario (a province, a regency or many provinces), feasible and the same for the same seed.")
    .requiredOption("--employees <n>", "number of employees", numberParser("employees"))
    .option("--agencies <k>", "number of agencies (default: what such a government usually has)", numberParser("agencies"))
    .requiredOption("--seed <s>", "seed of the random generator (0 to 4294967295)", numberParser("seed"))
    .requiredOption("-o, --out <dir>", "output directory (created if missing; files replaced atomically)")
    .addOption(new Option("--preset <preset>", `shape of the government (${PRESETS.join(", ")})`).argParser(choiceParser("preset", PRESETS)).default("province"))
    .option("--start <date>", "first day, a Monday, YYYY-MM-DD (default 2021-07-19)", (raw: string) => {
      if (!isMonday(raw)) throw new InvalidArgumentError(expectedText("start"));
      return raw;
    })
    .option("--weeks <w>", "number of weeks, Monday to Friday", numberParser("weeks"), 4)
    .option("--cap <percent>", "office cap in percent of each agency's headcount", numberParser("capPercent"), 25)
    .addOption(new Option("--rotation <mode>", `rotation (${ROTATIONS.join(", ")})`).argParser(choiceParser("rotation", ROTATIONS)).default("daily"))
    .option("--rules", "also write composition rules (rules.csv) and min_office floors")
    .option("--nip", "employee ids as 18-digit NIPs (birth date, appointment month, sex, sequence) instead of E000001")
    .option("--leave-rate <share>", "share of employees with a block of leave (0 to 1)", numberParser("leaveRate"), 0.03)
    .addOption(new Option("--lang <lang>", "language of messages and of the scenario's name and notes").choices(["en", "id"]).default("en"))
    .option("-q, --quiet", "print nothing on success")
    .action(async (flags: GenerateFlags) => {
      const lang: Lang = langOption(flags.lang);
      await run(lang, async () => {
        const started = performance.now();
        try {
          const summary = await generateScenario({
            employees: flags.employees, agencies: flags.agencies, seed: flags.seed, preset: flags.preset,
            start: flags.start, weeks: flags.weeks, capPercent: flags.cap, rotation: flags.rotation,
            rules: flags.rules ?? false, nip: flags.nip ?? false, leaveRate: flags.leaveRate, lang,
          }, flags.out);
          if (!flags.quiet) {
            const seconds = ((performance.now() - started) / 1000).toFixed(2);
            process.stdout.write(`${formatMessage("generate.summary", {
              agencies: summary.agencies, exempt: summary.exemptAgencies, employees: summary.employees,
              workdays: summary.workdays, out: flags.out, size: formatSize(summary.bytes), seconds,
            }, lang)}\n`);
          }
        } catch (error) {
          // Options that cannot be met together (too few employees for the agencies asked) are bad input.
          if (!(error instanceof GenerateError)) throw error;
          process.stderr.write(`${formatMessage(error.code, error.values, lang)}\n`);
          return EXIT.badInput;
        }
      });
    });
}
