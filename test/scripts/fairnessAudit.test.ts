import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { auditRoster, auditTable, bool, isoDate, rankOf, readCsv } from "../../scripts/fairnessAudit.js";
import { ROOT, tempDir } from "../helpers/cli.js";

/** Four weeks, Monday 2021-07-19 to Friday 2021-08-13: 20 workdays. */
const DAYS: string[] = [];
for (let d = new Date("2021-07-19T00:00:00Z"); d <= new Date("2021-08-13T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1)) {
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) DAYS.push(d.toISOString().slice(0, 10));
}

/** A long-form roster from one string of O/H/L a person (spaces ignored). */
function roster(rows: Record<string, string>, days = DAYS): string {
  const modes: Record<string, string> = { O: "office", H: "home", L: "leave" };
  const lines = ["employee_id,date,mode"];
  for (const [id, letters] of Object.entries(rows)) {
    const l = letters.replace(/\s+/g, "");
    days.forEach((day, d) => lines.push(`${id},${day},${modes[l[d]]}`));
  }
  return `${lines.join("\n")}\n`;
}

function scenario(files: Record<string, string>): string {
  const dir = tempDir("giliran-audit-");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// Dinas A and an exempt RSUD. Fixed: K1 (mandatory position, by its prefix), S1 (mandatory
// column "ya"), H1 (honorer do not rotate), N1 (exempt agency). Health priority: P1 (50 on
// the start day), P2 (pregnant "1"). C1 is comorbid, but comorbidity is not switched on.
const daily = scenario({
  "scenario.json": JSON.stringify({
    name: "audit", start: "2021-07-19", end: "2021-08-13", workdays: ["mon", "tue", "wed", "thu", "fri"], holidays: [],
    officeCap: { percent: 25 }, rotation: "daily", mandatory: { ranks: ["eselon_1"], positions: ["Kepala Dinas"] },
    rotating: { employment: ["pns", "pppk"] }, healthPriority: { minAge: 50, pregnant: true, comorbid: false },
  }),
  "agencies.csv": "agency_id,name,exempt\r\nA,Dinas A,false\r\nR,RSUD,ya\r\n",
  "employees.csv": "\ufeffemployee_id;name;agency_id;rank;position;employment;birth_date;unit;pregnant;comorbid;mandatory\n" +
    "K1;Kadis;A;jpt_pratama;Kepala Dinas Perhubungan;pns;1970-01-01;;tidak;tidak;tidak\n" +
    "S1;\"Sekretaris; S.H.\";A;eselon_3;Sekretaris;pns;1980-01-01;;tidak;tidak;ya\n" +
    "H1;Honor;A;pelaksana;Staf;honorer;1990-01-01;;;;\n" +
    "P1;Senior;A;pelaksana;Staf;pns;1971-07-19;;tidak;tidak;tidak\n" +
    "P2;Hamil;A;fungsional;Staf;pns;1990-01-01;;1;0;0\n" +
    "X1;Admin 1;A;administrator;Kasubbag;pns;1990-01-01;Umum;0;0;0\n" +
    "X2;Admin 2;A;eselon_3;Kasubbag;pns;1990-01-01;Umum;0;0;0\n" +
    "C1;Fung 1;A;fungsional;Analis;pns;1990-01-01;;0;1;0\n" +
    "F1;Fung 2;A;fungsional;Analis;pppk;1990-01-01;;0;0;0\n" +
    "L1;Cuti;A;pelaksana;Staf;pns;1990-01-01;;0;0;0\n" +
    "L2;Riwayat;A;pelaksana;Staf;pns;1990-01-01;;0;0;0\n" +
    "N1;Perawat;R;pelaksana;Perawat;pns;1990-01-01;;0;0;0\n",
  "leave.csv": "employee_id,from,to,kind\nL1,26/07/2021,29/07/2021,cuti\n",
  "history.csv": "employee_id,office_days,workdays\nL2,10,20\n",
});
const dailyRoster = join(daily, "roster.csv");
writeFileSync(dailyRoster, roster({
  K1: "OOOOO OOOOO OOOOO OOOOO",
  S1: "OOOOO OOOOO OOOOO OOOOO",
  H1: "OOOOO OOOOO OOOOO OOOOO",
  P1: "HHHHH OOOOO HHHHH HHHHH", // priority: not in the pool, whatever their days
  P2: "HHHHH HHHHH HHHHH HHHHH",
  X1: "OHHHH OHHHH OHHHH OHHHH", // 4 Mondays: locked to one weekday
  X2: "OHHHH HOHHH HHOHH HHHOH", // 4 days on 4 weekdays
  C1: "HHHHH HHHHH HHHHH HHHHH",
  F1: "HHHHH HHHHH HHHHH HHHHH", // fungsional: owed 4.4 days each, none given
  L1: "OOHHH LLLLO OOOHH HHHOO", // 8 office days, 4 of leave
  L2: "HHHHO HHHHO HHHHO HHHHO", // 4 Fridays, history 10 of 20 days
  N1: "OOOOO OOOOO OOOOO OOOOO",
}));

describe("fairnessAudit, daily rotation", () => {
  // Pool of Dinas A: X1, X2, C1, F1, L1, L2. Weights 20, 20, 20, 20, 16, 40 (136); office 20 + history 10 = 30.
  // Shares 30 w / 136: 4.41 (w 20), 3.53 (L1), 8.82 (L2). Deviations -0.41, -0.41, -4.41, -4.41, +4.47, +5.18.
  const f = auditRoster(daily, dailyRoster);

  it("derives the pool from the files: exempt, mandatory (rank, position prefix, column), employment, health priority", () => {
    expect(f).toMatchObject({ rotation: "daily", workdays: 20, rotating: 6, threshold: 2 });
  });

  it("counts people more than 2 days from their fair share", () => {
    expect(f).toMatchObject({ farFromShare: 4, farFromSharePercent: 66.7 });
  });

  it("counts (agency, rank, unit) groups owed a day or more on average that got none", () => {
    // fungsional (C1, F1); the two eselon III (alias administrator) are one group with 8 days.
    expect(f).toMatchObject({ groupsWithout: 1, peopleInGroupsWithout: 2 });
  });

  it("counts people with leave far from their share", () => {
    expect(f).toMatchObject({ withLeave: 1, leaveFar: 1, leaveFarPercent: 100 });
  });

  it("counts people with 4+ office days locked to one weekday", () => {
    expect(f).toMatchObject({ fourPlus: 4, weekdayLocked: 2, weekdayLockedPercent: 50 });
  });

  it("gives the worst deviation and who", () => {
    expect(f.worstDeviation).toBe(Math.round((14 - (30 * 40) / 136) * 100) / 100);
    expect(f.worstEmployee).toBe("L2");
  });

  it("runs compiled, as a table and as JSON", () => {
    const script = join(ROOT, "dist/scripts/fairnessAudit.js");
    const json = spawnSync(process.execPath, [script, daily, dailyRoster, "--json"], { encoding: "utf8" });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(f)));
    const text = spawnSync(process.execPath, [script, daily, dailyRoster], { encoding: "utf8" });
    expect(text.stdout.split("\n")[0]).toMatch(/^scenario\s+rotation\s+rotating\s+far from share\s+groups without\s+leave far\s+weekday-locked\s+worst dev$/);
    expect(text.stdout).toContain("66.7 % (4; > 2 d; 0 under rules)  1 (2 people; 0 under rules)");
    const usage = spawnSync(process.execPath, [script], { encoding: "utf8" });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/^usage: /);
  });
});

describe("fairnessAudit, weekly rotation", () => {
  it("counts more than one week (the week's workdays) as far from the share", () => {
    const days = DAYS.slice(0, 10);
    const dir = scenario({
      "scenario.json": JSON.stringify({ name: "w", start: "2021-07-19", end: "2021-07-30", officeCap: { percent: 50 }, rotation: "weekly", mandatory: { ranks: [], positions: [] } }),
      "agencies.csv": "agency_id,name\nB,Dinas B\n",
      "employees.csv": "employee_id,name,agency_id,rank,position,employment,birth_date,unit\n" +
        "W1,a,B,pelaksana,Staf,pns,1990-01-01,\nW2,b,B,pelaksana,Staf,pns,1990-01-01,\nW3,c,B,pelaksana,Staf,pns,1990-01-01,Keuangan\n",
    });
    const path = join(dir, "roster.csv");
    writeFileSync(path, roster({ W1: "OOOOO HHHHH", W2: "HHHHH OOOOO", W3: "HHHHH HHHHH" }, days));
    // Shares 10/3 each: deviations 1.67, 1.67, -3.33; none more than 5 days.
    expect(auditRoster(dir, path)).toMatchObject({ rotating: 3, threshold: 5, farFromShare: 0, groupsWithout: 1, peopleInGroupsWithout: 1, worstDeviation: 3.33, worstEmployee: "W3" });
  });
});

describe("fairnessAudit and composition rules", () => {
  it("counts people far from their share in agencies where a rule binds on every workday", () => {
    const days = DAYS.slice(0, 5);
    const employees = ["A", "B"].flatMap((a) => [`${a}3,x,${a},eselon_3,Kabid,pns,1990-01-01`, ...[1, 2, 3].map((i) => `${a}${i}p,x,${a},pelaksana,Staf,pns,1990-01-01`)]);
    const dir = scenario({
      "scenario.json": JSON.stringify({ name: "r", start: "2021-07-19", end: "2021-07-23", officeCap: { percent: 50 }, rotation: "daily", mandatory: { ranks: [], positions: [] } }),
      "agencies.csv": "agency_id,name\nA,Dinas A\nB,Dinas B\n",
      "employees.csv": `employee_id,name,agency_id,rank,position,employment,birth_date\n${employees.join("\n")}\n`,
      // Exactly one eselon III a day in A (written with its alias); B has no rule.
      "rules.csv": "agency_id,unit,rank,min_per_day,max_per_day\nA,*,administrator,1,1\n",
    });
    const path = join(dir, "roster.csv");
    // In both: the eselon III every day (7 office days over 4 people: share 1.75, +3.25).
    writeFileSync(path, roster({ A3: "OOOOO", A1p: "OHHHH", A2p: "HOHHH", A3p: "HHHHH", B3: "OOOOO", B1p: "OHHHH", B2p: "HOHHH", B3p: "HHHHH" }, days));
    expect(auditRoster(dir, path)).toMatchObject({ rotating: 8, farFromShare: 2, farUnderBindingRules: 1, groupsWithout: 0, groupsWithoutUnderBindingRules: 0 });
  });
});

describe("fairnessAudit's readers", () => {
  it("read booleans, dates and rank aliases as DESIGN.md writes them", () => {
    expect(["true", "1", "ya", "YA", "false", "0", "tidak", ""].map(bool)).toEqual([true, true, true, true, false, false, false, false]);
    expect([isoDate("2021-07-19"), isoDate("19/07/2021"), isoDate("1/8/2021")]).toEqual(["2021-07-19", "2021-07-19", "2021-08-01"]);
    expect(["jpt_madya", "JPT Pratama", "administrator", "pengawas", "fungsional"].map(rankOf)).toEqual(["eselon_1", "eselon_2", "eselon_3", "eselon_4", "fungsional"]);
  });

  it("read semicolon CSV with a BOM, quotes and CRLF", () => {
    const dir = tempDir("giliran-audit-csv-");
    writeFileSync(join(dir, "x.csv"), "\ufeffA;B\r\n\"x;1\";\"say \"\"hi\"\"\"\r\n\r\n");
    expect(readCsv(join(dir, "x.csv"))).toEqual([{ a: "x;1", b: 'say "hi"' }]);
  });

  it("print a table row per scenario", () => {
    expect(auditTable([auditRoster(daily, dailyRoster)]).split("\n")).toHaveLength(3);
  });
});
