import { queryColumns } from '../soql/columns.js';
import { runQuery } from '../soql/execute.js';
import { SoqlError } from '../soql/errors.js';
import type { EmulatorState } from '../state.js';
import { ApiError, ok, type ApiRequest, type ApiResponse, type Route } from './api.js';

type Cursor = {
  records: Array<Record<string, unknown>>;
  totalSize: number;
  pageSize: number;
};

/** `batchSize` from `Sforce-Query-Options` is a hint between 200 and 2000; 2000 is the default. */
function pageSize(req: ApiRequest): number {
  const m = /batchSize=(\d+)/i.exec(req.headers['sforce-query-options'] ?? '');
  return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
}

/** SOQL through `/query` and `/queryAll`, paged with query locators (`nextRecordsUrl`). */
export function queryRoutes(state: EmulatorState): Route[] {
  const cursors = new Map<string, Cursor>();
  let nextCursor = 1;

  const page = (req: ApiRequest, locator: string, cursor: Cursor, from: number): ApiResponse => {
    const to = Math.min(cursor.records.length, from + cursor.pageSize);
    const done = to >= cursor.records.length;
    const body: Record<string, unknown> = { totalSize: cursor.totalSize, done };
    if (done) cursors.delete(locator);
    else body.nextRecordsUrl = `/services/data/v${req.version}/query/${locator}-${to}`;
    body.records = cursor.records.slice(from, to);
    return ok(body);
  };

  const run =
    (includeDeleted: boolean) =>
    (req: ApiRequest): ApiResponse => {
      const soql = req.query.get('q');
      if (!soql) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
      try {
        if (req.query.get('columns') === 'true') return ok(queryColumns(state.org, soql, req.version));
        const outcome = runQuery(state.org, soql, { includeDeleted, apiVersion: req.version });
        const locator = `01g${'Em'}${String(nextCursor++).padStart(10, '0')}AAA`;
        const cursor = { records: outcome.records, totalSize: outcome.totalSize, pageSize: pageSize(req) };
        cursors.set(locator, cursor);
        return page(req, locator, cursor, 0);
      } catch (err) {
        if (err instanceof SoqlError) throw new ApiError(400, err.errorCode, err.message);
        throw err;
      }
    };

  const more = (req: ApiRequest, [locator, from]: string[]): ApiResponse => {
    const cursor = cursors.get(locator);
    if (!cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    return page(req, locator, cursor, Number(from));
  };

  return [
    { method: 'GET', pattern: /^\/query$/, handler: run(false) },
    { method: 'GET', pattern: /^\/queryAll$/, handler: run(true) },
    { method: 'GET', pattern: /^\/query(?:All)?\/(\w+)-(\d+)$/, handler: more },
  ];
}
