/**
 * CSV cells as text: quote only what needs quoting (the big outputs are mostly ids, dates and
 * codes, so most cells go out as they are), and neutralize input text a spreadsheet would run
 * as a formula.
 */

/** First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A neutralized cell: one added quote mark in front of what would start a formula. */
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/**
 * Neutralize text from the input that a spreadsheet would run as a formula, by putting a `'`
 * in front (OWASP's advice for CSV injection). Text that already starts with quote marks
 * followed by a formula character gets one more, so that `unneutralizeFormula` restores every
 * text exactly.
 *
 * @example neutralizeFormula("=HYPERLINK(\"x\")") //=> "'=HYPERLINK(\"x\")"
 * @example neutralizeFormula("Siti") //=> "Siti"
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Undo `neutralizeFormula` on a cell read back (a roster giliran wrote, opened in `check`).
 *
 * @example unneutralizeFormula("'=1+1") //=> "=1+1"
 */
export function unneutralizeFormula(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}

/**
 * Quote a cell only if it needs it: it holds the delimiter, a double quote, CR or LF, or
 * starts or ends with a space or tab (which many readers would trim). Inner quotes are doubled.
 *
 * @example csvCell("a,b") //=> "\"a,b\""
 * @example csvCell("E001") //=> "E001"
 */
export function csvCell(text: string, delimiter = ","): string {
  if (text === "") return text;
  let needs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 34 ", 10 LF, 13 CR
    if (c === 34 || c === 10 || c === 13 || text[i] === delimiter) {
      needs = true;
      break;
    }
  }
  if (!needs) {
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    // 32 space, 9 tab
    needs = first === 32 || first === 9 || last === 32 || last === 9;
  }
  return needs ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell holding text from the input: neutralized, then quoted if needed.
 *
 * @example inputCell("=HYPERLINK(\"x\")") //=> "\"'=HYPERLINK(\"\"x\"\")\""
 */
export function inputCell(text: string, delimiter = ","): string {
  return csvCell(neutralizeFormula(text), delimiter);
}
