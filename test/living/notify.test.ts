import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/renderReport.js";
import { computeMetrics } from "../../src/metrics/fairness.js";
import type { ReplanSummary } from "../../src/replan/changes.js";
import { replanLines } from "../../src/cli/commands/replan.js";
import { buildProblem, rosterOf } from "../helpers/problemBuilder.js";

const problem = buildProblem({
  days: ["2021-07-19", "2021-07-20"],
  agencies: [{ id: "A", name: "Dinas <A>" }, { id: "B", name: "Badan B" }],
  people: [{ id: "E01", agency: "A", name: "Budi <b>" }, { id: "E02", agency: "B" }],
});
const roster = rosterOf(problem, { E01: "OH", E02: "HO" });
const summary: ReplanSummary = {
  from: "2021-07-20", published: 2, kept: 2, publishedChanged: 0, changed: 1, people: 1, joined: 0, left: 1, overCap: 0,
  agencies: [{ agencyId: "A", agency: "Dinas <A>", changed: 1, publishedChanged: 0, people: [{ id: "E01", name: "Budi <b>", dates: ["2021-07-20"] }] }],
};

describe("people to notify after a replan", () => {
  it("opens the report with each agency's people and their changed days, escaped", () => {
    const html = renderReport(problem, roster, computeMetrics(problem, roster), { replan: summary });
    expect(html).toContain('<section id="notify"><h2>People to notify</h2>');
    expect(html).toContain("Replanned from 2021-07-20: 1 people in 1 agencies have a changed day (changes.csv).");
    expect(html).toContain("<h3>Dinas &lt;A&gt; (A): 1</h3>");
    expect(html).toContain('<tr><th scope="row">E01</th><td class="nm">Budi &lt;b&gt;</td><td class="nm">20/07</td></tr>');
    expect(html.indexOf('id="notify"')).toBeLessThan(html.indexOf('id="heatmap"'));
  });

  it("says so when nobody's assignment changed, and has no such section after a solve", () => {
    const none = renderReport(problem, roster, computeMetrics(problem, roster), { replan: { ...summary, changed: 0, people: 0, agencies: [] } });
    expect(none).toContain("Nobody&#39;s assignment changed.");
    expect(renderReport(problem, roster, computeMetrics(problem, roster))).not.toContain('id="notify"');
  });

  it("prints the summary, the people who left and one line per agency with a change", () => {
    expect(replanLines(summary, "en")).toEqual([
      "Replanned from 2021-07-20: 2 of 2 published person-days kept; 1 assignment(s) changed from 2021-07-20 on, for 1 people (changes.csv).",
      "1 employee(s) of the previous roster are no longer in employees.csv: left out.",
      "  Dinas <A> (A): 1 change(s), 1 people to notify",
    ]);
    expect(replanLines(summary, "id")[0]).toBe("Dijadwal ulang mulai 2021-07-20: 2 dari 2 hari-orang terbit tetap; 1 penugasan berubah mulai 2021-07-20, untuk 1 orang (changes.csv).");
  });
});
