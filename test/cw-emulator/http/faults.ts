/**
 * Fault injection for reliability tests: throttling (429 with Retry-After, as the Cloudflare
 * edge in front of cloud tenants answers), server errors and latency. Draws come from a seeded
 * source so a failing test fails the same way on the next run.
 */
import { Random } from '../generator/random.js';

/** What to inject. Rates are shares of requests in [0, 1]. */
export interface CwFaults {
  /** Share of requests answered 429 with `Retry-After`. */
  rate429?: number;
  /** The `Retry-After` value in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Share of (authenticated) requests answered 500. */
  rate500?: number;
  /** Delay before every response, in milliseconds. */
  latencyMs?: number;
  /** Seed of the draws. Default 1. */
  seed?: number;
}

/** Decides, request by request, whether to inject a fault. */
export class FaultInjector {
  private random: Random;
  private seed: number;

  public constructor(private readonly faults: () => CwFaults | undefined) {
    this.seed = faults()?.seed ?? 1;
    this.random = new Random(this.seed);
  }

  /** Whether this request is throttled. */
  public throttled(): boolean {
    return this.draw(this.faults()?.rate429);
  }

  /** Whether this request fails with a server error. */
  public broken(): boolean {
    return this.draw(this.faults()?.rate500);
  }

  /** The Retry-After value to send with a 429. */
  public retryAfter(): number {
    return this.faults()?.retryAfterSeconds ?? 1;
  }

  /** Waits the configured latency, if any. */
  public async delay(): Promise<void> {
    const latency = this.faults()?.latencyMs ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  }

  private draw(rate: number | undefined): boolean {
    const seed = this.faults()?.seed ?? 1;
    if (seed !== this.seed) {
      this.seed = seed;
      this.random = new Random(seed);
    }
    if (!rate || rate <= 0) return false;
    return rate >= 1 || this.random.chance(rate);
  }
}
