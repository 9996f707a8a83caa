/**
 * The search for level class totals, shared by both ways of checking them. A class's spread
 * is 0 exactly when its total is a multiple of its size (cyclic rotation, equal history);
 * the blocks' non-priority totals are fixed by the earlier steps, so the question is which
 * multiples add up, with the rest taken by the other pools, and fit the blocks.
 *
 * Candidates are tried closest to the current (proportional) totals first, in two bands:
 * first only the multiples next to each class's current total (each member within one
 * office unit of the proportional share), then any multiple (exactness: a level split far
 * from proportional still beats an unlevel one, by the objectives). In each band, pruning is
 * first by intervals only (cheap; enough when other pools absorb remainders), then by exact
 * subset sums. A leaf is checked by the caller (a max flow, or a linear program); the search
 * gives up after a fixed number of leaves, so it is deterministic and bounded.
 */

/** The subset sums of `below` plus one of offset, offset+step, ..., offset+span*step. */
export function addProgression(below: Uint8Array, offset: number, step: number, span: number): Uint8Array {
  const R = below.length - 1;
  const row = new Uint8Array(R + 1);
  if (offset > R) return row;
  // Sliding window along each residue class of `step`, shifted by `offset`: O(length).
  for (let r = 0; r < step && r + offset <= R; r++) {
    let window = 0;
    for (let j = 0, x = r; x + offset <= R; j++, x += step) {
      window += below[x];
      if (j > span) window -= below[x - (span + 1) * step];
      if (window > 0) row[x + offset] = 1;
    }
  }
  return row;
}

export interface TotalsSpec {
  /** Size of each class (its totals are multiples of this). */
  size: number[];
  /** Most units each class can take over the blocks. */
  most: number[];
  /** Current totals, the preference. */
  current: number[];
  /** Units the classes and the other pools must add up to; null when not fixed (then no pruning). */
  total: number | null;
  /** Most units the other pools can take. */
  otherMost: number;
}

export type Leaf<T> = (totals: number[]) => T | null;

const MAX_LEAVES = 48;
const QUICK_LEAVES = 8;

/** Level totals accepted by `leaf`, its result; "none" if there are none, "gave-up" at the leaf limit. */
export function searchTotals<T>(spec: TotalsSpec, leaf: Leaf<T>): T | "none" | "gave-up" {
  const { size, most, current, otherMost } = spec;
  const free = spec.total === null;
  const R = spec.total ?? 0;
  const K = size.length;
  let gaveUp = false;

  for (const band of ["near", "any"] as const) {
    // Candidate totals per class, as a progression offset + j*step, j = 0..span.
    const lane = size.map((n, k) => {
      if (band === "any") return { offset: 0, span: Math.floor(most[k] / n) };
      const low = Math.min(Math.floor(current[k] / n), Math.floor(most[k] / n));
      const high = Math.min(Math.ceil(current[k] / n), Math.floor(most[k] / n));
      return { offset: low * n, span: high - low };
    });
    const lowFrom = new Array<number>(K + 1).fill(0);
    const highFrom = new Array<number>(K + 1).fill(0);
    for (let k = K - 1; k >= 0; k--) {
      lowFrom[k] = lowFrom[k + 1] + lane[k].offset;
      highFrom[k] = highFrom[k + 1] + lane[k].offset + lane[k].span * size[k];
    }
    for (const pruning of free ? (["none"] as const) : (["interval", "exact"] as const)) {
      let reach: Uint8Array[] | null = null;
      if (pruning === "exact") {
        reach = new Array(K + 1);
        reach[K] = new Uint8Array(R + 1);
        reach[K][0] = 1;
        for (let k = K - 1; k >= 0; k--) reach[k] = addProgression(reach[k + 1], lane[k].offset, size[k], lane[k].span);
      }
      const anyReachable = (k: number, lo: number, hi: number): boolean => {
        if (free) return true;
        lo = Math.max(lo, 0);
        hi = Math.min(hi, R);
        if (reach === null) return lo <= hi && lo <= highFrom[k] && hi >= lowFrom[k];
        const row = reach[k];
        for (let x = lo; x <= hi; x++) if (row[x] === 1) return true;
        return false;
      };
      if (!anyReachable(0, R - otherMost, R)) continue;
      const limit = pruning === "interval" ? QUICK_LEAVES : MAX_LEAVES;
      // Without a fixed total nothing prunes: the leaves themselves decide, within the limit.
      let leaves = 0;
      let found: T | null = null;
      const totals = new Array<number>(K).fill(0);
      /** true: stop (found, or out of leaves). */
      const search = (k: number, sum: number): boolean => {
        if (k === K) {
          if (++leaves > limit) return true;
          found = leaf(totals);
          return found !== null;
        }
        const candidates: number[] = [];
        for (let j = 0; j <= lane[k].span; j++) candidates.push(lane[k].offset + j * size[k]);
        candidates.sort((a, b) => Math.abs(a - current[k]) - Math.abs(b - current[k]) || a - b);
        for (const t of candidates) {
          const left = R - sum - t;
          if (!free && (left < 0 || !anyReachable(k + 1, left - otherMost, left))) continue;
          totals[k] = t;
          if (search(k + 1, sum + t)) return true;
        }
        return false;
      };
      search(0, 0);
      if (found !== null) return found;
      if (leaves > limit && pruning !== "interval") gaveUp = true;
    }
  }
  return gaveUp ? "gave-up" : "none";
}
