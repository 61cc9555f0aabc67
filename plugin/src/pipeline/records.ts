/*
 * Accounts (in waves by hierarchy depth), contacts and cases: upserts on CW_Id__c, so a re-run
 * updates instead of duplicating. Audit fields go only on rows that create a record.
 */
import type { Connection } from '@salesforce/core';
import { accountRow, planHierarchy } from '../transform/accounts.js';
import { caseRow, type CaseMapping } from '../transform/cases.js';
import { contactRow, flagDuplicateEmails } from '../transform/contacts.js';
import type { CustomFieldMapping } from '../transform/customFields.js';
import { EXTERNAL_ID, type Row } from '../transform/rows.js';
import type { CwCompany, CwContact, CwTicket, CwTicketNote } from '../transform/sourceTypes.js';
import { loadRows } from '../salesforce/loader.js';
import { preflightRow } from '../salesforce/preflight.js';
import { canSetAuditFields, queryAll, type ObjectDescribe } from '../salesforce/orgContext.js';
import { readCurrent, type CurrentRecord } from './beforeImages.js';
import { holdsRow } from '../verify/compare.js';
import { applyResults, statsFor, type LoadContext, type WrittenRow } from './context.js';

/** ConnectWise ids that already have a record in the org, so their rows must not carry audit fields. */
export async function existingIds(conn: Connection, object: string): Promise<Set<string>> {
  const rows = await queryAll<Record<string, string>>(conn, `SELECT ${EXTERNAL_ID} FROM ${object} WHERE ${EXTERNAL_ID} != null`);
  return new Set(rows.map((r) => r[EXTERNAL_ID]));
}

export function describeOf(ctx: LoadContext, object: string): ObjectDescribe {
  const describe = ctx.org.describes.get(object);
  if (!describe) throw new Error(`No describe for ${object}.`);
  return describe;
}

/** How a prediction reads in the report when the row is sent anyway (pre-flight mode `predict`). */
export const PREDICTED = 'Pre-flight predicts';

/** Keeps the rows the org will take; the others get a "failed" line with the error it would give. */
function passPreflight(
  ctx: LoadContext,
  object: string,
  sourceKind: string,
  items: Array<{ id: number; row: Row }>,
  existing: Set<string>
): Array<{ id: number; row: Row }> {
  const describe = describeOf(ctx, object);
  return items.filter((item) => {
    const errors = preflightRow(ctx.org, describe, item.row, existing.has(String(item.id)) ? 'update' : 'insert');
    if (errors.length === 0) return true;
    if (ctx.preflight === 'predict') {
      for (const e of errors) {
        ctx.problems.add({ outcome: 'flagged', sourceKind, sourceId: item.id, object, field: e.field, reason: `${PREDICTED} ${e.code}: ${e.message}` });
      }
      return true;
    }
    statsFor(ctx, object).failed++;
    for (const e of errors) {
      ctx.problems.add({
        outcome: 'failed',
        sourceKind,
        sourceId: item.id,
        object,
        field: e.field,
        reason: `${e.code}: ${e.message} (found before sending; the record was not sent)`,
        action: 'Correct the value in ConnectWise or the mapping, then run again.',
      });
    }
    return false;
  });
}

export async function upsert(
  ctx: LoadContext,
  object: string,
  sourceKind: string,
  items: Array<{ id: number; row: Row }>,
  existing: Set<string>,
  headers?: Record<string, string>
): Promise<Map<string, string>> {
  items = passPreflight(ctx, object, sourceKind, items, existing);
  if (items.length === 0) return new Map();
  const current = await readCurrent(
    ctx,
    object,
    items.map((i) => i.row),
    existing
  );
  // A record that already holds every value is not written again: no needless update, and no
  // trigger or flow in the org fires for nothing.
  const landedAlready = new Map<string, string>();
  const describe = describeOf(ctx, object);
  items = items.filter((item) => {
    const now = current.get(String(item.id));
    if (!now || !holdsRow(describe, now.queried, item.row)) return true;
    landedAlready.set(String(item.id), now.sfId);
    return false;
  });
  statsFor(ctx, object).unchanged += landedAlready.size;
  ctx.journal.recordLanded(object, [...landedAlready].map(([sourceKey, sfId]) => ({ sourceKey, sfId })));
  ctx.journal.saveBeforeImages(
    ctx.runId,
    object,
    items.map((i) => current.get(String(i.id))).filter((c): c is CurrentRecord => c !== undefined).map((c) => ({ sfId: c.sfId, values: c.image }))
  );
  if (items.length === 0) return landedAlready;
  const written: WrittenRow[] = items.map((i) => ({ sourceKind, sourceId: i.id, sourceKey: String(i.id) }));
  const pending = items.map((i) => ({ sourceKey: String(i.id), matchKey: String(i.row[EXTERNAL_ID]), existed: current.has(String(i.id)) }));
  const landed = await ctx.journal.writeAhead(ctx.runId, object, pending, async () => {
    const { results } = await loadRows(ctx.conn, {
      object,
      operation: 'upsert',
      externalIdField: EXTERNAL_ID,
      rows: items.map((i) => i.row),
      headers,
    });
    return applyResults(ctx, object, written, results);
  });
  return new Map([...landedAlready, ...landed]);
}

/** Loads companies as accounts, parents before children. Returns the ids that landed. */
export async function loadAccounts(ctx: LoadContext, allCompanies: CwCompany[], customFields?: CustomFieldMapping): Promise<Map<string, string>> {
  const stats = statsFor(ctx, 'Account');
  stats.read += allCompanies.length;
  const companies = allCompanies.filter((company) => {
    if (company.deletedFlag !== true) return true;
    stats.skipped++;
    ctx.problems.add({
      outcome: 'skipped',
      sourceKind: 'company',
      sourceId: company.id,
      object: 'Account',
      reason: 'The company is deleted in ConnectWise (deletedFlag); it is not migrated.',
    });
    return false;
  });
  const existing = await existingIds(ctx.conn, 'Account');
  const audit = canSetAuditFields(ctx.org, 'Account');
  const plan = planHierarchy(companies, ctx.problems);
  const landed = new Map<string, string>();
  const landedKeys = new Set<string>();
  let done = 0;
  ctx.progress('Accounts', 0, companies.length);
  for (const wave of plan.waves) {
    const items = wave.companies.map((company) => ({
      id: company.id,
      row: accountRow(company, {
        describe: describeOf(ctx, 'Account'),
        problems: ctx.problems,
        setAuditFields: (c) => audit && !existing.has(String(c.id)),
        landedParents: landedKeys,
        parentOf: plan.parentOf,
        customFields,
      }),
    }));
    // eslint-disable-next-line no-await-in-loop
    for (const [key, id] of await upsert(ctx, 'Account', 'company', items, existing)) {
      landed.set(key, id);
      landedKeys.add(key);
    }
    done += wave.companies.length;
    ctx.progress('Accounts', done, companies.length);
  }
  return landed;
}

export async function loadContacts(
  ctx: LoadContext,
  contacts: CwContact[],
  landedAccounts: Set<string>,
  customFields?: CustomFieldMapping
): Promise<Map<string, string>> {
  statsFor(ctx, 'Contact').read += contacts.length;
  flagDuplicateEmails(contacts, ctx.problems);
  const existing = await existingIds(ctx.conn, 'Contact');
  const audit = canSetAuditFields(ctx.org, 'Contact');
  const items = contacts.map((contact) => ({
    id: contact.id,
    row: contactRow(contact, {
      describe: describeOf(ctx, 'Contact'),
      problems: ctx.problems,
      setAuditFields: (c) => audit && !existing.has(String(c.id)),
      landedAccounts,
      customFields,
      sourceIds: ctx.sourceIds,
    }),
  }));
  ctx.progress('Contacts', 0, contacts.length);
  const landed = await upsert(ctx, 'Contact', 'contact', items, existing);
  ctx.progress('Contacts', contacts.length, contacts.length);
  return landed;
}

export interface CaseLoadResult {
  landed: Map<string, string>;
  /** Description text that did not fit, by ticket id, to continue as comments. */
  descriptionOverflow: Map<number, string[]>;
}

export async function loadCases(
  ctx: LoadContext,
  tickets: CwTicket[],
  notesByTicket: Map<number, CwTicketNote[]>,
  mapping: CaseMapping,
  landedAccounts: Set<string>,
  landedContacts: Set<string>,
  customFields?: CustomFieldMapping
): Promise<CaseLoadResult> {
  const stats = statsFor(ctx, 'Case');
  stats.read += tickets.length;
  const existing = await existingIds(ctx.conn, 'Case');
  const audit = canSetAuditFields(ctx.org, 'Case');
  const items: Array<{ id: number; row: Row }> = [];
  const descriptionOverflow = new Map<number, string[]>();
  for (const ticket of tickets) {
    const result = caseRow(ticket, notesByTicket.get(ticket.id) ?? [], {
      describe: describeOf(ctx, 'Case'),
      problems: ctx.problems,
      mapping,
      setAuditFields: (t) => audit && !existing.has(String(t.id)),
      inOrg: (t) => existing.has(String(t.id)),
      landedAccounts,
      landedContacts,
      customFields,
      sourceIds: ctx.sourceIds,
    });
    if (!result.row) {
      stats.skipped++;
      continue;
    }
    items.push({ id: ticket.id, row: result.row });
    if (result.descriptionOverflow.length > 0) descriptionOverflow.set(ticket.id, result.descriptionOverflow);
  }
  ctx.progress('Cases', 0, tickets.length);
  // Assignment rules would re-own every migrated case; REST applies them unless told not to.
  const landed = await upsert(ctx, 'Case', 'ticket', items, existing, { 'Sforce-Auto-Assign': 'FALSE' });
  ctx.progress('Cases', tickets.length, tickets.length);
  return { landed, descriptionOverflow };
}
