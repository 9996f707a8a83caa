/**
 * roster.xlsx and the readers of .xlsx, on the NIP scenario (test/fixtures/nip, made by
 * `giliran generate --employees 400 --seed 7 --nip`): the workbook's layout, NIPs kept as text
 * through a LibreOffice re-save (when LibreOffice is installed), a planted edit caught, tables
 * given as .xlsx read with the same validation, and ids a spreadsheet turned into numbers
 * reported in one message.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { giliran, ROOT, scenarioCopy, tempDir } from "../helpers/cli.js";

const NIP = join(ROOT, "test/fixtures/nip");
const SOFFICE = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
const dir = tempDir("giliran-xlsx-");

function solved(lang: "en" | "id"): string {
  const out = join(dir, `solved-${lang}`);
  if (!existsSync(join(out, "roster.xlsx"))) expect(giliran("solve", NIP, "-o", out, "-q", "--lang", lang)).toMatchObject({ code: 0, stderr: "" });
  return join(out, "roster.xlsx");
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Spreadsheet damage as LibreOffice or Excel leave it: the first column's ids as `1.97102E+17` (or `1,97102E+17`). */
function scientificIds(text: string, comma = false): string {
  return text.split("\n").map((line, i) => {
    if (i === 0 || line === "") return line;
    const [id, ...rest] = line.split(",");
    const sci = Number(id).toExponential(5).toUpperCase().replace("E+", "E+");
    return [comma ? `"${sci.replace(".", ",")}"` : sci, ...rest].join(",");
  }).join("\n");
}

describe("roster.xlsx", () => {
  it("has a summary, the jadwal piket and a sheet per agency, NIPs as text and dates as dates", async () => {
    const wb = await workbook(solved("id"));
    const employees = readFileSync(join(NIP, "employees.csv"), "utf8").trim().split("\n").slice(1);
    const agencies = readFileSync(join(NIP, "agencies.csv"), "utf8").trim().split("\n").slice(1);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(["Ringkasan", "Jadwal piket", agencies[0].split(",")[0]]);
    expect(wb.worksheets.length).toBe(agencies.length + 2);
    const sheet = wb.worksheets[2];
    expect(sheet.getCell("A1").value).toMatch(/^Jadwal kerja bergiliran: /);
    expect(sheet.getCell("A2").value).toMatch(/^Batas di kantor: \d+ orang per hari/);
    expect(sheet.getRow(6).getCell(1).value).toBe("nip");
    const firstDay = sheet.getRow(6).getCell(6).value;
    expect(firstDay).toBeInstanceOf(Date);
    expect((firstDay as Date).toISOString().slice(0, 10)).toBe("2021-07-19");
    expect(sheet.getRow(5).getCell(6).value).toBe("Sen");
    const nip = sheet.getRow(7).getCell(1);
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toBe(employees[0].split(",")[0]);
    expect(String(nip.value)).toMatch(/^\d{18}$/);
    expect(["K", "R", "C"]).toContain(sheet.getRow(7).getCell(6).value);
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1, printTitlesRow: "5:6" });
    expect(sheet.headerFooter.oddFooter).toContain("&P");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
    const text: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => text.push(String(cell.value))));
    expect(text).toContain("Mengetahui,");
    expect(text.some((t) => t.startsWith("Kepala "))).toBe(true);
  });

  it("passes check as written, and after a LibreOffice re-save with every NIP intact; a planted edit is caught", async () => {
    const path = solved("id");
    expect(giliran("check", NIP, path)).toMatchObject({ code: 0 });
    let resaved = path;
    // In CI LibreOffice must be there (.ci/run installs it); elsewhere the re-save is skipped without it.
    if (process.env.CI) expect(SOFFICE).toBeDefined();
    if (SOFFICE !== undefined) {
      const out = join(dir, "libreoffice");
      const run = spawnSync(SOFFICE, ["--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, path], { env: { ...process.env, HOME: join(dir, "lo-home") }, encoding: "utf8", timeout: 120_000 });
      expect(run.status).toBe(0);
      resaved = join(out, "roster.xlsx");
      expect(giliran("check", NIP, resaved)).toMatchObject({ code: 0 });
      const wb = await workbook(resaved);
      const nips = new Set(readFileSync(join(NIP, "employees.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]));
      const found: string[] = [];
      for (const ws of wb.worksheets.slice(2)) ws.eachRow((row, n) => { if (n > 6 && typeof row.getCell(1).value === "string" && /^\d{18}$/.test(row.getCell(1).value as string)) found.push(row.getCell(1).value as string); });
      expect(new Set(found)).toEqual(nips);
    }
    // The head of the first agency is in every day (mandatory): send them home on the first day.
    const wb = await workbook(resaved);
    const sheet = wb.worksheets[2];
    expect(sheet.getRow(7).getCell(6).value).toBe("K");
    sheet.getRow(7).getCell(6).value = "WFH";
    const edited = join(dir, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const result = giliran("check", NIP, edited);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/must be in the office: 1/);
    expect(result.stdout).toMatch(/2021-07-19: marked home but must be in the office/);
  }, 180_000);

  it("is left out with --no-xlsx", () => {
    const out = join(dir, "no-xlsx");
    expect(giliran("solve", NIP, "-o", out, "-q", "--no-xlsx").code).toBe(0);
    expect(existsSync(join(out, "roster.xlsx"))).toBe(false);
    expect(existsSync(join(out, "roster.csv"))).toBe(true);
  });
});

describe("tables as .xlsx", () => {
  it("reads employees.xlsx with Indonesian titles like employees.csv, and locates its problems by sheet, row and column", async () => {
    const scenario = scenarioCopy(NIP);
    const lines = readFileSync(join(scenario, "employees.csv"), "utf8").trim().split("\n");
    rmSync(join(scenario, "employees.csv"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Pegawai");
    ws.addRow(["NIP", "Nama", "Kode OPD", "Eselon", "Jabatan", "Status Kepegawaian", "Tanggal Lahir", "Unit Kerja", "Hamil", "Komorbid"]);
    for (const line of lines.slice(1)) {
      const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
      const [id, name, agency, rank, position, employment, birth, unit, pregnant, comorbid] = cells;
      ws.addRow([id, name, agency, rank, position, employment === "pppk" ? "P3K" : employment, new Date(`${birth}T00:00:00Z`), unit, pregnant === "true" ? "BENAR" : "SALAH", comorbid === "true" ? "BENAR" : "SALAH"]);
    }
    await wb.xlsx.writeFile(join(scenario, "employees.xlsx"));
    const out = join(dir, "from-xlsx");
    expect(giliran("solve", scenario, "-o", out, "-q")).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(join(out, "roster.csv"), "utf8")).toBe(readFileSync(join(solved("en"), "..", "roster.csv"), "utf8"));

    ws.getRow(3).getCell(7).value = "30/02/1980";
    await wb.xlsx.writeFile(join(scenario, "employees.xlsx"));
    const bad = giliran("solve", scenario, "-o", join(dir, "bad"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^employees\.xlsx \[Pegawai\]:3:7: birth_date: /m);
  });

  it("turns a NIP stored as a number in a workbook into the scientific-notation message", async () => {
    const scenario = scenarioCopy(NIP);
    const lines = readFileSync(join(scenario, "employees.csv"), "utf8").trim().split("\n");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(["employee_id", "office_days"]);
    ws.addRow([Number(lines[1].split(",")[0]), 3]);
    await wb.xlsx.writeFile(join(scenario, "history.xlsx"));
    const result = giliran("solve", scenario, "-o", join(dir, "hist"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/history\.xlsx \[Sheet1\]:2:1: 1 employee_id cell\(s\) hold a number in scientific notation \("1\.\d+E\+17"\)/);
  });
});

describe("ids a spreadsheet turned into numbers", () => {
  for (const comma of [false, true]) {
    it(`employees.csv with ${comma ? "1,97E+17" : "1.97E+17"} ids: one message per file, consequences in one line, at most 10 lines`, () => {
      const scenario = scenarioCopy(NIP, { "employees.csv": (t) => scientificIds(t, comma), "leave.csv": (t) => scientificIds(t, comma) });
      const result = giliran("solve", scenario, "-o", join(dir, "sci"));
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines.length).toBeLessThanOrEqual(10);
      expect(lines[0]).toMatch(/^employees\.csv:2:1: 400 employee_id cell\(s\) hold a number in scientific notation .*Format the employee_id column as Text/);
      expect(lines.filter((l) => l.startsWith("leave.csv"))).toHaveLength(1);
      expect(lines.some((l) => /duplicate or unknown id\(s\) follow from these damaged ids/.test(l))).toBe(true);
    });
  }

  it("a roster whose ids were mangled is one message from check, not thousands of findings", () => {
    const roster = join(dir, "mangled.csv");
    writeFileSync(roster, scientificIds(readFileSync(join(solved("en"), "..", "roster-wide.csv"), "utf8")));
    const result = giliran("check", NIP, roster);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(10);
    expect(lines[0]).toMatch(/mangled\.csv:2:1: 400 employee_id cell\(s\) hold a number in scientific notation/);
  });
});
