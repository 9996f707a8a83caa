/**
 * How the exact per-person model scales: one agency of N rotating people split evenly into
 * G fairness groups (units), a cap of 25 %, 20 workdays, daily rotation, HiGHS with a time
 * limit per run. Prints a table with each lexicographic stage's time.
 *
 *   node dist/bench/exactScaling.js [sizes, default 20,100,500,1000] [groups, default 1,4] [time limit s, default 60]
 */
import { pathToFileURL } from "node:url";
import { solveExact } from "../solver/exact/exactModel.js";
import type { Agency, Person, Problem } from "../src/domain/problem.js";

const WORKDAYS = 20;

/** One agency of `size` rotating pelaksana in `groups` units; workdays Mon-Fri from 2021-07-19. */
export function scalingProblem(size: number, groups: number): Problem {
  const days: string[] = [];
  const week: number[] = [];
  const weekStarts: string[] = [];
  const date = new Date(Date.UTC(2021, 6, 19));
  while (days.length < WORKDAYS) {
    const dow = date.getUTCDay();
    if (dow >= 1 && dow <= 5) {
      if (dow === 1) weekStarts.push(date.toISOString().slice(0, 10));
      days.push(date.toISOString().slice(0, 10));
      week.push(weekStarts.length - 1);
    }
    date.setUTCDate(date.getUTCDate() + 1);
  }
  const people: Person[] = Array.from({ length: size }, (_, index) => ({
    index,
    id: `P${index}`,
    name: `Person ${index}`,
    agency: 0,
    rank: "pelaksana",
    unit: `U${index % groups}`,
    position: "Staf",
    employment: "pns",
    attendance: "rotating",
    fixedBy: null,
    priorityReasons: [],
    leave: null,
    history: 0,
    priorWorkdays: 0,
    line: index + 2,
  }));
  const cap = Math.floor(0.25 * size);
  const agency: Agency = {
    index: 0,
    id: "A0",
    name: "Dinas Uji",
    exempt: false,
    cap,
    capBasis: `25 % of ${size}`,
    minOffice: 0,
    headcount: size,
    people: people.map((p) => p.index),
    rules: [],
  };
  return { name: `scaling ${size}`, rotation: "daily", calendar: { days, week, weekStarts }, people, agencies: [agency] };
}

async function main(): Promise<void> {
  const sizes = (process.argv[2] ?? "20,100,500,1000").split(",").map(Number);
  const groupCounts = (process.argv[3] ?? "1,4").split(",").map(Number);
  const limit = Number(process.argv[4] ?? 60);
  const rows: string[][] = [["people", "groups", "binaries", "status", "seconds", "capUse", "maxDeviation", "sumSquares", "stages (s)"]];
  for (const groups of groupCounts) for (const size of sizes) {
    const result = await solveExact(scalingProblem(size, groups), { timeLimitSeconds: limit });
    const o = result.objectives;
    rows.push([
      String(size),
      String(groups),
      String(size * WORKDAYS),
      result.status,
      result.seconds.toFixed(2),
      o ? String(o.capUse) : "-",
      o ? o.maxDeviation.toFixed(2) : "-",
      o ? o.sumSquaredDeviation.toFixed(2) : "-",
      result.stages.map((s) => `${s.stage} ${s.seconds.toFixed(2)}${s.status === "optimal" ? "" : ` ${s.status}`}`).join(", "),
    ]);
    console.error(`${size} people, ${groups} groups: ${result.status} in ${result.seconds.toFixed(2)} s`);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
}

// Run only when invoked as a script, so that the suite may import `scalingProblem`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
