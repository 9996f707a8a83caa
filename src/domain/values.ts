/**
 * Value vocabularies of the input: ranks, employment types, booleans and dates, each as a
 * zod schema so that a cell's type and its validation are written once.
 */
import { z } from "zod";

/** Structural levels, top first. `eselon_1` is the highest. */
export const RANKS = ["eselon_1", "eselon_2", "eselon_3", "eselon_4", "fungsional", "pelaksana"] as const;
export type Rank = (typeof RANKS)[number];

/** Names of the 2014 civil-service law (JPT, administrator, pengawas) for the eselon levels. */
export const RANK_ALIASES: Readonly<Record<string, Rank>> = {
  jpt_madya: "eselon_1",
  jpt_pratama: "eselon_2",
  administrator: "eselon_3",
  pengawas: "eselon_4",
  // As SIMPEG/SIASN exports and Indonesian spreadsheets write them (after `rankKey`).
  eselon_i: "eselon_1",
  eselon_ii: "eselon_2",
  eselon_iii: "eselon_3",
  eselon_iv: "eselon_4",
  jabatan_fungsional: "fungsional",
  fungsional_tertentu: "fungsional",
  jft: "fungsional",
  fungsional_umum: "pelaksana",
  jfu: "pelaksana",
  staf: "pelaksana",
  staff: "pelaksana",
  jabatan_pelaksana: "pelaksana",
  jabatan_administrator: "eselon_3",
  jabatan_pengawas: "eselon_4",
};

/** The aliases a message lists (the others, Indonesian spellings of the same levels, are documented in the README). */
const LISTED_RANK_ALIASES = ["jpt_madya", "jpt_pratama", "administrator", "pengawas"];

/**
 * A rank cell as a key of `RANKS` / `RANK_ALIASES`: lower case, spaces, dots and dashes as
 * `_`, and an eselon's sub-level dropped (`Eselon II.a`, `eselon IIb`, `Eselon 2a` are `eselon_ii` / `eselon_2`).
 */
function rankKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s.\-]+/g, "_").replace(/^(eselon_(?:i{1,3}|iv|[1-4]))_?[ab]$/, "$1");
}

export const EMPLOYMENTS = ["pns", "pppk", "ptt", "honorer"] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

/**
 * Employment types as SIMPEG/SIASN and planners write them: `P3K`, the everyday name of PPPK
 * (government employees with a work agreement), `Non ASN` for honorer staff, and so on.
 */
export const EMPLOYMENT_ALIASES: Readonly<Record<string, Employment>> = {
  p3k: "pppk", pppk_paruh_waktu: "pppk", cpns: "pns",
  non_asn: "honorer", nonasn: "honorer", tenaga_honorer: "honorer", thl: "honorer",
  pegawai_tidak_tetap: "ptt",
};

/** A name as the vocabularies compare it: any case, spaces or dashes for underscores. */
const vocabularyKey = (raw: string): string => raw.trim().toLowerCase().replace(/[\s-]+/g, "_");

/**
 * The rank a text names, or `null`: a rank or one of its aliases, any case, spaces or dashes
 * for underscores. The one reading of a rank, wherever one is written (employees.csv,
 * rules.csv, scenario.json `mandatory.ranks`).
 *
 * @example parseRank(" Administrator ") //=> "eselon_3"
 * @example parseRank("Eselon-4") //=> "eselon_4"
 * @example parseRank("Eselon II.a") //=> "eselon_2"
 */
export function parseRank(raw: string): Rank | null {
  const key = rankKey(raw);
  return (RANKS as readonly string[]).includes(key) ? (key as Rank) : (RANK_ALIASES[key] ?? null);
}

/**
 * The employment type a text names, or `null` (any case; `p3k` for `pppk`). The one reading
 * wherever one is written (employees.csv, scenario.json `rotating.employment`).
 *
 * @example parseEmployment("PNS") //=> "pns"
 */
export function parseEmployment(raw: string): Employment | null {
  const key = vocabularyKey(raw);
  return (EMPLOYMENTS as readonly string[]).includes(key) ? (key as Employment) : (EMPLOYMENT_ALIASES[key] ?? null);
}

/** What a message lists (the Indonesian spellings of the same levels and types are in docs/outputs.md). */
export const RANK_EXPECTED = [...RANKS, ...LISTED_RANK_ALIASES].join(", ");
export const EMPLOYMENT_EXPECTED = [...EMPLOYMENTS, "p3k"].join(", ");

const unitKeys = new Map<string, string>();

/**
 * The key units are matched and grouped by, everywhere (rules.csv, fairness groups, metrics):
 * case, surrounding space and runs of inner space ignored. What is shown stays the unit as
 * employees.csv first spells it (`src/policy/compile.ts`).
 *
 * @example unitKey("  Sub  Bagian UMUM ") === unitKey("sub bagian umum") //=> true
 */
export function unitKey(unit: string): string {
  let key = unitKeys.get(unit);
  if (key === undefined) {
    key = unit.trim().replace(/\s+/g, " ").toLowerCase();
    // Units are few; the memo keeps rule matching over a million people cheap.
    if (unitKeys.size < 10_000) unitKeys.set(unit, key);
  }
  return key;
}

/** Indonesian Excel writes TRUE/FALSE as BENAR/SALAH. */
const TRUE_WORDS = new Set(["true", "1", "ya", "yes", "y", "benar"]);
const FALSE_WORDS = new Set(["false", "0", "tidak", "no", "n", "salah", ""]);

/** A rank cell: a rank name or one of its aliases, any case, spaces or dashes for underscores. */
export const rankCell = z.string().transform((raw, ctx): Rank => {
  const rank = parseRank(raw);
  if (rank === null) {
    ctx.addIssue({ code: "custom", message: "rank", params: { expected: RANK_EXPECTED, received: raw } });
    return z.NEVER;
  }
  return rank;
});

/** An employment cell: an employment type or its alias, any case. */
export const employmentCell = z.string().transform((raw, ctx): Employment => {
  const employment = parseEmployment(raw);
  if (employment === null) {
    ctx.addIssue({ code: "custom", message: "employment", params: { expected: EMPLOYMENT_EXPECTED, received: raw } });
    return z.NEVER;
  }
  return employment;
});

/** true/false, 1/0, ya/tidak, BENAR/SALAH (and yes/no); an empty cell is false. */
export const booleanCell = z.string().transform((raw, ctx): boolean => {
  const key = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  ctx.addIssue({ code: "custom", message: "boolean", params: { expected: "true/false, 1/0, ya/tidak or benar/salah", received: raw } });
  return z.NEVER;
});

/** Days in a month of the proleptic Gregorian calendar (plain arithmetic, no `Date`). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parse a calendar date written `YYYY-MM-DD` or, as Indonesian Excel writes it, `DD/MM/YYYY`.
 * Returns the ISO form, or `null` for text that is not a real date (2021-02-30 included).
 *
 * @example parseDate("19/07/2021") //=> "2021-07-19"
 */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let year: number, month: number, day: number;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const dateCell = z.string().transform((raw, ctx): string => {
  const iso = parseDate(raw);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: "date", params: { expected: "a real date written YYYY-MM-DD or DD/MM/YYYY", received: raw } });
    return z.NEVER;
  }
  return iso;
});

/**
 * The number rules, one place for every file. A count (people, days, a cap) is a plain digit
 * string from 0 to `MAX_COUNT`: no sign, no decimals, no exponent (`1e1`), no hex (`0x10`), no
 * thousands separator; a larger number is a typo (a province has about 100,000 civil
 * servants), and beyond about 16 digits JavaScript cannot even hold it exactly (a 400-digit
 * number reads as Infinity). A percent is digits with at most one decimal mark, `.` or `,`
 * (as Indonesian Excel writes it), from 0 to 100, optionally followed by `%`. Spaces around a
 * cell are ignored.
 */
export const MAX_COUNT = 10_000_000;
export const COUNT_EXPECTED = "a whole number from 0 to 10,000,000, digits only";
export const PERCENT_EXPECTED = "a percentage from 0 to 100, digits with an optional decimal . or ,";

const DIGITS = /^\d+$/;
const DECIMAL = /^(\d+)(?:[.,](\d+))?$/;

/**
 * A count cell's value, or `null` when the text is not a digit string from 0 to `MAX_COUNT`.
 *
 * @example parseCount(" 12 ") //=> 12
 * @example parseCount("1e1") //=> null
 */
export function parseCount(raw: string): number | null {
  const text = raw.trim();
  if (!DIGITS.test(text)) return null;
  const digits = text.replace(/^0+(?=\d)/, "");
  if (digits.length > String(MAX_COUNT).length) return null;
  const value = Number(digits);
  return value <= MAX_COUNT ? value : null;
}

/**
 * A percent cell's value, or `null` when the text is not a decimal from 0 to 100.
 *
 * @example parsePercent("12,5") //=> 12.5
 * @example parsePercent("0x10") //=> null
 */
export function parsePercent(raw: string): number | null {
  const text = raw.trim().replace(/%$/, "").trim();
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const whole = m[1].replace(/^0+(?=\d)/, "");
  if (whole.length > 3) return null;
  const value = Number(`${whole}.${m[2] ?? "0"}`);
  return value >= 0 && value <= 100 ? value : null;
}

/** A whole number from 0 to `MAX_COUNT` in a cell. */
export const countCell = z.string().transform((raw, ctx): number => {
  const value = parseCount(raw);
  if (value === null) {
    ctx.addIssue({ code: "custom", message: "count", params: { expected: COUNT_EXPECTED, received: raw } });
    return z.NEVER;
  }
  return value;
});

/** A percentage in a cell: 0 to 100, decimals with a point or an Indonesian comma. */
export const percentCell = z.string().transform((raw, ctx): number => {
  const value = parsePercent(raw);
  if (value === null) {
    ctx.addIssue({ code: "custom", message: "percent", params: { expected: PERCENT_EXPECTED, received: raw } });
    return z.NEVER;
  }
  return value;
});

/**
 * A number in `scenario.json`, held to the same rules as a cell: finite (JSON reads `1e400`
 * as Infinity), within `[min, max]`, whole when `whole`. A missing value is reported as
 * missing, a string or other type as the wrong type.
 *
 * @example jsonNumber({ min: 0, max: 100, whole: false, expected: PERCENT_EXPECTED }).parse(12.5) //=> 12.5
 */
export function jsonNumber(rule: { min: number; max: number; whole: boolean; expected: string }) {
  return z.unknown().transform((raw, ctx): number => {
    if (raw === undefined) {
      ctx.addIssue({ code: "invalid_type", expected: "number", message: rule.expected });
      return z.NEVER;
    }
    // -0 too: a sign is no more welcome here than in a cell.
    if (typeof raw !== "number" || !Number.isFinite(raw) || Object.is(raw, -0) || raw < rule.min || raw > rule.max || (rule.whole && !Number.isInteger(raw))) {
      ctx.addIssue({ code: "custom", message: "number", params: { expected: rule.expected, received: raw } });
      return z.NEVER;
    }
    return raw;
  });
}

/** An id: non-empty after trimming. */
export const idCell = z.string().transform((raw, ctx): string => {
  const text = raw.trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "id", params: { expected: "a non-empty id", received: raw } });
    return z.NEVER;
  }
  return text;
});

export const textCell = z.string().transform((raw) => raw.trim());
