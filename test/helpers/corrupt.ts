/**
 * Ways a planner's file really breaks (saved from the wrong program, cut off by a full disk,
 * edited by hand), as fast-check arbitraries over a file's bytes: truncated lines, wrong
 * delimiters, stray quotes, huge fields, binary bytes, UTF-16 and latin1 text, empty files,
 * 100,000 columns, duplicated headers and lines.
 */
import fc from "fast-check";

export type Corruption =
  | { kind: "truncate"; at: number }
  | { kind: "cutLine"; line: number; keep: number }
  | { kind: "delimiter"; line: number; to: string }
  | { kind: "strayQuote"; at: number }
  | { kind: "hugeField"; line: number; size: number }
  | { kind: "binary"; at: number; bytes: number[] }
  | { kind: "utf16"; bom: boolean; bigEndian: boolean }
  | { kind: "latin1" }
  | { kind: "empty"; blank: string }
  | { kind: "manyColumns"; line: number; columns: number }
  | { kind: "duplicateHeader"; column: number }
  | { kind: "duplicateLine"; line: number }
  | { kind: "dropLine"; line: number }
  | { kind: "bareCarriageReturns" };

export const corruptionArbitrary: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("cutLine" as const), line: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant("delimiter" as const), line: fc.nat(), to: fc.constantFrom(";", "\t", "|", ", ") }),
  fc.record({ kind: fc.constant("strayQuote" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("hugeField" as const), line: fc.nat(), size: fc.constantFrom(70_000, 1_000_000, 3_000_000) }),
  fc.record({ kind: fc.constant("binary" as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant("utf16" as const), bom: fc.boolean(), bigEndian: fc.boolean() }),
  fc.record({ kind: fc.constant("latin1" as const) }),
  fc.record({ kind: fc.constant("empty" as const), blank: fc.constantFrom("", "\n", "\r\n\r\n  \n", "\uFEFF", ";;;\n") }),
  fc.record({ kind: fc.constant("manyColumns" as const), line: fc.nat(), columns: fc.constantFrom(100_000, 1_000) }),
  fc.record({ kind: fc.constant("duplicateHeader" as const), column: fc.nat() }),
  fc.record({ kind: fc.constant("duplicateLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("bareCarriageReturns" as const) }),
);

function lines(text: string): string[] {
  return text.split("\n");
}

/** Apply one corruption to a file's bytes. */
export function corrupt(bytes: Buffer, c: Corruption): Buffer {
  const text = bytes.toString("utf8");
  const ls = lines(text);
  const pick = (n: number) => n % Math.max(1, ls.length);
  const withLine = (n: number, edit: (line: string) => string) => {
    const copy = [...ls];
    const i = pick(n);
    copy[i] = edit(copy[i]);
    return Buffer.from(copy.join("\n"), "utf8");
  };
  switch (c.kind) {
    case "truncate":
      return bytes.subarray(0, c.at % (bytes.length + 1));
    case "cutLine":
      return withLine(c.line, (l) => l.slice(0, c.keep % (l.length + 1)));
    case "delimiter":
      return withLine(c.line, (l) => l.replace(/,/g, c.to));
    case "strayQuote": {
      const at = c.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from('"'), bytes.subarray(at)]);
    }
    case "hugeField":
      return withLine(c.line, (l) => {
        const comma = l.indexOf(",");
        const huge = "x".repeat(c.size);
        return comma === -1 ? l + huge : `${l.slice(0, comma + 1)}${huge}${l.slice(comma + 1)}`;
      });
    case "binary": {
      const at = c.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(c.bytes), bytes.subarray(at)]);
    }
    case "utf16": {
      const le = Buffer.from(`${c.bom ? "\uFEFF" : ""}${text}`, "utf16le");
      if (!c.bigEndian) return le;
      const be = Buffer.from(le);
      be.swap16();
      return be;
    }
    case "latin1":
      // Accented names are where a latin1 (Windows-1252) save shows: é and ñ become single bytes.
      return Buffer.from(text.replace(/(\n[^,\n]*,)([^,\n]*)/, "$1Séñor $2"), "latin1");
    case "empty":
      return Buffer.from(c.blank, "utf8");
    case "manyColumns":
      return withLine(c.line, (l) => l + ",c".repeat(c.columns));
    case "duplicateHeader": {
      const header = ls[0].split(",");
      if (header.length < 2) return Buffer.from([header[0], header[0]].join(","));
      const i = 1 + (c.column % (header.length - 1));
      header[i] = header[c.column % i];
      return Buffer.from([header.join(","), ...ls.slice(1)].join("\n"), "utf8");
    }
    case "duplicateLine": {
      const i = pick(c.line);
      return Buffer.from([...ls.slice(0, i + 1), ls[i], ...ls.slice(i + 1)].join("\n"), "utf8");
    }
    case "dropLine": {
      const i = pick(c.line);
      return Buffer.from([...ls.slice(0, i), ...ls.slice(i + 1)].join("\n"), "utf8");
    }
    case "bareCarriageReturns":
      return Buffer.from(text.replace(/\n/g, "\r"), "utf8");
  }
}

/** Short text of a corruption for messages (no megabytes of `x`). */
export function describeCorruption(c: Corruption): string {
  return JSON.stringify(c);
}
