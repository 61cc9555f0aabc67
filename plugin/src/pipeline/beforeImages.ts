/*
 * Before a run updates a record that was already in the org, the values it is about to overwrite
 * are kept in the journal, so rollback can put them back. Only the fields the run writes are kept;
 * the first image of a record in a run wins, so a resumed run never overwrites it with its own values.
 *
 * Every batch is also journalled before it is sent (Journal.writeAhead), with whether each record
 * was there before. A run killed between a write and its booking leaves those rows behind; the
 * next run, or a rollback, settles them here by finding the records in the org, so what the killed
 * run created is known as its own and not taken for something a later run updated.
 */
import type { Connection } from '@salesforce/core';
import type { Row } from '../transform/rows.js';
import { EXTERNAL_ID } from '../transform/rows.js';
import { finishLeftoverJobs } from '../salesforce/bulk2.js';
import { inLists, queryAll } from '../salesforce/orgContext.js';
import { DECISION_OBJECT, findDecisions } from '../staging/orgDecisions.js';
import { findByKey, STAGED_OBJECT, STAGED_TARGET } from '../staging/runWrites.js';
import { findComments } from './comments.js';
import type { LoadContext } from './context.js';
import type { Journal, PendingWrite } from './journal.js';
import { findCaseLinks, findQueues } from './queues.js';

/** Fields Salesforce sets on insert only; an update never changes them, so they need no image. */
const INSERT_ONLY = new Set(['CreatedDate', 'CreatedById']);

/** `Parent.CW_Id__c` writes ParentId; `Site__r.CW_Id__c` writes Site__c. */
export function writtenField(key: string): string {
  const dot = key.indexOf('.');
  if (dot < 0) return key;
  const relationship = key.slice(0, dot);
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

/** Records in the org by natural key; a key may match several (two comments with the same text). */
type Finder = (conn: Connection, matchKeys: string[]) => Promise<Array<{ matchKey: string; sfId: string }>>;

/** Records with these CW ids: how every object that carries CW_Id__c is found again. */
export async function findByCwId(conn: Connection, object: string, cwIds: string[]): Promise<Array<{ matchKey: string; sfId: string }>> {
  const found: Array<{ matchKey: string; sfId: string }> = [];
  for (const list of inLists(cwIds)) {
    // eslint-disable-next-line no-await-in-loop
    const records = await queryAll<Record<string, string>>(conn, `SELECT Id, ${EXTERNAL_ID} FROM ${object} WHERE ${EXTERNAL_ID} IN (${list})`);
    found.push(...records.map((r) => ({ matchKey: r[EXTERNAL_ID], sfId: r.Id })));
  }
  return found;
}

/** Objects without CW_Id__c, found again by their natural key. */
const FINDERS: Record<string, Finder> = {
  CaseComment: findComments,
  Group: findQueues,
  QueueSobject: findCaseLinks,
  [DECISION_OBJECT]: findDecisions,
  [STAGED_OBJECT]: (conn, keys) => findByKey(conn, STAGED_TARGET, keys),
};

/**
 * Settles the writes interrupted runs sent but never booked: each is looked up in the org by its
 * natural key. One that is there now and was not before was created by its run; one that was there
 * before was updated by it (its before-image was kept before the write); one that is not there was
 * never written. Records the journal already knows as another source record's are not claimed.
 * Returns how many writes were found to have landed.
 */
export async function settleInterruptedWrites(conn: Connection, journal: Journal): Promise<number> {
  const byObject = new Map<string, PendingWrite[]>();
  for (const p of journal.pendingWrites()) byObject.set(p.object, [...(byObject.get(p.object) ?? []), p]);
  if (byObject.size === 0) return 0;
  // A Bulk API job the killed run started may still be writing; its records must be there (or
  // never come) before they are looked for.
  const identity = await conn.request<{ user_id: string }>('/services/oauth2/userinfo');
  await finishLeftoverJobs(conn, [...byObject.keys()], identity.user_id);
  let landed = 0;
  for (const [object, pending] of byObject) {
    const keys = [...new Set(pending.map((p) => p.matchKey))];
    const finder = FINDERS[object] ?? ((c: Connection, k: string[]): ReturnType<Finder> => findByCwId(c, object, k));
    // eslint-disable-next-line no-await-in-loop
    const found = await finder(conn, keys);
    const claimed = new Map([...journal.landed(object)].map(([sourceKey, sfId]) => [sfId.slice(0, 15), sourceKey]));
    const candidates = new Map<string, string[]>();
    for (const f of found) candidates.set(f.matchKey, [...(candidates.get(f.matchKey) ?? []), f.sfId]);
    const settled = pending.map((p) => {
      const free = candidates.get(p.matchKey) ?? [];
      const index = free.findIndex((id) => (claimed.get(id.slice(0, 15)) ?? p.sourceKey) === p.sourceKey);
      const sfId = index < 0 ? undefined : free.splice(index, 1)[0];
      return { ...p, sfId };
    });
    landed += settled.filter((s) => s.sfId !== undefined).length;
    journal.settlePending(settled);
  }
  return landed;
}

/** What a record holds now, read before a run writes it. */
export interface CurrentRecord {
  sfId: string;
  /** The values of the fields the run writes, by API name, as restore needs them. */
  image: Record<string, unknown>;
  /** The same record as queried, with relationship paths (Parent.CW_Id__c) for comparison. */
  queried: Record<string, unknown>;
}

/** Reads the current values of the fields `rows` will write, for rows already in the org, by CW id. */
export async function readCurrent(ctx: LoadContext, object: string, rows: Row[], existing: Set<string>): Promise<Map<string, CurrentRecord>> {
  const current = new Map<string, CurrentRecord>();
  const keys = rows.map((r) => String(r[EXTERNAL_ID])).filter((key) => existing.has(key));
  if (keys.length === 0) return current;
  const written = new Set<string>();
  const paths = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (key === EXTERNAL_ID || INSERT_ONLY.has(key)) continue;
      written.add(writtenField(key));
      if (key.includes('.')) paths.add(key);
    }
  }
  const select = [...new Set(['Id', EXTERNAL_ID, ...written, ...paths])].join(', ');
  for (const list of inLists(keys)) {
    // eslint-disable-next-line no-await-in-loop
    const records = await queryAll<Record<string, unknown>>(ctx.conn, `SELECT ${select} FROM ${object} WHERE ${EXTERNAL_ID} IN (${list})`);
    for (const { attributes, ...queried } of records) {
      const image = Object.fromEntries(['Id', EXTERNAL_ID, ...written].map((f) => [f, queried[f] ?? null]));
      current.set(String(queried[EXTERNAL_ID]), { sfId: String(queried.Id), image, queried });
    }
  }
  return current;
}
