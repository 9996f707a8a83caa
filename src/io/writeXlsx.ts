/**
 * roster.xlsx: the planner's workbook (DESIGN "Outputs for planners"), written with exceljs's
 * streaming `WorkbookWriter` so that a national run (1,000,000 people) never holds the
 * workbook in memory: rows are committed as they are made, and the producer waits whenever
 * the zip stream falls behind (exceljs's own buffers have no backpressure).
 *
 * Sheets, in order:
 * - the summary: one row per agency (headcount, cap and its basis, office person-days, cap
 *   use, largest deviation from a fair share);
 * - the jadwal piket: per agency, the names of who is in the office on each workday;
 * - one sheet per agency: title, cap and its basis, period, legend; a row of weekday names and
 *   a header row of dates (stored as dates), one row per person (NIP as text, name, rank,
 *   position, unit, one mode letter per workday, office days, fair share); a signature block.
 *
 * Every sheet prints on A4 landscape fitted to the width, with its header rows repeated, the
 * agency (or workbook) name in the page header and "page P of N" in the footer. Mode letters
 * are coloured by conditional formatting, so a letter edited by hand recolours itself.
 */
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { HOME, LEAVE, OFFICE, type Agency, type Problem, type Roster } from "../domain/problem.js";
import { agencyDeviations, sharesTurns } from "../domain/shares.js";
import { formatMessage, type Lang, type MessageCode, type MessageValues } from "../messages/index.js";
import type { ByteSink } from "./writeFiles.js";
import { basisInIndonesian } from "../messages/neutral.js";

type Worksheet = ExcelJS.Worksheet;

/** Rows above an agency sheet's people: title, cap, period, legend, weekdays, header. */
export const AGENCY_HEADER_ROWS = 6;
/** Columns before the first workday: NIP, name, rank, position, unit. */
export const PERSON_COLUMNS = 5;

/** Mode letters per language, indexed by mode (HOME, OFFICE, LEAVE). */
export function modeLetters(lang: Lang): [string, string, string] {
  const letters = formatMessage("sheet.mode_letters", {}, lang);
  return [letters[HOME], letters[OFFICE], letters[LEAVE]];
}

const COLOURS = {
  office: { fill: "FF006973", font: "FFFFFFFF" },
  home: { fill: "FFEEF6F6", font: "FF445566" },
  leave: { fill: "FFF6E7B0", font: "FF6B5200" },
  header: "FFE5E7EB",
};

/** Text characters Excel forbids in a sheet name. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** A sheet name Excel accepts (at most 31 characters, no `[]:*?/\`), unique in `taken` (case-insensitive). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(SHEET_NAME_BAD, "_").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Text for an Excel page header or footer: `&` starts a code there, so it is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/** A UTC date at midnight: exceljs stores it as a whole Excel serial day. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A1-style column letters of a 1-based column. */
export function columnLetters(column: number): string {
  let s = "";
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Everything the sheets need from the modes, in one pass. */
interface Tallies {
  /** Office days per person. */
  office: Int32Array;
  /** Fair share per person; NaN for people outside the fair shares (fixed, health priority). */
  share: Float64Array;
  /** `agencyDay[agency * days + day]`: people in the office. */
  agencyDay: Int32Array;
  /** Largest |deviation| per agency (0 when nobody rotates). */
  largestDeviation: Float64Array;
}

function tally(problem: Problem, roster: Roster): Tallies {
  const days = roster.days;
  const office = new Int32Array(problem.people.length);
  const share = new Float64Array(problem.people.length).fill(Number.NaN);
  const agencyDay = new Int32Array(problem.agencies.length * days);
  const largestDeviation = new Float64Array(problem.agencies.length);
  for (const agency of problem.agencies) {
    for (const p of agency.people) {
      let n = 0;
      for (let d = 0; d < days; d++) {
        if (roster.modes[p * days + d] === OFFICE) {
          n++;
          agencyDay[agency.index * days + d]++;
        }
      }
      office[p] = n;
    }
    const counted = agency.people.filter((p) => sharesTurns(problem.people[p]));
    if (counted.length === 0) continue;
    const { share: shares, dev } = agencyDeviations(problem, counted, counted.map((p) => office[p]));
    let largest = 0;
    counted.forEach((p, i) => {
      share[p] = shares[i];
      largest = Math.max(largest, Math.abs(dev[i]));
    });
    largestDeviation[agency.index] = largest;
  }
  return { office, share, agencyDay, largestDeviation };
}

/** A writable stream into the sink: the zip's bytes go where every other output goes. */
function sinkStream(sink: ByteSink): Writable {
  return new Writable({
    highWaterMark: 1 << 20,
    write(chunk: Buffer, _encoding, callback) {
      sink.write(chunk).then(() => callback(), callback);
    },
  });
}

interface StreamState {
  length?: number;
}

/**
 * Bytes of a worksheet's XML waiting for the zip: exceljs buffers them without limit, in its
 * own buffers and in the PassThrough (readable-stream's, which has no `writableLength`) that
 * archiver reads each entry from.
 */
function pendingBytes(sheet: Worksheet): number {
  const stream = (sheet as unknown as { _stream?: { buffers?: Array<{ length: number }>; pipes?: Array<{ _writableState?: StreamState; _readableState?: StreamState }> } })._stream;
  if (stream === undefined) return 0;
  let n = 0;
  for (const b of stream.buffers ?? []) n += b.length;
  for (const p of stream.pipes ?? []) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return n;
}

const PENDING_LIMIT = 8 << 20;

/**
 * The sheets whose XML the zip may not have taken yet. The zip takes sheets one after the
 * other, so committed sheets can queue up behind the one it is compressing: the limit is on
 * all of them together, not on the sheet being written.
 */
class Backlog {
  private readonly sheets: Worksheet[] = [];

  add(sheet: Worksheet): void {
    this.sheets.push(sheet);
  }

  private pending(): number {
    let total = 0;
    for (let i = this.sheets.length - 1; i >= 0; i--) {
      const sheet = this.sheets[i];
      const n = pendingBytes(sheet);
      // A committed sheet with nothing left has been taken whole.
      if (n === 0 && (sheet as unknown as { committed?: boolean }).committed) this.sheets.splice(i, 1);
      total += n;
    }
    return total;
  }

  /** Wait until the zip has taken most of what was produced (called every few hundred rows and after each sheet). */
  async keepUp(): Promise<void> {
    while (this.pending() > PENDING_LIMIT) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The date of every zip entry and of the workbook: the same input gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
let datesFixed = false;

/**
 * exceljs's zip (archiver) stamps each entry with the time it is added, which would make two
 * runs differ. Its entries take `FIXED_DATE` instead: archiver's prototype, reached through a
 * throwaway writer (archiver is exceljs's dependency, not ours), fills in a missing date.
 */
function fixZipDates(): void {
  if (datesFixed) return;
  const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const probe = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink });
  const proto = Object.getPrototypeOf((probe as unknown as { zip: object }).zip) as { _normalizeEntryData: (data: { date?: Date | null }, stats?: unknown) => unknown };
  const normalize = proto._normalizeEntryData;
  proto._normalizeEntryData = function (this: unknown, data: { date?: Date | null }, stats?: unknown) {
    return normalize.call(this, { ...data, date: data.date ?? FIXED_DATE }, stats);
  };
  (probe as unknown as { zip: { abort: () => void } }).zip.abort();
  datesFixed = true;
}

export interface XlsxOptions {
  lang: Lang;
  /** Called after each agency's sheet is written. */
  onAgency?: (done: number, total: number) => void;
}

/**
 * Write roster.xlsx into `sink`.
 *
 * @example await writeRosterXlsx(sink, problem, roster, { lang: "id" })
 */
export async function writeRosterXlsx(sink: ByteSink, problem: Problem, roster: Roster, options: XlsxOptions): Promise<void> {
  const lang = options.lang;
  const t = (code: MessageCode, values: MessageValues = {}): string => formatMessage(code, values, lang);
  const days = problem.calendar.days;
  const dates = days.map(excelDate);
  const weekdayNames = t("sheet.weekdays").split(",");
  const weekdays = days.map((d) => weekdayNames[excelDate(d).getUTCDay()]);
  const letters = modeLetters(lang);
  const tallies = tally(problem, roster);
  const period = t("xlsx.period", { scenario: problem.name, first: days[0] ?? "", last: days[days.length - 1] ?? "", workdays: days.length });
  const taken = new Set<string>();
  const backlog = new Backlog();

  fixZipDates();
  const out = sinkStream(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "giliran";
  workbook.created = FIXED_DATE;
  workbook.modified = workbook.created;
  const failed = new Promise<never>((_, reject) => out.on("error", reject));
  failed.catch(() => undefined);

  const printSetup = (titleRows: string): Partial<ExcelJS.PageSetup> => ({
    paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  });
  const headerFooter = (left: string) => ({
    oddHeader: `&L&B${headerText(left)}&R${headerText(problem.name)}`,
    oddFooter: `&C${t("xlsx.page")}`,
  });

  // Summary.
  {
    const sheet = workbook.addWorksheet(sheetName(t("xlsx.summary_sheet"), taken), {
      pageSetup: printSetup("3:3"), headerFooter: headerFooter(t("xlsx.summary_sheet")), views: [{ state: "frozen", xSplit: 2, ySplit: 3 }],
    });
    sheet.columns = [{ width: 14 }, { width: 40 }, { width: 12 }, { width: 12 }, { width: 34 }, { width: 14 }, { width: 12 }, { width: 16 }];
    const title = sheet.addRow([t("xlsx.summary_title", { scenario: problem.name })]);
    title.font = { bold: true, size: 14 };
    title.commit();
    sheet.addRow([period]).commit();
    const header = sheet.addRow([t("sheet.agency_id"), t("sheet.name"), t("xlsx.headcount"), t("xlsx.cap_column"), t("xlsx.basis"), t("xlsx.office_person_days"), t("xlsx.cap_use"), t("xlsx.largest_deviation")]);
    styleHeader(header);
    header.commit();
    for (const agency of problem.agencies) {
      let officeDays = 0;
      let capDays = 0;
      for (let d = 0; d < days.length; d++) {
        officeDays += tallies.agencyDay[agency.index * days.length + d];
        capDays += agency.cap ?? 0;
      }
      const row = sheet.addRow([
        agency.id, agency.name, agency.headcount, agency.exempt ? "-" : agency.cap, agency.exempt ? t("report.exempt") : lang === "id" ? basisInIndonesian(agency.capBasis) : agency.capBasis,
        officeDays, agency.exempt || capDays === 0 ? "-" : officeDays / capDays, round1(tallies.largestDeviation[agency.index]),
      ]);
      row.getCell(1).numFmt = "@";
      if (!agency.exempt && capDays > 0) row.getCell(7).numFmt = "0%";
      row.commit();
    }
    sheet.commit();
  }

  // Jadwal piket: per agency, who is in the office on each workday.
  {
    const sheet = workbook.addWorksheet(sheetName(t("xlsx.piket_sheet"), taken), {
      pageSetup: printSetup("1:1"), headerFooter: headerFooter(t("xlsx.piket_sheet")),
    });
    backlog.add(sheet);
    sheet.columns = days.map(() => ({ width: 22 }));
    const title = sheet.addRow([t("xlsx.piket_title", { scenario: problem.name })]);
    title.font = { bold: true, size: 14 };
    title.commit();
    let rows = 0;
    for (const agency of problem.agencies) {
      const blank = sheet.addRow([]);
      if (agency.index > 0) blank.addPageBreak();
      blank.commit();
      const head = sheet.addRow([t("xlsx.piket_agency", { agency: agency.name })]);
      head.font = { bold: true };
      head.commit();
      const names = sheet.addRow(weekdays);
      styleHeader(names);
      names.commit();
      const dateRow = sheet.addRow(dates);
      styleHeader(dateRow);
      for (let d = 0; d < days.length; d++) dateRow.getCell(d + 1).numFmt = "dd/mm/yyyy";
      dateRow.commit();
      const lists: string[][] = days.map(() => []);
      for (const p of agency.people) {
        const base = p * days.length;
        for (let d = 0; d < days.length; d++) if (roster.modes[base + d] === OFFICE) lists[d].push(problem.people[p].name);
      }
      const longest = Math.max(0, ...lists.map((l) => l.length));
      for (let k = 0; k < longest; k++) {
        sheet.addRow(lists.map((l) => l[k] ?? null)).commit();
        if (++rows % 500 === 0) await backlog.keepUp();
      }
    }
    sheet.commit();
  }

  // One sheet per agency.
  const firstDay = PERSON_COLUMNS + 1;
  const officeColumn = firstDay + days.length;
  for (const agency of problem.agencies) {
    const sheet = workbook.addWorksheet(sheetName(agency.id, taken), {
      pageSetup: printSetup(`${AGENCY_HEADER_ROWS - 1}:${AGENCY_HEADER_ROWS}`), headerFooter: headerFooter(agency.name),
      views: [{ state: "frozen", xSplit: 2, ySplit: AGENCY_HEADER_ROWS }],
    });
    sheet.columns = [
      { width: 21, style: { numFmt: "@" } }, { width: 30 }, { width: 11 }, { width: 26 }, { width: 18 },
      ...days.map(() => ({ width: 6.5 })), { width: 8 }, { width: 8 },
    ];
    backlog.add(sheet);
    await writeAgencySheet(sheet, agency);
    sheet.commit();
    await backlog.keepUp();
    options.onAgency?.(agency.index + 1, problem.agencies.length);
  }

  async function writeAgencySheet(sheet: Worksheet, agency: Agency): Promise<void> {
    const title = sheet.addRow([t("xlsx.title", { agency: agency.name })]);
    title.font = { bold: true, size: 14 };
    title.commit();
    sheet.addRow([agency.exempt ? t("xlsx.cap_exempt") : t("xlsx.cap", { cap: agency.cap ?? 0, basis: agency.capBasis })]).commit();
    sheet.addRow([period]).commit();
    sheet.addRow([t("xlsx.legend")]).commit();
    const weekdayRow = sheet.addRow([null, null, null, null, null, ...weekdays]);
    styleHeader(weekdayRow);
    weekdayRow.commit();
    const header = sheet.addRow([t("sheet.employee_id"), t("sheet.name"), t("sheet.rank"), t("sheet.position"), t("sheet.unit"), ...dates, t("sheet.office_days"), t("sheet.share")]);
    styleHeader(header);
    for (let d = 0; d < days.length; d++) header.getCell(firstDay + d).numFmt = "dd/mm";
    header.commit();

    const rankNames = new Map<string, string>();
    const rankName = (rank: string): string => {
      let name = rankNames.get(rank);
      if (name === undefined) rankNames.set(rank, (name = t(`rank.${rank}` as MessageCode)));
      return name;
    };
    const n = days.length;
    let written = 0;
    for (const p of agency.people) {
      const person = problem.people[p];
      const values: Array<string | number | null> = [person.id, person.name, rankName(person.rank), person.position, person.unit];
      const base = p * n;
      for (let d = 0; d < n; d++) {
        const mode = roster.modes[base + d];
        if (mode > LEAVE) throw new Error(`roster holds mode ${mode} for person ${p} on day ${d}`);
        values.push(letters[mode]);
      }
      values.push(tallies.office[p]);
      const share = tallies.share[p];
      values.push(Number.isNaN(share) ? null : round1(share));
      sheet.addRow(values).commit();
      if (++written % 500 === 0) await backlog.keepUp();
    }
    const first = AGENCY_HEADER_ROWS + 1;
    const last = AGENCY_HEADER_ROWS + agency.people.length;
    if (agency.people.length > 0 && n > 0) {
      const ref = `${columnLetters(firstDay)}${first}:${columnLetters(officeColumn - 1)}${last}`;
      const rule = (letter: string, colour: { fill: string; font: string }, priority: number): ExcelJS.ConditionalFormattingRule => ({
        type: "cellIs", operator: "equal", formulae: [`"${letter}"`], priority,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: colour.fill } }, font: { color: { argb: colour.font } } },
      });
      sheet.addConditionalFormatting({ ref, rules: [rule(letters[OFFICE], COLOURS.office, 1), rule(letters[HOME], COLOURS.home, 2), rule(letters[LEAVE], COLOURS.leave, 3)] });
    }
    // The signature block, on the right as Indonesian letters have it.
    const at = Math.max(4, officeColumn - 5);
    const lines = ["", t("xlsx.signature_known"), t("xlsx.signature_head", { agency: agency.name }), "", "", "", "(....................................)", `${t("xlsx.signature_nip")} ....................................`];
    for (const [i, text] of lines.entries()) {
      const row = sheet.addRow([]);
      if (text !== "") row.getCell(at).value = text;
      if (i === 1 || i === 2) row.getCell(at).font = { bold: i === 2 };
      row.commit();
    }
  }

  await Promise.race([workbook.commit(), failed]);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COLOURS.header } };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
