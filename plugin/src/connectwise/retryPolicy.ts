/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** How long and how often a failed ConnectWise request is tried again. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  maxRetries: number;
  /** The first back-off after a 5xx or network failure; it doubles on each retry. */
  baseDelayMs: number;
  /** The exponential back-off never waits longer than this. */
  maxDelayMs: number;
  /** Random extra wait up to this many ms, so parallel workers do not retry in lockstep. */
  jitterMs: number;
}

/** Defaults sized for a cloud tenant behind Cloudflare. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 1000,
  maxDelayMs: 120_000,
  jitterMs: 250,
};

/** Statuses worth another attempt: throttling and the gateway or server failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Reads a Retry-After header: delta seconds (what ConnectWise sends) or an HTTP date.
 *
 * @returns milliseconds to wait, or undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.round(Number(trimmed) * 1000);
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Longest Retry-After the client honours; a longer one is a server fault, not a plan. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/**
 * The wait before retry number `retry` (1 for the first retry). A Retry-After from the server
 * wins over the exponential back-off and is honoured in full (up to {@link MAX_RETRY_AFTER_MS});
 * the back-off is capped at `maxDelayMs`. Both get jitter.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs?: number,
  random: () => number = Math.random
): number {
  const base =
    retryAfterMs === undefined
      ? Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
      : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  return base + Math.floor(random() * policy.jitterMs);
}
