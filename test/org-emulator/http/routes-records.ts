import type { WriteOptions } from '../dml/engine.js';
import { DmlFailure } from '../dml/errors.js';
import { toId18 } from '../ids.js';
import type { ObjectSchema } from '../schema/schema.js';
import { attributes, outputValue } from '../soql/project.js';
import type { EmulatorState } from '../state.js';
import type { StoredRecord } from '../store/table.js';
import { ApiError, noContent, notFound, ok, type ApiRequest, type ApiResponse, type Route } from './api.js';

/** REST answers a rejected record with HTTP 400 and the errors under `errorCode` (collections use `statusCode`). */
export function failureResponse(err: DmlFailure): ApiResponse {
  return {
    status: 400,
    body: err.errors.map((e) => ({ message: e.message, errorCode: e.statusCode, fields: e.fields })),
  };
}

/** `Sforce-Auto-Assign` defaults to TRUE for REST writes; only FALSE (any case) turns the assignment rule off. */
export function restWriteOptions(req: ApiRequest): WriteOptions {
  return { source: 'json', autoAssign: (req.headers['sforce-auto-assign'] ?? 'TRUE').toUpperCase() !== 'FALSE' };
}

export function asRecord(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of sObject from the request body');
  }
  return body as Record<string, unknown>;
}

/** A stored record as `GET /sobjects/{o}/{id}` returns it: every field (or `?fields=`), with `attributes`. */
export function recordJson(
  obj: ObjectSchema,
  record: StoredRecord,
  version: string,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributes(obj, record.Id, version) };
  const selected = fields ? fields.map((f) => obj.field(f)).filter((f) => f !== undefined) : obj.fields;
  for (const field of selected) out[field.name] = outputValue(obj, field, record);
  return out;
}

/** Single-record create, read, update, delete and upsert under `/sobjects`. */
export function recordRoutes(state: EmulatorState): Route[] {
  const objectOf = (name: string): ObjectSchema => {
    const obj = state.org.schema.get(name);
    if (!obj) throw notFound();
    return obj;
  };
  const guard = (fn: () => ApiResponse): ApiResponse => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof DmlFailure) return failureResponse(err);
      throw err;
    }
  };
  const read = (req: ApiRequest, obj: ObjectSchema, record: StoredRecord | undefined): ApiResponse => {
    if (!record) throw notFound();
    const fields = req.query
      .get('fields')
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const unknown = fields?.find((f) => !obj.field(f));
    if (unknown)
      throw new ApiError(
        400,
        'INVALID_FIELD',
        `No such column '${unknown}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    return ok(recordJson(obj, record, req.version, fields));
  };
  return [
    {
      method: 'POST',
      pattern: /^\/sobjects\/(\w+)$/,
      handler: (req, [name]): ApiResponse =>
        guard(() => {
          const obj = objectOf(name);
          const id = state.dml.insert(obj.name, asRecord(req.body), restWriteOptions(req));
          return ok({ id, success: true, errors: [] }, 201);
        }),
    },
    {
      method: 'GET',
      pattern: /^\/sobjects\/(\w+)\/(\w{15}|\w{18})$/,
      handler: (req, [name, idText]): ApiResponse => {
        const obj = objectOf(name);
        const id = toId18(idText);
        return read(req, obj, id ? state.org.store.get(obj.name, id) : undefined);
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/sobjects\/(\w+)\/(\w{15}|\w{18})$/,
      handler: (req, [name, id]): ApiResponse =>
        guard(() => {
          state.dml.update(objectOf(name).name, id, asRecord(req.body), restWriteOptions(req));
          return noContent();
        }),
    },
    {
      method: 'DELETE',
      pattern: /^\/sobjects\/(\w+)\/(\w{15}|\w{18})$/,
      handler: (_req, [name, id]): ApiResponse =>
        guard(() => {
          const obj = objectOf(name);
          // The record resource of an object that cannot be deleted (User) does not offer DELETE at all.
          if (!obj.describe.deletable) {
            const allowed = obj.describe.updateable ? 'HEAD,GET,PATCH' : 'HEAD,GET';
            throw new ApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method 'DELETE' not allowed. Allowed are ${allowed}`);
          }
          state.dml.delete(obj.name, id);
          return noContent();
        }),
    },
    {
      method: 'GET',
      pattern: /^\/sobjects\/(\w+)\/(\w+)\/(.+)$/,
      handler: (req, [name, fieldName, value]): ApiResponse => {
        const obj = objectOf(name);
        const field = obj.field(fieldName);
        if (!field || !(field.externalId || field.idLookup)) throw notFound();
        const ids = state.org.store.table(obj.name).lookup(field.name, value);
        if (ids.length > 1)
          return { status: 300, body: ids.map((id) => `/services/data/v${req.version}/sobjects/${obj.name}/${id}`) };
        return read(req, obj, ids[0] ? state.org.store.get(obj.name, ids[0]) : undefined);
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/sobjects\/(\w+)\/(\w+)\/(.+)$/,
      handler: (req, [name, fieldName, value]): ApiResponse =>
        guard(() => {
          const obj = objectOf(name);
          const field = obj.field(fieldName);
          if (!field || !(field.externalId || field.idLookup)) {
            throw new ApiError(
              404,
              'NOT_FOUND',
              `Provided external ID field does not exist or is not accessible: ${fieldName}`,
            );
          }
          const ids = field.name === 'Id' ? [] : state.org.store.table(obj.name).lookup(field.name, value);
          if (ids.length > 1)
            return { status: 300, body: ids.map((id) => `/services/data/v${req.version}/sobjects/${obj.name}/${id}`) };
          const input = { ...asRecord(req.body), [field.name]: value };
          const result = state.dml.upsert(obj.name, field.name, input, restWriteOptions(req));
          return ok({ id: result.id, success: true, errors: [], created: result.created }, result.created ? 201 : 200);
        }),
    },
  ];
}
