import { mkdir, mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseString } from "fast-csv";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MODE_NAMES, type Problem, type Roster } from "../../src/domain/problem.js";
import { id as idCatalogue } from "../../src/messages/id.js";
import { ByteSink } from "../../src/io/writeFiles.js";
import { OutputError, writeOutputs, writeRosterLong, writeRosterWide } from "../../src/io/writeOutputs.js";
import { buildProblem, rosterOf } from "../helpers/problemBuilder.js";

const DAYS = ["2021-07-19", "2021-07-20"];

/** Two agencies (one exempt), three people; names and ids that need quoting or neutralizing. */
function tiny(): { problem: Problem; roster: Roster } {
  const problem = buildProblem({
    days: DAYS,
    agencies: [{ id: "DINKES", cap: 1 }, { id: "+RSUD", exempt: true }],
    people: [
      { id: "E1", name: "Siti, S.Pd", agency: "DINKES", rank: "eselon_4" },
      { id: "-5", name: '=HYPERLINK("x")', agency: "DINKES", rank: "pelaksana" },
      { id: "E3", name: "Ni Luh Śri", agency: "+RSUD", rank: "fungsional" },
    ],
  });
  return { problem, roster: rosterOf(problem, { E1: "OH", "-5": "HL", E3: "OO" }) };
}

const EXPECTED_ROSTER = [
  "employee_id,date,mode",
  "E1,2021-07-19,office",
  "E1,2021-07-20,home",
  "'-5,2021-07-19,home",
  "'-5,2021-07-20,leave",
  "E3,2021-07-19,office",
  "E3,2021-07-20,office",
  "",
].join("\n");

const EXPECTED_WIDE_BODY = [
  "E1,\"Siti, S.Pd\",DINKES,eselon_4,O,H",
  "'-5,\"'=HYPERLINK(\"\"x\"\")\",DINKES,pelaksana,H,L",
  "E3,Ni Luh Śri,'+RSUD,fungsional,O,O",
  "",
].join("\n");

const EXPECTED_DAILY = [
  "agency_id,date,office,home,leave,cap",
  "DINKES,2021-07-19,1,1,0,1",
  "DINKES,2021-07-20,0,1,1,1",
  "'+RSUD,2021-07-19,1,0,0,",
  "'+RSUD,2021-07-20,1,0,0,",
  "",
].join("\n");

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false, strictColumnHandling: false })
      .on("data", (row: string[]) => rows.push(row))
      .on("error", reject)
      .on("end", () => resolve(rows));
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "giliran-out-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (name: string, base = dir) => readFile(join(base, name), "utf8");

describe("writeOutputs", () => {
  it("writes the exact content of every output for a tiny problem", async () => {
    const { problem, roster } = tiny();
    const written = await writeOutputs(dir, problem, roster, { metrics: { overall: { spread: 1 }, agencies: [] }, lang: "en", reportHtml: "<p>ok</p>" });
    expect(await read("roster.csv")).toBe(EXPECTED_ROSTER);
    expect(await read("roster-wide.csv")).toBe(`employee_id,name,agency_id,rank,2021-07-19,2021-07-20\n${EXPECTED_WIDE_BODY}`);
    expect(await read("daily.csv")).toBe(EXPECTED_DAILY);
    expect(await read("metrics.json")).toBe('{\n  "overall": {\n    "spread": 1\n  },\n  "agencies": []\n}\n');
    expect(await read("report.html")).toBe("<p>ok</p>");
    expect(written.roster).toEqual({ path: join(dir, "roster.csv"), bytes: Buffer.byteLength(EXPECTED_ROSTER) });
    expect(written.report?.path).toBe(join(dir, "report.html"));
    expect(written.rosterWide.bytes).toBe((await readFile(join(dir, "roster-wide.csv"))).length);
  });

  it("takes the printable sheet's column titles from the catalogue of the language asked", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "id" });
    const titles = [idCatalogue["sheet.employee_id"], idCatalogue["sheet.name"], idCatalogue["sheet.agency_id"], idCatalogue["sheet.rank"]];
    expect(titles).not.toEqual(["employee_id", "name", "agency_id", "rank"]);
    expect(await read("roster-wide.csv")).toBe(`${titles.join(",")},2021-07-19,2021-07-20\n${EXPECTED_WIDE_BODY}`);
    // the machine-read files keep their fixed headers
    expect(await read("roster.csv")).toBe(EXPECTED_ROSTER);
  });

  it("writes a report larger than the write buffer whole", async () => {
    const { problem, roster } = tiny();
    const html = `<p>${"Ś".repeat(1_500_000)}</p>`;
    const written = await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en", reportHtml: html });
    expect(await read("report.html")).toBe(html);
    expect(written.report?.bytes).toBe(Buffer.byteLength(html));
  });

  it("writes no report.html when none is handed in", async () => {
    const { problem, roster } = tiny();
    const written = await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en" });
    expect(written.report).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(["daily.csv", "history-next.csv", "metrics.json", "roster-wide.csv", "roster.csv", "roster.xlsx"]);
  });

  it("creates the output directory when missing", async () => {
    const { problem, roster } = tiny();
    const nested = join(dir, "a", "b");
    await writeOutputs(nested, problem, roster, { metrics: {}, lang: "en" });
    expect(await read("roster.csv", nested)).toBe(EXPECTED_ROSTER);
  });

  it("starts every CSV with a byte order mark only when asked", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en", excelBom: true });
    for (const name of ["roster.csv", "roster-wide.csv", "daily.csv"]) {
      const bytes = await readFile(join(dir, name));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    expect((await read("roster.csv")).slice(1)).toBe(EXPECTED_ROSTER);
    expect((await readFile(join(dir, "metrics.json")))[0]).toBe("{".charCodeAt(0));
  });

  it("writes valid CSV: fast-csv reads every cell back as given, neutralized text with its quote mark", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en" });
    const long = await parseCsv(await read("roster.csv"));
    expect(long).toHaveLength(1 + 3 * DAYS.length);
    expect(long.slice(1).map((r) => r[0])).toEqual(["E1", "E1", "'-5", "'-5", "E3", "E3"]);
    const wide = await parseCsv(await read("roster-wide.csv"));
    expect(wide.map((r) => r.slice(0, 3))).toEqual([
      ["employee_id", "name", "agency_id"],
      ["E1", "Siti, S.Pd", "DINKES"],
      ["'-5", "'=HYPERLINK(\"x\")", "DINKES"],
      ["E3", "Ni Luh Śri", "'+RSUD"],
    ]);
    const daily = await parseCsv(await read("daily.csv"));
    expect(daily.slice(1).map((r) => r[0])).toEqual(["DINKES", "DINKES", "'+RSUD", "'+RSUD"]);
    expect(daily.every((r) => r.length === 6)).toBe(true);
  });

  it("writes no cell that starts with a formula character", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en" });
    for (const name of ["roster.csv", "roster-wide.csv", "daily.csv"]) {
      for (const row of await parseCsv(await read(name))) {
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it("gives the wide sheet one column per workday, the same width on every row", async () => {
    const days = ["2021-07-19", "2021-07-20", "2021-07-21", "2021-07-22", "2021-07-23", "2021-07-26", "2021-07-27"];
    const problem = buildProblem({ days, agencies: [{ id: "A" }], people: [{ id: "p1" }, { id: "p2" }] });
    const roster = rosterOf(problem, { p1: "OHOHO HL", p2: "HHHHH OO" });
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en" });
    const wide = await parseCsv(await read("roster-wide.csv"));
    expect(wide[0].slice(4)).toEqual(days);
    expect(wide.map((r) => r.length)).toEqual([11, 11, 11]);
    expect(wide[1].slice(4).join("")).toBe("OHOHOHL");
    expect(wide[2].slice(4).join("")).toBe("HHHHHOO");
  });

  it("writes the same bytes every time for the same input", async () => {
    const { problem, roster } = tiny();
    const other = join(dir, "second");
    await writeOutputs(join(dir, "first"), problem, roster, { metrics: { x: [1, 2] }, lang: "en", reportHtml: "r" });
    await writeOutputs(other, problem, roster, { metrics: { x: [1, 2] }, lang: "en", reportHtml: "r" });
    await writeOutputs(other, problem, roster, { metrics: { x: [1, 2] }, lang: "en", reportHtml: "r" });
    for (const name of ["roster.csv", "roster-wide.csv", "daily.csv", "metrics.json", "history-next.csv", "report.html"]) {
      expect(await readFile(join(other, name))).toEqual(await readFile(join(dir, "first", name)));
    }
    // replacing earlier outputs leaves no temporaries or backups behind
    expect((await readdir(other)).sort()).toEqual(["daily.csv", "history-next.csv", "metrics.json", "report.html", "roster-wide.csv", "roster.csv", "roster.xlsx"]);
  });

  it("leaves the previous outputs intact and no temporaries when a target cannot be replaced", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: { run: 1 }, lang: "en" });
    await rm(join(dir, "daily.csv"));
    await mkdir(join(dir, "daily.csv"));
    const before = await snapshot(dir);
    expect(Object.keys(before).sort()).toEqual(["daily.csv", "history-next.csv", "metrics.json", "roster-wide.csv", "roster.csv", "roster.xlsx"]);

    const changed = rosterOf(problem, { E1: "HO", "-5": "OL", E3: "OO" });
    const failure = writeOutputs(dir, problem, changed, { metrics: { run: 2 }, lang: "en" });
    await expect(failure).rejects.toBeInstanceOf(OutputError);
    await expect(failure).rejects.toMatchObject({ path: join(dir, "daily.csv") });
    const after = await snapshot(dir);
    expect(after).toEqual(before);
  });

  it("leaves the previous outputs intact and no temporaries when building a file fails midway", async () => {
    const { problem, roster } = tiny();
    await writeOutputs(dir, problem, roster, { metrics: { run: 1 }, lang: "en", reportHtml: "old" });
    const before = await snapshot(dir);
    const changed = rosterOf(problem, { E1: "HO", "-5": "OL", E3: "OO" });
    // roster.csv, roster-wide.csv and daily.csv are written to temporaries before metrics.json fails
    const failure = writeOutputs(dir, problem, changed, { metrics: { run: 2n }, lang: "en", reportHtml: "new" });
    await expect(failure).rejects.toMatchObject({ name: "OutputError", path: join(dir, "metrics.json") });
    expect(await snapshot(dir)).toEqual(before);
  });

  it("refuses a roster that does not fit the problem or holds an unknown mode, writing nothing", async () => {
    const { problem } = tiny();
    await expect(writeOutputs(dir, problem, { days: 2, modes: new Uint8Array(4) }, { metrics: {}, lang: "en" })).rejects.toThrow(/does not fit/);
    const bad = rosterOf(problem, { E1: "O3" });
    await expect(writeOutputs(dir, problem, bad, { metrics: {}, lang: "en" })).rejects.toThrow(/mode 3/);
    expect(await readdir(dir)).toEqual([]);
  });
});

/** Every entry of a directory with its content (directories marked), hidden files included. */
async function snapshot(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(path, { withFileTypes: true })) {
    out[entry.name] = entry.isDirectory() ? "<dir>" : await readFile(join(path, entry.name), "utf8");
  }
  return out;
}

/** A plain reference: the same files built row by row with string joins. */
function referenceLong(problem: Problem, roster: Roster): string {
  const rows = ["employee_id,date,mode"];
  const days = problem.calendar.days;
  for (const p of problem.people) {
    days.forEach((date, d) => rows.push(`${p.id},${date},${MODE_NAMES[roster.modes[p.index * days.length + d]]}`));
  }
  return `${rows.join("\n")}\n`;
}

function referenceWideBody(problem: Problem, roster: Roster): string {
  const days = problem.calendar.days.length;
  return problem.people
    .map((p) => {
      const codes = Array.from(roster.modes.subarray(p.index * days, (p.index + 1) * days), (m) => ",".concat("HOL"[m])).join("");
      return `${p.id},${p.name},${problem.agencies[p.agency].id},${p.rank}${codes}\n`;
    })
    .join("");
}

/** Many people with ids of varying length (some multi-byte), so rows straddle chunk boundaries. */
function many(count: number, dayCount: number): { problem: Problem; roster: Roster } {
  const days = ["2021-07-19", "2021-07-20", "2021-07-21", "2021-07-22", "2021-07-23", "2021-07-26", "2021-07-27", "2021-07-28"].slice(0, dayCount);
  const problem = buildProblem({
    days,
    agencies: [{ id: "A" }, { id: "B" }],
    people: Array.from({ length: count }, (_, i) => ({ id: `${"é".repeat(i % 3)}P${i}${"x".repeat(i % 17)}`, name: `Nama ${i}`, agency: i % 2 ? "B" : "A" })),
  });
  const roster: Roster = { days: days.length, modes: new Uint8Array(count * days.length) };
  for (let i = 0; i < roster.modes.length; i++) roster.modes[i] = (i * 7 + (i >> 3)) % 3;
  return { problem, roster };
}

async function writeWithSink(path: string, chunkSize: number, produce: (sink: ByteSink) => Promise<void>): Promise<number> {
  const handle = await open(path, "w");
  try {
    const sink = new ByteSink(handle, chunkSize);
    await produce(sink);
    await sink.end();
    return sink.bytes;
  } finally {
    await handle.close();
  }
}

describe("the chunked roster writers", () => {
  it("write the same rows as a plain row-by-row build when rows cross many chunk boundaries", async () => {
    const { problem, roster } = many(30_000, 8);
    await writeOutputs(dir, problem, roster, { metrics: {}, lang: "en" });
    const long = await read("roster.csv");
    expect(Buffer.byteLength(long)).toBeGreaterThan(3 * (1 << 20));
    expect(long).toBe(referenceLong(problem, roster));
    expect(await read("roster-wide.csv")).toBe(`employee_id,name,agency_id,rank,${problem.calendar.days.join(",")}\n${referenceWideBody(problem, roster)}`);
  });

  it("grow the buffer when a single person does not fit a tiny chunk", async () => {
    const { problem, roster } = many(50, 5);
    const path = join(dir, "tiny-chunks.csv");
    const bytes = await writeWithSink(path, 16, (sink) => writeRosterLong(sink, problem, roster));
    const expected = referenceLong(problem, roster);
    expect(await readFile(path, "utf8")).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
    await writeWithSink(path, 16, (sink) => writeRosterWide(sink, problem, roster, "en"));
    expect((await readFile(path, "utf8")).split("\n").slice(1).join("\n")).toBe(referenceWideBody(problem, roster));
  });
});

describe("temporaries of a killed run", () => {
  it("are removed by the next run when their process is gone, and only ours", async () => {
    const { mkdtemp, writeFile, readdir } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { writeFilesAtomically } = await import("../../src/io/writeFiles.js");
    const dir = await mkdtemp(join(tmpdir(), "giliran-stale-"));
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    await writeFile(join(dir, `.roster.csv.${dead}.0.tmp`), "partial");
    await writeFile(join(dir, `.roster.csv.${process.pid}.99.tmp`), "alive: kept");
    await writeFile(join(dir, ".notes.txt.1.0.tmp"), "not ours: kept");
    await writeFilesAtomically(dir, [{ name: "roster.csv", produce: (sink) => sink.text("a\n") }]);
    expect((await readdir(dir)).sort()).toEqual([`.notes.txt.1.0.tmp`, `.roster.csv.${process.pid}.99.tmp`, "roster.csv"].sort());
  });
});
