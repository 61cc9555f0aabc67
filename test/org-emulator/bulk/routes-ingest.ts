import { createWriteStream, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatDateTime } from '../datetime.js';
import { ApiError, noContent, ok, type ApiRequest, type ApiResponse, type Route } from '../http/api.js';
import type { EmulatorState } from '../state.js';
import { DELIMITERS } from './csv.js';
import { formatCsvRow } from './csv-reader.js';
import { processJob, type IngestJob, type IngestOperation } from './ingest-job.js';

const OPERATIONS = new Set(['insert', 'update', 'upsert', 'delete', 'hardDelete']);

/** Bulk API 2.0 errors are arrays of `{errorCode, message}` like REST ones. */
const bulkError = (status: number, code: string, message: string): ApiError => new ApiError(status, code, message);

/** `/jobs/ingest`: create, upload CSV, close, poll, and fetch successful / failed / unprocessed results. */
export function ingestRoutes(state: EmulatorState): Route[] {
  const jobs = new Map<string, IngestJob>();
  const jobOf = (id: string): IngestJob => {
    const job = jobs.get(id);
    if (!job) throw bulkError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return job;
  };
  /** A result file streamed from disk; before the job has run, only the header row the file will start with. */
  const resultResponse = (job: IngestJob, kind: keyof IngestJob['resultFiles'], prefix: string[]): ApiResponse => {
    const file = job.resultFiles[kind];
    if (existsSync(file)) return { status: 200, contentType: 'text/csv', file };
    const delimiter = DELIMITERS[String(job.info.columnDelimiter)] ?? ',';
    const text =
      job.header.length > 0 ? formatCsvRow([...prefix, ...job.header], delimiter, String(job.info.lineEnding)) : '';
    return { status: 200, contentType: 'text/csv', text };
  };
  const removeFiles = (job: IngestJob): void => {
    for (const file of [job.uploadFile, ...Object.values(job.resultFiles)]) rmSync(file, { force: true });
  };

  return [
    {
      method: 'POST',
      pattern: /^\/jobs\/ingest$/,
      handler: (req: ApiRequest): ApiResponse => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const operation = String(body.operation ?? '');
        const obj = state.org.schema.get(String(body.object ?? ''));
        if (!OPERATIONS.has(operation))
          throw bulkError(400, 'INVALIDJOB', `InvalidJob : Invalid job operation: ${operation}`);
        if (!obj)
          throw bulkError(400, 'INVALIDJOB', `InvalidJob : sObject type '${String(body.object)}' is not supported`);
        if (operation === 'upsert' && !obj.field(String(body.externalIdFieldName ?? ''))) {
          throw bulkError(
            400,
            'INVALIDJOB',
            `InvalidJob : External ID was blank or not found for ${obj.name}: ${String(body.externalIdFieldName ?? '')}`,
          );
        }
        if (body.columnDelimiter && !DELIMITERS[String(body.columnDelimiter)])
          throw bulkError(400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${String(body.columnDelimiter)}`);
        const id = state.org.ids.next('750');
        const now = formatDateTime(new Date());
        const job: IngestJob = {
          info: {
            id,
            operation: operation as IngestOperation,
            object: obj.name,
            createdById: state.seeded.userId,
            createdDate: now,
            systemModstamp: now,
            state: 'Open',
            externalIdFieldName: operation === 'upsert' ? obj.field(String(body.externalIdFieldName))?.name : undefined,
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(req.version),
            contentUrl: `services/data/v${req.version}/jobs/ingest/${id}/batches`,
            lineEnding: String(body.lineEnding ?? 'LF'),
            columnDelimiter: String(body.columnDelimiter ?? 'COMMA'),
            assignmentRuleId: body.assignmentRuleId,
          },
          uploadFile: join(state.workDir, `${id}-upload.csv`),
          resultFiles: {
            successfulResults: join(state.workDir, `${id}-successful.csv`),
            failedResults: join(state.workDir, `${id}-failed.csv`),
            unprocessedrecords: join(state.workDir, `${id}-unprocessed.csv`),
          },
          header: [],
        };
        writeFileSync(job.uploadFile, '');
        jobs.set(id, job);
        state.jobCounters.bulkIngestJobs = (state.jobCounters.bulkIngestJobs ?? 0) + 1;
        return ok(withoutUndefined(job.info));
      },
    },
    {
      method: 'PUT',
      pattern: /^\/jobs\/ingest\/(\w+)\/batches$/,
      streamBody: true,
      handler: async (req, [id]): Promise<ApiResponse> => {
        const job = jobOf(id);
        if (job.info.state !== 'Open') throw bulkError(409, 'INVALIDJOBSTATE', `Job ${id} is not open for data upload`);
        // Streamed to disk as it arrives: the upload is never held in memory whole.
        if (req.stream) await pipeline(req.stream, createWriteStream(job.uploadFile, { flags: 'a' }));
        state.jobCounters.bulkBatches = (state.jobCounters.bulkBatches ?? 0) + 1;
        return { status: 201 };
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/jobs\/ingest\/(\w+)$/,
      handler: (req, [id]): ApiResponse => {
        const job = jobOf(id);
        const wanted = String((req.body as { state?: string } | undefined)?.state ?? '');
        if (wanted === 'UploadComplete') {
          if (job.info.state !== 'Open') throw bulkError(409, 'INVALIDJOBSTATE', `Job ${id} is not open`);
          job.info.state = 'UploadComplete';
          const snapshot = withoutUndefined(job.info);
          processJob(state, job).catch((err: unknown) => {
            Object.assign(job.info, {
              state: 'Failed',
              errorMessage: `InternalServerError : ${(err as Error).message}`,
            });
          });
          return ok(snapshot);
        }
        if (wanted === 'Aborted') {
          if (['JobComplete', 'Failed'].includes(job.info.state))
            throw bulkError(409, 'INVALIDJOBSTATE', `Job ${id} is already complete`);
          job.info.state = 'Aborted';
          return ok(withoutUndefined(job.info));
        }
        throw bulkError(400, 'INVALIDJOBSTATE', `Invalid state: ${wanted}`);
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest\/(\w+)$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        return ok(
          withoutUndefined({
            ...job.info,
            jobType: 'V2Ingest',
            retries: 0,
            numberRecordsProcessed: job.info.numberRecordsProcessed ?? 0,
            numberRecordsFailed: job.info.numberRecordsFailed ?? 0,
            totalProcessingTime: job.info.totalProcessingTime ?? 0,
            apiActiveProcessingTime: job.info.apiActiveProcessingTime ?? 0,
            apexProcessingTime: 0,
            contentUrl: job.info.state === 'Open' ? job.info.contentUrl : undefined,
          }),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest$/,
      handler: (): ApiResponse =>
        ok({
          done: true,
          records: [...jobs.values()].map((j) => withoutUndefined({ ...j.info, jobType: 'V2Ingest' })),
          nextRecordsUrl: null,
        }),
    },
    {
      method: 'DELETE',
      pattern: /^\/jobs\/ingest\/(\w+)$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        if (job.info.state === 'InProgress')
          throw bulkError(400, 'INVALIDJOBSTATE', `Job ${id} is in progress and cannot be deleted`);
        jobs.delete(id);
        removeFiles(job);
        return noContent();
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest\/(\w+)\/successfulResults\/?$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        return resultResponse(job, 'successfulResults', ['sf__Id', 'sf__Created']);
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest\/(\w+)\/failedResults\/?$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        return resultResponse(job, 'failedResults', ['sf__Id', 'sf__Error']);
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest\/(\w+)\/unprocessedrecords\/?$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        return resultResponse(job, 'unprocessedrecords', []);
      },
    },
  ];
}

export function withoutUndefined(info: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined));
}
