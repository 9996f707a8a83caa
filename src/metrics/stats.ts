/**
 * Small pure statistics over numbers (plain arrays or typed arrays), each defined for the
 * empty list so that a group with nobody counted still has figures.
 */

/**
 * Largest minus smallest value; 0 for an empty list.
 *
 * @example spread([3, 5, 4]) //=> 2
 */
export function spread(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min;
}

/**
 * Arithmetic mean; 0 for an empty list.
 *
 * @example mean([1, 2, 3]) //=> 2
 */
export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/**
 * Population standard deviation (divides by n, not n - 1: the group is the whole
 * population, not a sample); 0 for an empty list.
 *
 * @example stdDev([2, 4, 4, 4, 5, 5, 7, 9]) //=> 2
 */
export function stdDev(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i] - m) * (values[i] - m);
  return Math.sqrt(sq / values.length);
}

/**
 * Gini coefficient of non-negative values: 0 when all are equal, (n - 1) / n when one
 * holds everything. Computed on the sorted values as 2 * sum(i * x_i) / (n * sum x) - (n + 1) / n
 * (i from 1); 0 when the list is empty or all zero.
 *
 * @example gini([0, 0, 0, 4]) //=> 0.75
 */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (sum === 0) return 0;
  const g = (2 * weighted) / (n * sum) - (n + 1) / n;
  return g < 0 ? 0 : g;
}

/**
 * Jain's fairness index (sum x)^2 / (n * sum x^2): 1 when all are equal, 1/n when one holds
 * everything; 1 when the list is empty or all zero (nobody has more than anybody).
 *
 * @example jain([1, 2, 3]) //=> 36 / 42
 */
export function jain(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    sq += values[i] * values[i];
  }
  if (n === 0 || sq === 0) return 1;
  return (sum * sum) / (n * sq);
}
