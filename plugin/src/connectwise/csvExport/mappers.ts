/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { SourceRecord } from '../../store/workStore.js';
import { parseExportDate, type DateOrder } from './localTime.js';
import { syntheticId } from './syntheticId.js';

type Payload = Record<string, unknown> & { id: number };

/** One data row, read through the column positions of its file. */
export interface ExportRow {
  file: string;
  /** 1-based line of the header counts as row 1; data rows start at 2. */
  row: number;
  /** Cells of columns no field took: custom fields, or captions this reader does not know. */
  extras: Array<[caption: string, value: string]>;
  get(field: string): string | undefined;
}

/** A row that could not be read as it stands. */
export interface RowProblem {
  file: string;
  row: number;
  column?: string;
  message: string;
}

/** What mapping needs across files: settings, the problems list, and what earlier files named. */
export interface MapContext {
  timeZone: string;
  dateOrder: DateOrder;
  problems: RowProblem[];
  /** Company identifiers by lower-cased name; `null` when two companies share the name. */
  companiesByName: Map<string, string | null>;
  /** Contact ids by `companyId|first last`, lower-cased. */
  contactsByName: Map<string, number>;
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x']);

function text(row: ExportRow, field: string): string | undefined {
  const value = row.get(field)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function date(ctx: MapContext, row: ExportRow, field: string): string | undefined {
  const value = row.get(field);
  if (value === undefined) return undefined;
  try {
    return parseExportDate(value, ctx.timeZone, ctx.dateOrder)?.value;
  } catch (error) {
    ctx.problems.push({ file: row.file, row: row.row, column: field, message: (error as Error).message });
    return undefined;
  }
}

/** Sets a property only when there is a value: the API leaves empty properties out (api-notes §2). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== '') target[key] = value;
}

/** Marks where a record came from, in `_info` where the API keeps its metadata. */
function provenance(row: ExportRow, lastUpdated?: string): Record<string, string> {
  const info: Record<string, string> = { source: 'csv-export', file: row.file, row: String(row.row) };
  if (lastUpdated) info.lastUpdated = lastUpdated;
  return info;
}

/** Columns the reader does not know become custom fields with only a caption and a text value. */
function customFields(row: ExportRow): Array<Record<string, unknown>> | undefined {
  const fields = row.extras
    .filter(([, value]) => value.trim() !== '')
    .map(([caption, value]) => ({ id: syntheticId('customField', caption), caption, type: 'Text', value }));
  return fields.length > 0 ? fields : undefined;
}

function record(kind: SourceRecord['kind'], payload: Payload, parentId?: number): SourceRecord {
  const result: SourceRecord = { kind, id: payload.id, payload };
  if (parentId !== undefined) result.parentId = parentId;
  const lastUpdated = (payload._info as Record<string, string>).lastUpdated;
  if (lastUpdated) result.lastUpdated = lastUpdated;
  return result;
}

/** A company reference from an identifier column, or from a name that names exactly one company. */
function companyRef(
  ctx: MapContext,
  row: ExportRow,
  identifier?: string,
  name?: string,
): Record<string, unknown> | undefined {
  let key = identifier;
  if (!key && name) {
    const known = ctx.companiesByName.get(name.toLowerCase());
    if (known === null)
      ctx.problems.push({
        file: row.file,
        row: row.row,
        column: 'company',
        message: `"${name}" names more than one company; the reference is left unresolved`,
      });
    key = known ?? undefined;
  }
  if (!key && !name) return undefined;
  const reference: Record<string, unknown> = {};
  if (key) reference.id = syntheticId('company', key);
  put(reference, 'identifier', key);
  put(reference, 'name', name);
  return reference;
}

/** A member row as `system/members` would hold it. */
export function memberRecord(ctx: MapContext, row: ExportRow): SourceRecord | undefined {
  const identifier = text(row, 'identifier');
  if (!identifier) return undefined;
  const payload: Payload = { id: syntheticId('member', identifier), identifier };
  put(payload, 'firstName', text(row, 'firstName'));
  put(payload, 'lastName', text(row, 'lastName'));
  put(payload, 'primaryEmail', text(row, 'primaryEmail'));
  put(payload, 'title', text(row, 'title'));
  payload.inactiveFlag = TRUE.has((text(row, 'inactive') ?? '').toLowerCase());
  payload._info = provenance(row);
  return record('members', payload);
}

/** A company row; the parent is set later, once every company's name is known. */
export function companyRecord(ctx: MapContext, row: ExportRow): SourceRecord | undefined {
  const identifier = text(row, 'identifier');
  const name = text(row, 'name');
  if (!identifier || !name) return undefined;
  const payload: Payload = { id: syntheticId('company', identifier), identifier, name };
  const status = text(row, 'status');
  if (status) payload.status = { id: syntheticId('companyStatus', status), name: status };
  const type = text(row, 'type');
  if (type) payload.types = [{ id: syntheticId('companyType', type), name: type }];
  for (const field of ['addressLine1', 'addressLine2', 'city', 'state', 'zip', 'phoneNumber', 'faxNumber', 'website']) {
    put(payload, field, text(row, field));
  }
  const country = text(row, 'country');
  if (country) payload.country = { id: syntheticId('country', country), name: country };
  const parent = text(row, 'parentCompany');
  if (parent) payload.parentCompany = { name: parent };
  put(payload, 'customFields', customFields(row));
  payload._info = provenance(row, date(ctx, row, 'lastUpdated'));
  put(payload._info as Record<string, unknown>, 'dateEntered', date(ctx, row, 'dateEntered'));
  return record('companies', payload);
}

/** A contact row, with its email and phones as communication items. */
export function contactRecord(ctx: MapContext, row: ExportRow): SourceRecord | undefined {
  const firstName = text(row, 'firstName');
  if (!firstName) return undefined;
  const lastName = text(row, 'lastName');
  const company = companyRef(ctx, row, text(row, 'companyIdentifier'), text(row, 'company'));
  const email = text(row, 'email');
  const companyKey = String(company?.identifier ?? company?.name ?? '');
  const fullName = `${firstName} ${lastName ?? ''}`.trim();
  const id = syntheticId('contact', `${companyKey}|${fullName}|${email ?? ''}`);
  const payload: Payload = { id, firstName };
  put(payload, 'lastName', lastName);
  put(payload, 'company', company);
  put(payload, 'title', text(row, 'title'));
  payload.inactiveFlag = TRUE.has((text(row, 'inactive') ?? '').toLowerCase());
  const items: Array<Record<string, unknown>> = [];
  const item = (kind: string, typeName: string, value: string | undefined): void => {
    if (value)
      items.push({
        id: syntheticId('communication', `${id}|${typeName}`),
        type: { name: typeName },
        value,
        defaultFlag: true,
        communicationType: kind,
      });
  };
  item('Email', 'Email', email);
  item('Phone', 'Direct', text(row, 'phone'));
  item('Phone', 'Cell', text(row, 'mobile'));
  if (items.length > 0) payload.communicationItems = items;
  put(payload, 'customFields', customFields(row));
  payload._info = provenance(row, date(ctx, row, 'lastUpdated'));
  if (company?.id !== undefined) ctx.contactsByName.set(`${String(company.id)}|${fullName.toLowerCase()}`, id);
  return record('contacts', payload);
}

/** A ticket row. Board, status, priority and the rest are references by name with stand-in ids. */
export function ticketRecord(ctx: MapContext, row: ExportRow): SourceRecord | undefined {
  const number = text(row, 'id')?.replace(/^#/, '');
  if (!number || !/^\d+$/.test(number)) {
    ctx.problems.push({
      file: row.file,
      row: row.row,
      column: 'id',
      message: `"${number ?? ''}" is not a ticket number; the row is skipped`,
    });
    return undefined;
  }
  const payload: Payload = { id: Number(number), summary: text(row, 'summary') ?? '', recordType: 'ServiceTicket' };
  const board = text(row, 'board');
  if (board) payload.board = { id: syntheticId('board', board), name: board };
  const status = text(row, 'status');
  // Status names repeat across boards, so the stand-in id is keyed on both (api-notes quirk 14).
  if (status) payload.status = { id: syntheticId('status', `${board ?? ''}|${status}`), name: status };
  const company = companyRef(ctx, row, text(row, 'companyIdentifier'), text(row, 'company'));
  put(payload, 'company', company);
  const contact = text(row, 'contact');
  if (contact) {
    const known =
      company?.id === undefined ? undefined : ctx.contactsByName.get(`${String(company.id)}|${contact.toLowerCase()}`);
    payload.contact = known === undefined ? { name: contact } : { id: known, name: contact };
    payload.contactName = contact;
  }
  const priority = text(row, 'priority');
  if (priority) payload.priority = { id: syntheticId('priority', priority), name: priority };
  for (const field of ['type', 'subType', 'item']) {
    const value = text(row, field);
    if (value) payload[field] = { id: syntheticId(field, `${board ?? ''}|${value}`), name: value };
  }
  const resources = text(row, 'owner');
  if (resources) {
    const owner = resources.split(/[,;]/)[0].trim();
    payload.owner = { id: syntheticId('member', owner), identifier: owner };
    payload.resources = resources;
  }
  put(payload, 'requiredDate', date(ctx, row, 'requiredDate'));
  const closedDate = date(ctx, row, 'closedDate');
  const closed = text(row, 'closedFlag');
  payload.closedFlag = closed === undefined ? closedDate !== undefined : TRUE.has(closed.toLowerCase());
  put(payload, 'closedDate', closedDate);
  put(payload, 'customFields', customFields(row));
  const info = provenance(row, date(ctx, row, 'lastUpdated'));
  put(info, 'dateEntered', date(ctx, row, 'dateEntered'));
  put(info, 'enteredBy', text(row, 'enteredBy'));
  payload._info = info;
  return record('tickets', payload);
}
