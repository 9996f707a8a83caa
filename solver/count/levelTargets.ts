/**
 * Objectives 3 and 4 on class totals alone: how many office units each class of identical
 * people should get so that the largest |dev| is smallest, then the sum of dev^2. Members of
 * a class are identical (same availability, history, prior workdays, pins), so the members of
 * a class with total X get floor(X/m) or ceil(X/m) units each (a cyclic rotation does that),
 * and only the class totals are to be chosen: a resource allocation over a sum and boxes,
 * solved exactly by a search over the candidate deviations and a greedy fill of convex costs.
 *
 * This ignores the days (who can come on which day); `realize.ts` then fits the totals to the
 * days, and where they do not fit the integer program of `fairMip.ts` takes over. Either way
 * these totals are a relaxation: their largest deviation is a lower bound for the real one.
 */

/** A class as the levelling sees it. */
export interface LevelClass {
  /** Members. */
  size: number;
  /** Most units one member can take (choosable days, or weeks). */
  most: number;
  /** Office days each member has already (pins). */
  forced: number;
  /** Office days one unit is worth (1 in daily rotation; the week's days in weekly). */
  unit: number;
  /** The office days a member should end with: share - history. */
  target: number;
}

/** Tolerance when comparing deviations (shares are fractions). */
const EPS = 1e-9;

/** The member-unit range each class allows within a largest deviation `limit`; null when one class cannot. */
export function unitRange(c: LevelClass, limit: number): [number, number] | null {
  const low = Math.max(0, Math.ceil((c.target - c.forced - limit) / c.unit - EPS));
  const high = Math.min(c.most, Math.floor((c.target - c.forced + limit) / c.unit + EPS));
  return low <= high ? [low, high] : null;
}

/** Whether every class fits `limit` with `total` office days to share among them. */
function fits(classes: readonly LevelClass[], total: number, limit: number): boolean {
  let low = 0;
  let high = 0;
  for (const c of classes) {
    const range = unitRange(c, limit);
    if (range === null) return false;
    low += range[0] * c.size * c.unit;
    high += range[1] * c.size * c.unit;
  }
  return low <= total && total <= high;
}

/** Every deviation a member of some class can have, ascending: the smallest feasible one is the optimum. */
export function candidateDeviations(classes: readonly LevelClass[]): number[] {
  const values: number[] = [];
  for (const c of classes) for (let k = 0; k <= c.most; k++) values.push(Math.abs(c.forced + k * c.unit - c.target));
  values.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const v of values) if (unique.length === 0 || v - unique[unique.length - 1] > EPS) unique.push(v);
  return unique;
}

/** The smallest largest-deviation with which `total` units can be shared; Infinity when none. */
export function smallestDeviation(classes: readonly LevelClass[], total: number): number {
  const candidates = candidateDeviations(classes);
  let lo = 0;
  let hi = candidates.length - 1;
  if (hi < 0 || !fits(classes, total, candidates[hi])) return classes.length === 0 && total === 0 ? 0 : Infinity;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fits(classes, total, candidates[mid])) hi = mid;
    else lo = mid + 1;
  }
  return candidates[lo];
}

/** The cost of a member's k-th unit (k = 0, 1, ...): how much it adds to the sum of squares. */
export function unitCost(c: LevelClass, k: number): number {
  const before = c.forced + k * c.unit - c.target;
  const after = before + c.unit;
  return after * after - before * before;
}

/** A small binary heap of (cost, class) pairs, cheapest first, ties by class index. */
class Heap {
  private items: Array<[number, number]> = [];
  get size(): number {
    return this.items.length;
  }
  private less(a: [number, number], b: [number, number]): boolean {
    return a[0] < b[0] - EPS || (Math.abs(a[0] - b[0]) <= EPS && a[1] < b[1]);
  }
  push(item: [number, number]): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): [number, number] {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.less(items[l], items[best])) best = l;
        if (r < items.length && this.less(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Class totals (member-units) for `total` units: within the smallest largest deviation, the
 * least sum of squares (each next unit to the class where it costs least: exact for convex
 * costs over a sum and boxes). Every class's unit must be 1 (daily rotation; weekly
 * rotation only uses `smallestDeviation`, a bound). null when the units cannot be shared.
 *
 * @example levelTotals([{ size: 4, most: 5, forced: 0, unit: 1, target: 2.5 }], 10) //=> { totals: [10], deviation: 0.5 }
 */
export function levelTotals(classes: readonly LevelClass[], total: number, limit?: number): { totals: number[]; deviation: number } | null {
  if (classes.some((c) => c.unit !== 1)) throw new Error("levelTotals: units of one day only");
  const deviation = limit ?? smallestDeviation(classes, total);
  if (!Number.isFinite(deviation)) return null;
  const totals = new Array<number>(classes.length);
  const highs = new Array<number>(classes.length);
  let left = total;
  classes.forEach((c, i) => {
    const range = unitRange(c, deviation);
    if (range === null) throw new Error("levelTotals: a class does not fit its own deviation");
    totals[i] = range[0] * c.size;
    highs[i] = range[1] * c.size;
    left -= totals[i];
  });
  if (left < 0) return null;
  const heap = new Heap();
  classes.forEach((c, i) => {
    if (totals[i] < highs[i]) heap.push([unitCost(c, totals[i] / c.size), i]);
  });
  while (left > 0 && heap.size > 0) {
    const [, i] = heap.pop();
    const c = classes[i];
    const k = Math.floor(totals[i] / c.size);
    const bandEnd = Math.min((k + 1) * c.size, highs[i]);
    const take = Math.min(left, bandEnd - totals[i]);
    totals[i] += take;
    left -= take;
    if (totals[i] < highs[i]) heap.push([unitCost(c, Math.floor(totals[i] / c.size)), i]);
  }
  if (left > 0) return null;
  return { totals, deviation };
}
