/**
 * How fast report.html is rendered for a big province, and how big it gets: a synthetic
 * province (default 50,000 people x 20 workdays, 50 agencies) built in memory, then
 * `computeMetrics` and `renderReport` timed apart.
 *
 * Run: npx tsc -p tsconfig.json && node dist/bench/reportSpeed.js [people] [days] [rounds]
 */
import { performance } from "node:perf_hooks";
import { syntheticProvince } from "./synthetic.js";
import { computeMetrics } from "../src/metrics/fairness.js";
import { renderReport } from "../src/report/renderReport.js";


const people = Number(process.argv[2] ?? 50_000);
const days = Number(process.argv[3] ?? 20);
const rounds = Number(process.argv[4] ?? 5);
const { problem, roster } = syntheticProvince(people, days);
for (let round = 0; round < rounds; round++) {
  let start = performance.now();
  const metrics = computeMetrics(problem, roster);
  const measured = performance.now() - start;
  start = performance.now();
  const html = renderReport(problem, roster, metrics);
  const rendered = performance.now() - start;
  const bytes = Buffer.byteLength(html);
  console.log(`${people} people x ${days} days: metrics ${measured.toFixed(0)} ms, renderReport ${rendered.toFixed(0)} ms, ${(bytes / 1e6).toFixed(2)} MB (${Math.round(bytes / people)} bytes a person)`);
}
