/*
 * A run's writes to the staging objects (mapping decisions, staged records), upserted on their own
 * key field. Rows that already hold every value are not sent, so a later run leaves an earlier
 * run's rows alone and they do not look changed after it. The values a run overwrites are kept as
 * before-images first and what it creates is journalled as its own, so rollback puts the staging
 * objects back as they were.
 */
import type { Connection } from '@salesforce/core';
import type { Journal } from '../pipeline/journal.js';
import { sendCollections } from '../salesforce/collections.js';
import { inLists, queryAll } from '../salesforce/orgContext.js';
import type { RowResult } from '../salesforce/results.js';

export type StagingRow = Record<string, string | number | boolean | null>;

export interface StagingTarget {
  object: string;
  /** The unique external id the rows are upserted on. */
  keyField: string;
}

/** Staged source records, upserted on their staged key (`ticket-123`). */
export const STAGED_OBJECT = 'CWM_Staged_Record__c';
export const STAGED_TARGET: StagingTarget = { object: STAGED_OBJECT, keyField: 'Staged_Key__c' };

/** Text the org keeps empty reads back as null. */
const sameValue = (a: unknown, b: unknown): boolean =>
  (a === '' ? null : (a ?? null)) === (b === '' ? null : (b ?? null));

/** Records of the object with these keys, read with the given fields. */
async function readByKey(
  conn: Connection,
  target: StagingTarget,
  keys: string[],
  fields: string[],
): Promise<Array<Record<string, unknown>>> {
  const select = [...new Set(['Id', target.keyField, ...fields])].join(', ');
  const found: Array<Record<string, unknown>> = [];
  for (const list of inLists(keys)) {
    // eslint-disable-next-line no-await-in-loop
    found.push(
      ...(await queryAll<Record<string, unknown>>(
        conn,
        `SELECT ${select} FROM ${target.object} WHERE ${target.keyField} IN (${list})`,
      )),
    );
  }
  return found;
}

/** Finds staging records again by their key: how an interrupted run's writes are settled. */
export async function findByKey(
  conn: Connection,
  target: StagingTarget,
  keys: string[],
): Promise<Array<{ matchKey: string; sfId: string }>> {
  const rows = await readByKey(conn, target, keys, []);
  return rows.map((r) => ({ matchKey: String(r[target.keyField]), sfId: String(r.Id) }));
}

/**
 * Upserts rows as a run's own writes; one result per row, in order. `current` is what the caller
 * already read of the object, by key, with Id and every field the rows hold; without it the
 * records are read here.
 */
export async function upsertForRun(
  conn: Connection,
  target: StagingTarget,
  rows: StagingRow[],
  run: { journal: Journal; runId: string },
  current?: Map<string, Record<string, unknown>>,
): Promise<RowResult[]> {
  if (rows.length === 0) return [];
  const read = async (): Promise<Map<string, Record<string, unknown>>> => {
    const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const inOrg = await readByKey(conn, target, rows.map((r) => String(r[target.keyField])), fields);
    return new Map(inOrg.map((r) => [String(r[target.keyField]), r]));
  };
  const byKey = current ?? (await read());
  const results: RowResult[] = new Array<RowResult>(rows.length);
  const send: Array<{ index: number; row: StagingRow; before?: Record<string, unknown> }> = [];
  rows.forEach((row, index) => {
    const before = byKey.get(String(row[target.keyField]));
    if (before && Object.keys(row).every((f) => sameValue(before[f], row[f])))
      results[index] = { index, success: true, id: String(before.Id), created: false };
    else send.push({ index, row, before });
  });
  if (send.length === 0) return results;
  run.journal.saveBeforeImages(
    run.runId,
    target.object,
    send.flatMap(({ row, before }) =>
      before
        ? [
            {
              sfId: String(before.Id),
              values: Object.fromEntries(['Id', ...Object.keys(row)].map((f) => [f, before[f] ?? null])),
            },
          ]
        : [],
    ),
  );
  const pending = send.map((s) => ({
    sourceKey: String(s.row[target.keyField]),
    matchKey: String(s.row[target.keyField]),
    existed: s.before !== undefined,
  }));
  await run.journal.writeAhead(run.runId, target.object, pending, async () => {
    const sent = await sendCollections(conn, {
      object: target.object,
      operation: 'upsert',
      externalIdField: target.keyField,
      rows: send.map((s) => s.row),
    });
    sent.forEach((r, i) => (results[send[i].index] = { ...r, index: send[i].index }));
    run.journal.recordWrites(
      run.runId,
      target.object,
      sent.flatMap((r, i) =>
        r.success && r.id
          ? [{ sourceKey: pending[i].sourceKey, sfId: r.id, created: r.created ?? !pending[i].existed }]
          : [],
      ),
    );
  });
  return results;
}
