/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32), so that the same
 * options give the same scenario byte for byte on every machine and Node version:
 * `Math.random` cannot be seeded.
 */

/** splitmix32: spreads a 32-bit seed over the four words sfc32 needs. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any integer; only its low 32 bits are used. */
  constructor(seed: number) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // sfc32's authors discard the first outputs so that similar seeds diverge.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/**
 * Index drawn from cumulative weights (`cum` ascending, last entry the total).
 *
 * @example pickCumulative([0.5, 1], 0.7) //=> 1
 */
export function pickCumulative(cum: readonly number[], u: number): number {
  const x = u * cum[cum.length - 1];
  for (let i = 0; i < cum.length - 1; i++) if (x < cum[i]) return i;
  return cum.length - 1;
}

/** Running sums of `weights`, for `pickCumulative`. */
export function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}
