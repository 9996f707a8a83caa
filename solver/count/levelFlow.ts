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
import { searchTotals } from "./levelSearch.js";



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

  // Graph: source, K class rows, the other row, B blocks, sink.
  const source = 0, other = K + 1, sink = K + 2 + B;
  const base = new FlowGraph(K + 3 + B);
  for (let k = 0; k < K; k++) for (let b = 0; b < B; b++) if (rowCap[k][b] > 0) base.add(1 + k, K + 2 + b, rowCap[k][b]);
  for (let b = 0; b < B; b++) {
    if (otherCap[b] > 0) base.add(other, K + 2 + b, otherCap[b]);
    base.add(K + 2 + b, sink, need[b]);
  }
  const result = searchTotals({ size, most, current, total: R, otherMost }, (totals) => {
    const residual = base.clone();
    const sum = totals.reduce((a, b) => a + b, 0);
    totals.forEach((t, r) => residual.add(source, 1 + r, t));
    residual.add(source, other, R - sum);
    const original = residual.clone();
    return residual.maxFlow(source, sink) === R ? { residual, original } : null;
  });
  if (typeof result === "string") return result;
  const { residual: graph, original } = result;

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
