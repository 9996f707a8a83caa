import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { INVALID, cellShortcut } from "../../src/io/csv.js";
import { dateCell, idCell, textCell } from "../../src/domain/values.js";

/** A shortcut may decline (INVALID: ask zod), but what it accepts it must give exactly as zod does. */
function agreesWithSchema(schema: z.ZodType, raw: string): void {
  const shortcut = cellShortcut(schema)!;
  const fast = shortcut(raw);
  const slow = schema.safeParse(raw);
  if (fast === INVALID) return;
  expect(slow.success, `zod rejects ${JSON.stringify(raw)} but the shortcut accepts it`).toBe(true);
  expect(fast).toEqual(slow.data);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Date-shaped text, valid or not: years 0-9999, months 0-19, days 0-39. */
const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const spaced = (text: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom("", " ", "\t"), text, fc.constantFrom("", " ", "\u00a0")).map(([a, t, b]) => a + t + b);

describe("cell shortcuts of readCsv", () => {
  it("exist for ids, text and dates", () => {
    for (const schema of [idCell, textCell, dateCell]) expect(cellShortcut(schema)).toBeTypeOf("function");
  });

  it("give ids and text exactly as their zod schemas do", () => {
    fc.assert(fc.property(spaced(fc.string()), (raw) => {
      agreesWithSchema(idCell, raw);
      agreesWithSchema(textCell, raw);
    }), { numRuns: 2000 });
  });

  it("give dates exactly as the zod date schema does, and accept every real ISO date", () => {
    fc.assert(fc.property(fc.oneof(dateLike, spaced(dateLike), fc.string({ maxLength: 12 })), (raw) => agreesWithSchema(dateCell, raw)), { numRuns: 5000 });
    const shortcut = cellShortcut(dateCell)!;
    fc.assert(fc.property(fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (date) => {
      const iso = date.toISOString().slice(0, 10);
      expect(shortcut(iso)).toBe(iso);
    }), { numRuns: 2000 });
  });

  it("decline leap days of non-leap years and the 31st of short months, leaving the error to zod", () => {
    const shortcut = cellShortcut(dateCell)!;
    for (const raw of ["2021-02-29", "1900-02-29", "2021-04-31", "2021-02-30", "2021-13-01", "2021-00-10", "2021-01-00", "19/07/2021"]) expect(shortcut(raw)).toBe(INVALID);
    for (const raw of ["2020-02-29", "2000-02-29", "2021-01-31", "2021-04-30"]) expect(shortcut(raw)).toBe(raw);
  });
});
