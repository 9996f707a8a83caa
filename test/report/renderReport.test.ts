import { describe, expect, it } from "vitest";
import { emptyRoster, OFFICE, LEAVE, type Problem } from "../../src/domain/problem.js";
import { computeMetrics } from "../../src/metrics/fairness.js";
import { escapeHtml, renderReport, scriptJson } from "../../src/report/renderReport.js";
import { buildProblem, rosterOf, workdaysBetween } from "../helpers/problemBuilder.js";

const EVIL = `</script><script>alert("x")</script><img src=x onerror=alert(1)>`;
const problem = buildProblem({
  name: `Skenario <b>&</b>`,
  days: workdaysBetween("2021-07-19", "2021-07-23"),
  agencies: [{ id: "A", name: EVIL, cap: 1 }, { id: "X", exempt: true }],
  people: [{ id: "p1", name: EVIL }, { id: "p2", name: "Siti \u2028 \"Q\"" }, { id: "x1", agency: "X" }],
});
const roster = rosterOf(problem, { p1: "OHOHO", p2: "HOHOH", x1: "OOOOO" });

/** The page with its embedded data taken out, and that data parsed as the page's script parses it. */
function split(html: string): { page: string; data: { agencies: Array<Array<[string, string, string, number]>> } } {
  const m = /<script type="application\/json" id="giliran-data">([\s\S]*?)<\/script>/.exec(html)!;
  return { page: html.replace(m[0], ""), data: JSON.parse(m[1]) };
}

describe("renderReport", () => {
  it("escapes every input text, in the page and in the embedded data", () => {
    const html = renderReport(problem, roster, computeMetrics(problem, roster));
    const { page, data } = split(html);
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)");
    expect(page).toContain("Skenario &lt;b&gt;&amp;&lt;/b&gt;");
    // Exactly four script elements: the grid's data and code, the planner views' data and code;
    // the data survives the round trip.
    expect(html.match(/<script/g)).toHaveLength(4);
    const planner = /<script type="application\/json" id="giliran-planner">([\s\S]*?)<\/script>/.exec(html)!;
    expect(JSON.parse(planner[1]).agencies[0].name).toBe(EVIL);
    expect(data.agencies[0][0]).toEqual(["p1", EVIL, "OHOHO", 0]);
    expect(data.agencies[0][1][1]).toBe("Siti \u2028 \"Q\"");
    expect(data.agencies[1][0]).toEqual(["x1", "x1", "OOOOO", 1]);
  });

  it("loads nothing from the network", () => {
    const html = renderReport(problem, roster, computeMetrics(problem, roster));
    expect(html).toContain("Content-Security-Policy");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it("shows the cap against the office count, over the cap in red", () => {
    const over = rosterOf(problem, { p1: "OHOHO", p2: "OOHOH", x1: "OOOOO" });
    const html = renderReport(problem, over, computeMetrics(problem, over));
    expect(html).toContain('<td class="over">2/1</td>');
    expect(html).toContain('<td class="ex">1</td>');
  });

  it("lists violations grouped, and says when every rule holds", () => {
    const metrics = computeMetrics(problem, roster);
    expect(renderReport(problem, roster, metrics)).toContain("Every hard rule holds.");
    const html = renderReport(problem, roster, metrics, { findings: [{ label: "cap <x>", count: 3, lines: ["one <b>", "two"] }], linesPerRule: 1 });
    expect(html).toContain("<h3>cap &lt;x&gt;: 3</h3><ul><li>one &lt;b&gt;</li><li class=\"more\">... and 2 more (see giliran check)</li></ul>");
    expect(html).not.toContain("Every hard rule holds.");
  });

  it("speaks Indonesian with lang id", () => {
    const html = renderReport(problem, roster, computeMetrics(problem, roster), { lang: "id" });
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("Kehadiran di kantor dibanding kuota");
    expect(html).toContain("Semua aturan wajib terpenuhi.");
  });

  it("stays a few MB and fast for a 50,000-employee province", () => {
    const days = workdaysBetween("2021-07-19", "2021-08-13");
    const people = 50_000;
    const agencies = Array.from({ length: 50 }, (_, i) => ({ id: `OPD${i}`, name: `Dinas ${i}`, cap: 250 }));
    const big: Problem = buildProblem({
      days, agencies,
      people: Array.from({ length: people }, (_, i) => ({ id: `19${String(i).padStart(16, "0")}`, name: `Pegawai Negeri ${i}`, agency: `OPD${i % 50}` })),
    });
    const r = emptyRoster(people, days.length);
    for (let i = 0; i < r.modes.length; i++) r.modes[i] = i % 4 === 0 ? OFFICE : i % 97 === 0 ? LEAVE : 0;
    const metrics = computeMetrics(big, r);
    const started = performance.now();
    const html = renderReport(big, r, metrics);
    const ms = performance.now() - started;
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(5_000_000);
    expect(bytes).toBeGreaterThan(people * 40);
    // A loose bound (machines vary); bench/reportSpeed.ts measures it.
    expect(ms).toBeLessThan(5_000);
  });
});

describe("escapeHtml and scriptJson", () => {
  it("escape what would end an element or a script", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(scriptJson({ s: "</script><!--" })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--"}');
    expect(JSON.parse(scriptJson({ s: "</script>\u2028" }))).toEqual({ s: "</script>\u2028" });
  });
});
