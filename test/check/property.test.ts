/**
 * Every roster `solve` writes passes `check`, long and wide form: random small scenarios
 * (the problems of test/helpers/arbitraries.ts written out as scenario directories, so the
 * whole pipeline runs: read, compile, solve, verify, write, read back, check).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../../src/domain/problem.js";
import { InfeasibleError } from "../../src/domain/errors.js";
import { solveScenario } from "../../src/pipeline/solveScenario.js";
import { parseRosterText } from "../../src/io/readRoster.js";
import { checkRoster } from "../../src/check/checkRoster.js";
import { problemArbitrary } from "../helpers/arbitraries.js";
import { workdaysBetween } from "../helpers/problemBuilder.js";
import { tempDir } from "../helpers/cli.js";

/** Write a compiled test problem as the scenario directory that compiles to it. */
function writeScenario(problem: Problem, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const days = problem.calendar.days;
  const start = problem.calendar.weekStarts[0];
  const end = days[days.length - 1];
  const holidays = workdaysBetween(start, end).filter((d) => !days.includes(d));
  writeFileSync(join(dir, "scenario.json"), JSON.stringify({
    name: "random", start, end, holidays, officeCap: { count: 0 }, rotation: problem.rotation,
    mandatory: { ranks: [], positions: [] }, rotating: { employment: ["pns", "pppk"] }, healthPriority: { comorbid: true },
  }));
  const agencies = problem.agencies.map((a) => `${a.id},Agency ${a.id},${a.exempt},${a.cap ?? ""},${a.minOffice || ""}`);
  writeFileSync(join(dir, "agencies.csv"), `agency_id,name,exempt,cap_count,min_office\n${agencies.join("\n")}\n`);
  const people = problem.people.map((p) => [
    p.id, `Person ${p.id}`, problem.agencies[p.agency].id, p.rank, "Staf", "pns", "1990-01-01", p.unit,
    "false", String(p.attendance === "priority"), String(p.attendance === "fixed"),
  ].join(","));
  writeFileSync(join(dir, "employees.csv"), `employee_id,name,agency_id,rank,position,employment,birth_date,unit,pregnant,comorbid,mandatory\n${people.join("\n")}\n`);
  // A rule that matches nobody is bad input (exit 1) since units.csv and `each`: leave it out.
  const matchesSomeone = (a: Problem["agencies"][number], r: Problem["agencies"][number]["rules"][number]) =>
    a.people.some((p) => (r.rank === null || problem.people[p].rank === r.rank) && (r.unit === null || problem.people[p].unit.toLowerCase() === r.unit.toLowerCase()));
  const rules = problem.agencies.flatMap((a) => a.rules.filter((r) => matchesSomeone(a, r)).map((r) => `${a.id},${r.unit ?? "*"},${r.rank ?? "*"},${r.min},${r.max ?? ""}`));
  writeFileSync(join(dir, "rules.csv"), `agency_id,unit,rank,min_per_day,max_per_day\n${rules.join("\n")}\n`);
  const leave = problem.people.flatMap((p) => (p.leave === null ? [] : days.filter((_, d) => p.leave![d] === 1).map((d) => `${p.id},${d},${d},cuti`)));
  writeFileSync(join(dir, "leave.csv"), `employee_id,from,to,kind\n${leave.join("\n")}\n`);
}

describe("check passes every roster solve writes", () => {
  it("on random small scenarios (rules, leave, weekly and daily rotation)", async () => {
    let solved = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(problemArbitrary({ withLeave: true, withRules: true }), async (problem) => {
        runs++;
        const root = tempDir("giliran-prop-");
        writeScenario(problem, join(root, "scenario"));
        const out = join(root, "out");
        let compiled: Problem;
        try {
          compiled = (await solveScenario(join(root, "scenario"), out)).problem;
        } catch (error) {
          if (error instanceof InfeasibleError) return;
          throw error;
        }
        solved++;
        expect(compiled.people.map((p) => p.attendance)).toEqual(problem.people.map((p) => p.attendance));
        for (const file of ["roster.csv", "roster-wide.csv"]) {
          const result = checkRoster(compiled, await parseRosterText(readFileSync(join(out, file), "utf8"), file));
          expect(result.findings, file).toEqual([]);
          expect(result.ok).toBe(true);
        }
      }),
      { numRuns: 40, seed: 4242 },
    );
    // Most random scenarios are feasible: the property is not vacuous.
    expect(solved, `${solved} of ${runs} solved`).toBeGreaterThan(runs / 2);
  });
});
