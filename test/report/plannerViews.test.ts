/**
 * The planner's views of report.html in a real headless Chromium (as browser.test.ts): one
 * agency printed to PDF holds all its people, its name and page numbers on every page,
 * weekday names, the holiday and the signature block; the day view lists who is in; the
 * person lookup shows one person's days and downloads them as .ics; the agency column stays
 * in view. On the NIP scenario (test/fixtures/nip), under --lang id. The PDF's text is read
 * with poppler's pdftotext (`.ci/run` installs it with Chromium).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { giliran, ROOT, tempDir } from "../helpers/cli.js";
import { printCalendar } from "../../src/report/plannerViews.js";

const CHROMIUM = "/usr/bin/chromium";
const PDFTOTEXT = "/usr/bin/pdftotext";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const NIP = join(ROOT, "test/fixtures/nip");
const available = existsSync(CHROMIUM) && existsSync(PDFTOTEXT);

let browser: Browser;
const dir = tempDir("giliran-planner-");
let report = "";

/** employees.csv rows of an agency: [nip, name]. */
function people(agency: string): Array<[string, string]> {
  const rows = readFileSync(join(NIP, "employees.csv"), "utf8").trim().split("\n").slice(1);
  return rows.map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "")))
    .filter((cells) => cells[2] === agency).map((cells) => [cells[0], cells[1]]);
}

beforeAll(async () => {
  if (!available && !process.env.CI) return;
  const out = join(dir, "solved");
  expect(giliran("solve", NIP, "-o", out, "-q", "--lang", "id")).toMatchObject({ code: 0, stderr: "" });
  report = join(out, "report.html");
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(report).href);
  return { page, errors };
}

describe("printCalendar", () => {
  it("puts a holiday between workdays, on a working weekday only", () => {
    const days = ["2021-08-09", "2021-08-10", "2021-08-11", "2021-08-12", "2021-08-13", "2021-08-16", "2021-08-18"];
    const calendar = printCalendar(days);
    expect(calendar.map((d) => d.date)).toEqual([...days.slice(0, 6), "2021-08-17", "2021-08-18"]);
    expect(calendar.filter((d) => d.holiday)).toEqual([{ date: "2021-08-17", weekday: 2, holiday: true }]);
    // Saturday and Sunday are no workday of this horizon: not holidays either.
    expect(calendar.some((d) => d.date === "2021-08-14")).toBe(false);
  });
});

describe.skipIf(!available && !process.env.CI)("the planner's views in headless Chromium", () => {
  it("prints one agency to PDF: all its people, its name and the page number on every page, the holiday, the signature block", async () => {
    const { page, errors } = await open();
    await page.selectOption("#agency", "0"); // SETDA, 54 people: more than one page
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () => {};
    });
    await page.click("#print-agency");
    const pdf = join(dir, "setda.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = execFileSync(PDFTOTEXT, ["-layout", pdf, "-"], { encoding: "utf8" });
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain("Sekretariat Daerah");
      expect(p).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      // Every page with people repeats the head: weekday names and dates.
      if (/\d{18}/.test(p)) expect(p).toMatch(/Sen\s+Sel\s+Rab\s+Kam\s+Jum[\s\S]*19\/07/);
    });
    const staff = people("SETDA");
    expect(staff.length).toBe(54);
    for (const [nip, name] of staff) {
      expect(text).toContain(nip);
      expect(text).toContain(name);
    }
    expect(text).not.toContain(people("DISDIK")[0][0]);
    expect(text).toContain("11/08");
    expect(text).toMatch(/Mengetahui,[\s\S]*Kepala Sekretariat Daerah[\s\S]*NIP\./);
    expect(text).not.toContain("Kehadiran di kantor dibanding kuota"); // the province heatmap is not printed
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists who is in on a chosen day, and looks a person up by NIP with an .ics of their days", async () => {
    const { page, errors } = await open();
    const roster = readFileSync(join(dir, "solved", "roster.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const setda = new Set(people("SETDA").map(([nip]) => nip));
    const day = "2021-07-21";
    const inOffice = roster.filter(([id, date, mode]) => setda.has(id) && date === day && mode === "office").length;
    await page.selectOption("#agency", "0");
    await page.selectOption("#day", "2");
    await expect(page.locator("#day-list li").count()).resolves.toBe(inOffice);
    await expect(page.locator("#day-title").textContent()).resolves.toContain(`Sekretariat Daerah, Rab ${day}: ${inOffice} orang di kantor`);

    const [nip, name] = people("DISDIK")[3];
    await page.fill("#person-q", nip);
    await expect(page.locator("#person-card h3").textContent()).resolves.toBe(`${name} (${nip})`);
    const mine = roster.filter(([id]) => id === nip);
    const office = mine.filter(([, , mode]) => mode === "office").length;
    await expect(page.locator("#person-card p").textContent()).resolves.toBe(`Dinas Pendidikan: ${office} hari kantor dari ${mine.length} hari kerja`);
    await expect(page.locator("#person-card tbody tr").count()).resolves.toBe(mine.length);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#person-ics")]);
    expect(download.suggestedFilename()).toBe(`${nip}.ics`);
    const ics = readFileSync((await download.path())!, "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(mine.length);
    expect(ics.match(/SUMMARY:kantor \(WFO\)/g) ?? []).toHaveLength(office);
    expect(ics).toContain("DTSTART;VALUE=DATE:20210719\r\n");

    await page.fill("#person-q", name.split(" ")[0].toLowerCase());
    await expect(page.locator("#person-results li").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator("#heatmap tbody th").first().evaluate((e) => getComputedStyle(e).position)).resolves.toBe("sticky");
    expect(errors).toEqual([]);
    await page.close();
  });
});
