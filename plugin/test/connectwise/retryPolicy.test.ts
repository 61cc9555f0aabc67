/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { expect } from 'chai';
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelay,
} from '../../src/connectwise/retryPolicy.js';

describe('retry policy', () => {
  it('retries throttling and gateway failures only', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).to.equal(true);
    expect([400, 401, 403, 404, 409].some(isRetryableStatus)).to.equal(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('0')).to.equal(0);
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:05 GMT', Date.parse('2024-05-01T10:00:00Z'))).to.equal(5000);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });

  it('doubles and caps the back-off, and honours Retry-After in full', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000, jitterMs: 10 };
    const noJitter = (): number => 0;
    expect([1, 2, 3, 4, 5].map((retry) => retryDelay(policy, retry, undefined, noJitter))).to.deep.equal([
      100, 200, 400, 800, 1000,
    ]);
    expect(retryDelay(policy, 3, 50, noJitter)).to.equal(50);
    expect(retryDelay(policy, 1, 5000, noJitter)).to.equal(5000);
    expect(retryDelay(policy, 1, 24 * 3600_000, noJitter)).to.equal(MAX_RETRY_AFTER_MS);
    expect(retryDelay(policy, 1, 0, () => 0.99)).to.equal(9);
  });
});
