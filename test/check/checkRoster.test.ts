import { beforeAll, describe, expect, it } from "vitest";
import { checkJson, formatFinding, groupFindings } from "../../src/check/checkRoster.js";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { scenarioCopy, TINY } from "../helpers/cli.js";
import { broken, checkText, modeOf, setMode, solved, type Solved } from "./plant.js";

// Tiny (test/fixtures/tiny): DINKES cap 3, Kepala Dinas mandatory, rules.csv asks 1 Pelayanan
// a day and at most 1 eselon_3; BAPPEDA cap 4, min_office 1; RSUD exempt; 2021-07-20 a holiday.
const KADIS = "197001151995031001";
const AGUS = "198807072012011005"; // DINKES Pelayanan, on leave 2021-07-21..23
const BUDI = "198203112006041003"; // DINKES eselon_4 Sekretariat, rotating
const PELAYANAN = ["198807072012011005", "199304172019032006", "196905101992031007", "199508232021212008"];
const BAPPEDA_ROTATING = ["198504142009012014", "199206062017031015", "199410102020122016", "198711112011011017", "199607152022212018", "197102281998031019", "199803192023211020"];
const DAY = "2021-07-19";

let tiny: Solved;
beforeAll(async () => {
  tiny = await solved(TINY);
});
const text = (lines: string[]) => `${lines.join("\n")}\n`;

describe("checkRoster on what solve wrote", () => {
  it("passes the long and the wide roster", async () => {
    expect((await checkText(tiny.problem, text(tiny.long))).ok).toBe(true);
    expect((await checkText(tiny.problem, text(tiny.wide), "roster-wide.csv")).ok).toBe(true);
  });
});

describe("checkRoster finds each planted violation, and only it", () => {
  it("leave: a leave day marked home", async () => {
    const result = await checkText(tiny.problem, text(setMode(tiny.long, AGUS, "2021-07-22", "home")));
    expect(broken(result)).toEqual({ leaveIsLeave: 1 });
    expect(formatFinding(result.findings[0])).toBe(`${AGUS} Agus Prasetyo (Dinas Kesehatan), 2021-07-22: on leave but marked home`);
  });

  it("leave: leave marked on a day without leave", async () => {
    const day = tiny.long.find((l) => l.startsWith(`${BUDI},`))!.split(",")[1];
    expect(broken(await checkText(tiny.problem, text(setMode(tiny.long, BUDI, day, "leave"))))).toEqual({ leaveIsLeave: 1 });
  });

  it("fixed / mandatory: the Kepala Dinas at home", async () => {
    const result = await checkText(tiny.problem, text(setMode(tiny.long, KADIS, DAY, "home")));
    expect(broken(result)).toEqual({ fixedAlwaysIn: 1 });
    expect(formatFinding(result.findings[0])).toMatch(/2021-07-19: marked home but must be in the office \(mandatory\)/);
  });

  it("cap: a fourth person in DINKES's office", async () => {
    expect(modeOf(tiny.long, BUDI, DAY)).toBe("home");
    const result = await checkText(tiny.problem, text(setMode(tiny.long, BUDI, DAY, "office")));
    expect(broken(result)).toEqual({ capPerAgencyDay: 1 });
    expect(formatFinding(result.findings[0])).toBe("Dinas Kesehatan, 2021-07-19: 4 in the office, cap 3 (30 % of 10)");
  });

  it("min_office: BAPPEDA below a floor of 4", async () => {
    const dir = scenarioCopy(TINY, { "agencies.csv": (t) => t.replace("BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40,,1", "BAPPEDA,Badan Perencanaan Pembangunan Daerah,false,40,,4") });
    const problem = compile(await readScenario(dir));
    expect((await checkText(problem, text(tiny.long))).ok).toBe(true);
    const inOffice = BAPPEDA_ROTATING.find((id) => modeOf(tiny.long, id, DAY) === "office")!;
    const result = await checkText(problem, text(setMode(tiny.long, inOffice, DAY, "home")));
    expect(broken(result)).toEqual({ minOfficePerAgencyDay: 1 });
    expect(formatFinding(result.findings[0])).toBe("Badan Perencanaan Pembangunan Daerah, 2021-07-19: 3 in the office, min_office 4");
  });

  it("composition rule: nobody from Pelayanan in DINKES's office", async () => {
    const inOffice = PELAYANAN.filter((id) => modeOf(tiny.long, id, DAY) === "office");
    expect(inOffice.length).toBeGreaterThan(0);
    let lines = tiny.long;
    for (const id of inOffice) lines = setMode(lines, id, DAY, "home");
    const result = await checkText(tiny.problem, text(lines));
    expect(broken(result)).toEqual({ compositionRule: 1 });
    expect(formatFinding(result.findings[0])).toBe("Dinas Kesehatan, 2021-07-19: 0 staff of unit Pelayanan in the office, rules.csv line 2 asks at least 1");
  });

  it("weekly block: a mode change inside a week in weekly rotation", async () => {
    const dir = scenarioCopy(TINY, { "scenario.json": (t) => t.replace('"rotation": "daily"', '"rotation": "weekly"') });
    const weekly = await solved(dir);
    expect((await checkText(weekly.problem, text(weekly.long))).ok).toBe(true);
    const person = BAPPEDA_ROTATING.find((id) => modeOf(weekly.long, id, DAY) === "office" && modeOf(weekly.long, id, "2021-07-21") === "office")!;
    expect(person).toBeDefined();
    const result = await checkText(weekly.problem, text(setMode(weekly.long, person, "2021-07-21", "home")));
    expect(broken(result)).toEqual({ weeklyBlocks: 1 });
    expect(formatFinding(result.findings[0])).toMatch(/week of 2021-07-19: office on 3 day\(s\) and home on 1/);
  });

  it("unknown code: a cell that is no mode, with its line and column", async () => {
    const lines = setMode(tiny.long, BUDI, DAY, "X");
    const result = await checkText(tiny.problem, text(lines));
    expect(broken(result)).toEqual({ unknownCode: 1 });
    const line = lines.findIndex((l) => l === `${BUDI},${DAY},X`) + 1;
    expect(result.findings[0]).toMatchObject({ rule: "unknownCode", line, column: 3, employeeId: BUDI, date: DAY });
    expect(formatFinding(result.findings[0])).toBe(`roster.csv:${line}:3: ${BUDI} Budi Santoso (Dinas Kesehatan), 2021-07-19: "X" is not a mode (O, H, L or office, home, leave; also K, R, C and WFO, WFH)`);
  });

  it("missing day: a workday left out is one finding, not one per person", async () => {
    const result = await checkText(tiny.problem, text(tiny.long.filter((l) => !l.includes(",2021-07-26,"))));
    expect(result.total.missingDay).toBe(1);
    expect(result.total.missingCell).toBe(0);
    expect(result.findings[0]).toMatchObject({ rule: "missingDay", date: "2021-07-26" });
    // The day's cells count as home (office for fixed staff), so a rule needing rotating staff in
    // that day is broken too; nothing else is.
    expect(Object.keys(broken(result)).filter((r) => r !== "missingDay" && r !== "compositionRule")).toEqual([]);
  });

  it("missing cell and missing employee", async () => {
    const withoutCell = tiny.long.filter((l) => !l.startsWith(`${BUDI},2021-07-27,`));
    expect(broken(await checkText(tiny.problem, text(withoutCell)))).toEqual({ missingCell: 1 });
    const withoutBudi = tiny.long.filter((l) => !l.startsWith(`${BUDI},`));
    const result = await checkText(tiny.problem, text(withoutBudi));
    expect(broken(result)).toEqual({ missingEmployee: 1 });
    expect(formatFinding(result.findings[0])).toBe(`${BUDI} Budi Santoso (Dinas Kesehatan): not in the roster (no mode on any of the 9 workdays)`);
  });

  it("unknown employee: one finding per id, with its first line and its count", async () => {
    const lines = [...tiny.long, `999,${DAY},home`, `999,2021-07-21,home`];
    const result = await checkText(tiny.problem, text(lines));
    expect(broken(result)).toEqual({ unknownEmployee: 1 });
    expect(formatFinding(result.findings[0])).toBe(`roster.csv:${lines.length - 1}: employee_id "999" is not in employees.csv (2 cell(s) for this id)`);
  });

  it("duplicate cell and a date that is not a workday", async () => {
    const lines = [...tiny.long, `${BUDI},${DAY},office`, `${BUDI},2021-07-20,home`];
    const result = await checkText(tiny.problem, text(lines));
    expect(broken(result)).toEqual({ duplicateCell: 1, notWorkday: 1 });
    const first = tiny.long.indexOf(`${BUDI},${DAY},home`) + 1;
    expect(result.findings.map((f) => formatFinding(f))).toEqual([
      `roster.csv:${lines.length}:3: "2021-07-20" is not a workday of the scenario (2021-07-19 to 2021-07-30, without weekends and holidays; 1 cell(s))`,
      `roster.csv:${lines.length - 1}:3: ${BUDI} Budi Santoso (Dinas Kesehatan), 2021-07-19: a second mode "office" (first on line ${first}: "home"; the first counts)`,
    ]);
  });
});

describe("a hand-edited wide roster, semicolons and mistakes", () => {
  it("lists every mistake, grouped by rule, with counts", async () => {
    const rows = tiny.wide.map((l) => l.split(","));
    // Names hold commas ("dr. Andi Saputra, M.Kes."): rebuild each line from the CSV the simple way.
    const semicolon = tiny.wide.map((line) => line.replace(/"[^"]*"|,/g, (m) => (m === "," ? ";" : m)));
    const header = semicolon[0].split(";");
    const col = (date: string) => header.indexOf(date);
    expect(rows.length).toBe(26);
    const edit = (id: string, f: (cells: string[]) => void) => {
      const i = semicolon.findIndex((l) => l.startsWith(`${id};`));
      const cells = semicolon[i].match(/("[^"]*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, "")).slice(0, header.length);
      f(cells);
      semicolon[i] = cells.join(";");
      return i + 1;
    };
    const kadisLine = edit(KADIS, (c) => (c[col(DAY)] = "H")); // fixed person at home
    const budiLine = edit(BUDI, (c) => (c[col("2021-07-27")] = "W")); // no such mode
    edit("199112122018031010", (c) => (c[col("2021-07-28")] = "")); // blank cell
    semicolon.push(`123456789012345678;Orang Asing;DINKES;pelaksana;${"H;".repeat(9).slice(0, -1)}`);
    const result = await checkText(tiny.problem, `${semicolon.join("\r\n")}\r\n`, "roster-wide.csv");
    expect(broken(result)).toEqual({ unknownEmployee: 1, missingCell: 1, unknownCode: 1, fixedAlwaysIn: 1 });
    const groups = groupFindings(result);
    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ["employee not in the scenario", 1], ["no mode for a workday", 1], ["unreadable mode code", 1], ["must be in the office", 1],
    ]);
    expect(groups.flatMap((g) => g.lines)).toEqual([
      `roster-wide.csv:${semicolon.length}: employee_id "123456789012345678" is not in employees.csv (9 cell(s) for this id)`,
      "199112122018031010 Fitri Handayani (Dinas Kesehatan), 2021-07-28: no mode given",
      `roster-wide.csv:${budiLine}:${col("2021-07-27") + 1}: ${BUDI} Budi Santoso (Dinas Kesehatan), 2021-07-27: "W" is not a mode (O, H, L or office, home, leave; also K, R, C and WFO, WFH)`,
      `${KADIS} dr. Andi Saputra, M.Kes. (Dinas Kesehatan), 2021-07-19: marked home but must be in the office (mandatory)`,
    ]);
    expect(kadisLine).toBe(2);
  });
});

describe("checkJson", () => {
  it("holds the counts per rule and each finding with its words and place", async () => {
    const result = await checkText(tiny.problem, text(setMode(tiny.long, BUDI, DAY, "office")));
    const json = checkJson(result, "r.csv") as { ok: boolean; count: number; total: Record<string, number>; findings: Array<Record<string, unknown>> };
    expect(json.ok).toBe(false);
    expect(json.count).toBe(1);
    expect(json.total.capPerAgencyDay).toBe(1);
    expect(json.total.unknownCode).toBe(0);
    expect(json.findings).toEqual([expect.objectContaining({ rule: "capPerAgencyDay", agencyId: "DINKES", date: DAY, message: expect.stringMatching(/4 in the office, cap 3/) })]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
