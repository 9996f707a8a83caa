/**
 * How fast the outputs are written: a synthetic province (default 100,000 people x 20
 * workdays) built in memory, then roster.csv, roster-wide.csv and daily.csv timed apart.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/writeSpeed.js [people] [days] [outDir|""] [rounds]
 */
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Agency, Person, Problem, Roster } from "../src/domain/problem.js";
import { HOME, LEAVE, OFFICE } from "../src/domain/problem.js";
import { RANKS } from "../src/domain/values.js";
import { ByteSink } from "../src/io/writeFiles.js";
import { dailyCsv, writeOutputs, writeRosterLong, writeRosterWide } from "../src/io/writeOutputs.js";

/** A province of `people` employees over `days` workdays, with a deterministic pseudo-random roster. */
export function syntheticRun(people: number, days: number): { problem: Problem; roster: Roster } {
  const dates: string[] = [];
  for (let t = Date.UTC(2021, 6, 19); dates.length < days; t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) dates.push(day.toISOString().slice(0, 10));
  }
  const agencyCount = Math.max(1, Math.round(people / 1000));
  const agencies: Agency[] = Array.from({ length: agencyCount }, (_, index) => ({
    index, id: `OPD-${String(index + 1).padStart(4, "0")}`, name: `Dinas ${index + 1}`, exempt: index % 10 === 9,
    cap: index % 10 === 9 ? null : 250, capBasis: "25 % of 1000", minOffice: 0, headcount: 0, people: [], rules: [],
  }));
  const persons: Person[] = [];
  for (let index = 0; index < people; index++) {
    const agency = index % agencyCount;
    agencies[agency].people.push(index);
    agencies[agency].headcount++;
    persons.push({
      index, id: `19${String(700000000000 + index * 7919).padStart(16, "0")}`, name: `Pegawai Nomor ${index + 1}`,
      agency, rank: RANKS[index % RANKS.length], unit: "", position: "Staf", employment: "pns",
      attendance: "rotating", fixedBy: null, priorityReasons: [], leave: null, history: 0, line: index + 2,
    });
  }
  const modes = new Uint8Array(people * days);
  let seed = 12345;
  for (let i = 0; i < modes.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const r = seed % 100;
    modes[i] = r < 25 ? OFFICE : r < 98 ? HOME : LEAVE;
  }
  const calendar = { days: dates, week: dates.map((_, d) => Math.floor(d / 5)), weekStarts: [] };
  return { problem: { name: "synthetic", rotation: "daily", calendar, people: persons, agencies }, roster: { days, modes } };
}

async function timeOne(path: string, produce: (sink: ByteSink) => Promise<void>): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const handle = await open(path, "w");
  const sink = new ByteSink(handle);
  await produce(sink);
  await sink.end();
  await handle.close();
  return { ms: performance.now() - start, bytes: sink.bytes };
}

async function main(): Promise<void> {
  const people = Number(process.argv[2] ?? 100_000);
  const days = Number(process.argv[3] ?? 20);
  const given = process.argv[4] ?? "";
  const dir = given !== "" ? given : await mkdtemp(join(tmpdir(), "giliran-write-"));
  const { problem, roster } = syntheticRun(people, days);
  // On a shared machine single rounds are noisy; the best round is the one to compare.
  const best = new Map<string, { ms: number; bytes: number }>();
  const line = (label: string, r: { ms: number; bytes: number }) => {
    if ((best.get(label)?.ms ?? Infinity) > r.ms) best.set(label, r);
    console.log(`${label.padEnd(16)} ${r.ms.toFixed(0).padStart(6)} ms  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB`);
  };
  console.log(`${people} people x ${days} workdays (${people * days} roster rows), in ${dir}`);
  const rounds = Number(process.argv[5] ?? 5);
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round}`);
    line("roster.csv", await timeOne(join(dir, "roster.csv"), (s) => writeRosterLong(s, problem, roster)));
    line("roster-wide.csv", await timeOne(join(dir, "roster-wide.csv"), (s) => writeRosterWide(s, problem, roster, "en")));
    line("daily.csv", await timeOne(join(dir, "daily.csv"), (s) => s.text(dailyCsv(problem, roster))));
    const start = performance.now();
    const written = await writeOutputs(dir, problem, roster, { metrics: { people, days }, lang: "en" });
    const bytes = Object.values(written).reduce((sum, f) => sum + (f?.bytes ?? 0), 0);
    line("writeOutputs", { ms: performance.now() - start, bytes }); // all five steps, with fsync and rename
  }
  console.log("best round");
  for (const [label, r] of best) console.log(`${label.padEnd(16)} ${r.ms.toFixed(0).padStart(6)} ms`);
  if (given === "") await rm(dir, { recursive: true, force: true });
}

await main();
