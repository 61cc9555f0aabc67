import { DmlFailure, type DmlError } from '../dml/errors.js';
import { toId18 } from '../ids.js';
import type { EmulatorState } from '../state.js';
import { ApiError, notFound, ok, type ApiRequest, type ApiResponse, type Route } from './api.js';
import { recordJson, restWriteOptions } from './routes-records.js';

type RowResult = {
  id?: string | null;
  success: boolean;
  errors: DmlError[];
  created?: boolean;
};

const MAX_RECORDS = 200;

/**
 * sObject Collections (`/composite/sobjects`): up to 200 records per call, per-row results in input order, and
 * allOrNone rolling every row back when one fails.
 */
export function collectionRoutes(state: EmulatorState): Route[] {
  const { org, dml } = state;

  /** Runs one row's write; failures become row results. Setup and data objects may not mix in one call. */
  const runRows = (
    req: ApiRequest,
    allOrNone: boolean,
    rows: Array<Record<string, unknown>>,
    write: (row: Record<string, unknown>, type: string) => RowResult,
  ): RowResult[] => {
    if (rows.length > MAX_RECORDS) {
      throw new ApiError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    }
    const tx = allOrNone ? org.store.begin() : undefined;
    let firstType: { name: string; setup: boolean } | undefined;
    const results = rows.map((row): RowResult => {
      const type = typeOf(row) ?? (req.path.split('/')[3] as string | undefined);
      try {
        if (!type)
          throw new DmlFailure([
            { statusCode: 'INVALID_TYPE', message: 'Must send a concrete entity type.', fields: [] },
          ]);
        const obj = dml.object(type);
        firstType ??= { name: obj.name, setup: obj.isSetup };
        if (firstType.setup !== obj.isSetup) {
          const [setupName, otherName] = obj.isSetup ? [obj.name, firstType.name] : [firstType.name, obj.name];
          throw new DmlFailure([
            {
              statusCode: 'MIXED_DML_OPERATION',
              message: `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${setupName}, original object: ${otherName}`,
              fields: [],
            },
          ]);
        }
        return write(row, obj.name);
      } catch (err) {
        if (err instanceof DmlFailure) return { success: false, errors: err.errors };
        throw err;
      }
    });
    if (!tx) return results;
    if (results.every((r) => r.success)) {
      tx.commit();
      return results;
    }
    tx.rollback();
    return results.map((r) =>
      r.success
        ? {
            id: null,
            success: false,
            errors: [
              {
                statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                message:
                  'Record rolled back because not all records were valid and the request was using AllOrNone header',
                fields: [],
              },
            ],
          }
        : r,
    );
  };

  const bodyOf = (req: ApiRequest): { allOrNone: boolean; records: Array<Record<string, unknown>> } => {
    const body = req.body as { allOrNone?: boolean; records?: unknown } | undefined;
    if (!body || !Array.isArray(body.records))
      throw new ApiError(400, 'JSON_PARSER_ERROR', 'Missing records in the request body');
    return { allOrNone: body.allOrNone === true, records: body.records as Array<Record<string, unknown>> };
  };

  const retrieve = (req: ApiRequest, name: string, ids: string[], fields: string[]): ApiResponse => {
    const obj = org.schema.get(name);
    if (!obj) throw notFound();
    if (ids.length > 2000)
      throw new ApiError(400, 'EXCEEDED_ID_LIMIT', 'Retrieve more than 2000 records is not supported');
    return ok(
      ids.map((text) => {
        const id = toId18(text);
        const record = id ? org.store.get(obj.name, id) : undefined;
        return record ? recordJson(obj, record, req.version, fields) : null;
      }),
    );
  };

  return [
    {
      method: 'POST',
      pattern: /^\/composite\/sobjects$/,
      handler: (req): ApiResponse => {
        const { allOrNone, records } = bodyOf(req);
        const options = restWriteOptions(req);
        return ok(
          runRows(req, allOrNone, records, (row, type) => ({
            id: dml.insert(type, row, options),
            success: true,
            errors: [],
          })),
        );
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/composite\/sobjects$/,
      handler: (req): ApiResponse => {
        const { allOrNone, records } = bodyOf(req);
        const options = restWriteOptions(req);
        return ok(
          runRows(req, allOrNone, records, (row, type) => {
            const idKey = Object.keys(row).find((k) => k.toLowerCase() === 'id');
            const id = idKey ? row[idKey] : undefined;
            if (typeof id !== 'string' || id === '')
              throw new DmlFailure([
                { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] },
              ]);
            dml.update(type, id, row, options);
            return { id: toId18(id), success: true, errors: [] };
          }),
        );
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/composite\/sobjects\/(\w+)\/(\w+)$/,
      handler: (req, [name, field]): ApiResponse => {
        const { allOrNone, records } = bodyOf(req);
        const options = restWriteOptions(req);
        if (!org.schema.get(name)) throw notFound();
        return ok(
          runRows(req, allOrNone, records, (row, type) => {
            const result = dml.upsert(type, field, row, options);
            return { id: result.id, success: true, errors: [], created: result.created };
          }),
        );
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/composite\/sobjects$/,
      handler: (req): ApiResponse => {
        const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean);
        const allOrNone = (req.query.get('allOrNone') ?? 'false').toLowerCase() === 'true';
        const rows = ids.map((id) => ({ attributes: { type: org.schema.byKeyPrefix(id)?.name }, Id: id }));
        return ok(
          runRows(req, allOrNone, rows, (row) => ({
            id: dml.delete(undefined, String(row.Id)),
            success: true,
            errors: [],
          })),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/composite\/sobjects\/(\w+)$/,
      handler: (req, [name]): ApiResponse =>
        retrieve(
          req,
          name,
          (req.query.get('ids') ?? '').split(',').filter(Boolean),
          (req.query.get('fields') ?? 'Id').split(','),
        ),
    },
    {
      method: 'POST',
      pattern: /^\/composite\/sobjects\/(\w+)$/,
      handler: (req, [name]): ApiResponse => {
        const body = (req.body ?? {}) as { ids?: string[]; fields?: string[] };
        return retrieve(req, name, body.ids ?? [], body.fields ?? ['Id']);
      },
    },
  ];
}

function typeOf(row: Record<string, unknown>): string | undefined {
  const attributes = row.attributes as { type?: unknown } | undefined;
  return typeof attributes?.type === 'string' ? attributes.type : undefined;
}
