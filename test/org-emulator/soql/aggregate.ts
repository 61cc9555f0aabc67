import type { FieldFunctionExpression } from '@jetstreamapp/soql-parser-js';
import type { StoredRecord } from '../store/table.js';
import type { FieldPath } from './paths.js';
import { compareValues } from './where.js';

/** One aggregate expression of the SELECT list (COUNT, COUNT_DISTINCT, MIN, MAX, SUM, AVG). */
export type AggregateItem = {
  fn: string;
  path?: FieldPath;
  alias: string;
};

export function aggregateItems(fns: Array<{ fn: FieldFunctionExpression; path?: FieldPath }>): AggregateItem[] {
  let unnamed = 0;
  return fns.map(({ fn, path }) => ({
    fn: fn.functionName.toUpperCase(),
    path,
    alias: fn.alias ?? `expr${unnamed++}`,
  }));
}

/**
 * Groups rows by the GROUP BY paths and computes each aggregate, producing AggregateResult records
 * (`{"attributes":{"type":"AggregateResult"}, "Name": ..., "expr0": ...}`).
 */
export function aggregate(
  rows: StoredRecord[],
  groupBy: FieldPath[],
  items: AggregateItem[],
): Array<Record<string, unknown>> {
  const groups = new Map<string, StoredRecord[]>();
  for (const row of rows) {
    const key = JSON.stringify(groupBy.map((p) => p.read(row)));
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(row);
  }
  if (groupBy.length === 0 && groups.size === 0) groups.set('[]', []);
  const out: Array<Record<string, unknown>> = [];
  for (const members of groups.values()) {
    const result: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    for (const path of groupBy) result[path.field.name] = members.length > 0 ? path.read(members[0]) : null;
    for (const item of items) result[item.alias] = compute(item, members);
    out.push(result);
  }
  return out;
}

function compute(item: AggregateItem, rows: StoredRecord[]): unknown {
  const values = item.path
    ? rows.map((r) => (item.path as FieldPath).read(r)).filter((v) => v !== null && v !== undefined)
    : rows;
  switch (item.fn) {
    case 'COUNT':
      return values.length;
    case 'COUNT_DISTINCT':
      return new Set(values.map((v) => String(v).toLowerCase())).size;
    case 'SUM':
      return values.length ? values.reduce((s: number, v) => s + Number(v), 0) : null;
    case 'AVG':
      return values.length ? values.reduce((s: number, v) => s + Number(v), 0) / values.length : null;
    case 'MIN':
      return values.length ? [...values].sort(compareValues)[0] : null;
    case 'MAX':
      return values.length ? [...values].sort(compareValues)[values.length - 1] : null;
    default:
      return null;
  }
}
