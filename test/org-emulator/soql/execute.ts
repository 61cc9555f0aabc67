import { parseQuery, type FieldFunctionExpression, type Query } from '@jetstreamapp/soql-parser-js';
import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { StoredRecord } from '../store/table.js';
import { aggregate, aggregateItems } from './aggregate.js';
import { SoqlError, soqlError, unsupportedType } from './errors.js';
import { resolvePath, type FieldPath } from './paths.js';
import { attributes, placePath } from './project.js';
import { indexedCandidates } from './index-scan.js';
import { compareValues, compileWhere, type Predicate } from './where.js';

export type QueryOptions = {
  /** queryAll: include soft-deleted rows. */
  includeDeleted: boolean;
  apiVersion: string;
};

/** Result of one SOQL statement before paging. */
export type QueryOutcome = {
  objectName: string;
  totalSize: number;
  records: Array<Record<string, unknown>>;
  /** CSV column names (`Id`, `Account.Name`...) in SELECT order, for Bulk query results. */
  columns: string[];
  /** True for COUNT() and aggregate queries, which Bulk query and queryMore reject. */
  isAggregate: boolean;
};

export type Compiled = {
  obj: ObjectSchema;
  paths: FieldPath[];
  children: Array<{ relationshipName: string; field: string; plan: Plan; byParent?: Map<string, StoredRecord[]> }>;
  where?: Predicate;
  order: Array<{ path: FieldPath; desc: boolean; nullsLast: boolean }>;
};

/** Parses and runs a SOQL statement against the store, with the errors a real org gives for bad queries. */
export function runQuery(org: OrgContext, soql: string, options: QueryOptions): QueryOutcome {
  return execute(org, soql, parseSoql(soql), options);
}

/** soql-parser-js with its failures turned into the org's MALFORMED_QUERY. */
export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (err) {
    throw new SoqlError('MALFORMED_QUERY', `\n${soql}\n^\nERROR at Row:1:Column:1\n${(err as Error).message}`);
  }
}

export type Plan = {
  query: Query;
  countOnly: boolean;
  aggregates: Array<{ fn: FieldFunctionExpression; path?: FieldPath }>;
  groupBy: FieldPath[];
} & Compiled;

function execute(org: OrgContext, soql: string, query: Query, options: QueryOptions): QueryOutcome {
  const plan = compile(org, soql, query, options);
  const { obj } = plan;
  const narrowed = options.includeDeleted ? undefined : indexedCandidates(org, obj, query.where);
  let rows = narrowed ?? candidateRows(org, obj, options.includeDeleted);
  if (plan.where) rows = rows.filter(plan.where);
  if (plan.countOnly) {
    const total = query.limit !== undefined ? Math.min(rows.length, query.limit) : rows.length;
    return { objectName: obj.name, totalSize: total, records: [], columns: [], isAggregate: true };
  }
  if (plan.aggregates.length > 0 || plan.groupBy.length > 0) {
    const records = window(aggregate(rows, plan.groupBy, aggregateItems(plan.aggregates)), query);
    return { objectName: obj.name, totalSize: records.length, records, columns: [], isAggregate: true };
  }
  const records = window(sortRows(rows, plan), query).map((row) => project(org, plan, row, options));
  return {
    objectName: obj.name,
    totalSize: records.length,
    records,
    columns: plan.paths.map((p) => p.label),
    isAggregate: false,
  };
}

// eslint-disable-next-line complexity -- one branch per SELECT item kind, kept together to read like the grammar
export function compile(org: OrgContext, soql: string, query: Query, options: QueryOptions): Plan {
  const obj = org.schema.get(String(query.sObject));
  if (!obj || !obj.describe.queryable) throw unsupportedType(soql, String(query.sObject));
  for (const clause of ['usingScope', 'withDataCategory', 'having'] as const) {
    if (query[clause])
      throw soqlError(
        'MALFORMED_QUERY',
        soql,
        clause === 'usingScope' ? 'USING' : clause.toUpperCase(),
        `The emulator does not support ${clause} in queries.`,
      );
  }
  const plan: Plan = { obj, paths: [], children: [], order: [], query, countOnly: false, aggregates: [], groupBy: [] };
  for (const item of query.fields ?? []) {
    if (item.type === 'Field' || item.type === 'FieldRelationship') {
      plan.paths.push(
        resolvePath(
          org,
          soql,
          obj,
          item.type === 'Field' ? item.field : (item.rawValue ?? [...item.relationships, item.field].join('.')),
        ),
      );
    } else if (item.type === 'FieldFunctionExpression' && item.functionName.toUpperCase() === 'FIELDS') {
      const kind = String(item.parameters?.[0] ?? 'ALL').toUpperCase();
      for (const f of obj.fields) {
        if (kind === 'ALL' || (kind === 'CUSTOM') === f.custom) plan.paths.push(resolvePath(org, soql, obj, f.name));
      }
    } else if (item.type === 'FieldFunctionExpression' && item.isAggregateFn) {
      const param = item.parameters?.[0];
      if (item.functionName.toUpperCase() === 'COUNT' && param === undefined) plan.countOnly = true;
      else
        plan.aggregates.push({
          fn: item,
          path: typeof param === 'string' ? resolvePath(org, soql, obj, param) : undefined,
        });
    } else if (
      item.type === 'FieldFunctionExpression' &&
      item.functionName.toLowerCase() === 'tolabel' &&
      typeof item.parameters?.[0] === 'string'
    ) {
      plan.paths.push(resolvePath(org, soql, obj, item.parameters[0]));
    } else if (item.type === 'FieldSubquery') {
      const name = String(item.subquery.relationshipName);
      const rel = obj.childRelationship(name);
      const child = rel ? org.schema.get(rel.childSObject) : undefined;
      if (!rel || !child)
        throw soqlError(
          'INVALID_TYPE',
          soql,
          name,
          `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      const childPlan = compile(org, soql, { ...item.subquery, sObject: child.name } as Query, options);
      plan.children.push({ relationshipName: String(rel.relationshipName), field: rel.field, plan: childPlan });
    } else {
      throw soqlError(
        'MALFORMED_QUERY',
        soql,
        (item as { rawValue?: string }).rawValue ?? 'SELECT',
        'The emulator does not support this SELECT expression.',
      );
    }
  }
  const runSubquery = (sub: unknown): unknown[] => {
    const inner = execute(org, soql, sub as Query, options);
    return inner.records.map((r) => Object.entries(r).find(([k]) => k !== 'attributes')?.[1]);
  };
  if (query.where) plan.where = compileWhere(org, soql, obj, query.where, runSubquery);
  for (const o of (query.orderBy ? (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]) : []) as Array<{
    field?: string;
    order?: string;
    nulls?: string;
  }>) {
    if (!o.field)
      throw soqlError('MALFORMED_QUERY', soql, 'ORDER BY', 'The emulator supports ORDER BY on fields only.');
    const desc = String(o.order ?? 'ASC').toUpperCase() === 'DESC';
    plan.order.push({
      path: resolvePath(org, soql, obj, o.field),
      desc,
      nullsLast: o.nulls ? o.nulls.toUpperCase() === 'LAST' : desc,
    });
  }
  for (const g of (query.groupBy ? (Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy]) : []) as Array<{
    field?: string;
  }>) {
    if (!g.field)
      throw soqlError('MALFORMED_QUERY', soql, 'GROUP BY', 'The emulator supports GROUP BY on fields only.');
    plan.groupBy.push(resolvePath(org, soql, obj, g.field));
  }
  if ((query.offset ?? 0) > 2000)
    throw soqlError('NUMBER_OUTSIDE_VALID_RANGE', soql, 'OFFSET', 'Maximum SOQL offset allowed is 2000');
  return plan;
}

function window<T>(rows: T[], query: Query): T[] {
  const from = query.offset ?? 0;
  return rows.slice(from, query.limit !== undefined ? from + query.limit : undefined);
}

function candidateRows(org: OrgContext, obj: ObjectSchema, includeDeleted: boolean): StoredRecord[] {
  const table = org.store.table(obj.name);
  const live = [...table.live.values()];
  return includeDeleted ? live.concat([...table.deleted.values()]) : live;
}

function sortRows(rows: StoredRecord[], plan: Compiled): StoredRecord[] {
  if (plan.order.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const o of plan.order) {
      const x = lower(o.path.read(a));
      const y = lower(o.path.read(b));
      if (x === y) continue;
      if (x === null) return o.nullsLast ? 1 : -1;
      if (y === null) return o.nullsLast ? -1 : 1;
      const cmp = compareValues(x, y);
      if (cmp !== 0) return o.desc ? -cmp : cmp;
    }
    return 0;
  });
}

const lower = (v: unknown): unknown =>
  v === undefined || v === '' ? null : typeof v === 'string' ? v.toLowerCase() : v;

function project(org: OrgContext, plan: Compiled, row: StoredRecord, options: QueryOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributes(plan.obj, row.Id, options.apiVersion) };
  for (const path of plan.paths) placePath(org, out, plan.obj, row, path, options.apiVersion);
  for (const sub of plan.children) {
    const children = childRecords(org, sub, String(row.Id), options);
    out[sub.relationshipName] =
      children.length === 0 ? null : { totalSize: children.length, done: true, records: children };
  }
  return out;
}

/**
 * Child subquery rows for one parent. Children are grouped by parent id once per subquery (cached on the plan),
 * so a parent query over many rows does not rescan the child table for each parent.
 */
function childRecords(
  org: OrgContext,
  sub: Compiled['children'][number],
  parentId: string,
  options: QueryOptions,
): Array<Record<string, unknown>> {
  if (!sub.byParent) {
    sub.byParent = new Map();
    for (const row of candidateRows(org, sub.plan.obj, options.includeDeleted)) {
      const key = row[sub.field];
      if (typeof key !== 'string') continue;
      let list = sub.byParent.get(key);
      if (!list) sub.byParent.set(key, (list = []));
      list.push(row);
    }
  }
  let rows = sub.byParent.get(parentId) ?? [];
  if (sub.plan.where) rows = rows.filter(sub.plan.where);
  return window(sortRows(rows, sub.plan), sub.plan.query).map((row) => project(org, sub.plan, row, options));
}

/** The records a Bulk query job matched, with their CSV cells read page by page rather than all up front. */
export type RowSelection = {
  objectName: string;
  columns: string[];
  rows: StoredRecord[];
  /** True for aggregates and child subqueries, which Bulk API 2.0 query rejects. */
  unsupported: boolean;
  cells(row: StoredRecord): unknown[];
};

/**
 * Runs a query for a Bulk query job: filters and orders the rows but leaves them as stored, so a million-row result
 * costs one reference per row until a page of it is written. Cells are read when the page is asked for.
 */
export function selectRows(org: OrgContext, soql: string, options: QueryOptions): RowSelection {
  const query = parseSoql(soql);
  const plan = compile(org, soql, query, options);
  const unsupported =
    plan.countOnly || plan.aggregates.length > 0 || plan.groupBy.length > 0 || plan.children.length > 0;
  const narrowed = options.includeDeleted ? undefined : indexedCandidates(org, plan.obj, query.where);
  let rows = narrowed ?? candidateRows(org, plan.obj, options.includeDeleted);
  if (plan.where) rows = rows.filter(plan.where);
  rows = window(sortRows(rows, plan), query);
  const isDeleted = plan.paths.map((p) => p.hops.length === 0 && p.field.name === 'IsDeleted');
  return {
    objectName: plan.obj.name,
    columns: plan.paths.map((p) => p.label),
    rows,
    unsupported,
    cells: (row): unknown[] => plan.paths.map((p, i) => p.read(row) ?? (isDeleted[i] ? false : null)),
  };
}
