/**
 * The hard families (issue "Never slow, never wrong at the edges"): scenarios where the first
 * solver's search went exponential or its default backend crawled, solved end to end from
 * files (read, compile, solve, verify) and timed. `npm run bench:families` writes the table
 * into bench/RESULTS.md between its markers, with the machine and a baseline measured in the
 * same run (reading and compiling the same scenario), so the figures compare across machines.
 *
 * - units of 2: one agency, 2N pelaksana in N units of two, cap N - 1 (odd office totals per
 *   unit), no rules, one week; N = 8 ... 40;
 * - the same with one exact rule on one unit, two weeks (N = 82 is the 164-person agency);
 * - one agency of 27,000 (and of 5,000): 20 units, 10 rank and unit rules, 5 % on leave,
 *   weekly rotation, four weeks, with each backend (javascript-lp-solver on the 5,000 only).
 */
import { mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { readScenario } from "../src/io/readScenario.js";
import { compile } from "../src/policy/compile.js";
import { loadBackend, type BackendName } from "../solver/backend.js";
import { solveProblem } from "../solver/solve.js";
import { verifyRoster } from "../src/verify/rules.js";
import { objectiveValues } from "../src/metrics/objectives.js";

interface Family {
  label: string;
  files: Record<string, string>;
  backends: BackendName[];
}

const RANKS = ["eselon_3", "eselon_4", "fungsional", "pelaksana"];

function scenarioJson(name: string, start: string, end: string, cap: object, rotation: "daily" | "weekly"): string {
  return JSON.stringify({ name, start, end, officeCap: cap, rotation });
}

function unitsOfTwo(n: number, withRule: boolean): Family {
  const rows = ["employee_id,name,agency_id,rank,position,employment,birth_date,unit"];
  for (let i = 0; i < 2 * n; i++) rows.push(`E${i},Pegawai ${i},A,pelaksana,Staf,pns,1985-01-01,U${Math.floor(i / 2)}`);
  const files: Record<string, string> = {
    "scenario.json": scenarioJson(`units of 2, N=${n}`, "2021-07-19", withRule ? "2021-07-30" : "2021-07-23", { count: n - 1 }, "daily"),
    "agencies.csv": "agency_id,name\nA,Dinas Contoh\n",
    "employees.csv": rows.join("\n") + "\n",
  };
  if (withRule) files["rules.csv"] = "agency_id,unit,rank,min_per_day,max_per_day\nA,U0,*,1,1\n";
  return { label: `${2 * n} people in ${n} units of 2, cap ${n - 1}${withRule ? ", rule U0 = 1, two weeks" : ", one week"}`, files, backends: ["auto"] };
}

function giantWeekly(people: number): Family {
  let seed = 20260;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = ["employee_id,name,agency_id,rank,position,employment,birth_date,unit"];
  const leave = ["employee_id,from,to,kind"];
  const days = ["2021-07-19", "2021-07-20", "2021-07-21", "2021-07-22", "2021-07-23", "2021-07-26", "2021-07-27", "2021-07-28", "2021-07-29", "2021-07-30",
    "2021-08-02", "2021-08-03", "2021-08-04", "2021-08-05", "2021-08-06", "2021-08-09", "2021-08-10", "2021-08-11", "2021-08-12", "2021-08-13"];
  for (let i = 0; i < people; i++) {
    const rank = i % 50 === 0 ? "eselon_3" : i % 10 === 0 ? "eselon_4" : RANKS[2 + (Math.floor(i / 20) % 2)];
    rows.push(`E${i},Pegawai ${i},A,${rank},Staf,pns,1985-01-01,U${i % 20}`);
    if (rand() < 0.05) {
      const from = Math.floor(rand() * days.length);
      const to = Math.min(days.length - 1, from + Math.floor(rand() * 4));
      leave.push(`E${i},${days[from]},${days[to]},cuti`);
    }
  }
  // Minimums and maximums scaled with the headcount (written for 27,000).
  const k = (n: number): number => Math.max(1, Math.round((n * people) / 27_000));
  const rules = ["agency_id,unit,rank,min_per_day,max_per_day"];
  for (let u = 0; u < 5; u++) rules.push(`A,U${u},*,${k(100)},`);
  rules.push(`A,*,eselon_3,${k(20)},`, `A,*,eselon_4,${k(100)},${k(600)}`, `A,U5,fungsional,${k(50)},`, `A,U6,pelaksana,,${k(200)}`, `A,*,pelaksana,${k(1000)},`);
  return {
    label: `one agency of ${people.toLocaleString("en-US")}, 20 units, 10 rules, 5 % leave, weekly, 4 weeks`,
    files: {
      "scenario.json": scenarioJson("giant weekly", "2021-07-19", "2021-08-13", { percent: 25 }, "weekly"),
      "agencies.csv": "agency_id,name\nA,Dinas Pendidikan\n",
      "employees.csv": rows.join("\n") + "\n",
      "leave.csv": leave.join("\n") + "\n",
      "rules.csv": rules.join("\n") + "\n",
    },
    // javascript-lp-solver ignores its time limit inside a solve: it runs on the 5,000 only.
    backends: people <= 5_000 ? ["auto", "highs", "jslp"] : ["auto", "highs"],
  };
}

interface Row {
  label: string;
  backend: string;
  readMs: number;
  solveMs: number;
  models: number;
  maxDeviation: number;
  verified: boolean;
  note: string;
}

async function measure(family: Family, backendName: BackendName, limitMs: number): Promise<Row> {
  const dir = join(tmpdir(), `giliran-family-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(family.files)) writeFileSync(join(dir, name), text);
  const t0 = performance.now();
  const problem = compile(await readScenario(dir));
  const t1 = performance.now();
  const backend = await loadBackend(backendName);
  // A backend that stops answering past the limit, so one slow run cannot hold the suite.
  const deadline = performance.now() + limitMs;
  const bounded = { name: backend.name, solve: (m: Parameters<typeof backend.solve>[0], s?: Parameters<typeof backend.solve>[1]) => {
    if (performance.now() > deadline) return { status: "error" as const, detail: "bench time limit" };
    return backend.solve(m, { timeLimitSeconds: Math.max(0.1, (deadline - performance.now()) / 1000), ...s });
  } };
  const t2 = performance.now();
  let note = "";
  try {
    const { roster, stats } = solveProblem(problem, { backend: bounded });
    const t3 = performance.now();
    const verified = verifyRoster(problem, roster).ok;
    if (stats.unproven > 0) note = `${stats.unproven} agency fairness unproven (budget)`;
    return { label: family.label, backend: backendName, readMs: t1 - t0, solveMs: t3 - t2, models: stats.models, maxDeviation: objectiveValues(problem, roster).maxDeviation, verified, note };
  } catch (error) {
    return { label: family.label, backend: backendName, readMs: t1 - t0, solveMs: performance.now() - t2, models: 0, maxDeviation: NaN, verified: false, note: String(error).slice(0, 80) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const write = process.argv.indexOf("--write");
  if (write >= 0) {
    // Write the giant agency's scenario to a directory, to solve it with the CLI.
    const dir = process.argv[write + 1];
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(giantWeekly(Number(process.argv[write + 2] ?? 27_000)).files)) writeFileSync(join(dir, name), text);
    return;
  }
  const families: Family[] = [];
  for (const n of quick ? [8, 12, 16] : [8, 10, 12, 16, 24, 32, 40]) families.push(unitsOfTwo(n, false));
  for (const n of quick ? [8, 12] : [8, 12, 16, 24, 40, 82]) families.push(unitsOfTwo(n, true));
  families.push(giantWeekly(5_000));
  if (!quick) families.push(giantWeekly(27_000));
  const rows: Row[] = [];
  for (const family of families) {
    for (const backend of family.backends) {
      const row = await measure(family, backend, backend === "jslp" ? 300_000 : 60_000);
      rows.push(row);
      console.log(`${row.label} [${row.backend}]: solve ${(row.solveMs / 1000).toFixed(2)} s (read+compile ${(row.readMs / 1000).toFixed(2)} s), ${row.models} models, worst deviation ${row.maxDeviation.toFixed(2)}, ${row.verified ? "verified" : "NOT VERIFIED"} ${row.note}`);
    }
  }
  const lines = [
    "<!-- families:start -->",
    "## Hard families (`npm run bench:families`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}.`,
    "Solve is the whole count solver (objectives 1-5, all agencies); the baseline is reading and compiling the same scenario in the same run.",
    "",
    "| scenario | backend | solve (s) | read + compile (s) | solve / read | models | worst deviation (days) | verified | note |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.label} | ${r.backend} | ${(r.solveMs / 1000).toFixed(2)} | ${(r.readMs / 1000).toFixed(2)} | ${(r.solveMs / r.readMs).toFixed(1)} | ${r.models} | ${r.maxDeviation.toFixed(2)} | ${r.verified ? "yes" : "**no**"} | ${r.note} |`),
    "",
    "Target: every row under 3 s on 2 cores.",
    "<!-- families:end -->",
  ];
  const path = join(process.cwd(), "bench", "RESULTS.md");
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    text = "# Benchmark results\n";
  }
  const block = lines.join("\n");
  const start = text.indexOf("<!-- families:start -->");
  const end = text.indexOf("<!-- families:end -->");
  text = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + "<!-- families:end -->".length) : `${text.trimEnd()}\n\n${block}\n`;
  if (!quick) writeFileSync(path, text);
}

await main();
