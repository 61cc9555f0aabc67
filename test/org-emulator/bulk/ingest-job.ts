import { bulkErrorText, DmlFailure } from '../dml/errors.js';
import { formatDateTime } from '../datetime.js';
import type { EmulatorState } from '../state.js';
import { DELIMITERS, parseCsv } from './csv.js';

export type IngestOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'hardDelete';

/** One Bulk API 2.0 ingest job: its info document, the uploaded CSV and, once processed, its result rows. */
export type IngestJob = {
  info: Record<string, unknown> & { id: string; state: string; object: string; operation: IngestOperation };
  uploads: string[];
  header: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
};

const ROWS_PER_TICK = 2000;

/**
 * Processes an uploaded job in slices of rows, yielding to the event loop between slices so polls and other
 * requests are answered while a large load runs (the job reports InProgress meanwhile).
 */
export function processJob(state: EmulatorState, job: IngestJob): void {
  const started = Date.now();
  const info = job.info;
  info.state = 'InProgress';
  const text = job.uploads.join('');
  const lineEnding = String(info.lineEnding ?? 'LF');
  if (lineEnding === 'LF' && text.includes('\r\n'))
    return fail(job, 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF');
  if (lineEnding === 'CRLF' && /[^\r]\n/.test(text))
    return fail(job, 'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF');
  let parsed: { header: string[]; rows: string[][] };
  try {
    parsed = parseCsv(text, DELIMITERS[String(info.columnDelimiter ?? 'COMMA')] ?? ',');
  } catch (err) {
    return fail(job, `ClientInputError : ${(err as Error).message}`);
  }
  job.header = parsed.header;
  const unknown = parsed.header.find((column) => !columnExists(state, info.object, column, info.operation));
  if (unknown !== undefined) return fail(job, `InvalidBatch : Field name not found : ${unknown}`);
  let next = 0;
  const tick = (): void => {
    if (info.state === 'Aborted') {
      job.unprocessed.push(...parsed.rows.slice(next));
      return;
    }
    const end = Math.min(parsed.rows.length, next + ROWS_PER_TICK);
    for (; next < end; next++) processRow(state, job, parsed.rows[next]);
    info.numberRecordsProcessed = next;
    info.numberRecordsFailed = job.failed.length;
    if (next < parsed.rows.length) {
      setImmediate(tick);
      return;
    }
    info.state = 'JobComplete';
    info.totalProcessingTime = Date.now() - started;
    info.apiActiveProcessingTime = info.totalProcessingTime;
    info.systemModstamp = formatDateTime(new Date());
  };
  setImmediate(tick);
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

function processRow(state: EmulatorState, job: IngestJob, cells: string[]): void {
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
    job.successful.push([resultId, String(created), ...cells]);
  } catch (err) {
    if (!(err instanceof DmlFailure)) throw err;
    job.failed.push([info.operation === 'insert' ? '' : id, bulkErrorText(err.errors), ...cells]);
  }
}
