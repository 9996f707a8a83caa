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
type Row = [string, string, string, number, number, string, number | null, number | null, string];
function split(html: string): { page: string; data: { ranks: string[]; agencies: Row[][] } } {
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
    // p1 3 office days, p2 2: shares 2.5 each.
    expect(data.agencies[0][0]).toEqual(["p1", EVIL, "OHOHO", 0, 5, "", 2.5, 0.5, ""]);
    expect(data.agencies[0][1][1]).toBe("Siti \u2028 \"Q\"");
    expect(data.agencies[1][0]).toEqual(["x1", "x1", "OOOOO", 1, 5, "", null, null, ""]);
    expect(data.ranks[5]).toBe("pelaksana");
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

describe("the staff table, histogram and rule notes", () => {
  // Exactly 1 eselon III a day (rules.csv line 7): the one eselon III is in every day, far above the share.
  const ruled = buildProblem({
    days: workdaysBetween("2021-07-19", "2021-07-23"),
    agencies: [{ id: "A", name: "Dinas A", cap: 2, rules: [{ rank: "eselon_3", min: 1, max: 1, line: 7 }] }],
    people: [
      { id: "e3", rank: "eselon_3", unit: "Umum" },
      { id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" },
      { id: "pr", attendance: "priority" },
    ],
  });
  const r = rosterOf(ruled, { e3: "OOOOO", p1: "OHHHO", p2: "HOHHH", p3: "HHOHH", p4: "HHHOH", pr: "HHHHH" });
  const html = renderReport(ruled, r, computeMetrics(ruled, r));
  const { page, data } = split(html);

  it("shows rank, unit, fair share, deviation and the rule that holds someone away from their share", () => {
    // 10 office days over 5 people: share 2 each; e3 +3, p1 0, the others -1.
    expect(data.agencies[0][0]).toEqual(["e3", "e3", "OOOOO", 0, 2, "Umum", 2, 3, "rules.csv:7"]);
    expect(data.agencies[0][2]).toEqual(["p2", "p2", "HOHHH", 0, 5, "", 2, -1, ""]);
    expect(data.agencies[0][5].slice(6)).toEqual([null, null, ""]);
    expect(page).toMatch(/<th scope="col">rank<\/th><th scope="col">unit<\/th>.*<th scope="col">fair share<\/th><th scope="col">deviation<\/th><th scope="col">rule<\/th>/);
  });

  it("can sort the staff table by deviation", () => {
    expect(page).toContain('<select id="sort"><option value="0">as listed</option><option value="1">most below their share first</option><option value="2">most above their share first</option></select>');
  });

  it("names the rules.csv line of a rule that forces people away from their share", () => {
    expect(page).toContain("Dinas A: rules.csv line 7 (eselon_3: min 1, max 1): 1 rotating people it matches are in 3.0 days more than their share on average; 1 of them more than a day.");
  });

  it("separates health-priority people in the histogram", () => {
    expect(page).toContain('<rect class="bar prio"');
    expect(page).toContain("<title>0: 1 health priority</title>");
    expect(page).toContain("<title>1: 3 rotating</title>");
  });

  it("lists the (rank, unit) groups as detail", () => {
    expect(page).toMatch(/<section id="groups"><details>.*By rank and unit/s);
    expect(page).toContain('<td class="l">eselon_3</td><td class="l">Umum</td><td>1</td><td>5</td><td>2</td><td>3</td><td>3</td><td>0</td><td>0</td>');
  });

  it("says so when no rule holds anyone away", () => {
    // The one eselon III alone in the pool is exactly at their share.
    const solo = buildProblem({ days: ruled.calendar.days, agencies: [{ id: "A", cap: 1, rules: [{ rank: "eselon_3", min: 1, max: 1 }] }], people: [{ id: "e3", rank: "eselon_3" }] });
    const all = rosterOf(solo, { e3: "OOOOO" });
    expect(renderReport(solo, all, computeMetrics(solo, all))).toContain("No composition rule holds anyone away from their share.");
  });
});

describe("escapeHtml and scriptJson", () => {
  it("escape what would end an element or a script", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(scriptJson({ s: "</script><!--" })).toBe('{"s":"\\u003c/script\\u003e\\u003c!--"}');
    expect(JSON.parse(scriptJson({ s: "</script>\u2028" }))).toEqual({ s: "</script>\u2028" });
  });
});
