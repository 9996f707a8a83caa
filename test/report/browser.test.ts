/**
 * report.html in a real headless Chromium (Debian's `chromium`, driven by playwright-core):
 * it renders with no console error and no request beyond the file itself, the heatmap and the
 * figures are there, picking an agency draws its grid, pages hold at most 200 rows, names are
 * text not markup, and a screenshot comes out. Skipped only outside CI when Chromium is not
 * installed (`.ci/run` installs it; in CI the test must run).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { computeMetrics } from "../../src/metrics/fairness.js";
import { renderReport } from "../../src/report/renderReport.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";
import { giliran, scenarioCopy, tempDir, TINY } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const EVIL = "<script>window.pwned=1</script>Budi";

let browser: Browser;
const dir = tempDir("giliran-browser-");

beforeAll(async () => {
  if (!existsSync(CHROMIUM) && !process.env.CI) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** Open a page, recording console errors, uncaught errors and every request. */
async function open(path: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path).href);
  return { page, errors, requests };
}

describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)("report.html in headless Chromium", () => {
  it("renders the report solve writes: heatmap, figures, grid per agency, screenshot, no console error", async () => {
    const scenario = scenarioCopy(TINY, { "employees.csv": (t) => t.replace("Budi Santoso", EVIL) });
    const out = join(dir, "solved");
    expect(giliran("solve", scenario, "-o", out, "-q")).toMatchObject({ code: 0, stderr: "" });
    const path = join(out, "report.html");
    const { page, errors, requests } = await open(path);

    await expect(page.locator("h1").textContent()).resolves.toMatch(/^Rotation report: Tiny test scenario/);
    const heat = page.locator("#heatmap table.heat tbody tr");
    await expect(heat.count()).resolves.toBe(3);
    await expect(heat.nth(0).locator("td").first().textContent()).resolves.toBe("3/3");
    await expect(heat.nth(2).locator("th").textContent()).resolves.toMatch(/RSUD dr. Murjani/);
    const figures = page.locator("#figures table.figures");
    await expect(figures.locator("thead").textContent()).resolves.toMatch(/largest deviation from a fair share.*Gini coefficient.*Jain's index.*cap use/);
    await expect(figures.locator("tbody tr").count()).resolves.toBe(4);
    await expect(page.locator("#histogram svg rect.bar:not(.prio)").count()).resolves.toBe(10);
    await expect(page.locator("#violations").textContent()).resolves.toMatch(/Every hard rule holds\./);

    // The grid: DINKES first; then BAPPEDA when picked.
    const rows = page.locator("#people-body tr");
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.nth(2).locator("td.nm").textContent()).resolves.toBe(EVIL);
    await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await page.selectOption("#agency", "1");
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.nth(0).locator("th").textContent()).resolves.toBe("196812251994031011 *");
    await expect(rows.nth(0).locator("td.mO").count()).resolves.toBe(9);
    await expect(page.locator("#pageinfo").textContent()).resolves.toBe("rows 1-10 of 10");
    await page.fill("#filter", "putri");
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.nth(0).locator("td.mL").count()).resolves.toBe(2);

    // Sorted by deviation, most below their share first: deviations ascend, fixed staff (no share) last.
    await page.fill("#filter", "");
    await page.selectOption("#sort", "1");
    const deviations = (await rows.evaluateAll((trs) => trs.map((tr) => tr.children[tr.children.length - 2].textContent ?? ""))).filter((d) => d !== "").map(Number);
    expect(deviations.length).toBeGreaterThan(1);
    expect(deviations).toEqual([...deviations].sort((x, y) => x - y));
    await page.selectOption("#sort", "2");
    const above = (await rows.evaluateAll((trs) => trs.map((tr) => tr.children[tr.children.length - 2].textContent ?? ""))).filter((d) => d !== "").map(Number);
    expect(above).toEqual([...deviations].sort((x, y) => y - x));

    const shot = join(dir, "report.png");
    await page.screenshot({ path: shot, fullPage: true });
    const png = readFileSync(shot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    writeFileSync(join(dir, "screenshot-size.txt"), String(statSync(shot).size));

    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(path).href]);
    await page.close();
  });

  it("lists the violations of a roster given to giliran report", async () => {
    const solved = join(dir, "for-report");
    expect(giliran("solve", TINY, "-o", solved, "-q").code).toBe(0);
    const lines = readFileSync(join(solved, "roster.csv"), "utf8").replace("197001151995031001,2021-07-19,office", "197001151995031001,2021-07-19,home");
    writeFileSync(join(dir, "edited.csv"), lines);
    const path = join(dir, "edited.html");
    expect(giliran("report", join(dir, "edited.csv"), "--scenario", TINY, "-o", path)).toMatchObject({ code: 0, stderr: "" });
    const { page, errors } = await open(path);
    const violations = page.locator("#violations");
    await expect(violations.locator("h3").textContent()).resolves.toBe("must be in the office: 1");
    await expect(violations.locator("li").textContent()).resolves.toMatch(/2021-07-19: marked home but must be in the office \(mandatory\)/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("never draws more than a page of 200 people, and pages through the rest", async () => {
    const problem = buildProblem({
      days: workdaysBetween("2021-07-19", "2021-07-23"),
      agencies: [{ id: "BIG", cap: 100 }, { id: "SMALL" }],
      people: [...Array.from({ length: 450 }, (_, i) => ({ id: `b${i}`, agency: "BIG" })), { id: "s0", agency: "SMALL" }],
    });
    const roster = rosterOf(problem, Object.fromEntries(problem.people.map((p, i) => [p.id, i % 4 === 0 ? "OOOOO" : "HHHHH"])));
    const path = join(dir, "paged.html");
    writeFileSync(path, renderReport(problem, roster, computeMetrics(problem, roster)));
    const { page, errors } = await open(path);
    const rows = page.locator("#people-body tr");
    await expect(rows.count()).resolves.toBe(200);
    await expect(page.locator("#prev").isDisabled()).resolves.toBe(true);
    await page.click("#next");
    await page.click("#next");
    await expect(rows.count()).resolves.toBe(50);
    await expect(rows.nth(0).locator("th").textContent()).resolves.toBe("b400");
    await expect(page.locator("#pageinfo").textContent()).resolves.toBe("rows 401-450 of 450");
    await expect(page.locator("#next").isDisabled()).resolves.toBe(true);
    await page.selectOption("#agency", "1");
    await expect(rows.count()).resolves.toBe(1);
    await expect(page.locator("#people-body tr, #heatmap tr").count()).resolves.toBeLessThan(210);
    expect(errors).toEqual([]);
    await page.close();
  });
});
