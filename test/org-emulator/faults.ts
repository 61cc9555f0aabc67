/**
 * Failures a test can ask the emulator to produce, so the plugin's retry and error handling can be exercised
 * without a real org misbehaving on cue.
 */
export type FaultRule = {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path to match after `//` collapsing: a substring or a RegExp (any when omitted). */
  path?: string | RegExp;
  /** How many matching requests are affected; default 1. */
  times?: number;
  /** Wait this long before answering (with or without an error). */
  delayMs?: number;
  /** Answer with this HTTP status instead of processing the request (e.g. 503, 500, 403). */
  status?: number;
  /** errorCode of the JSON error body; default SERVER_UNAVAILABLE for 503, UNKNOWN_EXCEPTION otherwise. */
  errorCode?: string;
  message?: string;
};

/** Faults that stay on until changed: chosen at start (options, CLI flags) or per test. */
export type StandingFaults = {
  /** Extra wait before every API answer, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of data API requests answered 503 SERVER_UNAVAILABLE. */
  failRate: number;
  /** Share (0..1) of record writes (collections, single records, Bulk rows) failing with UNABLE_TO_LOCK_ROW. */
  lockShare: number;
};

/**
 * A small seeded generator (mulberry32), so a fail rate or lock share picks the same requests and rows on every run
 * with the same seed and a failing test can be replayed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pending faults of one emulator: HTTP-level rules, row locks per sObject, and the standing shares. */
export class Faults {
  /** Remaining UNABLE_TO_LOCK_ROW failures per sObject, consumed by record writes. */
  public readonly rowLocks = new Map<string, number>();
  public readonly standing: StandingFaults = { latencyMs: 0, failRate: 0, lockShare: 0 };
  private rules: Array<FaultRule & { left: number }> = [];
  private random: () => number;

  public constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  public add(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** The first rule matching the request, consuming one of its uses. */
  public take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => {
      if (r.left <= 0 || (r.method && r.method.toUpperCase() !== method)) return false;
      if (r.path === undefined) return true;
      return typeof r.path === 'string' ? path.includes(r.path) : r.path.test(path);
    });
    if (!rule) return undefined;
    rule.left--;
    this.rules = this.rules.filter((r) => r.left > 0);
    return rule;
  }

  /** True when this data API request should get a random 503 (the standing fail rate). */
  public takeServerFailure(): boolean {
    return this.standing.failRate > 0 && this.random() < this.standing.failRate;
  }

  /**
   * True when a write to the object should fail with UNABLE_TO_LOCK_ROW: first the queued locks of `lockRows`
   * (consumed one by one), then the standing lock share.
   */
  public takeRowLock(objectName: string): boolean {
    const left = this.rowLocks.get(objectName) ?? 0;
    if (left > 0) {
      this.rowLocks.set(objectName, left - 1);
      return true;
    }
    return this.standing.lockShare > 0 && this.random() < this.standing.lockShare;
  }
}
