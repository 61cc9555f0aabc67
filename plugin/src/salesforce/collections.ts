/*
 * sObject Collections: up to 200 rows a request, results in input order. Used for small sets and
 * for objects without an external id, where input order is how a result finds its row.
 */
import type { Connection } from '@salesforce/core';
import type { Row } from '../transform/rows.js';
import type { RowResult } from './results.js';
import { requestWithRetry } from './retry.js';

export const COLLECTION_SIZE = 200;

interface CollectionItem {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode: string; message: string; fields?: string[] }>;
}

export interface CollectionRequest {
  object: string;
  operation: 'insert' | 'upsert' | 'update';
  /** The external id field for upserts. */
  externalIdField?: string;
  rows: Row[];
  /** Extra request headers, e.g. Sforce-Auto-Assign: FALSE for cases. */
  headers?: Record<string, string>;
}

/** Turns flat `Relationship.Field` keys into the nested form REST expects. */
export function toRestRecord(object: string, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: { type: object } };
  for (const [key, value] of Object.entries(row)) {
    const dot = key.indexOf('.');
    if (dot < 0) record[key] = value;
    else record[key.slice(0, dot)] = { [key.slice(dot + 1)]: value };
  }
  return record;
}

/** Sends rows through sObject Collections, 200 at a time, never all-or-none. */
export async function sendCollections(conn: Connection, request: CollectionRequest): Promise<RowResult[]> {
  const base = `/services/data/v${conn.getApiVersion()}/composite/sobjects`;
  const url = request.operation === 'upsert' ? `${base}/${request.object}/${request.externalIdField ?? ''}` : base;
  const method = request.operation === 'insert' ? 'POST' : 'PATCH';
  const results: RowResult[] = [];
  for (let start = 0; start < request.rows.length; start += COLLECTION_SIZE) {
    const chunk = request.rows.slice(start, start + COLLECTION_SIZE);
    // eslint-disable-next-line no-await-in-loop
    const items = await requestWithRetry<CollectionItem[]>(
      conn,
      {
        method,
        url,
        body: JSON.stringify({ allOrNone: false, records: chunk.map((row) => toRestRecord(request.object, row)) }),
        headers: { 'content-type': 'application/json', ...request.headers },
      },
      { idempotent: request.operation !== 'insert' }
    );
    items.forEach((item, offset) => {
      results.push({
        index: start + offset,
        success: item.success,
        id: item.id ?? undefined,
        created: item.created,
        error: item.errors?.map((e) => `${e.statusCode}: ${e.message}`).join('; ') || undefined,
        fields: item.errors?.flatMap((e) => e.fields ?? []),
      });
    });
  }
  return results;
}

/** Deletes records by id through sObject Collections, 200 at a time, never all-or-none. */
export async function deleteCollections(conn: Connection, ids: string[]): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (let start = 0; start < ids.length; start += COLLECTION_SIZE) {
    const chunk = ids.slice(start, start + COLLECTION_SIZE);
    // eslint-disable-next-line no-await-in-loop
    const items = await requestWithRetry<CollectionItem[]>(
      conn,
      { method: 'DELETE', url: `/services/data/v${conn.getApiVersion()}/composite/sobjects?ids=${chunk.join(',')}&allOrNone=false` },
      { idempotent: true }
    );
    items.forEach((item, offset) => {
      results.push({
        index: start + offset,
        success: item.success,
        id: item.id ?? chunk[offset],
        error: item.errors?.map((e) => `${e.statusCode}: ${e.message}`).join('; ') || undefined,
      });
    });
  }
  return results;
}
