/** Largest-remainder apportionment: how a count is shared among pools. */

/**
 * Share `total` among pools in proportion to `targets`, within each pool's size: floors
 * first, then the largest remainders (ties by pool order), so the result is deterministic.
 */
export function apportion(total: number, targets: number[], sizes: number[]): number[] {
  const counts = targets.map((t, i) => Math.min(sizes[i], Math.max(0, Math.floor(t + 1e-9))));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = targets.map((_, i) => i);
  while (left !== 0) {
    const step = left > 0 ? 1 : -1;
    const movable = order.filter((i) => (step > 0 ? counts[i] < sizes[i] : counts[i] > 0));
    movable.sort((a, b) => step * ((targets[b] - counts[b]) - (targets[a] - counts[a])) || a - b);
    for (const i of movable) {
      if (left === 0) break;
      counts[i] += step;
      left -= step;
    }
    if (movable.length === 0) throw new Error(`apportion: ${total} does not fit in pools of sizes ${sizes.join(",")}`);
  }
  return counts;
}

