/**
 * Names the planner types (units, agency ids, employee ids) compared the way a planner reads
 * them, and the closest existing name for one that matches nothing, so that a typo
 * (`Perpustakan`) is reported with what was probably meant (`Perpustakaan`).
 */

/**
 * The key two unit names are compared by: case and surrounding space ignored, inner runs of
 * space taken as one.
 *
 * @example nameKey("  Bidang  Pelayanan ") //=> "bidang pelayanan"
 */
export function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The Levenshtein distance (insertions, deletions, substitutions) between two strings, or
 * `limit + 1` as soon as it is certain to exceed `limit` (a row of the table whose smallest
 * cell is above the limit), so a search over 100,000 ids stays cheap.
 *
 * @example editDistance("Perpustakan", "Perpustakaan") //=> 1
 * @example editDistance("abc", "xyz", 1) //=> 2
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The existing name closest to `name` (compared by `nameKey`), ties to the first given; null
 * when there is none to offer.
 *
 * @example closestName("Perpustakan", ["Sekretariat", "Perpustakaan"]) //=> "Perpustakaan"
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const key = nameKey(name);
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(key, nameKey(candidate), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
