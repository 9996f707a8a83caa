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

/** Indonesian Excel writes TRUE/FALSE as BENAR/SALAH. */
const TRUE_WORDS = new Set(["true", "1", "ya", "yes", "y", "benar"]);
const FALSE_WORDS = new Set(["false", "0", "tidak", "no", "n", "salah", ""]);

/** A rank cell: a rank name or one of its aliases, any case, spaces or dashes for underscores. */
export const rankCell = z.string().transform((raw, ctx): Rank => {
  const key = rankKey(raw);
  const rank = (RANKS as readonly string[]).includes(key) ? (key as Rank) : RANK_ALIASES[key];
  if (rank === undefined) {
    ctx.addIssue({ code: "custom", message: "rank", params: { expected: [...RANKS, ...LISTED_RANK_ALIASES].join(", "), received: raw } });
    return z.NEVER;
  }
  return rank;
});

/** Employment types as SIMPEG/SIASN and planners write them (after lower case, spaces and dashes as `_`). */
export const EMPLOYMENT_ALIASES: Readonly<Record<string, Employment>> = {
  p3k: "pppk", pppk_paruh_waktu: "pppk", cpns: "pns", asn: "pns",
  non_asn: "honorer", nonasn: "honorer", tenaga_honorer: "honorer", thl: "honorer",
  pegawai_tidak_tetap: "ptt",
};

export const employmentCell = z.string().transform((raw, ctx): Employment => {
  const plain = raw.trim().toLowerCase();
  const key = (EMPLOYMENTS as readonly string[]).includes(plain) ? (plain as Employment) : EMPLOYMENT_ALIASES[plain.replace(/[\s\-]+/g, "_")];
  if (key === undefined) {
    ctx.addIssue({ code: "custom", message: "employment", params: { expected: EMPLOYMENTS.join(", "), received: raw } });
    return z.NEVER;
  }
  return key;
});

/** true/false, 1/0, ya/tidak, BENAR/SALAH (and yes/no); an empty cell is false. */
export const booleanCell = z.string().transform((raw, ctx): boolean => {
  const key = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  ctx.addIssue({ code: "custom", message: "boolean", params: { expected: "true/false, 1/0, ya/tidak or benar/salah", received: raw } });
  return z.NEVER;
});

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
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
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

/** A whole number >= 0 in a cell. */
export const countCell = z.string().transform((raw, ctx): number => {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "count", params: { expected: "a whole number of 0 or more", received: raw } });
    return z.NEVER;
  }
  return Number(text);
});

/** A percentage in a cell: 0 to 100, decimals with a point or an Indonesian comma. */
export const percentCell = z.string().transform((raw, ctx): number => {
  const text = raw.trim().replace(/%$/, "").trim().replace(",", ".");
  const value = Number(text);
  if (text === "" || !Number.isFinite(value) || value < 0 || value > 100) {
    ctx.addIssue({ code: "custom", message: "percent", params: { expected: "a percentage from 0 to 100", received: raw } });
    return z.NEVER;
  }
  return value;
});

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
