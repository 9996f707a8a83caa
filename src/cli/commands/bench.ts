/** `giliran bench`: the benchmark suite of `bench/run.ts` (the same function `npm run bench` runs). */
import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_OUT, parseSizes, progressTo, replanResults, runBench } from "../../../bench/run.js";
import { formatMessage } from "../../messages/index.js";
import { langOption, run } from "../run.js";

interface BenchFlags {
  sizes?: number[];
  quick?: boolean;
  onlyReplan?: boolean;
  out?: string;
  lang?: string;
}

export function register(program: Command): void {
  program
    .command("bench")
    .description("Benchmark synthetic provinces (1k to 1M employees, 20 workdays) end to end against the I/O floor; write RESULTS.md.")
    .option("--sizes <list>", "employees per scenario, comma-separated (default 1000,10000,100000,1000000)", (raw: string) => {
      const sizes = parseSizes(raw);
      if (sizes === null) throw new InvalidArgumentError(formatMessage("bench.bad_sizes", { received: raw }));
      return sizes;
    })
    .option("--quick", "1,000 and 10,000 employees only (and the small naive-model problems)")
    .option("--only-replan", "only the replan comparison (100,000 employees unless --sizes): prints it, writes no file unless --out")
    .option("--out <file>", `where to write the results (default: ${DEFAULT_OUT})`)
    .addOption(new Option("--lang <lang>", "language of progress messages").choices(["en", "id"]).default("en"))
    .action(async (flags: BenchFlags) => {
      const lang = langOption(flags.lang);
      await run(lang, async () => {
        const out = flags.out ?? (flags.onlyReplan ? null : DEFAULT_OUT);
        const report = await runBench({ sizes: flags.sizes, quick: flags.quick, onlyReplan: flags.onlyReplan, out, log: progressTo(process.stderr, lang) });
        if (flags.onlyReplan) process.stdout.write(replanResults(report));
        if (out !== null) process.stdout.write(`${formatMessage("bench.done", { minutes: (report.seconds / 60).toFixed(1), out }, lang)}\n`);
      });
    });
}
