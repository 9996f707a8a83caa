/**
 * The outputs of a run: roster.csv (long form), roster-wide.csv (the printable sheet),
 * roster.xlsx (the planner's workbook, `writeXlsx.ts`), daily.csv, metrics.json,
 * history-next.csv (the next period's history.csv), report.html and, for a replan,
 * changes.csv, written all or nothing (see `writeFiles.ts`).
 *
 * The rosters are the big outputs (20 million rows for a national run), so they skip a CSV
 * formatter: each person's id is escaped once, each `,date,mode\n` tail built once for the
 * whole run, and each person's rows go as one string into a 1 MiB buffer. Output is
 * byte-for-byte deterministic: LF line endings, UTF-8 without BOM unless asked, rows in person
 * input order then date order.
 */
import { Buffer } from "node:buffer";
import type { Problem, Roster } from "../domain/problem.js";
import { teamName, type TeamsOutcome } from "../domain/teams.js";
import { LEAVE, MODE_CODES, MODE_NAMES, OFFICE, capOn } from "../domain/problem.js";
import { formatMessage, type Lang } from "../messages/index.js";
import { csvCell, inputCell } from "./csvText.js";
import { writeRosterXlsx } from "./writeXlsx.js";
import { writeFilesAtomically, type ByteSink, type FileJob, type WrittenFile } from "./writeFiles.js";

export { OutputError, type WrittenFile } from "./writeFiles.js";

export const OUTPUT_FILES = {
  roster: "roster.csv",
  rosterWide: "roster-wide.csv",
  xlsx: "roster.xlsx",
  daily: "daily.csv",
  metrics: "metrics.json",
  historyNext: "history-next.csv",
  report: "report.html",
  changes: "changes.csv",
} as const;

export interface WriteOutputsOptions {
  /** Any JSON-able value; written pretty-printed (2 spaces) in its own key order. */
  metrics: unknown;
  /** The finished page; report.html is written only when given. */
  reportHtml?: string;
  /** Language of the printable sheet's column titles. */
  lang: Lang;
  /** Start each CSV with a UTF-8 byte order mark, so old Excel versions read names right. */
  excelBom?: boolean;
  /** Write roster.xlsx (default true; `--no-xlsx` turns it off for the largest runs). */
  xlsx?: boolean;
  /** Called after each file is produced (before the set is renamed into place). */
  onFile?: (done: number, total: number) => void;
  /** Called after each agency's sheet of roster.xlsx (the longest file of a large run). */
  onXlsxAgency?: (done: number, total: number) => void;
  /** changes.csv of a replan (`changesCsv`); written only when given. */
  changesCsv?: string;
  /** Rotation "teams": roster-wide.csv gets a `team` column after `rank`. */
  teams?: TeamsOutcome | null;
}

export interface WrittenFiles {
  roster: WrittenFile;
  rosterWide: WrittenFile;
  /** null when turned off. */
  xlsx: WrittenFile | null;
  daily: WrittenFile;
  metrics: WrittenFile;
  historyNext: WrittenFile;
  report: WrittenFile | null;
  changes: WrittenFile | null;
}

const BOM = "\uFEFF";

/**
 * Write every output of a run into `outDir` (created if missing), all or nothing.
 *
 * @example await writeOutputs("out/kotim", problem, roster, { metrics, lang: "id" })
 * @throws OutputError when a file cannot be written; the directory is then left as it was
 */
export async function writeOutputs(outDir: string, problem: Problem, roster: Roster, options: WriteOutputsOptions): Promise<WrittenFiles> {
  checkRosterShape(problem, roster);
  const bom = options.excelBom === true;
  const jobs: FileJob[] = [
    { name: OUTPUT_FILES.roster, produce: (sink) => writeRosterLong(sink, problem, roster, bom) },
    { name: OUTPUT_FILES.rosterWide, produce: (sink) => writeRosterWide(sink, problem, roster, options.lang, bom, options.teams ?? null) },
    { name: OUTPUT_FILES.daily, produce: (sink) => sink.text(dailyCsv(problem, roster, bom)) },
    { name: OUTPUT_FILES.metrics, produce: (sink) => sink.text(metricsJson(options.metrics)) },
    { name: OUTPUT_FILES.historyNext, produce: (sink) => sink.text(historyNextCsv(problem, roster, bom)) },
  ];
  const html = options.reportHtml;
  if (html !== undefined) jobs.push({ name: OUTPUT_FILES.report, produce: (sink) => sink.text(html) });
  const changes = options.changesCsv;
  if (changes !== undefined) jobs.push({ name: OUTPUT_FILES.changes, produce: (sink) => sink.text(`${bom ? BOM : ""}${changes}`) });
  if (options.xlsx !== false) jobs.push({ name: OUTPUT_FILES.xlsx, produce: (sink) => writeRosterXlsx(sink, problem, roster, { lang: options.lang, onAgency: options.onXlsxAgency }) });
  const onFile = options.onFile;
  const counted = onFile === undefined ? jobs : jobs.map((job, i) => ({ name: job.name, produce: async (sink: ByteSink) => {
    await job.produce(sink);
    onFile(i + 1, jobs.length);
  } }));
  const written = await writeFilesAtomically(outDir, counted);
  const byName = new Map(jobs.map((job, i) => [job.name, written[i]]));
  return {
    roster: byName.get(OUTPUT_FILES.roster)!, rosterWide: byName.get(OUTPUT_FILES.rosterWide)!, xlsx: byName.get(OUTPUT_FILES.xlsx) ?? null,
    daily: byName.get(OUTPUT_FILES.daily)!, metrics: byName.get(OUTPUT_FILES.metrics)!, historyNext: byName.get(OUTPUT_FILES.historyNext)!,
    report: byName.get(OUTPUT_FILES.report) ?? null, changes: byName.get(OUTPUT_FILES.changes) ?? null,
  };
}

function checkRosterShape(problem: Problem, roster: Roster): void {
  const days = problem.calendar.days.length;
  if (roster.days !== days || roster.modes.length !== problem.people.length * days) {
    throw new Error(`roster of ${roster.modes.length} modes over ${roster.days} days does not fit ${problem.people.length} people x ${days} workdays`);
  }
}

function badMode(person: number, day: number, mode: number): Error {
  return new Error(`roster holds mode ${mode} for person ${person} on day ${day}`);
}

/**
 * roster.csv: `employee_id,date,mode`, one row per person per workday, in person input order
 * then date order.
 */
export async function writeRosterLong(sink: ByteSink, problem: Problem, roster: Roster, bom = false): Promise<void> {
  const days = problem.calendar.days.length;
  await sink.text(`${bom ? BOM : ""}employee_id,date,mode\n`);
  // tails[day * 3 + mode] = ",<date>,<mode>\n"
  const tails = problem.calendar.days.flatMap((date) => MODE_NAMES.map((name) => `,${date},${name}\n`));
  const modes = roster.modes;
  for (const person of problem.people) {
    const id = inputCell(person.id);
    const base = person.index * days;
    // One string per person, written in one call: measured faster than copying bytes row by row.
    let rows = "";
    for (let d = 0; d < days; d++) {
      const mode = modes[base + d];
      if (mode > 2) throw badMode(person.index, d, mode);
      rows += id + tails[d * 3 + mode];
    }
    const ascii = Buffer.byteLength(id, "utf8") === id.length;
    if (!put(sink, rows, ascii)) await putAfterFlush(sink, rows, ascii);
  }
}

/**
 * roster-wide.csv: `employee_id,name,agency_id,rank` (titles from the catalogue, in `lang`),
 * with rotation "teams" then `team` (A, B, ...; empty for people in no team), then one column
 * per workday (ISO date) holding O, H or L; one row per person in input order.
 */
export async function writeRosterWide(sink: ByteSink, problem: Problem, roster: Roster, lang: Lang, bom = false, teams: TeamsOutcome | null = null): Promise<void> {
  const days = problem.calendar.days.length;
  const titles = [
    formatMessage("sheet.employee_id", {}, lang),
    formatMessage("sheet.name", {}, lang),
    formatMessage("sheet.agency_id", {}, lang),
    formatMessage("sheet.rank", {}, lang),
    ...(teams === null ? [] : [formatMessage("sheet.team", {}, lang)]),
    ...problem.calendar.days,
  ];
  await sink.text(`${bom ? BOM : ""}${titles.map((t) => csvCell(t)).join(",")}\n`);
  const agencyIds = problem.agencies.map((a) => inputCell(a.id));
  const cells = MODE_CODES.map((code) => `,${code}`);
  const modes = roster.modes;
  for (const person of problem.people) {
    let row = `${inputCell(person.id)},${inputCell(person.name)},${agencyIds[person.agency]},${csvCell(person.rank)}`;
    if (teams !== null) row += `,${teamName(teams.teamOf[person.index])}`;
    const ascii = Buffer.byteLength(row, "utf8") === row.length;
    const base = person.index * days;
    for (let d = 0; d < days; d++) {
      const mode = modes[base + d];
      if (mode > 2) throw badMode(person.index, d, mode);
      row += cells[mode];
    }
    row += "\n";
    if (!put(sink, row, ascii)) await putAfterFlush(sink, row, ascii);
  }
}

/**
 * Append a piece of text if it fits the current buffer; false if not (then `putAfterFlush`).
 * Kept synchronous so the common case costs no promise per person. `ascii` text is written
 * as latin1: the same bytes, encoded faster.
 */
function put(sink: ByteSink, text: string, ascii: boolean): boolean {
  const need = ascii ? text.length : text.length * 3;
  if (!sink.fits(need)) return false;
  sink.pos += sink.buf.write(text, sink.pos, ascii ? "latin1" : "utf8");
  return true;
}

async function putAfterFlush(sink: ByteSink, text: string, ascii: boolean): Promise<void> {
  const need = ascii ? text.length : text.length * 3;
  if (need > DIRECT_WRITE) return sink.text(text);
  await sink.reserve(need);
  put(sink, text, ascii);
}

/** Pieces longer than this skip the buffer (`ByteSink.text` writes them straight out). */
const DIRECT_WRITE = 1 << 20;

/**
 * daily.csv: `agency_id,date,office,home,leave,cap`, one row per agency (input order) per
 * workday; cap is empty for exempt agencies (they have none).
 */
export function dailyCsv(problem: Problem, roster: Roster, bom = false): string {
  const days = problem.calendar.days.length;
  // counts[(agency * days + day) * 3 + mode]
  const counts = new Uint32Array(problem.agencies.length * days * 3);
  const modes = roster.modes;
  for (const person of problem.people) {
    const base = person.index * days;
    const row = person.agency * days;
    for (let d = 0; d < days; d++) {
      const mode = modes[base + d];
      if (mode > 2) throw badMode(person.index, d, mode);
      counts[(row + d) * 3 + mode]++;
    }
  }
  const lines: string[] = [`${bom ? BOM : ""}agency_id,date,office,home,leave,cap`];
  for (const agency of problem.agencies) {
    const id = inputCell(agency.id);
    problem.calendar.days.forEach((date, d) => {
      const at = (agency.index * days + d) * 3;
      // The cap in force that day (caps.csv included); empty for exempt agencies.
      const cap = capOn(agency, d) ?? "";
      // MODE order is HOME=0, OFFICE=1, LEAVE=2
      lines.push(`${id},${date},${counts[at + 1]},${counts[at]},${counts[at + 2]},${cap}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/**
 * history-next.csv: `employee_id,office_days,workdays`, cumulative, one row per person in
 * input order, readable as the next period's history.csv: office_days = history + office
 * days of this horizon; workdays = prior workdays + this horizon's workdays not on leave.
 *
 * @example historyNextCsv(problem, roster) //=> "employee_id,office_days,workdays\nE1,12,36\n..."
 */
export function historyNextCsv(problem: Problem, roster: Roster, bom = false): string {
  const days = problem.calendar.days.length;
  const modes = roster.modes;
  const lines: string[] = [`${bom ? BOM : ""}employee_id,office_days,workdays`];
  for (const person of problem.people) {
    const base = person.index * days;
    let office = 0;
    let available = 0;
    for (let d = 0; d < days; d++) {
      const mode = modes[base + d];
      if (mode === OFFICE) office++;
      if (mode !== LEAVE) available++;
    }
    lines.push(`${inputCell(person.id)},${person.history + office},${person.priorWorkdays + available}`);
  }
  return `${lines.join("\n")}\n`;
}

/** metrics.json: pretty-printed with two spaces, keys in the order given, ending in a newline. */
export function metricsJson(metrics: unknown): string {
  const text = JSON.stringify(metrics, null, 2);
  if (text === undefined) throw new Error("metrics are not JSON-able");
  return `${text}\n`;
}
