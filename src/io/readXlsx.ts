/**
 * Reading Excel workbooks (.xlsx) with exceljs's streaming reader: a sheet becomes rows of
 * text cells, each with its row number, so that every table goes through the same validation
 * as a CSV file and messages name the sheet, row and column (`employees.xlsx [Pegawai]:12:3`).
 *
 * How a cell becomes text: text as it is; a date as `YYYY-MM-DD`; true/false; a whole number
 * as its digits, except one beyond 2^53 (the last digits of a NIP stored as a number are
 * already gone) which is written in scientific notation, so that the damage is reported as it
 * is for a CSV file; a formula as its last computed value; rich text as its plain text.
 */
import ExcelJS from "exceljs";

export interface SheetRows {
  /** The sheet's name. */
  sheet: string;
  /** Rows that hold something: 1-based row number and the cells as text (index 0 is column A). */
  rows: Array<{ row: number; cells: string[] }>;
}

/**
 * Text of one cell value as exceljs reads it.
 *
 * @example cellText(new Date(Date.UTC(2021, 6, 19))) //=> "2021-07-19"
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toExponential().toUpperCase();
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return v.error;
    if (v.formula !== undefined || v.sharedFormula !== undefined) return "";
  }
  return String(value);
}

/** Cells of a row as text; exceljs's `values` are 1-based and sparse. */
function rowCells(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

/**
 * Every worksheet of a workbook, in order, streamed (`pick` may skip a sheet by name, or stop
 * after the first it keeps).
 *
 * @throws the reader's error for a file that is not a workbook
 */
export async function readSheets(path: string, options: { first?: boolean } = {}): Promise<SheetRows[]> {
  // A path, not a stream: exceljs's reader fails on a stream whose workbook.xml comes last.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  const sheets: SheetRows[] = [];
  const files: string[] = [];
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as { name?: string; id?: number | string } & AsyncIterable<{ number: number; values: unknown }>;
    const sheet: SheetRows = { sheet: ws.name ?? `Sheet${ws.id ?? sheets.length + 1}`, rows: [] };
    files.push(`worksheets/sheet${ws.id}.xml`);
    for await (const row of ws) {
      const cells = rowCells(row.values);
      if (cells.length > 0) sheet.rows.push({ row: row.number, cells });
    }
    sheets.push(sheet);
    if (options.first) break;
  }
  // Workbooks written as a stream (roster.xlsx) put workbook.xml, which names the sheets, after
  // the sheets; the reader knows the names only at the end.
  const known = reader as unknown as { model?: { sheets?: Array<{ rId: string; name: string }> }; workbookRels?: Array<{ Id: string; Target: string }> };
  sheets.forEach((sheet, i) => {
    const rel = known.workbookRels?.find((r) => r.Target === files[i] || r.Target === `/xl/${files[i]}`);
    const name = rel && known.model?.sheets?.find((s) => s.rId === rel.Id)?.name;
    if (name) sheet.sheet = name;
  });
  return sheets;
}

/** CSV text of a sheet with row n on line n (blank lines for empty rows), every cell quoted; line breaks in a cell become spaces. */
export function sheetAsCsv(sheet: SheetRows): string {
  const lines: string[] = [];
  for (const { row, cells } of sheet.rows) {
    while (lines.length < row - 1) lines.push("");
    lines.push(cells.map((c) => `"${c.replace(/[\r\n]+/g, " ").replace(/"/g, '""')}"`).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** How messages name a sheet of a workbook. */
export function sheetLabel(file: string, sheet: string): string {
  return `${file} [${sheet}]`;
}

/**
 * Every worksheet of a workbook, read whole (not streamed). For roster.xlsx as giliran writes
 * it, whose sheet names and date formats (workbook.xml, styles.xml) come after the sheets in
 * the zip, where the streaming reader cannot use them. Holds the workbook in memory: fine for
 * a province's roster, not for a national one.
 */
export async function readSheetsWhole(path: string): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((ws) => {
    const sheet: SheetRows = { sheet: ws.name, rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = rowCells(row.values);
      if (cells.length > 0) sheet.rows.push({ row: number, cells });
    });
    return sheet;
  });
}
