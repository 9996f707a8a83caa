/**
 * The schema of `scenario.json` and of each CSV row: the one definition of the input.
 * Types are inferred from the schemas (`z.infer`), so the shape is written once.
 */
import { z } from "zod";
import {
  EMPLOYMENTS, MAX_COUNT, RANK_EXPECTED, booleanCell, countCell, dateCell, employmentCell, idCell,
  jsonNumber, parseDate, percentCell, rankCell, textCell,
} from "./values.js";
import { PPKM_REGIONS, PPKM_SECTORS, ZONES } from "../policy/presets.js";
import { positionPatternError } from "./positions.js";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isoDate = z.string().transform((raw, ctx) => {
  const iso = parseDate(raw);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: "date", params: { expected: "a real date written YYYY-MM-DD or DD/MM/YYYY", received: raw } });
    return z.NEVER;
  }
  return iso;
});

/** Numbers in scenario.json, under the same rules as CSV cells (`src/domain/values.ts`). */
const jsonPercent = jsonNumber({ min: 0, max: 100, whole: false, expected: "a number from 0 to 100" });
const jsonCount = jsonNumber({ min: 0, max: MAX_COUNT, whole: true, expected: "a whole number from 0 to 10,000,000" });

/** A percent, a count, or a national preset resolved on the start date (`src/policy/presets.ts`). */
export const officeCapSchema = z.union([
  z.strictObject({ percent: jsonPercent }),
  z.strictObject({ count: jsonCount }),
  z.strictObject({ zone: z.enum(ZONES) }),
  z.strictObject({ ppkmLevel: jsonNumber({ min: 1, max: 4, whole: true, expected: "a PPKM level: 1, 2, 3 or 4" }), region: z.enum(PPKM_REGIONS), sector: z.enum(PPKM_SECTORS).default("non-essential") }),
]);
export type OfficeCap = z.infer<typeof officeCapSchema>;

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    start: isoDate,
    end: isoDate,
    workdays: z.array(z.enum(WEEKDAYS)).min(1).default(["mon", "tue", "wed", "thu", "fri"]),
    holidays: z.array(isoDate).default([]),
    officeCap: officeCapSchema,
    rotation: z.enum(["daily", "weekly", "teams"]).default("daily"),
    /** Shift teams (rotation "teams"): how many teams (default: as many as the cap implies), turns by day or week. */
    teams: z
      .strictObject({
        count: z.number().int().min(1).optional(),
        period: z.enum(["day", "week"]).default("day"),
      })
      .optional(),
    mandatory: z
      .strictObject({
        ranks: z.array(rankCell).default([]),
        /** Word-prefix entries ("Kepala Dinas") or `/regex/` entries (see `./positions.ts`). */
        positions: z.array(z.string()).default([]),
      })
      .default({ ranks: [], positions: [] }),
    rotating: z
      .strictObject({ employment: z.array(employmentCell).default([...EMPLOYMENTS]) })
      .default({ employment: [...EMPLOYMENTS] }),
    healthPriority: z
      .strictObject({
        minAge: jsonNumber({ min: 0, max: 150, whole: true, expected: "a whole number of years from 0 to 150" }).optional(),
        pregnant: z.boolean().default(false),
        comorbid: z.boolean().default(false),
      })
      .optional(),
    /** Flexible work (PermenPANRB 4/2025): bounds on each rotating person's office days in every full week. */
    perPerson: z
      .strictObject({
        officeDaysPerWeek: z.strictObject({ min: z.number().int().min(0).max(7).default(0), max: z.number().int().min(0).max(7).default(7) }).optional(),
      })
      .optional(),
    notes: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    s.mandatory.positions.forEach((entry, i) => {
      const reason = positionPatternError(entry);
      if (reason !== null) {
        ctx.addIssue({ code: "custom", path: ["mandatory", "positions", i], message: "position", params: { expected: `a title, or a regular expression written /.../ (${reason})`, received: entry } });
      }
    });
    const week = s.perPerson?.officeDaysPerWeek;
    if (week !== undefined && week.max < week.min) {
      ctx.addIssue({ code: "custom", path: ["perPerson", "officeDaysPerWeek", "max"], message: "bounds", params: { expected: `a number of days of at least min (${week.min})`, received: String(week.max) } });
    }
    if (s.end < s.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "end_before_start", params: { expected: `a date on or after start (${s.start})`, received: s.end } });
    }
    if (s.teams !== undefined && s.rotation !== "teams") {
      ctx.addIssue({ code: "custom", path: ["teams"], message: "teams_without_rotation", params: { expected: `"teams" only with "rotation": "teams"`, received: `rotation ${s.rotation}` } });
    }
    if (s.rotation === "teams" && s.perPerson !== undefined) {
      // Shift teams come in on their turns; weekly quotas per person are not combined with them yet (docs/teams.md).
      ctx.addIssue({ code: "custom", path: ["perPerson"], message: "teams_with_per_person", params: { expected: `no "perPerson" with "rotation": "teams" (not combined yet)`, received: "perPerson" } });
    }
  });
export type ScenarioConfig = z.infer<typeof scenarioSchema>;

/** An optional cell: absent or blank means "not given". */
function optionalCell<T extends z.ZodType<unknown, string>>(cell: T) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw === undefined || raw.trim() === "" ? undefined : raw))
    .pipe(z.union([z.undefined(), cell]));
}

/** `*` or blank: any; otherwise the value. */
const wildcardId = z.string().optional().transform((raw) => {
  const text = (raw ?? "").trim();
  return text === "" || text === "*" ? null : text;
});
const wildcardRank = z.string().optional().transform((raw, ctx) => {
  const text = (raw ?? "").trim();
  if (text === "" || text === "*") return null;
  const parsed = rankCell.safeParse(text);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: "rank", params: { expected: `* or a rank (${RANK_EXPECTED})`, received: text } });
    return z.NEVER;
  }
  return parsed.data;
});

/** A cell holding one of a few words, any case. */
function choiceCell<T extends string>(choices: readonly T[]) {
  return z.string().transform((raw, ctx): T => {
    const key = raw.trim().toLowerCase();
    if (!(choices as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", message: "choice", params: { expected: choices.join(", "), received: raw } });
      return z.NEVER;
    }
    return key as T;
  });
}
const ppkmLevelCell = choiceCell(["1", "2", "3", "4"] as const).transform(Number);

export const agencyRowSchema = z.object({
  agency_id: idCell,
  name: textCell,
  exempt: optionalCell(booleanCell),
  cap_percent: optionalCell(percentCell),
  cap_count: optionalCell(countCell),
  min_office: optionalCell(countCell),
  zone: optionalCell(choiceCell(ZONES)),
  ppkm_level: optionalCell(ppkmLevelCell),
  ppkm_region: optionalCell(choiceCell(PPKM_REGIONS)),
  ppkm_sector: optionalCell(choiceCell(PPKM_SECTORS)),
});
export type AgencyRow = z.infer<typeof agencyRowSchema>;

export const employeeRowSchema = z.object({
  employee_id: idCell,
  name: textCell,
  agency_id: idCell,
  rank: rankCell,
  position: textCell,
  employment: employmentCell,
  birth_date: dateCell,
  unit: optionalCell(textCell),
  pregnant: optionalCell(booleanCell),
  comorbid: optionalCell(booleanCell),
  mandatory: optionalCell(booleanCell),
  /** false: never works remotely (new staff, staff under discipline proceedings; PermenPANRB 4/2025). */
  eligible: optionalCell(booleanCell),
});
export type EmployeeRow = z.infer<typeof employeeRowSchema>;

export const ruleRowSchema = z.object({
  agency_id: wildcardId,
  unit: wildcardId,
  rank: wildcardRank,
  min_per_day: optionalCell(countCell),
  max_per_day: optionalCell(countCell),
});
export type RuleRow = z.infer<typeof ruleRowSchema>;

/** `unit` = `each` in rules.csv: the row applies to every unit of the agency separately. */
export const EACH_UNIT = "each";

/** units.csv: a unit inside an agency with its own rule (exempt, a floor, a cap). */
export const unitRowSchema = z.object({
  agency_id: idCell,
  unit: idCell,
  exempt: optionalCell(booleanCell),
  min_office: optionalCell(countCell),
  cap_percent: optionalCell(percentCell),
  cap_count: optionalCell(countCell),
});
export type UnitRow = z.infer<typeof unitRowSchema>;

export const leaveRowSchema = z.object({
  employee_id: idCell,
  from: dateCell,
  to: dateCell,
  kind: optionalCell(textCell),
});
export type LeaveRow = z.infer<typeof leaveRowSchema>;

export const historyRowSchema = z.object({
  employee_id: idCell,
  office_days: countCell,
  /** Workdays of the earlier periods (available days); defaults to this horizon's workday count. */
  workdays: optionalCell(countCell),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

/**
 * A dated cap (caps.csv): the cap of one agency (`*`: every agency) on the workdays from
 * `from` to `to`, in any form `officeCap` takes; presets are resolved on `from`.
 */
export const capRowSchema = z.object({
  agency_id: wildcardId,
  from: dateCell,
  to: dateCell,
  cap_percent: optionalCell(percentCell),
  cap_count: optionalCell(countCell),
  zone: optionalCell(choiceCell(ZONES)),
  ppkm_level: optionalCell(ppkmLevelCell),
  ppkm_region: optionalCell(choiceCell(PPKM_REGIONS)),
  ppkm_sector: optionalCell(choiceCell(PPKM_SECTORS)),
});
export type CapRow = z.infer<typeof capRowSchema>;

export const REQUEST_MODES = ["office", "home"] as const;
export const REQUEST_KINDS = ["pin", "wish"] as const;

/** A request (requests.csv): a person in the office or at home on one date, as a hard `pin` or a `wish`. */
export const requestRowSchema = z.object({
  employee_id: idCell,
  date: dateCell,
  mode: choiceCell(REQUEST_MODES),
  kind: choiceCell(REQUEST_KINDS),
});
export type RequestRow = z.infer<typeof requestRowSchema>;

/** Each CSV file of a scenario: its name, whether it must exist, its columns, its row schema. */
export const CSV_FILES = {
  agencies: { file: "agencies.csv", required: true, columns: ["agency_id", "name"], optional: ["exempt", "cap_percent", "cap_count", "min_office", "zone", "ppkm_level", "ppkm_region", "ppkm_sector"], schema: agencyRowSchema },
  employees: { file: "employees.csv", required: true, columns: ["employee_id", "name", "agency_id", "rank", "position", "employment", "birth_date"], optional: ["unit", "pregnant", "comorbid", "mandatory", "eligible"], schema: employeeRowSchema },
  rules: { file: "rules.csv", required: false, columns: ["agency_id", "unit", "rank", "min_per_day", "max_per_day"], optional: [], schema: ruleRowSchema },
  units: { file: "units.csv", required: false, columns: ["agency_id", "unit"], optional: ["exempt", "min_office", "cap_percent", "cap_count"], schema: unitRowSchema },
  leave: { file: "leave.csv", required: false, columns: ["employee_id", "from", "to"], optional: ["kind"], schema: leaveRowSchema },
  history: { file: "history.csv", required: false, columns: ["employee_id", "office_days"], optional: ["workdays"], schema: historyRowSchema },
  caps: { file: "caps.csv", required: false, columns: ["agency_id", "from", "to"], optional: ["cap_percent", "cap_count", "zone", "ppkm_level", "ppkm_region", "ppkm_sector"], schema: capRowSchema },
  requests: { file: "requests.csv", required: false, columns: ["employee_id", "date", "mode", "kind"], optional: [], schema: requestRowSchema },
} as const;

/** A row as read, with the line it came from (1-based, the header is line 1). */
export type Lined<T> = T & { line: number };

/** A scenario directory, read and validated: the input of `compile`. */
export interface ScenarioInput {
  dir: string;
  config: ScenarioConfig;
  agencies: Lined<AgencyRow>[];
  employees: Lined<EmployeeRow>[];
  rules: Lined<RuleRow>[];
  /** units.csv rows; absent when the scenario has none. */
  units?: Lined<UnitRow>[];
  leave: Lined<LeaveRow>[];
  history: Lined<HistoryRow>[];
  /** caps.csv; absent or empty: no dated caps. */
  caps?: Lined<CapRow>[];
  /** requests.csv; absent or empty: no requests. */
  requests?: Lined<RequestRow>[];
}
