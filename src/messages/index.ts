/** Turns a message code and its values into the words a planner reads, in their language. */
import { en, type MessageCode } from "./en.js";
import { id } from "./id.js";
import { indonesianValues } from "./neutral.js";

export type { MessageCode } from "./en.js";
export type Lang = "en" | "id";
export type MessageValues = Readonly<Record<string, string | number>>;

const CATALOGUES: Record<Lang, Record<MessageCode, string>> = { en, id };

/**
 * Fill a message template.
 *
 * @example formatMessage("input.file_missing", { file: "agencies.csv", dir: "x" }) //=> "agencies.csv: file not found (expected in x)"
 */
export function formatMessage(code: MessageCode, values: MessageValues = {}, lang: Lang = "en"): string {
  const template = CATALOGUES[lang][code] ?? en[code];
  if (lang === "id") values = indonesianValues(values);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
