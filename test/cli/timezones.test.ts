/**
 * The machine's time zone must not move a day: the built CLI, run under several `TZ`
 * values, writes the same bytes. Samoa (Pacific/Apia) skipped Friday 30 December 2011
 * (it went from 29 December straight to 31 December), so local-time date arithmetic there
 * drops 2011-12-30 and lists 2011-12-31 twice; New York changes to summer time on
 * 14 March 2021.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, tempDir } from "../helpers/cli.js";

const ZONES = ["UTC", "Asia/Jakarta", "America/New_York", "Pacific/Apia", "Pacific/Kiritimati"];

/** A tiny scenario: one agency of four rotating people, every day of the week a workday. */
function scenario(start: string, end: string, rotation: "daily" | "weekly", leave: string): string {
  const dir = tempDir("giliran-tz-");
  writeFileSync(join(dir, "scenario.json"), JSON.stringify({
    name: "Time zones",
    start,
    end,
    workdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    holidays: [],
    officeCap: { count: 2 },
    rotation,
    healthPriority: { minAge: 50 },
  }, null, 2));
  writeFileSync(join(dir, "agencies.csv"), "agency_id,name\nA,Agency A\n");
  writeFileSync(join(dir, "employees.csv"), [
    "employee_id,name,agency_id,rank,position,employment,birth_date",
    "E1,One,A,pelaksana,Staf,pns,1980-01-01",
    "E2,Two,A,pelaksana,Staf,pns,1981-02-02",
    "E3,Three,A,pelaksana,Staf,pns,1982-03-03",
    // 50 on the start day exactly: health priority in every zone or in none.
    `E4,Four,A,pelaksana,Staf,pns,${String(Number(start.slice(0, 4)) - 50)}${start.slice(4)}`,
  ].join("\n") + "\n");
  writeFileSync(join(dir, "leave.csv"), `employee_id,from,to,kind\n${leave}\n`);
  return dir;
}

function run(args: string[], tz: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, TZ: tz, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Solve (and check) under every zone; each zone's output files by name. */
function solveEverywhere(dir: string): Map<string, Map<string, Buffer>> {
  const outputs = new Map<string, Map<string, Buffer>>();
  for (const tz of ZONES) {
    const out = join(tempDir("giliran-tz-out-"), tz.replace("/", "_"));
    mkdirSync(out, { recursive: true });
    const solved = run(["solve", dir, "-o", out, "--quiet"], tz);
    expect(solved, tz).toMatchObject({ code: 0, stderr: "" });
    // giliran's own check accepts the roster under the same zone.
    expect(run(["check", dir, join(out, "roster.csv"), "--quiet"], tz), tz).toMatchObject({ code: 0 });
    outputs.set(tz, new Map(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f))])));
  }
  return outputs;
}

function expectSameBytes(outputs: Map<string, Map<string, Buffer>>): void {
  const reference = outputs.get("UTC")!;
  expect([...reference.keys()]).toEqual(expect.arrayContaining(["daily.csv", "metrics.json", "roster-wide.csv", "roster.csv"]));
  for (const [tz, files] of outputs) {
    expect([...files.keys()], tz).toEqual([...reference.keys()]);
    for (const [file, bytes] of files) expect(bytes.equals(reference.get(file)!), `${tz}: ${file}`).toBe(true);
  }
}

describe("solve under different time zones", () => {
  it("lists every day across Samoa's skipped 30 December 2011, the same bytes in every zone", () => {
    const dir = scenario("2011-12-26", "2012-01-06", "daily", "E2,2011-12-30,2011-12-31,cuti");
    const outputs = solveEverywhere(dir);
    expectSameBytes(outputs);
    const dates = outputs.get("Pacific/Apia")!.get("daily.csv")!.toString("utf8").trim().split("\n").slice(1).map((l) => l.split(",")[1]);
    expect(dates).toEqual([
      "2011-12-26", "2011-12-27", "2011-12-28", "2011-12-29", "2011-12-30", "2011-12-31", "2012-01-01",
      "2012-01-02", "2012-01-03", "2012-01-04", "2012-01-05", "2012-01-06",
    ]);
  }, 60_000);

  it("keeps Monday-based weeks across a summer-time change, the same bytes in every zone", () => {
    const dir = scenario("2021-03-08", "2021-03-21", "weekly", "E3,2021-03-14,2021-03-15,cuti");
    const outputs = solveEverywhere(dir);
    expectSameBytes(outputs);
    const header = outputs.get("America/New_York")!.get("roster-wide.csv")!.toString("utf8").split("\n")[0];
    expect(header).toContain("2021-03-14");
    expect(header).toContain("2021-03-15");
  }, 60_000);
});
