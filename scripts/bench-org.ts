/*
 * Org emulator benchmark: ingests N Case rows through Bulk API 2.0 over raw HTTP (the upload streamed, jobs split
 * at the org's 100 MB upload guidance) and reads them back through a Bulk query job, page by Sforce-Locator page.
 * Prints rows/s for each phase and the peak memory of the process (emulator and client share it).
 *
 *   npx tsx scripts/bench-org.ts [--rows 100000] [--page 50000]
 */
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { join } from 'node:path';
import { startOrgEmulator, type OrgEmulator } from '../test/org-emulator/index.js';
import { REPO_ROOT } from './lib/sfCli.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, page: { type: 'string', default: '50000' } },
});
const ROWS = Number(values.rows);
const PAGE = Number(values.page);
/** Raw bytes per upload: the Bulk API 2.0 guide asks for at most 100 MB so the base64 form stays under 150 MB. */
const UPLOAD_BYTES = 100 * 1024 * 1024;
/** Measured on the 100 000-row run: heap per stored Case with its indexes, plus headroom for the query job. */
const HEAP_PER_ROW = 2_600;

const peak = { rss: 0, heap: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heap = Math.max(peak.heap, m.heapUsed);
}, 50);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function api(org: OrgEmulator, method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${org.instanceUrl}/services/data/v62.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function waitFor(org: OrgEmulator, path: string): Promise<Record<string, unknown>> {
  for (;;) {
    // eslint-disable-next-line no-await-in-loop -- polling is sequential
    const info = (await (await api(org, 'GET', path)).json()) as Record<string, unknown>;
    if (!['Open', 'UploadComplete', 'InProgress'].includes(String(info.state))) return info;
    // eslint-disable-next-line no-await-in-loop
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CSV rows from `next` on, generated as the upload is read, stopping at the byte budget of one upload. */
function caseRows(start: { next: number }): Readable {
  let bytes = 0;
  let header = true;
  return Readable.from(
    (function* (): Generator<string> {
      if (header) {
        header = false;
        yield 'CW_Id__c,Subject,Status,Priority,Origin\n';
      }
      while (start.next < ROWS && bytes < UPLOAD_BYTES) {
        const lines: string[] = [];
        for (let i = 0; i < 1000 && start.next < ROWS; i++, start.next++) {
          const n = start.next;
          lines.push(`T-${n},"Ticket ${n}: printer, again",${n % 7 === 0 ? 'Closed' : 'New'},Medium,Phone`);
        }
        const chunk = lines.join('\n') + '\n';
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      }
    })(),
  );
}

async function ingest(org: OrgEmulator): Promise<{ seconds: number; jobs: number; failed: number }> {
  const started = Date.now();
  const cursor = { next: 0 };
  let jobs = 0;
  let failed = 0;
  while (cursor.next < ROWS) {
    // eslint-disable-next-line no-await-in-loop -- one job at a time, as the plugin loads one object at a time
    const job = (await (await api(org, 'POST', '/jobs/ingest', { object: 'Case', operation: 'insert' })).json()) as {
      id: string;
    };
    // eslint-disable-next-line no-await-in-loop
    const upload = await fetch(`${org.instanceUrl}/services/data/v62.0/jobs/ingest/${job.id}/batches`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'text/csv' },
      body: Readable.toWeb(caseRows(cursor)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    // eslint-disable-next-line no-await-in-loop -- only read when the upload failed
    if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    // eslint-disable-next-line no-await-in-loop
    await api(org, 'PATCH', `/jobs/ingest/${job.id}`, { state: 'UploadComplete' });
    // eslint-disable-next-line no-await-in-loop
    const info = await waitFor(org, `/jobs/ingest/${job.id}`);
    if (info.state !== 'JobComplete')
      throw new Error(`ingest job ${job.id} ended ${String(info.state)}: ${String(info.errorMessage)}`);
    failed += Number(info.numberRecordsFailed);
    jobs++;
  }
  return { seconds: (Date.now() - started) / 1000, jobs, failed };
}

async function query(org: OrgEmulator): Promise<{ seconds: number; rows: number; pages: number }> {
  const started = Date.now();
  const job = (await (
    await api(org, 'POST', '/jobs/query', {
      operation: 'query',
      query: 'SELECT Id, CaseNumber, CW_Id__c, Subject FROM Case',
    })
  ).json()) as { id: string };
  await waitFor(org, `/jobs/query/${job.id}`);
  let locator = '';
  let rows = 0;
  let pages = 0;
  do {
    // eslint-disable-next-line no-await-in-loop -- locator paging is sequential
    const page = await api(
      org,
      'GET',
      `/jobs/query/${job.id}/results?maxRecords=${PAGE}${locator ? `&locator=${locator}` : ''}`,
    );
    // eslint-disable-next-line no-await-in-loop -- read each page before asking for the next
    await page.text();
    rows += Number(page.headers.get('sforce-numberofrecords'));
    locator = page.headers.get('sforce-locator') ?? 'null';
    pages++;
  } while (locator !== 'null');
  return { seconds: (Date.now() - started) / 1000, rows, pages };
}

const limit = getHeapStatistics().heap_size_limit;
const needed = ROWS * HEAP_PER_ROW;
if (needed > limit * 0.9) {
  process.stdout.write(
    `${ROWS} rows need about ${mb(needed)} of heap; this Node allows ${mb(limit)}.\n` +
      `Run with more heap, e.g.: NODE_OPTIONS=--max-old-space-size=${Math.ceil((needed * 1.3) / 1024 / 1024 / 1024) * 1024} npx tsx scripts/bench-org.ts --rows ${ROWS}\n`,
  );
  process.exit(2);
}

const org = await startOrgEmulator({
  sourceDirs: [join(REPO_ROOT, 'test/fixtures/salesforce/source')],
  dailyApiLimit: 10_000_000,
});
try {
  process.stdout.write(`Org emulator bench: ${ROWS} Case rows, Bulk API 2.0 over raw HTTP (heap limit ${mb(limit)})\n`);
  const load = await ingest(org);
  process.stdout.write(
    `  ingest: ${ROWS} rows in ${load.seconds.toFixed(1)} s = ${Math.round(ROWS / load.seconds)} rows/s (${load.jobs} job(s), ${load.failed} failed rows)\n`,
  );
  const read = await query(org);
  process.stdout.write(
    `  query:  ${read.rows} rows in ${read.seconds.toFixed(1)} s = ${Math.round(read.rows / read.seconds)} rows/s (${read.pages} pages of up to ${PAGE})\n`,
  );
  if (read.rows !== ROWS) throw new Error(`query returned ${read.rows} rows, expected ${ROWS}`);
  process.stdout.write(`  peak memory: rss ${mb(peak.rss)}, heap used ${mb(peak.heap)}\n`);
} finally {
  clearInterval(sampler);
  await org.close();
}
