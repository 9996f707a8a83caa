/**
 * Mandatory positions as planners write them and as SIMPEG/SIASN exports spell titles: an
 * entry matches the start of `position` on word boundaries, case and spacing ignored
 * (`Kepala Dinas` matches `Kepala Dinas Perhubungan`, not `Kepala Dinasti`; `Camat` matches
 * `Camat Baamang`); an entry written `/.../` (flags after the last slash allowed) is a regular
 * expression, tried case-insensitively on the position with its spacing tidied.
 */
import { nameKey } from "./names.js";

/** `/body/flags` -> [body, flags]; null for a plain title. */
function regexParts(entry: string): [string, string] | null {
  const text = entry.trim();
  const m = /^\/(.+)\/([a-z]*)$/s.exec(text);
  return m ? [m[1], m[2]] : null;
}

/**
 * Why an entry cannot be used (a `/regex/` that does not compile, a blank title), or null.
 *
 * @example positionPatternError("/Kepala (Dinas/") //=> "Invalid regular expression: ..."
 */
export function positionPatternError(entry: string): string | null {
  if (entry.trim() === "") return "an empty title matches nobody";
  const parts = regexParts(entry);
  if (parts === null) return null;
  try {
    new RegExp(parts[0], parts[1].includes("i") ? parts[1] : `${parts[1]}i`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Letters and digits of any script: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A predicate over positions for a list of mandatory-position entries (each checked with
 * `positionPatternError` first; entries that fail are skipped). Each distinct spelling of a
 * position is decided once.
 *
 * @example positionMatcher(["Kepala Dinas", "/^camat\\b/"])("KEPALA  DINAS Perhubungan") //=> true
 * @example positionMatcher(["Kepala Dinas"])("Kepala Dinasti") //=> false
 */
export function positionMatcher(entries: readonly string[]): (position: string) => boolean {
  const prefixes: string[] = [];
  const patterns: RegExp[] = [];
  for (const entry of entries) {
    if (positionPatternError(entry) !== null) continue;
    const parts = regexParts(entry);
    if (parts === null) prefixes.push(nameKey(entry));
    else patterns.push(new RegExp(parts[0], parts[1].includes("i") ? parts[1].replace("g", "") : `${parts[1].replace("g", "")}i`));
  }
  const known = new Map<string, boolean>();
  return (position) => {
    let found = known.get(position);
    if (found !== undefined) return found;
    const key = nameKey(position);
    const spaced = position.trim().replace(/\s+/g, " ");
    found =
      prefixes.some((prefix) => key.startsWith(prefix) && (key.length === prefix.length || !WORD_CHAR.test(key[prefix.length]) || !WORD_CHAR.test(prefix[prefix.length - 1]))) ||
      patterns.some((re) => re.test(spaced));
    known.set(position, found);
    return found;
  };
}
