import type { OrgContext } from '../org-context.js';
import type { FieldDescribe } from '../schema/types.js';
import { compile, parseSoql, type Plan } from './execute.js';

/** One entry of `columnMetadata` (`GET /query?q=...&columns=true`), which `sf data query` uses to lay out results. */
export type ColumnMetadata = {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: string | null;
  insertable: boolean;
  joinColumns: ColumnMetadata[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
};

const APEX_TYPES: Record<string, string> = {
  id: 'Id',
  reference: 'Id',
  boolean: 'Boolean',
  int: 'Integer',
  double: 'Double',
  currency: 'Decimal',
  percent: 'Double',
  date: 'Date',
  datetime: 'Datetime',
  time: 'Time',
  address: 'Address',
};

function fieldColumn(field: FieldDescribe): ColumnMetadata {
  const apexType = APEX_TYPES[field.type] ?? 'String';
  return {
    aggregate: false,
    apexType,
    booleanType: apexType === 'Boolean',
    columnName: field.name,
    custom: field.custom,
    displayName: field.name,
    foreignKeyName: null,
    insertable: field.createable,
    joinColumns: [],
    numberType: ['Integer', 'Double', 'Decimal'].includes(apexType),
    textType: apexType === 'String',
    updatable: field.updateable,
  };
}

function relationshipColumn(name: string): ColumnMetadata {
  return {
    aggregate: false,
    apexType: null,
    booleanType: false,
    columnName: name,
    custom: name.endsWith('__r'),
    displayName: name,
    foreignKeyName: null,
    insertable: false,
    joinColumns: [],
    numberType: false,
    textType: false,
    updatable: false,
  };
}

function planColumns(plan: Plan): ColumnMetadata[] {
  const columns: ColumnMetadata[] = [];
  for (const path of plan.paths) {
    let level = columns;
    for (const hop of path.hops) {
      let rel = level.find((c) => c.columnName === hop.relationshipName && c.apexType === null);
      if (!rel) level.push((rel = relationshipColumn(hop.relationshipName)));
      level = rel.joinColumns;
    }
    level.push(fieldColumn(path.field));
  }
  for (const child of plan.children) {
    columns.push({
      ...relationshipColumn(child.relationshipName),
      aggregate: true,
      joinColumns: planColumns(child.plan),
    });
  }
  let unnamed = 0;
  for (const { fn } of plan.aggregates) {
    const name = fn.alias ?? `expr${unnamed++}`;
    columns.push({
      ...relationshipColumn(name),
      aggregate: true,
      apexType: fn.functionName.toUpperCase().startsWith('COUNT') ? 'Integer' : null,
      displayName: fn.rawValue ?? name,
    });
  }
  return columns;
}

/** Column metadata for a query, as the query resource returns it with `columns=true` (no rows are read). */
export function queryColumns(org: OrgContext, soql: string, apiVersion: string): Record<string, unknown> {
  const plan = compile(org, soql, parseSoql(soql), { includeDeleted: false, apiVersion });
  return {
    columnMetadata: planColumns(plan),
    entityName: plan.obj.name,
    groupBy: plan.groupBy.length > 0,
    idSelected: plan.paths.some((p) => p.hops.length === 0 && p.field.name === 'Id'),
    keyPrefix: plan.obj.keyPrefix || null,
  };
}
