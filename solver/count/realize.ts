/**
 * Fitting class totals to the days (daily rotation, no rule counting rotating people): each
 * day needs `demand[d]` people of the family, a class can send at most its size on a day
 * it can be chosen, and each class must send its total over the horizon. A transportation
 * problem: first filled greedily so that each class's days spread over the weeks in
 * proportion to its available days (objective 5), then, should the greedy fill get stuck,
 * by a maximum flow, which finds a fit whenever one exists.
 */
import { apportion } from "./apportion.js";

export interface RealizeClass {
  size: number;
  /** Choosable days, ascending. */
  days: number[];
  /** Member-days to place. */
  total: number;
}

/** Share `total` among parts in proportion to `weights`, each at most `limits[i]`; null when it cannot fit. */
function share(total: number, weights: readonly number[], limits: readonly number[]): number[] | null {
  const sum = weights.reduce((x, y) => x + y, 0);
  if (total > limits.reduce((x, y) => x + y, 0)) return null;
  return apportion(total, weights.map((w) => (sum > 0 ? (total * w) / sum : 0)), [...limits]);
}

function greedy(classes: readonly RealizeClass[], demand: Int32Array, week: readonly number[]): Int32Array[] | null {
  const days = demand.length;
  const left = Int32Array.from(demand);
  const counts = classes.map(() => new Int32Array(days));
  const order = classes.map((_, i) => i).sort((a, b) => classes[a].days.length - classes[b].days.length || a - b);
  const restricted = order.filter((i) => classes[i].days.length < days);
  const full = order.filter((i) => classes[i].days.length === days);

  for (const i of restricted) {
    const c = classes[i];
    if (c.total === 0) continue;
    const weeks = [...new Set(c.days.map((d) => week[d]))];
    const inWeek = weeks.map((w) => c.days.filter((d) => week[d] === w));
    const quotas = share(c.total, inWeek.map((ds) => ds.length), inWeek.map((ds) => ds.length * c.size));
    if (quotas === null) return null;
    let spill = 0;
    const place = (candidates: number[], n: number): number => {
      // One unit at a time to the candidate day needing most; ties to the earlier day.
      for (; n > 0; n--) {
        let best = -1;
        for (const d of candidates) {
          if (left[d] <= 0 || counts[i][d] >= c.size) continue;
          if (best < 0 || left[d] > left[best]) best = d;
        }
        if (best < 0) return n;
        counts[i][best]++;
        left[best]--;
      }
      return 0;
    };
    inWeek.forEach((ds, k) => (spill += place(ds, quotas[k])));
    if (spill > 0 && place(c.days, spill) > 0) return null;
  }

  if (full.length === 1) {
    const i = full[0];
    let sum = 0;
    for (let d = 0; d < days; d++) {
      if (left[d] > classes[i].size) return null;
      counts[i][d] = left[d];
      sum += left[d];
      left[d] = 0;
    }
    return sum === classes[i].total ? counts : null;
  }
  if (full.length > 1) {
    const remaining = full.map((i) => classes[i].total);
    let pending = 0;
    for (let d = 0; d < days; d++) pending += left[d];
    for (let d = 0; d < days; d++) {
      if (left[d] === 0) continue;
      // Each class's part of today in proportion to what it still needs, within its size.
      const parts = share(left[d], remaining, full.map((i, k) => Math.min(classes[i].size, remaining[k])));
      if (parts === null) return null;
      full.forEach((i, k) => {
        counts[i][d] = parts[k];
        remaining[k] -= parts[k];
      });
      pending -= left[d];
      left[d] = 0;
    }
    if (remaining.some((r) => r !== 0)) return null;
  }
  for (let d = 0; d < days; d++) if (left[d] !== 0) return null;
  return counts;
}

/** Dinic's maximum flow on source -> classes -> days -> sink. */
function byFlow(classes: readonly RealizeClass[], demand: Int32Array): Int32Array[] | null {
  const days = demand.length;
  const n = classes.length + days + 2;
  const source = n - 2;
  const sink = n - 1;
  const to: number[] = [];
  const cap: number[] = [];
  const head = new Int32Array(n).fill(-1);
  const next: number[] = [];
  const edge = (u: number, v: number, c: number): number => {
    to.push(v), cap.push(c), next.push(head[u]), (head[u] = to.length - 1);
    to.push(u), cap.push(0), next.push(head[v]), (head[v] = to.length - 1);
    return to.length - 2;
  };
  const classDay: Array<Array<[number, number]>> = classes.map(() => []);
  let need = 0;
  classes.forEach((c, i) => {
    edge(source, i, c.total);
    need += c.total;
    for (const d of c.days) classDay[i].push([d, edge(i, classes.length + d, c.size)]);
  });
  for (let d = 0; d < days; d++) edge(classes.length + d, sink, demand[d]);
  const level = new Int32Array(n);
  const it = new Int32Array(n);
  const bfs = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let k = 0; k < queue.length; k++) {
      const u = queue[k];
      for (let e = head[u]; e !== -1; e = next[e]) {
        if (cap[e] > 0 && level[to[e]] < 0) {
          level[to[e]] = level[u] + 1;
          queue.push(to[e]);
        }
      }
    }
    return level[sink] >= 0;
  };
  const dfs = (u: number, f: number): number => {
    if (u === sink) return f;
    for (; it[u] !== -1; it[u] = next[it[u]]) {
      const e = it[u];
      const v = to[e];
      if (cap[e] <= 0 || level[v] !== level[u] + 1) continue;
      const pushed = dfs(v, Math.min(f, cap[e]));
      if (pushed > 0) {
        cap[e] -= pushed;
        cap[e ^ 1] += pushed;
        return pushed;
      }
    }
    return 0;
  };
  let flow = 0;
  while (bfs()) {
    it.set(head);
    for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) flow += f;
  }
  if (flow !== need) return null;
  return classes.map((_, i) => {
    const counts = new Int32Array(days);
    for (const [d, e] of classDay[i]) counts[d] = cap[e ^ 1];
    return counts;
  });
}

/**
 * Per class and day, how many members go to the office, meeting every class total and every
 * day's demand; null when no fit exists (the totals need another split: see fairMip.ts).
 */
export function realize(classes: readonly RealizeClass[], demand: Int32Array, week: readonly number[]): Int32Array[] | null {
  let sum = 0;
  for (const c of classes) sum += c.total;
  let asked = 0;
  for (const x of demand) asked += x;
  if (sum !== asked) return null;
  return greedy(classes, demand, week) ?? byFlow(classes, demand);
}
