/**
 * Words for violations: the verifier keeps language-neutral values (mode "office", reason
 * "mandatory", rank and unit of a rule); here they become the planner's language.
 */
import type { CompositionRule } from "../domain/problem.js";
import { formatMessage, type Lang, type MessageCode, type MessageValues } from "../messages/index.js";
import type { Violation } from "./types.js";

/**
 * Who a composition rule counts, in words.
 *
 * @example describeWho({ rank: "eselon_4", unit: "Perpustakaan" }) //=> "eselon_4 of unit Perpustakaan"
 * @example describeWho({ rank: null, unit: null }, "id") //=> "pegawai"
 */
export function describeWho(rule: Pick<CompositionRule, "rank" | "unit">, lang: Lang = "en"): string {
  const rank = rule.rank ?? "";
  const unit = rule.unit ?? "";
  const code: MessageCode = rank !== "" ? (unit !== "" ? "who.rank_unit" : "who.rank") : unit !== "" ? "who.unit" : "who.any";
  return formatMessage(code, { rank, unit }, lang);
}

/**
 * What a composition rule asks per day, in words.
 *
 * @example describeBounds(1, 1) //=> "exactly 1"
 * @example describeBounds(2, null) //=> "at least 2"
 */
export function describeBounds(min: number, max: number | null, lang: Lang = "en"): string {
  let code: MessageCode;
  if (max === null) code = "bounds.at_least";
  else if (max === min) code = "bounds.exactly";
  else if (min <= 0) code = "bounds.at_most";
  else code = "bounds.between";
  return formatMessage(code, { min, max: max ?? "" }, lang);
}

const MODE_WORDS: Readonly<Record<string, MessageCode>> = { home: "mode.home", office: "mode.office", leave: "mode.leave" };
const FIXED_WORDS: Readonly<Record<string, MessageCode>> = {
  exempt: "fixedBy.exempt", exempt_unit: "fixedBy.exempt_unit", mandatory: "fixedBy.mandatory", ineligible: "fixedBy.ineligible", employment: "fixedBy.employment",
};

/**
 * The message a planner reads for one violation.
 *
 * @example formatViolation(v) //=> "Dinas X, 2021-07-19: 7 in the office, cap 5 (25 % of 22)"
 */
export function formatViolation(v: Violation, lang: Lang = "en"): string {
  const values: Record<string, string | number> = { ...v.values };
  const mode = MODE_WORDS[String(values.mode)];
  if (mode !== undefined) values.mode = formatMessage(mode, {}, lang);
  const pinned = MODE_WORDS[String(values.pinned)];
  if (pinned !== undefined) values.pinned = formatMessage(pinned, {}, lang);
  const reason = FIXED_WORDS[String(values.reason)];
  if (reason !== undefined) values.reason = formatMessage(reason, v.values, lang);
  if (v.rule === "compositionRule") {
    const rank = String(values.rank ?? "");
    const unit = String(values.unit ?? "");
    values.who = describeWho({ rank: rank === "" ? null : (rank as CompositionRule["rank"]), unit: unit === "" ? null : unit }, lang);
    values.bounds = describeBounds(Number(values.min), values.max === undefined ? null : Number(values.max), lang);
  }
  if (v.rule === "officeDaysPerWeek") values.bounds = describeBounds(Number(values.low), Number(values.high), lang);
  return formatMessage(v.code, values as MessageValues, lang);
}
