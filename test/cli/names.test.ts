/**
 * Names as planners write them, end to end through the built CLI: rank and employment
 * aliases in scenario.json and rules.csv, units spelled with other case and spacing, and
 * the infeasibility message of a weekly week that leave makes impossible.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { giliran, tempDir } from "../helpers/cli.js";

function scenario(files: Record<string, string>): string {
  const dir = tempDir("giliran-names-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const EMPLOYEES = "employee_id,name,agency_id,rank,position,employment,birth_date,unit";

describe("names as planners write them", () => {
  it("accepts rank aliases and any case in mandatory.ranks, rotating.employment and rules.csv rank", () => {
    const dir = scenario({
      "scenario.json": JSON.stringify({
        name: "aliases", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 3 },
        mandatory: { ranks: ["administrator", "Eselon_2"] },
        rotating: { employment: ["PNS", "P3K"] },
      }),
      "agencies.csv": "agency_id,name\nA,Dinas A\n",
      "employees.csv": [
        EMPLOYEES,
        "K,Kepala,A,jpt_pratama,Kepala Dinas,pns,1970-01-01,Pimpinan",
        "S,Sekretaris,A,Eselon 3,Sekretaris,pns,1975-01-01,Sekretariat",
        "P1,Pengawas Satu,A,pengawas,Kasubbag,pns,1980-01-01,Sekretariat",
        "P2,Pengawas Dua,A,eselon_4,Kasubbag,pns,1981-01-01,Sekretariat",
        "X1,Staf Satu,A,pelaksana,Staf,pppk,1990-01-01,Sekretariat",
        "X2,Staf Dua,A,pelaksana,Staf,pns,1991-01-01,Sekretariat",
        "H,Honorer,A,pelaksana,Staf,honorer,1995-01-01,Sekretariat",
      ].join("\n") + "\n",
      "rules.csv": "agency_id,unit,rank,min_per_day,max_per_day\nA,*,Pengawas,0,0\n",
    });
    // K, S (mandatory ranks) and H (honorer does not rotate) fill the cap of 3; no pengawas.
    const out = join(tempDir(), "out");
    const result = giliran("solve", dir, "-o", out, "-q");
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
    const office = (id: string) => readFileSync(join(out, "roster.csv"), "utf8").split("\n").filter((l) => l.startsWith(`${id},`) && l.endsWith(",office")).length;
    expect([office("K"), office("S"), office("H"), office("P1"), office("P2"), office("X1"), office("X2")]).toEqual([5, 5, 5, 0, 0, 0, 0]);
  });

  it("refuses an unknown rank in scenario.json naming the element, with the aliases it would take", () => {
    const dir = scenario({
      "scenario.json": JSON.stringify({ name: "t", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 1 }, mandatory: { ranks: ["kepala"] } }),
      "agencies.csv": "agency_id,name\nA,Dinas A\n",
      "employees.csv": `${EMPLOYEES}\nE,E,A,pelaksana,Staf,pns,1990-01-01,U\n`,
    });
    const result = giliran("solve", dir, "-o", join(tempDir(), "out"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/scenario\.json:1:\d+: mandatory\.ranks\[0\]: expected .*administrator, pengawas, got "kepala"/);
  });

  it("matches and groups units by case and spacing, showing the first spelling", () => {
    const dir = scenario({
      "scenario.json": JSON.stringify({ name: "units", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 2 } }),
      "agencies.csv": "agency_id,name\nA,Dinas A\n",
      "employees.csv": [
        EMPLOYEES,
        "E1,Satu,A,pelaksana,Staf,pns,1990-01-01,Sub Bagian Umum",
        'E2,Dua,A,pelaksana,Staf,pns,1990-01-01," sub bagian  umum "',
        "E3,Tiga,A,pelaksana,Staf,pns,1990-01-01,SUB BAGIAN UMUM",
        "E4,Empat,A,pelaksana,Staf,pns,1990-01-01,Keuangan",
      ].join("\n") + "\n",
      "rules.csv": "agency_id,unit,rank,min_per_day,max_per_day\nA,sub  BAGIAN umum,*,2,2\n",
    });
    const out = join(tempDir(), "out");
    const result = giliran("solve", dir, "-o", out, "-q");
    expect(result, result.stderr).toMatchObject({ code: 0, stderr: "" });
    const metrics = JSON.parse(readFileSync(join(out, "metrics.json"), "utf8"));
    const groups = metrics.agencies[0].groups.map((g: { unit: string; members: number }) => [g.unit, g.members]);
    expect(groups).toEqual(expect.arrayContaining([["Sub Bagian Umum", 3], ["Keuangan", 1]]));
    expect(groups).toHaveLength(2);
    // The rule holds on the three spellings together: 2 of them in each day, E4 never.
    const roster = readFileSync(join(out, "roster.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const officeOf = (id: string) => roster.filter((r) => r[0] === id && r[2] === "office").length;
    expect(officeOf("E1") + officeOf("E2") + officeOf("E3")).toBe(10);
    expect(officeOf("E4")).toBe(0);
    expect(giliran("check", dir, join(out, "roster.csv"), "-q").code).toBe(0);
  });

  it("blames the weekly block and leave, not composition rules, when a week cannot hold", () => {
    const dir = scenario({
      "scenario.json": JSON.stringify({ name: "weekly", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 1 }, rotation: "weekly" }),
      "agencies.csv": "agency_id,name,min_office\nA,Dinas A,1\n",
      "employees.csv": `${EMPLOYEES}\nE1,Satu,A,pelaksana,Staf,pns,1980-01-01,U\nE2,Dua,A,pelaksana,Staf,pns,1981-01-01,U\n`,
      "leave.csv": "employee_id,from,to,kind\nE1,2021-07-20,2021-07-20,cuti\nE2,2021-07-22,2021-07-22,cuti\n",
    });
    const en = giliran("solve", dir, "-o", join(tempDir(), "out"));
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^Dinas A, week of 2021-07-19: weekly rotation keeps each rotating person in one mode all week, and with the leave taken that week \(2 staff, on 2021-07-20, 2021-07-22\) no choice of people keeps between 1 \(min_office\) and 1 \(the cap, count 1\) in the office on every workday/);
    expect(en.stderr).not.toMatch(/composition/);
    const id = giliran("solve", dir, "-o", join(tempDir(), "out"), "--lang", "id");
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/^Dinas A, pekan 2021-07-19: giliran mingguan .* cuti/);
    expect(id.stderr).not.toMatch(/komposisi/);
  });
});
