/**
 * The options of `generate`, their limits and defaults, checked in one place for both the CLI
 * (which words a bad value as commander's invalid-argument error) and programmatic callers.
 */
import { formatMessage, type Lang } from "../messages/index.js";
import { parseDate } from "../domain/values.js";
import { GenerateError } from "./errors.js";
import type { Rank } from "../domain/values.js";
import type { AgencyTemplate, Level } from "./catalogue.js";

export type Preset = "province" | "regency" | "national";
export const PRESETS: readonly Preset[] = ["province", "regency", "national"];
export const ROTATIONS = ["daily", "weekly"] as const;

export interface GenerateOptions {
  employees: number;
  /** Number of agencies; by default what a government of the preset and size usually has. */
  agencies?: number;
  seed: number;
  preset?: Preset;
  /** First day, a Monday (`YYYY-MM-DD`); default 2021-07-19, a Monday of PPKM as in DESIGN.md. */
  start?: string;
  /** Whole weeks, Monday to Friday; default 4 (20 workdays). */
  weeks?: number;
  /** The scenario's office cap in percent; default 25. */
  capPercent?: number;
  rotation?: "daily" | "weekly";
  /** Write `rules.csv` (composition rules) and `min_office` floors. */
  rules?: boolean;
  /**
   * Employee ids as 18-digit NIPs (birth date YYYYMMDD, appointment YYYYMM, sex 1/2, a
   * 3-digit sequence) instead of `E000001`; default false.
   */
  nip?: boolean;
  /** Share of people with one block of leave; default 0.03. */
  leaveRate?: number;
  /** Language of the scenario's name and notes; default "en". */
  lang?: Lang;
  /**
   * A real government given agency by agency (the seed fixtures), instead of one drawn from
   * the catalogue; `employees` and `agencies` are then the sum and number of its agencies.
   */
  government?: CustomGovernment;
  /** Last day of the horizon; when given, `start` may be any day and `weeks` is not used. */
  end?: string;
  /** Holidays inside the horizon (with `end`); default the fixed-date national holidays. */
  holidays?: string[];
}

/** One agency of a custom government. */
export interface CustomAgency {
  template: AgencyTemplate;
  size: number;
  /** The agency's own cap percent; default the scenario's. */
  capPercent?: number | null;
  /** Exact number of people of these ranks besides the head, so that rules naming a rank can hold. */
  structure?: Partial<Record<Rank, number>>;
  /** Share of fungsional among everyone else (the rest pelaksana); default 0.51 / (0.51 + 0.38). */
  functionalShare?: number;
}

export interface CustomGovernment {
  /** "Provinsi Kalimantan Selatan": used in the scenario's name. */
  label: string;
  level: Level;
  agencies: CustomAgency[];
}

export type ResolvedOptions = Required<Omit<GenerateOptions, "agencies" | "government" | "end" | "holidays">> & {
  agencies: number | undefined;
  government: CustomGovernment | undefined;
  end: string | undefined;
  holidays: string[] | undefined;
};

export const DEFAULT_START = "2021-07-19";

/** Numeric limits; `exclusiveMin` for the cap (a 0 % cap leaves no room for the heads). */
export const LIMITS = {
  employees: { min: 1, max: 10_000_000, integer: true },
  agencies: { min: 1, max: 5_000, integer: true },
  seed: { min: 0, max: 4_294_967_295, integer: true },
  weeks: { min: 1, max: 52, integer: true },
  capPercent: { min: 0, max: 100, integer: false, exclusiveMin: true },
  leaveRate: { min: 0, max: 1, integer: false },
} as const;
export type NumericOption = keyof typeof LIMITS;

export function isValidNumber(option: NumericOption, value: number): boolean {
  const limit: { min: number; max: number; integer: boolean; exclusiveMin?: boolean } = LIMITS[option];
  if (!Number.isFinite(value) || value > limit.max) return false;
  if (limit.integer && !Number.isInteger(value)) return false;
  return limit.exclusiveMin ? value > limit.min : value >= limit.min;
}

/** What a valid value of the option looks like, in words. */
export function expectedText(option: NumericOption | "preset" | "rotation" | "start", lang: Lang = "en"): string {
  if (option === "preset") return formatMessage("generate.expected_choice", { choices: PRESETS.join(", ") }, lang);
  if (option === "rotation") return formatMessage("generate.expected_choice", { choices: ROTATIONS.join(", ") }, lang);
  if (option === "start") return formatMessage("generate.expected_monday", {}, lang);
  const limit: { min: number; max: number; integer: boolean; exclusiveMin?: boolean } = LIMITS[option];
  const code = limit.integer ? "generate.expected_integer" : limit.exclusiveMin ? "generate.expected_number" : "generate.expected_fraction";
  return formatMessage(code, { min: limit.min, max: limit.max }, lang);
}

/** True for an ISO or DD/MM/YYYY date that is a Monday. */
export function isMonday(text: string): boolean {
  const iso = parseDate(text);
  return iso !== null && new Date(`${iso}T00:00:00Z`).getUTCDay() === 1;
}

/** Fill in the defaults and check every option; throws `GenerateError` on the first bad one. */
export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    employees: options.employees,
    agencies: options.agencies,
    seed: options.seed,
    preset: options.preset ?? "province",
    start: options.start ?? DEFAULT_START,
    weeks: options.weeks ?? 4,
    capPercent: options.capPercent ?? 25,
    rotation: options.rotation ?? "daily",
    rules: options.rules ?? false,
    nip: options.nip ?? false,
    leaveRate: options.leaveRate ?? 0.03,
    lang: options.lang ?? "en",
    government: options.government,
    end: options.end,
    holidays: options.holidays,
  };
  if (resolved.government !== undefined) {
    resolved.employees = resolved.government.agencies.reduce((n, a) => n + a.size, 0);
    resolved.agencies = resolved.government.agencies.length;
  }
  const bad = (option: string, expected: string, received: unknown) =>
    new GenerateError("generate.invalid_option", { option, expected, received: String(received) });
  for (const option of Object.keys(LIMITS) as NumericOption[]) {
    const value = resolved[option];
    if (value === undefined && option === "agencies") continue;
    if (typeof value !== "number" || !isValidNumber(option, value)) throw bad(option, expectedText(option), value);
  }
  if (!PRESETS.includes(resolved.preset)) throw bad("preset", expectedText("preset"), resolved.preset);
  if (!ROTATIONS.includes(resolved.rotation)) throw bad("rotation", expectedText("rotation"), resolved.rotation);
  if (resolved.government !== undefined) {
    const sizes = resolved.government.agencies.map((a) => a.size);
    if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw bad("government", expectedText("employees"), sizes.join(" "));
  }
  if (resolved.end === undefined) {
    if (!isMonday(resolved.start)) throw bad("start", expectedText("start"), resolved.start);
    resolved.start = parseDate(resolved.start) as string;
    return resolved;
  }
  const start = parseDate(resolved.start);
  const end = parseDate(resolved.end);
  if (start === null) throw bad("start", expectedText("start"), resolved.start);
  if (end === null || end < start) throw bad("end", formatMessage("generate.expected_end", { start }), resolved.end);
  const holidays = (resolved.holidays ?? []).map((h) => parseDate(h));
  const badHoliday = holidays.findIndex((h) => h === null);
  if (badHoliday >= 0) throw bad("holidays", formatMessage("generate.expected_date", {}), resolved.holidays?.[badHoliday]);
  [resolved.start, resolved.end, resolved.holidays] = [start, end, holidays as string[]];
  return resolved;
}
