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

/** Pending faults of one emulator: HTTP-level rules and row locks per sObject. */
export class Faults {
  /** Remaining UNABLE_TO_LOCK_ROW failures per sObject, consumed by record writes. */
  public readonly rowLocks = new Map<string, number>();
  private rules: Array<FaultRule & { left: number }> = [];

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

  /** True when a write to the object should fail with UNABLE_TO_LOCK_ROW (and consumes that failure). */
  public takeRowLock(objectName: string): boolean {
    const left = this.rowLocks.get(objectName) ?? 0;
    if (left <= 0) return false;
    this.rowLocks.set(objectName, left - 1);
    return true;
  }
}
