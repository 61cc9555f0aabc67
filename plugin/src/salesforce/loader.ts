/*
 * One door for writes: small sets go through sObject Collections (fast to start, ordered results),
 * large ones through Bulk API 2.0. Rows the org refused for a passing reason (a locked row) are
 * sent again, a few times, on their own.
 */
import type { Connection } from '@salesforce/core';
import type { Row } from '../transform/rows.js';
import { ingest } from './bulk2.js';
import { sendCollections } from './collections.js';
import { isRetryable, type RowResult } from './results.js';

/** At or above this many rows a load uses Bulk API 2.0. */
export const BULK_THRESHOLD = 2000;
/** Rounds of retrying locked rows; each round waits longer, up to 8 s. */
const RETRY_ROUNDS = 8;

export interface LoadRequest {
  object: string;
  operation: 'insert' | 'upsert';
  /** Upserts: the external id field, also the key that matches Bulk results to rows. */
  externalIdField?: string;
  rows: Row[];
  headers?: Record<string, string>;
  /** Force one API, for tests and for objects where only one fits. */
  api?: 'bulk' | 'rest';
}

export interface LoadOutcome {
  results: RowResult[];
  api: 'bulk' | 'rest';
}

/**
 * Whether Bulk API 2.0 can carry a row. A carriage return inside a value can make the org read
 * the upload's line endings as CRLF and fail the whole job ("LineEnding is invalid on user
 * data"), so such rows go through REST, which takes them as they are.
 */
function bulkSafe(row: Row): boolean {
  return !Object.values(row).some((value) => typeof value === 'string' && value.includes('\r'));
}

/** Writes the rows and returns one result per row, in input order. */
export async function loadRows(conn: Connection, request: LoadRequest): Promise<LoadOutcome> {
  if ((request.api ?? 'bulk') === 'bulk' && request.rows.length >= BULK_THRESHOLD && !request.rows.every(bulkSafe)) {
    const indexes = request.rows.map((row, index) => ({ row, index }));
    const viaBulk = indexes.filter((x) => bulkSafe(x.row));
    const viaRest = indexes.filter((x) => !bulkSafe(x.row));
    const results: RowResult[] = new Array<RowResult>(request.rows.length);
    for (const [part, api] of [
      [viaBulk, 'bulk'],
      [viaRest, 'rest'],
    ] as const) {
      // eslint-disable-next-line no-await-in-loop
      const outcome = await loadRows(conn, { ...request, rows: part.map((x) => x.row), api });
      outcome.results.forEach((r, i) => (results[part[i].index] = { ...r, index: part[i].index }));
    }
    return { results, api: 'bulk' };
  }
  const canBulk = request.operation === 'upsert' && request.externalIdField !== undefined;
  const api = request.api ?? (canBulk && request.rows.length >= BULK_THRESHOLD ? 'bulk' : 'rest');
  const send = (rows: Row[]): Promise<RowResult[]> =>
    api === 'bulk'
      ? ingest(conn, {
          object: request.object,
          operation: request.operation,
          externalIdFieldName: request.externalIdField,
          keyField: request.externalIdField ?? 'Id',
          rows,
        })
      : sendCollections(conn, { ...request, rows });

  const results = await send(request.rows);
  for (let round = 0; round < RETRY_ROUNDS; round++) {
    const again = results.filter(isRetryable);
    if (again.length === 0) break;
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** round, 8000)));
    // eslint-disable-next-line no-await-in-loop
    const retried = await send(again.map((r) => request.rows[r.index]));
    retried.forEach((r, i) => {
      results[again[i].index] = { ...r, index: again[i].index };
    });
  }
  return { results, api };
}
