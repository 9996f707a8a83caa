/**
 * The figures as text: an aligned terminal table (no table library: padding is enough), and
 * CSV for other tools. Words come from the catalogue; numbers are written the same in any
 * language (a dot for decimals, as the CSV outputs do).
 */
import { csvCell, inputCell } from "../io/csvText.js";
import { formatMessage, type Lang, type MessageCode } from "../messages/index.js";
import { FIGURE_NAMES, type Better, type Comparison, type FigureName, type ScopeFigures } from "./figures.js";

/**
 * Lay out rows in columns two spaces apart; `right[i]` right-aligns column i (numbers).
 *
 * @example formatTable([["a", "1"], ["bbb", "22"]], [false, true]) //=> ["a     1", "bbb  22"]
 */
export function formatTable(rows: string[][], right: boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => row
    .map((cell, i) => {
      const pad = " ".repeat(widths[i] - [...cell].length);
      return right[i] ? pad + cell : i === row.length - 1 ? cell : cell + pad;
    })
    .join("  ")
    .trimEnd());
}

/**
 * A figure's value as printed: whole numbers as they are, ratios to 3 decimals, "-" for none.
 *
 * @example figureText(0.123456) //=> "0.123"
 */
export function figureText(value: number | null): string {
  if (value === null) return "-";
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** A figure's name in words; "changed", "changedPeople" and "verdict" name the lines `compare` adds. */
export function figureLabel(figure: FigureName | "changed" | "changedPeople" | "verdict", lang: Lang): string {
  return formatMessage(`figure.${figure}` as MessageCode, {}, lang);
}

function scopeLabel(scope: { agencyId: string | null; name: string }, lang: Lang): string {
  return scope.agencyId === null ? formatMessage("table.overall", {}, lang) : scope.agencyId;
}

const BETTER_TEXT: Readonly<Record<string, string>> = { a: "A", b: "B", "=": "=" };

/** One roster's figures as a terminal table: scope, figure, value. */
export function metricsTable(scopes: ScopeFigures[], lang: Lang): string[] {
  const rows: string[][] = [[formatMessage("table.scope", {}, lang), formatMessage("table.figure", {}, lang), formatMessage("table.value", {}, lang)]];
  for (const scope of scopes) {
    FIGURE_NAMES.forEach((f, i) => rows.push([i === 0 ? scopeLabel(scope, lang) : "", figureLabel(f, lang), figureText(scope.figures[f])]));
  }
  return formatTable(rows, [false, false, true]);
}

/**
 * Two rosters side by side: scope, figure, A, B, which is better; per scope the verdict (the
 * better roster and the figure that decides it) and the changed assignments and people.
 */
export function compareTable(comparison: Comparison, lang: Lang): string[] {
  const rows: string[][] = [[formatMessage("table.scope", {}, lang), formatMessage("table.figure", {}, lang), "A", "B", formatMessage("table.better", {}, lang)]];
  for (const scope of comparison.scopes) {
    FIGURE_NAMES.forEach((f, i) => {
      const { a, b, better } = scope.figures[f];
      rows.push([i === 0 ? scopeLabel(scope, lang) : "", figureLabel(f, lang), figureText(a), figureText(b), betterText(better)]);
    });
    const decided = scope.verdict.by === null ? "=" : `${BETTER_TEXT[scope.verdict.better ?? "="]} (${figureLabel(scope.verdict.by, lang)})`;
    rows.push(["", figureLabel("verdict", lang), "", "", decided]);
    rows.push(["", figureLabel("changed", lang), String(scope.changed), "", ""]);
    rows.push(["", figureLabel("changedPeople", lang), String(scope.changedPeople), "", ""]);
  }
  return formatTable(rows, [false, false, true, true, false]);
}

function betterText(better: Better): string {
  return better === null ? "" : BETTER_TEXT[better];
}

/**
 * The share of changed assignments, as printed.
 *
 * @example changedPercent(1, 3) //=> "33.3"
 */
export function changedPercent(changed: number, assignments: number): string {
  return assignments === 0 ? "0.0" : ((100 * changed) / assignments).toFixed(1);
}

/** One roster's figures as CSV: `scope,name,figure,value` (scope "overall" or the agency id). */
export function metricsCsv(scopes: ScopeFigures[]): string {
  const lines = ["scope,name,figure,value"];
  for (const scope of scopes) {
    for (const f of FIGURE_NAMES) lines.push([csvCell(scope.agencyId ?? "overall"), inputCell(scope.name), f, scope.figures[f] ?? ""].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Two rosters' figures as CSV: `scope,name,figure,a,b,better`, plus per scope a `verdict` row
 * (the deciding figure in `a`, the better roster in `better`), a `changed` row holding the
 * changed assignments in `a` and all the scope's assignments in `b`, and a `changedPeople` row.
 */
export function compareCsv(comparison: Comparison): string {
  const lines = ["scope,name,figure,a,b,better"];
  for (const scope of comparison.scopes) {
    const head = `${csvCell(scope.agencyId ?? "overall")},${inputCell(scope.name)}`;
    for (const f of FIGURE_NAMES) {
      const { a, b, better } = scope.figures[f];
      lines.push([head, f, a ?? "", b ?? "", better ?? ""].join(","));
    }
    lines.push([head, "verdict", scope.verdict.by ?? "", "", scope.verdict.better ?? ""].join(","));
    lines.push([head, "changed", scope.changed, scope.assignments, ""].join(","));
    lines.push([head, "changedPeople", scope.changedPeople, "", ""].join(","));
  }
  return `${lines.join("\n")}\n`;
}
