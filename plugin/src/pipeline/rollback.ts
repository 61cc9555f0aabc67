/*
 * Rollback returns the org to its state before a run: records the run updated get their
 * before-images back first (so nothing is re-parented onto a record about to go), then records it
 * created are deleted, children before parents. Users are never deleted: placeholder users the
 * run created are deactivated and listed. Records changed in Salesforce after the run are left
 * alone, and the rollback refuses to start, unless told to go ahead anyway.
 *
 * A killed rollback continues where it stopped when run again: each record is journalled as dealt
 * with once the org has answered, a record already gone counts as deleted, and a restore is noted
 * before it is sent, so that its own change is not taken for someone else's when it resumes.
 */
import type { Connection } from '@salesforce/core';
import { ingest } from '../salesforce/bulk2.js';
import { deleteCollections, sendCollections } from '../salesforce/collections.js';
import { BULK_THRESHOLD } from '../salesforce/loader.js';
import { queryAll } from '../salesforce/orgContext.js';
import type { RowResult } from '../salesforce/results.js';
import type { Row } from '../transform/rows.js';
import { DECISION_OBJECT } from '../staging/orgDecisions.js';
import { RunLedger } from '../staging/runLedger.js';
import { STAGED_OBJECT } from '../staging/runWrites.js';
import { settleInterruptedWrites } from './beforeImages.js';
import type { Journal } from './journal.js';
import { openRunJournal } from './runJournals.js';

/** Created records are deleted in this order: children first. Objects with nothing journalled are skipped. */
const DELETE_ORDER = [
  STAGED_OBJECT,
  'CaseComment',
  'Case',
  'Entitlement',
  'ServiceContract',
  'Contact',
  'Account',
  'QueueSobject',
  'Group',
  DECISION_OBJECT,
];
/** Updated records are restored in this order: parents first. Staging records refer to nothing the run made. */
const RESTORE_ORDER = ['Account', 'Contact', 'ServiceContract', 'Entitlement', 'Case', DECISION_OBJECT, STAGED_OBJECT];
/** Objects whose records carry LastModifiedDate, so a change after the run can be seen. */
const CHECKED = [...new Set([...RESTORE_ORDER, ...DELETE_ORDER])].filter((o) => o !== 'QueueSobject');

export interface RollbackOptions {
  conn: Connection;
  workDir: string;
  runId: string;
  /** Roll back records changed in Salesforce after the run too. */
  force: boolean;
  progress: (phase: string, done: number, total: number) => void;
}

export interface ChangedRecord {
  object: string;
  id: string;
  lastModifiedDate: string;
}

export interface RollbackResult {
  runId: string;
  status: 'RolledBack' | 'Refused' | 'RolledBackWithFailures';
  deleted: Record<string, number>;
  restored: Record<string, number>;
  /** Placeholder users the run created, now inactive; users are never deleted. */
  deactivatedUsers: string[];
  /** The run's CWM_Run__c record, kept in the org as its history and marked rolled back. */
  runRecords: string[];
  /** Records changed in Salesforce after the run finished. */
  changedAfterRun: ChangedRecord[];
  /**
   * Later runs that wrote to the org and are not rolled back. They may rely on what this run made
   * (cases owned by its queues, contacts under its accounts), so they go first, newest first.
   */
  laterRuns: string[];
  failures: Array<{ object: string; id: string; error: string }>;
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

async function changedSince(conn: Connection, object: string, ids: string[], since: string): Promise<ChangedRecord[]> {
  const changed: ChangedRecord[] = [];
  for (const chunk of chunks(ids, 200)) {
    // eslint-disable-next-line no-await-in-loop
    const rows = await queryAll<{ Id: string; LastModifiedDate: string }>(
      conn,
      `SELECT Id, LastModifiedDate FROM ${object} WHERE Id IN (${chunk.map((id) => `'${id}'`).join(',')})`
    );
    for (const r of rows) {
      if (Date.parse(r.LastModifiedDate) > Date.parse(since)) changed.push({ object, id: r.Id, lastModifiedDate: r.LastModifiedDate });
    }
  }
  return changed;
}

/** A record that is already gone counts as rolled back. */
const gone = (r: RowResult): boolean => /^(ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY|NOT_FOUND)/.test(r.error ?? '');

async function deleteIds(conn: Connection, object: string, ids: string[]): Promise<RowResult[]> {
  if (ids.length < BULK_THRESHOLD) return deleteCollections(conn, ids);
  return ingest(conn, { object, operation: 'delete', rows: ids.map((Id) => ({ Id })), keyField: 'Id' });
}

function book(journal: Journal, result: RollbackResult, runId: string, object: string, ids: string[], results: RowResult[], outcome: string): number {
  const done: Array<{ sfId: string; outcome: string }> = [];
  results.forEach((r, i) => {
    if (r.success || gone(r)) done.push({ sfId: ids[i], outcome });
    else result.failures.push({ object, id: ids[i], error: r.error ?? 'unknown error' });
  });
  journal.recordRollback(runId, object, done);
  return done.length;
}

/** Rolls one run back; resumable, since every record dealt with is journalled as it goes. */
export async function rollbackRun(options: RollbackOptions): Promise<RollbackResult> {
  const identity = await options.conn.request<{ organization_id: string }>('/services/oauth2/userinfo');
  const opened = openRunJournal(options.workDir, identity.organization_id, options.runId);
  const { journal } = opened;
  const result: RollbackResult = {
    runId: options.runId,
    status: 'RolledBack',
    deleted: {},
    restored: {},
    deactivatedUsers: [],
    runRecords: [],
    changedAfterRun: [],
    laterRuns: [],
    failures: [],
  };
  try {
    // A run killed mid-write left records it never booked; they are its own to undo.
    await settleInterruptedWrites(options.conn, journal);
    const run = journal.run(options.runId)!;
    const pending = (object: string, action: 'created' | 'updated'): string[] => {
      const done = journal.rolledBack(options.runId, object);
      return journal.actions(options.runId, object, action).map((a) => a.sfId).filter((id) => !done.has(id));
    };
    result.laterRuns = journal
      .runs()
      .filter((r) => r.started > run.started && r.status !== 'Rolled Back' && journal.wroteAnything(r.runId))
      .map((r) => r.runId)
      .reverse();
    if (result.laterRuns.length > 0) return { ...result, status: 'Refused' };
    if (run.finished && !options.force) {
      for (const object of CHECKED) {
        // A restore an interrupted rollback sent without booking changed its record itself.
        // TODO: also excuse changes the rollback makes as side effects (a real org may stamp a case
        // whose comments are deleted) once a resumed rollback against a real org is seen to refuse so.
        const restoring = journal.restoring(options.runId, object);
        const ids = [...new Set([...pending(object, 'created'), ...pending(object, 'updated')])].filter((id) => !restoring.has(id));
        // eslint-disable-next-line no-await-in-loop
        result.changedAfterRun.push(...(await changedSince(options.conn, object, ids, run.finished)));
      }
      if (result.changedAfterRun.length > 0) return { ...result, status: 'Refused' };
    }

    for (const object of RESTORE_ORDER) {
      const done = journal.rolledBack(options.runId, object);
      const images = journal.beforeImages(options.runId, object).filter((image) => !done.has(image.sfId));
      if (images.length === 0) continue;
      options.progress(`Restoring ${object}`, 0, images.length);
      const rows = images.map(({ values }) => values as Row);
      journal.markRestoring(options.runId, object, images.map((i) => i.sfId));
      // eslint-disable-next-line no-await-in-loop
      const results = await sendCollections(options.conn, {
        object,
        operation: 'update',
        rows,
        headers: object === 'Case' ? { 'Sforce-Auto-Assign': 'FALSE' } : undefined,
      });
      result.restored[object] = book(journal, result, options.runId, object, images.map((i) => i.sfId), results, 'restored');
    }

    for (const object of DELETE_ORDER) {
      const ids = pending(object, 'created');
      if (ids.length === 0) continue;
      options.progress(`Deleting ${object}`, 0, ids.length);
      // eslint-disable-next-line no-await-in-loop
      const results = await deleteIds(options.conn, object, ids);
      result.deleted[object] = book(journal, result, options.runId, object, ids, results, 'deleted');
    }

    const users = pending('User', 'created');
    if (users.length > 0) {
      const results = await sendCollections(options.conn, { object: 'User', operation: 'update', rows: users.map((Id) => ({ Id, IsActive: false })) });
      book(journal, result, options.runId, 'User', users, results, 'deactivated');
    }
    result.deactivatedUsers = journal.actions(options.runId, 'User', 'created').map((a) => a.sfId);

    forgetDeletedQueues(journal, options.runId);
    if (result.failures.length > 0) result.status = 'RolledBackWithFailures';
    const status = result.status === 'RolledBack' ? 'Rolled Back' : 'Rollback Incomplete';
    journal.setRunStatus(options.runId, status);
    // The run's record stays in the org as its history; it now says the run was rolled back.
    result.runRecords = await RunLedger.setStatus(options.conn, [options.runId], status);
    return result;
  } finally {
    opened.close();
  }
}

/** Boards whose queue the rollback deleted go back to "create a queue" for the next run. */
function forgetDeletedQueues(journal: Journal, runId: string): void {
  const deleted = journal.rolledBack(runId, 'Group');
  const decisions = journal.decisions().map((d) =>
    d.kind === 'board' && d.confirmedTarget && deleted.has(d.confirmedTarget)
      ? { ...d, status: 'Create' as const, confirmedTarget: undefined }
      : d
  );
  journal.saveDecisions(decisions);
}
