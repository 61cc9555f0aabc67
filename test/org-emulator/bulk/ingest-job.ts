import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { bulkErrorText, DmlFailure } from '../dml/errors.js';
import { formatDateTime } from '../datetime.js';
import type { EmulatorState } from '../state.js';
import { DELIMITERS } from './csv.js';
import { CsvInputError, CsvRecordReader, formatCsvRow, type LineEnding } from './csv-reader.js';

export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

/**
 * One Bulk API 2.0 ingest job: its info document and the files behind it. Uploads are spooled to disk and result
 * rows written to disk as they are produced, as the org keeps them outside the request, so a million-row job
 * costs the emulator the records it stores and little else.
 */
export type IngestJob = {
  info: Record<string, unknown> & { id: string; state: string; object: string; operation: IngestOperation };
  /** The uploaded CSV, appended to by each PUT. */
  uploadFile: string;
  /** Result files, written while the job runs: successful, failed and unprocessed rows. */
  resultFiles: { successfulResults: string; failedResults: string; unprocessedrecords: string };
  header: string[];
};

/** Rows processed between yields to the event loop, so polls are answered while a large job runs. */
const ROWS_PER_TICK = 2000;

const delimiterOf = (job: IngestJob): string => DELIMITERS[String(job.info.columnDelimiter ?? 'COMMA')] ?? ',';
const lineEndingOf = (job: IngestJob): LineEnding => (job.info.lineEnding === 'CRLF' ? 'CRLF' : 'LF');

/** Reads the uploaded CSV record by record, never holding more than one chunk and one partial record. */
async function* records(job: IngestJob): AsyncGenerator<string[]> {
  const reader = new CsvRecordReader(delimiterOf(job), lineEndingOf(job));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(job.uploadFile, { highWaterMark: 1 << 20 })) {
    yield* reader.push(decoder.write(chunk as Buffer));
  }
  yield* reader.push(decoder.end());
  yield* reader.end();
}

/**
 * Runs a closed job. A first pass reads the whole upload for the faults that fail a job before any row is saved
 * (line ending, quoting, unknown columns); the second pass saves rows in slices, writing each result row as it goes.
 */
export async function processJob(state: EmulatorState, job: IngestJob): Promise<void> {
  const started = Date.now();
  const { info } = job;
  info.state = 'InProgress';
  try {
    let first = true;
    for await (const cells of records(job)) {
      if (!first) continue;
      first = false;
      job.header = cells.map((h) => h.trim());
      const unknown = job.header.find((column) => !columnExists(state, info.object, column, info.operation));
      if (unknown !== undefined) return fail(job, `InvalidBatch : Field name not found : ${unknown}`);
    }
  } catch (err) {
    if (err instanceof CsvInputError) return fail(job, err.message);
    throw err;
  }
  const out = {
    successful: createWriteStream(job.resultFiles.successfulResults),
    failed: createWriteStream(job.resultFiles.failedResults),
    unprocessed: createWriteStream(job.resultFiles.unprocessedrecords),
  };
  const write = async (stream: WriteStream, cells: unknown[]): Promise<void> => {
    if (!stream.write(formatCsvRow(cells, delimiterOf(job), lineEndingOf(job)))) await once(stream, 'drain');
  };
  await write(out.successful, ['sf__Id', 'sf__Created', ...job.header]);
  await write(out.failed, ['sf__Id', 'sf__Error', ...job.header]);
  await write(out.unprocessed, job.header);
  let processed = 0;
  let failed = 0;
  let row = -1;
  for await (const cells of records(job)) {
    if (++row === 0) continue;
    if (info.state === 'Aborted') {
      await write(out.unprocessed, cells);
      continue;
    }
    const result = processRow(state, job, cells);
    await write(result.ok ? out.successful : out.failed, result.cells);
    processed++;
    if (!result.ok) failed++;
    if (processed % ROWS_PER_TICK === 0) {
      Object.assign(info, { numberRecordsProcessed: processed, numberRecordsFailed: failed });
      await new Promise((tick) => setImmediate(tick));
    }
  }
  await Promise.all(Object.values(out).map((s) => new Promise((done) => s.end(done))));
  Object.assign(info, { numberRecordsProcessed: processed, numberRecordsFailed: failed });
  if (info.state === 'Aborted') return;
  info.state = 'JobComplete';
  info.totalProcessingTime = Date.now() - started;
  info.apiActiveProcessingTime = info.totalProcessingTime;
  info.systemModstamp = formatDateTime(new Date());
}

function fail(job: IngestJob, message: string): void {
  Object.assign(job.info, { state: 'Failed', errorMessage: message, systemModstamp: formatDateTime(new Date()) });
}

/** A header cell must be a field, or a relationship column `[Type:]Rel.Field` whose relationship exists. */
function columnExists(state: EmulatorState, objectName: string, column: string, operation: IngestOperation): boolean {
  const obj = state.org.schema.get(objectName);
  if (!obj) return false;
  if (operation === 'delete' || operation === 'hardDelete') return column.toLowerCase() === 'id';
  if (obj.field(column)) return true;
  const m = /^(?:(\w+):)?(\w+)\.(\w+)$/.exec(column);
  return m !== null && obj.relationship(m[2]) !== undefined;
}

function processRow(state: EmulatorState, job: IngestJob, cells: string[]): { ok: boolean; cells: unknown[] } {
  const { info, header } = job;
  const input: Record<string, unknown> = {};
  let id = '';
  header.forEach((column, i) => {
    const cell = cells[i] ?? '';
    if (column.toLowerCase() === 'id') id = cell;
    // Empty cell = leave unchanged (or unset on insert); #N/A = set to null.
    if (cell === '') return;
    input[column] = cell === '#N/A' ? null : cell;
  });
  const options = { source: 'csv' as const, autoAssign: Boolean(info.assignmentRuleId) };
  try {
    let resultId: string;
    let created = false;
    switch (info.operation) {
      case 'insert':
        resultId = state.dml.insert(info.object, input, options);
        created = true;
        break;
      case 'update':
        if (!id)
          throw new DmlFailure([
            { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] },
          ]);
        state.dml.update(info.object, id, input, options);
        resultId = id;
        break;
      case 'upsert': {
        const result = state.dml.upsert(info.object, String(info.externalIdFieldName), input, options);
        resultId = result.id;
        created = result.created;
        break;
      }
      default:
        resultId = state.dml.delete(info.object, id, info.operation === 'hardDelete');
    }
    return { ok: true, cells: [resultId, String(created), ...cells] };
  } catch (err) {
    if (!(err instanceof DmlFailure)) throw err;
    return { ok: false, cells: [info.operation === 'insert' ? '' : id, bulkErrorText(err.errors), ...cells] };
  }
}
