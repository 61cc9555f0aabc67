/*
 * Bulk API 2.0 ingest for volume: one job per chunk of rows, CSV up, poll until done, results
 * down. Result rows come back in no particular order, so each is matched to its input row by a
 * key column the caller names (the external id for upserts, Id for updates).
 */
import type { Connection } from '@salesforce/core';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Row } from '../transform/rows.js';
import type { RowResult } from './results.js';
import { requestWithRetry } from './retry.js';

/** Rows per job; well under the 150 MB upload limit for the records this tool writes. */
export const BULK_JOB_ROWS = 10_000;

export interface IngestRequest {
  object: string;
  operation: 'insert' | 'upsert' | 'update' | 'delete';
  externalIdFieldName?: string;
  rows: Row[];
  /** Column that identifies a row in the results: the external id, or Id for updates. */
  keyField: string;
  /** Longest wait for one job before giving up; the job is left for the org to finish. */
  timeoutMs?: number;
}

interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

/** A job that did not finish in time; its rows' outcome is unknown until it is looked up again. */
export class BulkJobTimeoutError extends Error {
  public constructor(public readonly jobId: string, object: string, waitedMs: number) {
    super(`Bulk API job ${jobId} for ${object} did not finish within ${Math.round(waitedMs / 1000)} s.`);
    this.name = 'BulkJobTimeoutError';
  }
}

function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const records = rows.map((row) => columns.map((c) => (row[c] === undefined || row[c] === null ? '' : String(row[c]))));
  return stringify([columns, ...records], { record_delimiter: '\n' });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads rows with as many Bulk API 2.0 jobs as it takes; one result per input row. */
export async function ingest(conn: Connection, request: IngestRequest): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (let start = 0; start < request.rows.length; start += BULK_JOB_ROWS) {
    // eslint-disable-next-line no-await-in-loop
    const chunk = await ingestOneJob(conn, request, request.rows.slice(start, start + BULK_JOB_ROWS));
    results.push(...chunk.map((r) => ({ ...r, index: r.index + start })));
  }
  return results;
}

async function ingestOneJob(conn: Connection, request: IngestRequest, rows: Row[]): Promise<RowResult[]> {
  const base = `/services/data/v${conn.getApiVersion()}/jobs/ingest`;
  // An extra empty job left by a retried create is harmless, so creating counts as repeatable.
  const job = await requestWithRetry<JobInfo>(conn, {
    method: 'POST',
    url: base,
    body: JSON.stringify({
      object: request.object,
      operation: request.operation,
      externalIdFieldName: request.externalIdFieldName,
      contentType: 'CSV',
      lineEnding: 'LF',
    }),
    headers: { 'content-type': 'application/json' },
  }, { idempotent: true });
  await requestWithRetry(conn, { method: 'PUT', url: `${base}/${job.id}/batches`, body: toCsv(rows), headers: { 'content-type': 'text/csv' } }, { idempotent: true });
  await requestWithRetry(
    conn,
    { method: 'PATCH', url: `${base}/${job.id}`, body: JSON.stringify({ state: 'UploadComplete' }), headers: { 'content-type': 'application/json' } },
    { idempotent: true }
  );
  const finished = await waitForJob(conn, `${base}/${job.id}`, request);
  if (finished.state !== 'JobComplete') {
    const reason = finished.errorMessage ?? `job ended in state ${finished.state}`;
    return rows.map((_, index) => ({ index, success: false, error: `BULK_JOB_FAILED: ${reason}` }));
  }
  return matchResults(conn, `${base}/${job.id}`, request.keyField, rows);
}

async function waitForJob(conn: Connection, url: string, request: IngestRequest): Promise<JobInfo> {
  const timeout = request.timeoutMs ?? 30 * 60_000;
  const started = Date.now();
  let interval = 200;
  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    const info = await requestWithRetry<JobInfo>(conn, url, { idempotent: true });
    if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') return info;
    if (Date.now() - started > timeout) throw new BulkJobTimeoutError(info.id, request.object, Date.now() - started);
    // eslint-disable-next-line no-await-in-loop
    await sleep(interval);
    interval = Math.min(interval * 2, 5000);
  }
}

async function readCsv(conn: Connection, url: string): Promise<Array<Record<string, string>>> {
  const text = await requestWithRetry<string>(conn, { method: 'GET', url, headers: { accept: 'text/csv' } }, { idempotent: true }, { responseType: 'text/plain' });
  if (!text || !text.trim()) return [];
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
}

async function matchResults(conn: Connection, jobUrl: string, keyField: string, rows: Row[]): Promise<RowResult[]> {
  const indexOf = new Map(rows.map((row, index) => [String(row[keyField] ?? ''), index]));
  const results: Array<RowResult | undefined> = new Array<RowResult | undefined>(rows.length);
  for (const r of await readCsv(conn, `${jobUrl}/successfulResults`)) {
    const index = indexOf.get(r[keyField] ?? '');
    if (index !== undefined) results[index] = { index, success: true, id: r.sf__Id, created: r.sf__Created === 'true' };
  }
  for (const r of await readCsv(conn, `${jobUrl}/failedResults`)) {
    const index = indexOf.get(r[keyField] ?? '');
    if (index !== undefined) results[index] = { index, success: false, error: r.sf__Error.replace(/:/, ': ') };
  }
  return rows.map(
    (_, index) => results[index] ?? { index, success: false, error: 'UNPROCESSED: the org did not process this row.' }
  );
}
