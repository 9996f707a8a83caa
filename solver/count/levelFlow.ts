/**
 * Level totals without an integer program, where the structure allows it: no composition
 * rule counts rotating people. Then, inside a block, all non-priority pools that cover the
 * whole block are interchangeable and only their sum is fixed (pools of people with leave
 * in a week of weekly rotation keep their counts), so the
 * search is (1) class totals that are multiples of the class sizes and add up, chosen by a
 * depth-first search guided by a subset-sum table, closest to the current totals first, and
 * (2) a transportation problem spreading those totals over blocks, decided by a max flow
 * (integral by construction). Exact: a level split exists iff some choice in (1) passes (2);
 * the search gives up only after `MAX_TRIES` choices, and the caller then falls back
 * to the integer program.
 */
import type { AgencyStructure, Block } from "./pools.js";
import { apportion } from "./apportion.js";

const MAX_TRIES = 64;
/** Tries of the first, interval-pruned pass. */
const QUICK_TRIES = 8;

/**
 * Subset sums with one more term: `below` marks the reachable sums; the result marks every
 * sum + j*n for j in 0..span. A sliding window along each residue class: O(length).
 */
export function addMultiples(below: Uint8Array, n: number, span: number): Uint8Array {
  const R = below.length - 1;
  const row = new Uint8Array(R + 1);
  for (let r = 0; r < n && r <= R; r++) {
    let window = 0;
    for (let j = 0, x = r; x <= R; j++, x += n) {
      window += below[x];
      if (j > span) window -= below[x - (span + 1) * n];
      if (window > 0) row[x] = 1;
    }
  }
  return row;
}

/** Dinic's max flow on a small dense graph. */
class FlowGraph {
  private readonly cap: Float64Array;
  constructor(readonly n: number) {
    this.cap = new Float64Array(n * n);
  }
  add(from: number, to: number, capacity: number): void {
    this.cap[from * this.n + to] += capacity;
  }
  flowOn(from: number, to: number, original: FlowGraph): number {
    return original.cap[from * this.n + to] - this.cap[from * this.n + to];
  }
  clone(): FlowGraph {
    const copy = new FlowGraph(this.n);
    copy.cap.set(this.cap);
    return copy;
  }
  maxFlow(source: number, sink: number): number {
    const { n, cap } = this;
    let total = 0;
    const level = new Int32Array(n);
    const next = new Int32Array(n);
    const bfs = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q];
        for (let v = 0; v < n; v++) if (level[v] < 0 && cap[u * n + v] > 0) {
          level[v] = level[u] + 1;
          queue.push(v);
        }
      }
      return level[sink] >= 0;
    };
    const dfs = (u: number, pushed: number): number => {
      if (u === sink) return pushed;
      for (; next[u] < n; next[u]++) {
        const v = next[u];
        if (level[v] !== level[u] + 1 || cap[u * n + v] <= 0) continue;
        const got = dfs(v, Math.min(pushed, cap[u * n + v]));
        if (got > 0) {
          cap[u * n + v] -= got;
          cap[v * n + u] += got;
          return got;
        }
      }
      return 0;
    };
    while (bfs()) {
      next.fill(0);
      for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) total += f;
    }
    return total;
  }
}

/**
 * Level counts for `blocks` (see the module comment); "none" when there are none, "gave-up"
 * when the search stopped at its try limit. `counts[block]` are the
 * current pool counts, whose block totals are kept.
 */
export function levelByFlow(s: AgencyStructure, blocks: Block[], counts: number[][], classes: number[]): number[][] | "none" | "gave-up" {
  const levelable = new Set(classes);
  const isLevelPool = (pool: Block["pools"][number]): boolean => pool.steady && levelable.has(pool.cls) && !s.classes[pool.cls].priority;
  // Pools that can move: non-priority and covering the whole block (in weekly rotation, pools
  // of people with leave that week cover fewer days: they keep their counts).
  const movable = (pool: Block["pools"][number], block: Block): boolean => !s.classes[pool.cls].priority && pool.days.length === block.days.length;
  const rows = classes.filter((c) => blocks.some((b) => b.pools.some((p) => p.cls === c && isLevelPool(p))));
  const K = rows.length;
  const B = blocks.length;
  const rowCap = rows.map((c) => blocks.map((b) => b.pools.find((p) => p.cls === c && isLevelPool(p))?.size ?? 0));
  const otherCap = blocks.map((b) => b.pools.reduce((sum, p) => sum + (!isLevelPool(p) && movable(p, b) ? p.size : 0), 0));
  const need = blocks.map((b) => b.pools.reduce((sum, p, i) => sum + (movable(p, b) ? counts[b.index][i] : 0), 0));
  const current = rows.map((c) => blocks.reduce((sum, b) => sum + b.pools.reduce((x, p, i) => x + (p.cls === c && isLevelPool(p) ? counts[b.index][i] : 0), 0), 0));
  const R = need.reduce((a, b) => a + b, 0);
  const otherMost = otherCap.reduce((a, b) => a + b, 0);
  const size = rows.map((c) => s.classes[c].steady.length);
  const most = rowCap.map((caps) => caps.reduce((a, b) => a + b, 0));

  // reach[k][x]: some totals of rows k.. add up to x. Bounded multiples by a sliding
  // window along each residue class: O(R) per row.
  // Pruning of the search: first by intervals only (cheap, and enough when the other pools
  // can absorb the remainders: the common, large case), then, if that finds nothing, by the
  // exact subset sums (reach[k][x]: totals of rows k.. can add up to x).
  const mostFrom = new Array<number>(K + 1).fill(0);
  for (let k = K - 1; k >= 0; k--) mostFrom[k] = mostFrom[k + 1] + most[k];
  let reach: Uint8Array[] | null = null;
  const exactReach = (): Uint8Array[] => {
    const rows: Uint8Array[] = new Array(K + 1);
    rows[K] = new Uint8Array(R + 1);
    rows[K][0] = 1;
    for (let k = K - 1; k >= 0; k--) rows[k] = addMultiples(rows[k + 1], size[k], Math.floor(most[k] / size[k]));
    return rows;
  };
  const anyReachable = (k: number, lo: number, hi: number): boolean => {
    lo = Math.max(lo, 0);
    hi = Math.min(hi, R);
    if (reach === null) return lo <= hi && lo <= mostFrom[k];
    const row = reach[k];
    for (let x = lo; x <= hi; x++) if (row[x] === 1) return true;
    return false;
  };
  if (!anyReachable(0, R - otherMost, R)) return "none";

  // Graph: source, K class rows, the other row, B blocks, sink.
  const source = 0, other = K + 1, sink = K + 2 + B;
  const base = new FlowGraph(K + 3 + B);
  for (let k = 0; k < K; k++) for (let b = 0; b < B; b++) if (rowCap[k][b] > 0) base.add(1 + k, K + 2 + b, rowCap[k][b]);
  for (let b = 0; b < B; b++) {
    if (otherCap[b] > 0) base.add(other, K + 2 + b, otherCap[b]);
    base.add(K + 2 + b, sink, need[b]);
  }

  const totals = new Array<number>(K).fill(0);
  let tries = 0;
  let flow: { residual: FlowGraph; original: FlowGraph } | null = null;
  /** true: stop searching (found, or out of tries). */
  const search = (k: number, sum: number): boolean => {
    if (k === K) {
      if (++tries > (reach === null ? QUICK_TRIES : MAX_TRIES)) return true;
      const residual = base.clone();
      totals.forEach((t, r) => residual.add(source, 1 + r, t));
      residual.add(source, other, R - sum);
      const original = residual.clone();
      if (residual.maxFlow(source, sink) !== R) return false;
      flow = { residual, original };
      return true;
    }
    const candidates: number[] = [];
    for (let t = 0; t <= most[k]; t += size[k]) candidates.push(t);
    candidates.sort((a, b) => Math.abs(a - current[k]) - Math.abs(b - current[k]) || a - b);
    for (const t of candidates) {
      const left = R - sum - t;
      if (left < 0 || !anyReachable(k + 1, left - otherMost, left)) continue;
      totals[k] = t;
      if (search(k + 1, sum + t)) return true;
    }
    return false;
  };
  search(0, 0);
  if (flow === null) {
    reach = exactReach();
    tries = 0;
    if (!anyReachable(0, R - otherMost, R)) return "none";
    search(0, 0);
  }
  if (flow === null) return tries > MAX_TRIES ? "gave-up" : "none";
  const { residual: graph, original } = flow as { residual: FlowGraph; original: FlowGraph };

  return blocks.map((block, b) => {
    const next = counts[block.index].slice();
    const others: number[] = [];
    block.pools.forEach((pool, i) => {
      if (!movable(pool, block)) return;
      if (isLevelPool(pool)) next[i] = graph.flowOn(1 + rows.indexOf(pool.cls), K + 2 + b, original);
      else others.push(i);
    });
    const otherTotal = graph.flowOn(other, K + 2 + b, original);
    const shares = apportion(otherTotal, others.map((i) => counts[block.index][i]), others.map((i) => block.pools[i].size));
    others.forEach((i, k) => (next[i] = shares[k]));
    return next;
  });
}
