import { formatDateTime } from '../datetime.js';
import { ApiError, noContent, ok, type ApiRequest, type Route, type ApiResponse } from '../http/api.js';
import { selectRows, type RowSelection } from '../soql/execute.js';
import { SoqlError } from '../soql/errors.js';
import type { EmulatorState } from '../state.js';
import { DELIMITERS, writeCsv } from './csv.js';
import { withoutUndefined } from './routes-ingest.js';

type QueryJob = {
  info: Record<string, unknown> & { id: string; state: string };
  selection: RowSelection;
};

/**
 * `/jobs/query`: the query runs when the job is created and fixes which records the job returns; their values are
 * read when a page is fetched (a real org writes result files, so later edits would not show). Results are paged by
 * `maxRecords`, else by the emulator's default page size, with an opaque `Sforce-Locator` whose value on the last
 * page is the text `null`.
 */
export function bulkQueryRoutes(state: EmulatorState): Route[] {
  const jobs = new Map<string, QueryJob>();
  const jobOf = (id: string): QueryJob => {
    const job = jobs.get(id);
    if (!job) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return job;
  };
  return [
    {
      method: 'POST',
      pattern: /^\/jobs\/query$/,
      handler: (req: ApiRequest): ApiResponse => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const operation = String(body.operation ?? 'query');
        if (operation !== 'query' && operation !== 'queryAll')
          throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid job operation: ${operation}`);
        if (body.columnDelimiter && !DELIMITERS[String(body.columnDelimiter)])
          throw new ApiError(
            400,
            'INVALIDJOB',
            `InvalidJob : Invalid column delimiter: ${String(body.columnDelimiter)}`,
          );
        let selection: RowSelection;
        try {
          selection = selectRows(state.org, String(body.query ?? ''), {
            includeDeleted: operation === 'queryAll',
            apiVersion: req.version,
          });
        } catch (err) {
          if (err instanceof SoqlError) throw new ApiError(400, err.errorCode, err.message);
          throw err;
        }
        if (selection.unsupported) {
          throw new ApiError(
            400,
            'API_ERROR',
            'Aggregate Relationships and aggregate functions are not supported in Bulk API 2.0 query',
          );
        }
        const id = state.org.ids.next('750');
        const now = formatDateTime(new Date());
        const job: QueryJob = {
          info: {
            id,
            operation,
            object: selection.objectName,
            createdById: state.seeded.userId,
            createdDate: now,
            systemModstamp: now,
            state: 'UploadComplete',
            concurrencyMode: 'Parallel',
            contentType: 'CSV',
            apiVersion: Number(req.version),
            lineEnding: String(body.lineEnding ?? 'LF'),
            columnDelimiter: String(body.columnDelimiter ?? 'COMMA'),
          },
          selection,
        };
        jobs.set(id, job);
        state.jobCounters.bulkQueryJobs = (state.jobCounters.bulkQueryJobs ?? 0) + 1;
        return ok(job.info);
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/query\/(\w+)$/,
      handler: (_req, [id]): ApiResponse => {
        const job = jobOf(id);
        // The first poll sees the job running, later ones see it complete, so clients exercise their poll loop.
        if (job.info.state === 'UploadComplete') job.info.state = 'InProgress';
        else if (job.info.state === 'InProgress') job.info.state = 'JobComplete';
        const complete = job.info.state === 'JobComplete';
        return ok(
          withoutUndefined({
            ...job.info,
            jobType: 'V2Query',
            numberRecordsProcessed: complete ? job.selection.rows.length : 0,
            retries: 0,
            totalProcessingTime: 0,
          }),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/query$/,
      handler: (): ApiResponse =>
        ok({
          done: true,
          records: [...jobs.values()].map((j) => ({ ...j.info, jobType: 'V2Query' })),
          nextRecordsUrl: null,
        }),
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/query\/(\w+)\/results$/,
      handler: (req, [id]): ApiResponse => {
        const job = jobOf(id);
        if (job.info.state !== 'JobComplete') job.info.state = 'JobComplete';
        const locator = req.query.get('locator');
        const from = locator ? Number(Buffer.from(locator, 'base64').toString('utf8')) : 0;
        if (!Number.isInteger(from) || from < 0 || from > job.selection.rows.length)
          throw new ApiError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
        const max = Number(req.query.get('maxRecords') ?? 0) || state.bulkQueryPageSize;
        const to = Math.min(job.selection.rows.length, from + max);
        const next =
          to < job.selection.rows.length
            ? Buffer.from(String(to), 'utf8').toString('base64').replace(/=+$/, '')
            : 'null';
        return {
          status: 200,
          contentType: 'text/csv',
          text: writeCsv(
            job.selection.columns,
            job.selection.rows.slice(from, to).map((row) => job.selection.cells(row)),
            DELIMITERS[String(job.info.columnDelimiter)] ?? ',',
            String(job.info.lineEnding),
          ),
          headers: { 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(to - from) },
        };
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/jobs\/query\/(\w+)$/,
      handler: (req, [id]): ApiResponse => {
        const job = jobOf(id);
        if ((req.body as { state?: string } | undefined)?.state === 'Aborted' && job.info.state !== 'JobComplete')
          job.info.state = 'Aborted';
        return ok(job.info);
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/jobs\/query\/(\w+)$/,
      handler: (_req, [id]): ApiResponse => {
        jobOf(id);
        jobs.delete(id);
        return noContent();
      },
    },
  ];
}
