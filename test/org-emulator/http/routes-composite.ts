import { DmlFailure } from '../dml/errors.js';
import type { EmulatorState } from '../state.js';
import { ApiError, notFound, ok, type ApiResponse, type Route } from './api.js';
import { restWriteOptions } from './routes-records.js';

/** Runs one subrequest through the same routes as a real HTTP request (no extra API call is counted). */
export type InternalDispatch = (
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string | undefined>,
) => Promise<ApiResponse>;

type SubRequest = {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
};

const HALTED = [
  {
    errorCode: 'PROCESSING_HALTED',
    message: 'The transaction was rolled back since another operation in the same transaction failed.',
  },
];

/**
 * `POST /composite/tree/{o}` (insert a record tree all-or-nothing) and `POST /composite`: up to 25 subrequests in order, `@{ref.path}` references to earlier results, and allOrNone
 * rolling everything back when one subrequest fails.
 */
export function compositeRoutes(state: EmulatorState, dispatch: InternalDispatch): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/composite\/tree\/(\w+)$/,
      handler: (req, [name]): ApiResponse => {
        if (!state.org.schema.get(name)) throw notFound();
        const records = (req.body as { records?: TreeRecord[] } | undefined)?.records;
        if (!Array.isArray(records)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'records is required');
        if (countTree(records) > 200)
          throw new ApiError(400, 'LIMIT_EXCEEDED', 'Limit Exceeded. A tree request can have up to 200 records.');
        const tx = state.org.store.begin();
        const results: Array<{ referenceId: string; id: string }> = [];
        const insert = (type: string, rows: TreeRecord[], parent?: { field: string; id: string }): void => {
          for (const row of rows) {
            const referenceId = String(row.attributes?.referenceId ?? '');
            const obj = state.org.schema.get(row.attributes?.type ?? type);
            const fields: Record<string, unknown> = {};
            const children: Array<[string, TreeRecord[]]> = [];
            for (const [key, value] of Object.entries(row)) {
              if (key === 'attributes') continue;
              const rel = obj?.childRelationship(key);
              if (rel && value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records))
                children.push([key, (value as { records: TreeRecord[] }).records]);
              else fields[key] = value;
            }
            if (parent) fields[parent.field] = parent.id;
            try {
              const id = state.dml.insert(obj?.name ?? type, fields, restWriteOptions(req));
              results.push({ referenceId, id });
              for (const [relName, childRows] of children) {
                const rel = obj?.childRelationship(relName);
                if (rel) insert(rel.childSObject, childRows, { field: rel.field, id });
              }
            } catch (err) {
              if (err instanceof DmlFailure) throw Object.assign(err, { referenceId });
              throw err;
            }
          }
        };
        try {
          insert(name, records);
          tx.commit();
          return ok({ hasErrors: false, results }, 201);
        } catch (err) {
          tx.rollback();
          if (!(err instanceof DmlFailure)) throw err;
          const referenceId = (err as DmlFailure & { referenceId?: string }).referenceId ?? '';
          return { status: 400, body: { hasErrors: true, results: [{ referenceId, errors: err.errors }] } };
        }
      },
    },
    {
      method: 'POST',
      pattern: /^\/composite$/,
      handler: async (req): Promise<ApiResponse> => {
        const body = req.body as { allOrNone?: boolean; compositeRequest?: SubRequest[] } | undefined;
        const subrequests = body?.compositeRequest;
        if (!Array.isArray(subrequests)) throw new ApiError(400, 'JSON_PARSER_ERROR', 'compositeRequest is required');
        if (subrequests.length > 25)
          throw new ApiError(
            400,
            'LIMIT_EXCEEDED',
            'Limit Exceeded. Composite requests can have up to 25 subrequests.',
          );
        const allOrNone = body?.allOrNone === true;
        const tx = allOrNone ? state.org.store.begin() : undefined;
        const results = new Map<string, unknown>();
        const out: Array<Record<string, unknown>> = [];
        let failed = false;
        for (const sub of subrequests) {
          if (failed && allOrNone) {
            out.push({ body: HALTED, httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId });
            continue;
          }
          let url: string;
          let subBody: unknown;
          try {
            url = substitute(sub.url, results, encodeURIComponent);
            subBody =
              sub.body === undefined
                ? undefined
                : JSON.parse(substitute(JSON.stringify(sub.body), results, (v) => JSON.stringify(v).slice(1, -1)));
          } catch {
            out.push({ body: HALTED, httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId });
            failed = true;
            continue;
          }
          const headers = Object.fromEntries(
            Object.entries({ ...req.headers, ...(sub.httpHeaders ?? {}) }).map(([k, v]) => [k.toLowerCase(), v]),
          );
          // Subrequests run in order: later ones may reference the results of earlier ones.
          // eslint-disable-next-line no-await-in-loop
          const response = await dispatch(sub.method.toUpperCase(), url, subBody, headers);
          const success = response.status < 300;
          if (success) results.set(sub.referenceId, response.body);
          else failed = true;
          const httpHeaders: Record<string, string> = {};
          const id = (response.body as { id?: string } | undefined)?.id;
          if (response.status === 201 && id) httpHeaders.Location = `${url.replace(/\?.*$/, '')}/${id}`;
          out.push({
            body: response.body ?? null,
            httpHeaders,
            httpStatusCode: response.status,
            referenceId: sub.referenceId,
          });
        }
        if (tx && failed) {
          tx.rollback();
          // Every subrequest that had succeeded is reported as halted, as the org does after the rollback.
          for (const item of out)
            if ((item.httpStatusCode as number) < 300)
              Object.assign(item, { body: HALTED, httpHeaders: {}, httpStatusCode: 400 });
        } else tx?.commit();
        return ok({ compositeResponse: out });
      },
    },
  ];
}

/** Replaces `@{ref.path.to[0].value}` with values from earlier subrequest results; unknown references throw. */
function substitute(text: string, results: Map<string, unknown>, encode: (v: string) => string): string {
  return text.replace(/@\{([\w]+)((?:\.[\w]+|\[\d+\])*)\}/g, (_, ref: string, path: string) => {
    if (!results.has(ref)) throw new Error(`no result for ${ref}`);
    let value: unknown = results.get(ref);
    for (const step of path.match(/\.[\w]+|\[\d+\]/g) ?? []) {
      const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
      value = (value as Record<string | number, unknown> | undefined)?.[key];
    }
    if (value === undefined) throw new Error(`no value at ${ref}${path}`);
    return encode(String(value));
  });
}

type TreeRecord = {
  [field: string]: unknown;
  attributes?: { type?: string; referenceId?: string };
};

function countTree(records: TreeRecord[]): number {
  return records.reduce((n, r) => {
    const nested = Object.values(r).filter((v): v is { records: TreeRecord[] } =>
      Boolean(v && typeof v === 'object' && Array.isArray((v as { records?: unknown }).records)),
    );
    return n + 1 + nested.reduce((m, v) => m + countTree(v.records), 0);
  }, 0);
}
