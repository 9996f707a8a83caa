/**
 * JSON with positions: where each key (and array element) of a document starts, and where a
 * syntax error is, as line and column. `JSON.parse` gives the value but not these, and its
 * messages do not always carry a position.
 */

/** 1-based line and column of a position in a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A key path as a map key: `["officeCap", "percent"]`, `["holidays", 1]`. */
export const pathKey = (path: readonly PropertyKey[]): string => JSON.stringify(path.map((p) => (typeof p === "number" ? p : String(p))));

export type JsonResult =
  | { ok: true; value: unknown; positions: ReadonlyMap<string, TextPosition>; numbers: ReadonlyMap<string, string> }
  | { ok: false; position: TextPosition; reason: string };

/**
 * Parse JSON text, keeping the position of every object key and array element by path.
 *
 * @example parseJsonWithPositions('{\n  "a": [1, 2]\n}').positions.get(pathKey(["a", 1])) //=> { line: 2, column: 12 }
 */
export function parseJsonWithPositions(text: string): JsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const scan = scanJson(text);
    const fromMessage = /at position (\d+)/.exec(message);
    const offset = scan.errorAt ?? (fromMessage ? Number(fromMessage[1]) : text.length);
    return { ok: false, position: positionOf(text, offset), reason: cleanReason(message) };
  }
  const scan = scanJson(text);
  const positions = new Map<string, TextPosition>();
  for (const [key, offset] of scan.offsets) positions.set(key, positionOf(text, offset));
  return { ok: true, value, positions, numbers: scan.numbers };
}

/** V8's message without the position and the echoed document. */
function cleanReason(message: string): string {
  return message
    // V8 echoes the document, cut short with "..." when long: never print it (it may hold line breaks).
    .replace(/,? ".*"(\.\.\.)? is not valid JSON$/s, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .trim();
}

export function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super("json");
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A strict JSON scanner: offsets of keys/elements by path, the text of every number as
 * written (`1e400`, which `JSON.parse` makes Infinity), or the offset of the first error.
 */
function scanJson(text: string): { offsets: Map<string, number>; numbers: Map<string, string>; errorAt?: number } {
  const offsets = new Map<string, number>();
  const numbers = new Map<string, string>();
  let pos = 0;
  const ws = () => {
    while (pos < text.length && (text[pos] === " " || text[pos] === "\t" || text[pos] === "\n" || text[pos] === "\r")) pos++;
  };
  const fail = (): never => {
    throw new ScanError(pos);
  };
  const string = (): string => {
    const start = pos;
    pos++; // opening quote
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      }
      if (c < 32) fail();
      if (c === 92) {
        const e = text[pos + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            pos++;
            fail();
          }
          pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          pos++;
          fail();
        }
        pos += 2;
        continue;
      }
      pos++;
    }
    return fail();
  };
  const value = (path: PropertyKey[]): void => {
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      ws();
      if (text[pos] === "}") {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail();
        const keyAt = pos;
        const key = string();
        offsets.set(pathKey([...path, key]), keyAt);
        ws();
        if (text[pos] !== ":") fail();
        pos++;
        value([...path, key]);
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return;
        }
        fail();
      }
    }
    if (c === "[") {
      pos++;
      ws();
      if (text[pos] === "]") {
        pos++;
        return;
      }
      for (let i = 0; ; i++) {
        ws();
        offsets.set(pathKey([...path, i]), pos);
        value([...path, i]);
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return;
        }
        fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.test(text)) {
      numbers.set(pathKey(path), text.slice(pos, NUMBER.lastIndex));
      pos = NUMBER.lastIndex;
      return;
    }
    fail();
  };
  try {
    value([]);
    ws();
    if (pos < text.length) fail();
    return { offsets, numbers };
  } catch (error) {
    // Anything else (nesting deep enough to exhaust the stack) leaves the position unknown.
    return error instanceof ScanError ? { offsets, numbers, errorAt: error.offset } : { offsets, numbers };
  }
}
