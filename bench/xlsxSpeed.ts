/**
 * roster.xlsx's write time, size and peak memory for a synthetic province (bench/synthetic.ts),
 * written as solve writes it (through a ByteSink into a file, synced).
 *
 * Run: npx tsc -p tsconfig.json && node --max-old-space-size=2048 dist/bench/xlsxSpeed.js [people] [days]
 */
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticProvince } from "./synthetic.js";
import { ByteSink } from "../src/io/writeFiles.js";
import { writeRosterXlsx } from "../src/io/writeXlsx.js";

async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 100_000);
  const days = Number(process.argv[3] ?? 20);
  const dir = await mkdtemp(join(tmpdir(), "giliran-xlsx-"));
  const { problem, roster } = syntheticProvince(people, days);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const handle = await open(join(dir, "roster.xlsx"), "w");
  const sink = new ByteSink(handle);
  await writeRosterXlsx(sink, problem, roster, { lang: "id" });
  await sink.end();
  await handle.sync();
  await handle.close();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${people} people x ${days} workdays, ${problem.agencies.length} agencies: roster.xlsx ${(ms / 1000).toFixed(1)} s, ${(sink.bytes / 1e6).toFixed(1)} MB, peak RSS ${(peak / 1e6).toFixed(0)} MB (${(before / 1e6).toFixed(0)} MB before writing)`);
  await rm(dir, { recursive: true, force: true });
}

await main();
