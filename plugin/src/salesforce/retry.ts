/*
 * Requests to the org that a passing fault should not end a run over. jsforce retries only safe
 * methods itself, so writes come through here: a 503 or a bad gateway is retried with back-off; a
 * dropped connection or time-out only when the request can be repeated without harm (an upsert, a
 * job state change), never for an insert whose fate is unknown.
 */
import type { Connection } from '@salesforce/core';

type Request = Parameters<Connection['request']>[0];
type RequestOptions = Parameters<Connection['request']>[1];

/** The server said it did not process the request. */
const NOT_PROCESSED = /^(SERVER_UNAVAILABLE|ERROR_HTTP_50[234])$/;
/** Nobody knows whether the server processed it. */
const UNKNOWN_FATE = /^(ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|UND_ERR_SOCKET|ERROR_HTTP_500|UNKNOWN_EXCEPTION)$/;

export interface RetryOptions {
  /** The request can be sent twice without a second effect. */
  idempotent: boolean;
  attempts?: number;
  /** First wait; doubles each time, capped at 30 s. */
  baseDelayMs?: number;
}

function codeOf(error: unknown): string {
  const e = error as { errorCode?: string; code?: string; name?: string };
  return e.errorCode ?? e.code ?? e.name ?? '';
}

/** Sends a request, retrying the faults a later attempt can get past. */
export async function requestWithRetry<T>(conn: Connection, request: Request, retry: RetryOptions, options?: RequestOptions): Promise<T> {
  const attempts = retry.attempts ?? 6;
  let delay = retry.baseDelayMs ?? 1000;
  // jsforce adds the session header to the request's own headers object: each attempt gets a fresh
  // copy, or the second one would carry the header twice and be refused as an invalid session.
  const headers = typeof request === 'string' ? undefined : { ...request.headers };
  for (let attempt = 1; ; attempt++) {
    const attemptRequest = typeof request === 'string' ? request : { ...request, headers: { ...headers } };
    try {
      // eslint-disable-next-line no-await-in-loop
      return (await conn.request<T>(attemptRequest, options)) as T;
    } catch (error) {
      const code = codeOf(error);
      const again = NOT_PROCESSED.test(code) || (retry.idempotent && UNKNOWN_FATE.test(code));
      if (!again || attempt >= attempts) throw error;
      // eslint-disable-next-line no-await-in-loop
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }
}
