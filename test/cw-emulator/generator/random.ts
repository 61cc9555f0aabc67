/**
 * A small seeded pseudo-random source, so a tenant generated from the same seed is the same
 * tenant on every machine and every run. Math.random cannot be seeded, and test data that
 * changes between runs makes failures impossible to reproduce.
 */
export class Random {
  private state: number;

  public constructor(seed: number) {
    // Spread small neighbouring seeds (1, 2, 3...) apart before the first draw.
    this.state = (Math.imul(seed ^ 0x5b_d1_e9_95, 0x27_d4_eb_2f) + 0x6d_2b_79_f5) >>> 0;
  }

  /** The next value in [0, 1). */
  public next(): number {
    // A 32-bit add-and-mix step: cheap, full period over the 32-bit state, good enough for test data.
    this.state = (this.state + 0x6d_2b_79_f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both ends included. */
  public int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  public chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  public pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element, chosen with the given relative weights (same length as items). */
  public weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const weight of weights) total += weight;
    let point = this.next() * total;
    for (let index = 0; index < items.length; index++) {
      point -= weights[index];
      if (point < 0) return items[index];
    }
    return items[items.length - 1];
  }
}
