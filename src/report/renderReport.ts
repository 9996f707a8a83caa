/**
 * report.html: one self-contained page a planner opens on a laptop or prints. No network
 * (a Content-Security-Policy forbids it), no external file: inline CSS, a small inline script,
 * inline SVG.
 *
 * Sizes: the heatmap (agencies x days), the histogram and the figures are static HTML, so they
 * print and need no script. The person-by-day grid (the staff table: rank, unit, days, fair
 * share, deviation, and the rules.csv line of a rule that holds the person away from their
 * share) would be 50,000 rows for a province, so it is rendered by the script from compact
 * embedded JSON (one string of O/H/L per person), one agency at a time and 200 rows a page,
 * sorted as asked (by deviation, either way): the DOM never holds more than one page of people.
 *
 * Every text from the input (names can hold `<script>`) is escaped for HTML, and the embedded
 * JSON escapes `<`, `>` and `&` so that nothing in it can close its script element.
 */
import { HOME, LEAVE, MODE_CODES, OFFICE, capBasisOn, capOn, type CompositionRule, type Problem, type Roster } from "../domain/problem.js";
import type { ReplanSummary } from "../replan/changes.js";
import { RANKS } from "../domain/values.js";
import type { AgencyMetrics, Metrics } from "../metrics/fairness.js";
import { forcedRulePerPerson, type RuleForced } from "../metrics/ruleForced.js";
import { tally, type Tally } from "../metrics/tally.js";
import { formatMessage, type Lang, type MessageCode, type MessageValues } from "../messages/index.js";
import { FIGURE_NAMES, rosterFigures, type ScopeFigures } from "../compare/figures.js";
import { figureText } from "../compare/render.js";
import { PLANNER_CSS, PLANNER_SCRIPT, plannerData, plannerPageCss, plannerSection } from "./plannerViews.js";
import { standInValues, teamName, type TeamsOutcome } from "../domain/teams.js";

/** Violations of one rule, already in words (see `groupFindings` in src/check). */
export interface ReportFindingGroup {
  label: string;
  count: number;
  lines: string[];
}

export interface ReportOptions {
  lang?: Lang;
  /** Violations by rule; none means every hard rule holds (the caller has checked). */
  findings?: ReportFindingGroup[];
  /** Other lines worth a planner's eye, listed with the violations. */
  warnings?: string[];
  /** Most violation lines written per rule (the count says how many there are). */
  linesPerRule?: number;
  /** A replan's changes: the people to notify, per agency. */
  replan?: ReplanSummary;
  /** Rotation "teams": the teams and stand-ins, shown in their own section. */
  teams?: TeamsOutcome | null;
}

/** Rows of the person grid drawn at a time. */
export const GRID_PAGE = 200;

/**
 * Escape text for HTML element content and attribute values.
 *
 * @example escapeHtml('<b title="x">') //=> "&lt;b title=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** JSON safe inside a `<script>` element: no `</script>`, no `<!--`, no line separators that old parsers choke on. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Render report.html for a roster.
 *
 * @example renderReport(problem, roster, computeMetrics(problem, roster), { lang: "id" }) //=> "<!doctype html>..."
 */
export function renderReport(problem: Problem, roster: Roster, metrics: Metrics, options: ReportOptions = {}): string {
  const lang = options.lang ?? "en";
  const t = (code: MessageCode, values: MessageValues = {}): string => escapeHtml(formatMessage(code, values, lang));
  const days = problem.calendar.days;
  const title = t("report.title", { name: problem.name });
  const summary = t("report.summary", {
    agencies: problem.agencies.length, employees: problem.people.length, workdays: days.length,
    first: days[0] ?? "", last: days[days.length - 1] ?? "",
    rotation: formatMessage(problem.rotation === "weekly" ? "report.rotation_weekly" : problem.rotation === "teams" ? "report.rotation_teams" : "report.rotation_daily", {}, lang),
  });
  const figures = rosterFigures(problem, roster, metrics);
  const counted = countPass(problem, roster);
  const shares = tally(problem, roster);
  const forcedRules = forcedRulePerPerson(problem, shares, metrics.agencies.map((a) => a.ruleForced));
  return [
    `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">\n`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<style>${CSS}${PLANNER_CSS}${plannerPageCss(lang)}</style>\n<style id="print-page"></style>\n</head>\n<body>\n`,
    `<header><h1>${title}</h1><p>${summary}</p></header>\n`,
    options.replan === undefined ? "" : notifySection(options.replan, t),
    heatmapSection(problem, counted, t),
    gridSection(problem, lang, t),
    plannerSection(problem, lang),
    histogramSection(problem, counted, t),
    figuresSection(figures, t),
    options.teams ? teamsSection(problem, options.teams, t, lang) : "",
    forcedSection(problem, metrics.agencies, t),
    groupsSection(metrics.agencies, t),
    findingsSection(options, t),
    `<script type="application/json" id="giliran-data">${gridData(problem, counted, shares, forcedRules, lang)}</script>\n`,
    `<script>${SCRIPT}</script>\n`,
    `<div id="print-view"></div>\n<script type="application/json" id="giliran-planner">${plannerData(problem, lang)}</script>\n<script>${PLANNER_SCRIPT}</script>\n</body>\n</html>\n`,
  ].join("");
}

type Words = (code: MessageCode, values?: MessageValues) => string;

/** "19/07": the day as Indonesian calendars write it, short enough for a column. */
function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
}

function dayHeaders(problem: Problem): string {
  return problem.calendar.days.map((d) => `<th scope="col" title="${d}">${shortDate(d)}</th>`).join("");
}

/** What the page needs from the modes, in one pass: office counts per agency-day and per person, and the modes as letters. */
interface Counted {
  days: number;
  /** `agencyDay[agency * days + day]`: people in the office. */
  agencyDay: Int32Array;
  /** Office days per person. */
  personOffice: Int32Array;
  /** One letter (O/H/L, `?` for anything else) per person-day, latin1. */
  letters: Buffer;
}

const LETTER_BYTES = [MODE_CODES[HOME], MODE_CODES[OFFICE], MODE_CODES[LEAVE]].map((c) => c.charCodeAt(0));

function countPass(problem: Problem, roster: Roster): Counted {
  const days = roster.days;
  const modes = roster.modes;
  const agencyDay = new Int32Array(problem.agencies.length * days);
  const personOffice = new Int32Array(problem.people.length);
  const letters = Buffer.allocUnsafe(modes.length);
  for (const agency of problem.agencies) {
    const row = agency.index * days;
    for (const p of agency.people) {
      const base = p * days;
      let office = 0;
      for (let d = 0; d < days; d++) {
        const m = modes[base + d];
        letters[base + d] = LETTER_BYTES[m] ?? 63;
        if (m === OFFICE) {
          office++;
          agencyDay[row + d]++;
        }
      }
      personOffice[p] = office;
    }
  }
  return { days, agencyDay, personOffice, letters };
}

function heatmapSection(problem: Problem, counted: Counted, t: Words): string {
  const { days, agencyDay: counts } = counted;
  const rows = problem.agencies.map((agency) => {
    const cells: string[] = [];
    for (let d = 0; d < days; d++) {
      const office = counts[agency.index * days + d];
      // The cap in force that day (caps.csv included), its source in the cell's title.
      const cap = capOn(agency, d);
      if (cap === null) {
        cells.push(`<td class="ex">${office}</td>`);
        continue;
      }
      const title = agency.dayCaps?.[d] === undefined || agency.dayCaps[d] === null ? "" : ` title="${escapeHtml(capBasisOn(agency, d))}"`;
      if (office > cap) {
        cells.push(`<td class="over"${title}>${office}/${cap}</td>`);
        continue;
      }
      const ratio = cap === 0 ? 0 : office / cap;
      const alpha = (0.08 + 0.82 * ratio).toFixed(2);
      cells.push(`<td${title} style="background:rgba(0,105,115,${alpha})${ratio > 0.55 ? ";color:#fff" : ""}">${office}/${cap}</td>`);
    }
    const exempt = agency.exempt ? ` <small>(${t("report.exempt")})</small>` : "";
    return `<tr><th scope="row" title="${escapeHtml(agency.id)}">${escapeHtml(agency.name)}${exempt}</th>${cells.join("")}</tr>`;
  });
  return `<section id="heatmap"><h2>${t("report.heatmap")}</h2><p class="note">${t("report.heatmap_note")}</p>\n` +
    `<div class="scroll"><table class="heat"><thead><tr><th scope="col">${t("report.agency")}</th>${dayHeaders(problem)}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table></div></section>\n`;
}

function gridSection(problem: Problem, lang: Lang, t: Words): string {
  const options = problem.agencies
    .map((a) => `<option value="${a.index}">${escapeHtml(a.name)} (${escapeHtml(a.id)}, ${a.people.length})</option>`)
    .join("");
  return `<section id="grid"><h2>${t("report.grid")}</h2><p class="note">${t("report.grid_note", { marks: formatMessage("report.marks", {}, lang) })}</p>\n` +
    `<div class="controls"><label>${t("report.agency")} <select id="agency">${options}</select></label> ` +
    `<label>${t("report.sort")} <select id="sort"><option value="0">${t("report.sort_input")}</option><option value="1">${t("report.sort_below")}</option><option value="2">${t("report.sort_above")}</option></select></label> ` +
    `<input id="filter" type="search" placeholder="${t("report.filter")}" aria-label="${t("report.filter")}"> ` +
    `<button id="prev" type="button">${t("report.prev")}</button> <span id="pageinfo"></span> <button id="next" type="button">${t("report.next")}</button></div>\n` +
    `<noscript><p>${t("report.script_note")}</p></noscript>\n` +
    `<div class="scroll"><table class="people"><thead><tr><th scope="col">${t("sheet.employee_id")}</th><th scope="col">${t("report.name")}</th>` +
    `<th scope="col">${t("report.rank")}</th><th scope="col">${t("report.unit")}</th>${dayHeaders(problem)}<th scope="col">${t("report.office_total")}</th>` +
    `<th scope="col">${t("report.share")}</th><th scope="col">${t("report.deviation")}</th><th scope="col">${t("report.rule")}</th></tr></thead><tbody id="people-body"></tbody></table></div></section>\n`;
}

/**
 * The grid's data as JSON text: per agency, one `[id, name, modes, mark, rank, unit, share,
 * deviation, rule]` per person, modes one letter a day (O/H/L), mark 1 fixed, 2 health
 * priority, 0 otherwise, rank an index into `ranks`, share and deviation to one decimal (null
 * outside the pool of rotating, non-priority staff), rule where a rule that holds the person
 * away from their share is written ("rules.csv:4"; "" for none): about 90 bytes a person.
 * Written by hand rather than through `JSON.stringify` of 50,000 small arrays: 3x faster.
 */
function gridData(problem: Problem, counted: Counted, shares: Tally, forcedRules: readonly string[], lang: Lang): string {
  const { days, letters } = counted;
  const labels = scriptJson({ page: formatMessage("report.page", {}, lang), noRows: formatMessage("report.no_rows", {}, lang) });
  const rankIndex = new Map<string, number>(RANKS.map((r, i) => [r, i]));
  const agencies = problem.agencies.map((agency) => {
    const rows = agency.people.map((p) => {
      const person = problem.people[p];
      const mark = person.attendance === "fixed" ? 1 : person.attendance === "priority" ? 2 : 0;
      const pooled = shares.pooled[p] === 1;
      const share = pooled ? oneDecimal(shares.share[p]) : "null";
      const dev = pooled ? oneDecimal(shares.dev[p]) : "null";
      return `[${jsonText(person.id)},${jsonText(person.name)},"${letters.toString("latin1", p * days, (p + 1) * days)}",${mark},` +
        `${rankIndex.get(person.rank)},${jsonText(person.unit)},${share},${dev},${jsonText(forcedRules[p])}]`;
    });
    return `[${rows.join(",")}]`;
  });
  return `{"labels":${labels},"ranks":${scriptJson(RANKS)},"pageSize":${GRID_PAGE},"agencies":[${agencies.join(",\n")}]}`;
}

/** A number to one decimal as JSON ("-0" written as "0"). */
function oneDecimal(x: number): string {
  const text = x.toFixed(1);
  return text === "-0.0" ? "0" : text.endsWith(".0") ? text.slice(0, -2) : text;
}

/** Text that needs no escaping in JSON nor inside a script element: the common case, quoted as is. */
const PLAIN = /^[^"\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]*$/;

function jsonText(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : scriptJson(text);
}

function histogramSection(problem: Problem, counted: Counted, t: Words): string {
  const rotating = new Array<number>(counted.days + 1).fill(0);
  const priority = new Array<number>(counted.days + 1).fill(0);
  for (const person of problem.people) {
    if (person.attendance === "rotating") rotating[counted.personOffice[person.index]]++;
    else if (person.attendance === "priority") priority[counted.personOffice[person.index]]++;
  }
  const most = Math.max(1, ...rotating.map((n, k) => n + priority[k]));
  const [width, height, left, bottom, top] = [640, 220, 40, 36, 30];
  const slot = (width - left - 8) / rotating.length;
  const scale = (height - bottom - top) / most;
  const rotatingLabel = t("report.hist_rotating");
  const priorityLabel = t("report.hist_priority");
  const bars = rotating.map((n, k) => {
    const m = priority[k];
    const x = left + k * slot;
    const w = Math.max(1, slot - 4).toFixed(1);
    const base = height - bottom;
    const y1 = base - n * scale;
    const y2 = y1 - m * scale;
    return `<g><rect class="bar" x="${(x + 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${w}" height="${(n * scale).toFixed(1)}"><title>${k}: ${n} ${rotatingLabel}</title></rect>` +
      (m > 0 ? `<rect class="bar prio" x="${(x + 2).toFixed(1)}" y="${y2.toFixed(1)}" width="${w}" height="${(m * scale).toFixed(1)}"><title>${k}: ${m} ${priorityLabel}</title></rect>` : "") +
      `<text x="${(x + slot / 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="middle">${k}</text>` +
      (n + m > 0 ? `<text x="${(x + slot / 2).toFixed(1)}" y="${(y2 - 4).toFixed(1)}" text-anchor="middle" class="n">${m > 0 ? `${n}+${m}` : n}</text>` : "") + `</g>`;
  });
  const legend = `<g class="legend"><rect class="key" x="${left}" y="4" width="10" height="10"/><text x="${left + 14}" y="13">${rotatingLabel}</text>` +
    `<rect class="key prio" x="${left + 120}" y="4" width="10" height="10"/><text x="${left + 134}" y="13">${priorityLabel}</text></g>`;
  return `<section id="histogram"><h2>${t("report.histogram")}</h2><p class="note">${t("report.histogram_note")}</p>\n` +
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${t("report.histogram")}">${legend}` +
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 8}" y2="${height - bottom}" class="axis"/>${bars.join("")}` +
    `<text x="${(width + left) / 2}" y="${height - 4}" text-anchor="middle">${t("report.days")}</text>` +
    `<text x="12" y="${(height - bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(height - bottom) / 2})">${t("report.people")}</text></svg></section>\n`;
}

function figuresSection(scopes: ScopeFigures[], t: Words): string {
  const head = FIGURE_NAMES.map((f) => `<th scope="col">${t(`figure.${f}` as MessageCode)}</th>`).join("");
  const rows = scopes.map((scope) => {
    const name = scope.agencyId === null ? t("table.overall") : escapeHtml(scope.name);
    const cells = FIGURE_NAMES.map((f) => `<td>${figureText(scope.figures[f])}</td>`).join("");
    return `<tr${scope.agencyId === null ? ' class="overall"' : ""}><th scope="row">${name}</th>${cells}</tr>`;
  });
  return `<section id="figures"><h2>${t("report.figures")}</h2><p class="note">${t("report.figures_note")}</p>\n` +
    `<div class="scroll"><table class="figures"><thead><tr><th scope="col">${t("table.scope")}</th>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table></div></section>\n`;
}

/** People listed per agency under "People to notify"; changes.csv lists everyone. */
const NOTIFY_ROWS = 1000;

/** A replan's people to notify: per agency, each person with a changed day and the days. */
function notifySection(replan: ReplanSummary, t: Words): string {
  const head = `<section id="notify"><h2>${t("report.notify")}</h2><p class="note">${t("report.notify_note", { from: replan.from, people: replan.people, agencies: replan.agencies.length })}</p>\n`;
  if (replan.agencies.length === 0) return `${head}<p class="ok">${t("report.notify_none")}</p></section>\n`;
  const parts = replan.agencies.map((a) => {
    const shown = a.people.slice(0, NOTIFY_ROWS);
    const more = a.people.length - shown.length;
    const rows = shown.map((p) => `<tr><th scope="row">${escapeHtml(p.id)}</th><td class="nm">${escapeHtml(p.name)}</td><td class="nm">${p.dates.map(shortDate).join(", ")}</td></tr>`);
    return `<h3>${escapeHtml(a.agency)} (${escapeHtml(a.agencyId)}): ${a.people.length}</h3>\n<table class="notify"><thead><tr><th scope="col">${t("sheet.employee_id")}</th><th scope="col">${t("report.name")}</th><th scope="col">${t("report.notify_days")}</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table>` +
      (more > 0 ? `<p class="note">${t("report.notify_more", { more })}</p>` : "");
  });
  return `${head}${parts.join("\n")}\n</section>\n`;
}

/** A rule in words: "eselon_3, unit Umum: 1 to 1 a day". */
function ruleText(rule: Pick<CompositionRule, "rank" | "unit" | "min" | "max">): string {
  const who = [rule.rank ?? "*", ...(rule.unit === null ? [] : [rule.unit])].join(", ");
  return `${who}: min ${rule.min}, max ${rule.max ?? "-"}`;
}

function forcedSection(problem: Problem, agencies: AgencyMetrics[], t: Words): string {
  const lines: string[] = [];
  agencies.forEach((a) => {
    for (const f of a.ruleForced as RuleForced[]) {
      lines.push(`<li>${t(f.direction === "up" ? "report.forced_up" : "report.forced_down", {
        agency: a.name, file: f.file, line: f.line, rule: ruleText(f), people: f.people, mean: Math.abs(f.meanDeviation).toFixed(1), away: f.away,
      })}</li>`);
    }
  });
  if (problem.agencies.every((a) => a.rules.length === 0)) return "";
  return `<section id="forced"><h2>${t("report.forced")}</h2><p class="note">${t("report.forced_note")}</p>\n` +
    (lines.length === 0 ? `<p>${t("report.forced_none")}</p>` : `<ul>${lines.join("")}</ul>`) + `</section>\n`;
}

function groupsSection(agencies: AgencyMetrics[], t: Words): string {
  const columns = ["report.group_members", "report.group_mean_office", "report.group_mean_share", "report.group_mean_deviation", "report.group_worst_deviation", "figure.noOffice", "report.group_spread"] as const;
  const rows: string[] = [];
  for (const a of agencies) {
    for (const g of a.groups) {
      const cells = [g.members, g.meanOffice, g.meanShare, g.meanDeviation, g.worstDeviation, g.noOffice, g.spread].map((v) => `<td>${figureText(v)}</td>`).join("");
      rows.push(`<tr><th scope="row">${escapeHtml(a.name)}</th><td class="l">${escapeHtml(g.rank)}</td><td class="l">${escapeHtml(g.unit)}</td>${cells}</tr>`);
    }
  }
  if (rows.length === 0) return "";
  const head = [t("report.agency"), t("report.rank"), t("report.unit"), ...columns.map((c) => t(c))].map((h) => `<th scope="col">${h}</th>`).join("");
  return `<section id="groups"><details><summary><h2>${t("report.groups")}</h2></summary>\n` +
    `<div class="scroll"><table class="figures"><thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table></div></details></section>\n`;
}

/** Rotation "teams": each agency's teams (count, sizes, room) and every stand-in. */
function teamsSection(problem: Problem, teams: TeamsOutcome, t: Words, lang: Lang): string {
  const rows = teams.agencies.map((a) => {
    const agency = problem.agencies[a.agency];
    const sizes = a.members.map((m, i) => `${teamName(i)} ${m.length}`).join(", ");
    return `<tr><th scope="row">${escapeHtml(agency.name)}</th><td>${a.count}</td><td>${escapeHtml(sizes)}</td><td>${a.room}</td></tr>`;
  });
  const standIns = teams.standIns.map((s) => {
    const v = standInValues(problem, s);
    return `<tr><th scope="row">${escapeHtml(v.employee)}</th><td>${escapeHtml(v.agency)}</td><td>${v.own}</td><td>${v.date}</td><td>${v.team}</td><td>${escapeHtml(v.reasons)}</td></tr>`;
  });
  const list = standIns.length === 0
    ? `<p class="ok">${t("report.no_stand_in")}</p>`
    : `<div class="scroll"><table><thead><tr><th scope="col">${t("report.name")}</th><th scope="col">${t("report.agency")}</th><th scope="col">${t("report.stand_in_team")}</th><th scope="col">${t("report.date")}</th><th scope="col">${t("report.stand_in_for")}</th><th scope="col">${t("report.stand_in_reasons")}</th></tr></thead>\n<tbody>\n${standIns.join("\n")}\n</tbody></table></div>`;
  return `<section id="teams"><h2>${t("report.teams")}</h2><p class="note">${t("report.teams_note", { period: formatMessage(`teams.period_${teams.period}`, {}, lang) })}</p>\n` +
    `<div class="scroll"><table><thead><tr><th scope="col">${t("report.agency")}</th><th scope="col">${t("report.team_count")}</th><th scope="col">${t("report.team_sizes")}</th><th scope="col">${t("report.team_room")}</th></tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody></table></div>\n` +
    `<h3>${t("report.stand_ins", { count: teams.standIns.length })}</h3>\n${list}\n</section>\n`;
}

function findingsSection(options: ReportOptions, t: Words): string {
  const groups = options.findings ?? [];
  const warnings = options.warnings ?? [];
  const limit = options.linesPerRule ?? 500;
  const parts: string[] = [];
  for (const w of warnings) parts.push(`<p class="warn">${escapeHtml(w)}</p>`);
  if (groups.length === 0) parts.push(`<p class="ok">${t("report.no_violation")}</p>`);
  for (const group of groups) {
    const shown = group.lines.slice(0, limit);
    const more = group.count - shown.length;
    parts.push(`<h3>${escapeHtml(group.label)}: ${group.count}</h3><ul>${shown.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}` +
      (more > 0 ? `<li class="more">${t("report.more", { more })}</li>` : "") + `</ul>`);
  }
  return `<section id="violations"><h2>${t("report.violations")}</h2>\n${parts.join("\n")}\n</section>\n`;
}

const CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#fff}
body{margin:0 auto;padding:1rem 1.5rem;max-width:1400px;font-size:14px;line-height:1.4}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .3rem;border-bottom:1px solid #ccd;break-after:avoid}h3{font-size:1rem;margin:.8rem 0 .2rem}
.note{color:#555;margin:.2rem 0 .6rem}
.scroll{overflow:auto;max-width:100%}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{padding:2px 5px;border:1px solid #e2e4e8;text-align:center;white-space:nowrap}
tbody th{text-align:left;font-weight:normal;max-width:22rem;overflow:hidden;text-overflow:ellipsis}
thead th{background:#f3f4f6;position:sticky;top:0}
.heat td{min-width:2.2rem;font-size:11px;padding:1px 3px}.heat tbody th{max-width:16rem}
.heat td.over{background:#c62828;color:#fff;font-weight:bold}
.heat td.ex{background:#e5e7eb;color:#444}
.people td{width:1.4rem;font-size:12px;padding:1px 2px}
.people td.nm,.people td.tx{text-align:left;width:auto;max-width:18rem;overflow:hidden;text-overflow:ellipsis}
.people td.mO{background:#006973;color:#fff}.people td.mH{background:#eef6f6;color:#456}.people td.mL{background:#f6e7b0;color:#6b5200}
.figures td{text-align:right}.figures thead th{white-space:normal;max-width:8rem;vertical-align:bottom;font-size:12px}.figures tr.overall{font-weight:bold}
.controls{margin:.3rem 0 .5rem;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.controls select,.controls input,.controls button{font:inherit;padding:2px 6px}
svg text{font-size:11px;fill:#333}svg .n{fill:#006973}svg .bar,svg .key{fill:#2b8a93}svg .bar.prio,svg .key.prio{fill:#e08a1e}svg .axis{stroke:#888}
.figures td.l{text-align:left}summary h2{display:inline-block;border:none}
.people td.dv{font-weight:bold}.people td.neg{color:#b42318}.people td.pos{color:#1d4ed8}
.notify td.nm{text-align:left;white-space:normal}
.ok{color:#1b5e20;font-weight:bold}.warn{color:#8a4b00;font-weight:bold}
#violations ul,#forced ul{margin:.2rem 0;padding-left:1.2rem}#violations li.more{list-style:none;color:#555}
@media print{
@page{size:A4 landscape;margin:10mm}
body{font-size:9pt;max-width:none;padding:0}
.controls,noscript{display:none}
.scroll{overflow:visible}
thead th{position:static}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
section{break-inside:auto}
}
`;

/** The grid's behaviour: pick an agency, filter, page; rows built with textContent only. */
const SCRIPT = `
(function(){
"use strict";
var data=JSON.parse(document.getElementById("giliran-data").textContent);
var size=data.pageSize,sel=document.getElementById("agency"),filt=document.getElementById("filter"),sort=document.getElementById("sort");
var prev=document.getElementById("prev"),next=document.getElementById("next"),info=document.getElementById("pageinfo"),body=document.getElementById("people-body");
var rows=[],page=0,marks=["",  " *"," +"];
function fill(t,v){return t.replace(/\\{(\\w+)\\}/g,function(w,k){return k in v?String(v[k]):w;});}
function choose(){
  var people=data.agencies[Number(sel.value)]||[],q=filt.value.trim().toLowerCase(),how=Number(sort.value);
  rows=[];
  for(var i=0;i<people.length;i++){var p=people[i];if(!q||p[0].toLowerCase().indexOf(q)>=0||p[1].toLowerCase().indexOf(q)>=0)rows.push(p);}
  if(how>0){
    var sign=how===1?1:-1,keyed=rows.map(function(p,i){return [p[7]===null?null:sign*p[7],i,p];});
    keyed.sort(function(a,b){if(a[0]===b[0])return a[1]-b[1];if(a[0]===null)return 1;if(b[0]===null)return -1;return a[0]-b[0];});
    rows=keyed.map(function(k){return k[2];});
  }
  page=0;draw();
}
function cell(tr,tag,text,cls){var c=document.createElement(tag);c.textContent=text;if(cls)c.className=cls;tr.appendChild(c);return c;}
function draw(){
  var pages=Math.max(1,Math.ceil(rows.length/size));if(page>=pages)page=pages-1;if(page<0)page=0;
  var from=page*size,to=Math.min(rows.length,from+size),frag=document.createDocumentFragment();
  for(var i=from;i<to;i++){
    var p=rows[i],tr=document.createElement("tr"),office=0;
    cell(tr,"th",p[0]+marks[p[3]]);cell(tr,"td",p[1],"nm");cell(tr,"td",data.ranks[p[4]]||"","tx");cell(tr,"td",p[5],"tx");
    for(var d=0;d<p[2].length;d++){var m=p[2].charAt(d);if(m==="O")office++;cell(tr,"td",m,"m"+m);}
    cell(tr,"td",String(office));
    cell(tr,"td",p[6]===null?"":String(p[6]));
    cell(tr,"td",p[7]===null?"":(p[7]>0?"+":"")+p[7],p[7]===null?"":"dv"+(p[7]<-1?" neg":p[7]>1?" pos":""));
    cell(tr,"td",p[8]);
    frag.appendChild(tr);
  }
  body.replaceChildren(frag);
  info.textContent=rows.length?fill(data.labels.page,{from:from+1,to:to,rows:rows.length}):data.labels.noRows;
  prev.disabled=page===0;next.disabled=to>=rows.length;
}
sel.addEventListener("change",choose);sort.addEventListener("change",choose);filt.addEventListener("input",choose);
prev.addEventListener("click",function(){page--;draw();});next.addEventListener("click",function(){page++;draw();});
choose();
})();
`;
