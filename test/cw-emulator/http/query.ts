/**
 * The `orderBy` and `fields` query parameters (api-notes §4.2).
 */
import { readPath, splitPath } from '../conditions/fields.js';
import { CwRecord } from '../types.js';
import { badRequest } from './errors.js';

type Order = { path: string[]; descending: boolean };

/** Reads `orderBy=field/sub asc, other desc`. */
export function parseOrderBy(text: string): Order[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([A-Za-z_][A-Za-z0-9_/.]*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!match) throw badRequest(`orderBy '${part}' is not valid; use 'field asc' or 'field desc'.`);
      return { path: splitPath(match[1]), descending: match[2]?.toLowerCase() === 'desc' };
    });
}

function rank(value: unknown): [number, number | string] {
  if (value === undefined || value === null || typeof value === 'object') return [0, 0];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  return [2, String(value).toLowerCase()];
}

/** Sorts a copy of the records; nulls first ascending (SQL Server's order), ties by id. */
export function sortRecords(records: CwRecord[], orders: Order[]): CwRecord[] {
  const keyed = records.map((record) => ({
    record,
    keys: orders.map((order) => rank(readPath(record, order.path)[0])),
  }));
  keyed.sort((a, b) => {
    for (let index = 0; index < orders.length; index++) {
      const [kindA, valueA] = a.keys[index];
      const [kindB, valueB] = b.keys[index];
      const order = kindA !== kindB ? kindA - kindB : valueA < valueB ? -1 : valueA > valueB ? 1 : 0;
      if (order !== 0) return orders[index].descending ? -order : order;
    }
    return a.record.id - b.record.id;
  });
  return keyed.map((entry) => entry.record);
}

/** True when the records are already in ascending id order (the usual case), so no sort is needed. */
export function inIdOrder(records: CwRecord[]): boolean {
  for (let index = 1; index < records.length; index++) {
    if (records[index - 1].id > records[index].id) return false;
  }
  return true;
}

type FieldTree = Map<string, FieldTree | true>;

/** Reads `fields=id,summary,board/name` into a tree of lower-cased names. */
export function parseFields(text: string): FieldTree {
  const tree: FieldTree = new Map();
  for (const path of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    let node = tree;
    const segments = splitPath(path.toLowerCase());
    segments.forEach((segment, index) => {
      if (index === segments.length - 1) {
        node.set(segment, true);
        return;
      }
      const next = node.get(segment);
      if (next === true) return;
      const child: FieldTree = next ?? new Map<string, FieldTree | true>();
      node.set(segment, child);
      node = child;
    });
  }
  return tree;
}

/** A partial copy holding only the named fields; absent fields stay absent, as the API does. */
export function project(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((element) => project(element, tree));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const wanted = tree.get(key.toLowerCase());
    if (wanted === undefined || child === undefined) continue;
    result[key] = wanted === true ? child : project(child, wanted);
  }
  return result;
}
