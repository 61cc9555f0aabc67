/*
 * Bulk API 2.0 for volume. Ingest: one job per chunk of rows, CSV up, poll until done, results
 * down; result rows come back in no particular order, so each is matched to its input row by a
 * key column the caller names (the external id for upserts, Id for updates). Query: one job per
 * SOQL statement, poll until done, then CSV pages down, each naming the next with a locator.
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
  object?: string;
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

/** One entry of the org's list of ingest jobs (GET /jobs/ingest). */
interface ListedJob {
  id: string;
  object: string;
  operation: string;
  state: JobInfo['state'];
  createdById?: string;
}

/**
 * Ends the ingest jobs an earlier process of this tool left behind on these objects, before anyone
 * reads the org to see what that process wrote: a job whose data never fully arrived (Open) is
 * aborted, so it creates nothing; one the org is still working on is waited for, so what it writes
 * is there to be found. Only this user's upserts on CW_Id__c are touched, never another tool's jobs.
 * Returns the ids of the jobs it dealt with.
 */
export async function finishLeftoverJobs(conn: Connection, objects: string[], userId: string): Promise<string[]> {
  const base = `/services/data/v${conn.getApiVersion()}/jobs/ingest`;
  const wanted = new Set(objects);
  const listed: ListedJob[] = [];
  let page: { records: ListedJob[]; nextRecordsUrl?: string | null } = await requestWithRetry(conn, base, { idempotent: true });
  listed.push(...page.records);
  while (page.nextRecordsUrl) {
    // eslint-disable-next-line no-await-in-loop
    page = await requestWithRetry(conn, page.nextRecordsUrl, { idempotent: true });
    listed.push(...page.records);
  }
  const candidates = listed.filter(
    (j) =>
      wanted.has(j.object) &&
      j.operation === 'upsert' &&
      ['Open', 'UploadComplete', 'InProgress'].includes(j.state) &&
      (j.createdById ?? '').slice(0, 15) === userId.slice(0, 15)
  );
  const dealt: string[] = [];
  for (const job of candidates) {
    // eslint-disable-next-line no-await-in-loop
    const info = await requestWithRetry<JobInfo & { externalIdFieldName?: string }>(conn, `${base}/${job.id}`, { idempotent: true });
    if (info.externalIdFieldName !== 'CW_Id__c') continue;
    if (info.state === 'Open') {
      // eslint-disable-next-line no-await-in-loop
      await requestWithRetry(
        conn,
        { method: 'PATCH', url: `${base}/${job.id}`, body: JSON.stringify({ state: 'Aborted' }), headers: { 'content-type': 'application/json' } },
        { idempotent: true }
      );
    } else if (info.state === 'UploadComplete' || info.state === 'InProgress') {
      // eslint-disable-next-line no-await-in-loop
      await waitForJob(conn, `${base}/${job.id}`, { object: job.object });
    }
    dealt.push(job.id);
  }
  return dealt;
}

async function waitForJob(conn: Connection, url: string, request: { object: string; timeoutMs?: number }): Promise<JobInfo> {
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

function parseCsv(text: string | undefined): Array<Record<string, string>> {
  if (!text?.trim()) return [];
  return parse(text, { columns: true, skip_empty_lines: true, bom: true });
}

async function readCsv(conn: Connection, url: string): Promise<Array<Record<string, string>>> {
  return parseCsv(await requestWithRetry<string>(conn, { method: 'GET', url, headers: { accept: 'text/csv' } }, { idempotent: true }, { responseType: 'text/plain' }));
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

/** Records asked for per page of query results; without maxRecords the org picks its own page size. */
export const BULK_QUERY_PAGE_ROWS = 50_000;

export interface QueryRequest {
  /** The SOQL statement. Bulk API 2.0 refuses aggregates, OFFSET and parent-to-child subqueries. */
  soql: string;
  /** `queryAll` also returns deleted and archived records. */
  operation?: 'query' | 'queryAll';
  /** Records per results page; default BULK_QUERY_PAGE_ROWS. */
  maxRecords?: number;
  /** Longest wait for the job to finish before giving up. */
  timeoutMs?: number;
}

/** A query job the org ended as Failed or Aborted (a bad field name, a query Bulk API 2.0 does not take). */
export class BulkQueryFailedError extends Error {
  public constructor(public readonly jobId: string, object: string, reason: string) {
    super(`Bulk API query job ${jobId} on ${object} failed: ${reason}`);
    this.name = 'BulkQueryFailedError';
  }
}

type Transport = Connection['_transport'];

/**
 * Runs a SOQL statement as a Bulk API 2.0 query job and reads every page of its results. Values
 * come back as the CSV has them: text, with '' for null (CSV cannot tell null from empty), and a
 * parent's field as a dotted column (`Parent.CW_Id__c`).
 *
 * @example
 * const accounts = await bulkQuery(conn, { soql: 'SELECT Id, CW_Id__c FROM Account WHERE CW_Id__c != null' });
 */
export async function bulkQuery(conn: Connection, request: QueryRequest): Promise<Array<Record<string, string>>> {
  const base = `/services/data/v${conn.getApiVersion()}/jobs/query`;
  // A second job left by a retried create only costs the org a query; creating counts as repeatable.
  const job = await requestWithRetry<JobInfo>(
    conn,
    {
      method: 'POST',
      url: base,
      body: JSON.stringify({ operation: request.operation ?? 'query', query: request.soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }),
      headers: { 'content-type': 'application/json' },
    },
    { idempotent: true }
  );
  const object = job.object ?? 'query';
  const finished = await waitForJob(conn, `${base}/${job.id}`, { object, timeoutMs: request.timeoutMs });
  if (finished.state !== 'JobComplete') {
    throw new BulkQueryFailedError(job.id, object, finished.errorMessage ?? `the job ended in state ${finished.state}`);
  }
  const records: Array<Record<string, string>> = [];
  let locator: string | undefined;
  do {
    const params = new URLSearchParams({ maxRecords: String(request.maxRecords ?? BULK_QUERY_PAGE_ROWS) });
    if (locator) params.set('locator', locator);
    // eslint-disable-next-line no-await-in-loop
    const page = await readResultsPage(conn, `${base}/${job.id}/results?${params.toString()}`);
    for (const record of page.records) records.push(record);
    locator = page.locator;
    // The last page names the text "null" as its successor.
  } while (locator && locator !== 'null');
  return records;
}

/**
 * One page of query results and the locator of the next. conn.request hands back only the body,
 * so the request goes through a transport that notes the Sforce-Locator header of each response
 * it carries; a retried request notes it again, and the last (successful) response wins.
 */
async function readResultsPage(conn: Connection, url: string): Promise<{ records: Array<Record<string, string>>; locator?: string }> {
  let locator: string | undefined;
  // eslint-disable-next-line no-underscore-dangle -- jsforce offers no other way to see a response's headers
  const carrier = conn._transport;
  const transport: Pick<Transport, 'httpRequest'> = {
    httpRequest: (req, options) => {
      const response = carrier.httpRequest(req, options);
      response.then(
        (res) => {
          locator = res.headers['sforce-locator'];
        },
        () => undefined
      );
      return response;
    },
  };
  const text = await requestWithRetry<string>(
    conn,
    { method: 'GET', url, headers: { accept: 'text/csv' } },
    { idempotent: true },
    // sfdx-core types the options as JSON, but hands them on to jsforce's HttpApi, which takes a transport.
    { responseType: 'text/plain', transport } as unknown as Parameters<typeof requestWithRetry>[3]
  );
  return { records: parseCsv(text), locator };
}
