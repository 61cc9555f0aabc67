/*
 * The migration engine run in this process against both emulators, for tests that need to stop it
 * at a chosen point (a journal call made to fail) rather than at a moment of the clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '@salesforce/core';
import { salesforceUsersFor } from '../../../test/cw-emulator/generator.js';
import { startCwEmulator, type CwEmulator } from '../../../test/cw-emulator/server.js';
import type { Tenant } from '../../../test/cw-emulator/types.js';
import {
  diffSnapshots,
  startOrgEmulator,
  type OrgEmulator,
  type OrgEmulatorOptions,
  type OrgSnapshot,
} from '../../../test/org-emulator/index.js';
import { diffLines, type RecordEntry } from '../../../test/org-emulator/snapshot.js';
import { keptRunRecord } from '../../../test/e2e/support.js';
import { connectWithToken } from '../../src/salesforce/connect.js';
import { Journal } from '../../src/pipeline/journal.js';
import { rollbackRun, type RollbackResult } from '../../src/pipeline/rollback.js';
import { listRuns } from '../../src/pipeline/runJournals.js';
import { runMigration, type MigrationOptions, type MigrationResult } from '../../src/pipeline/runMigration.js';
import { stageMapping, type StageOptions, type StageResult } from '../../src/staging/stage.js';
import { openDatabase } from '../../src/store/database.js';

export interface InProcess {
  cw: CwEmulator;
  org: OrgEmulator;
  conn: Connection;
  workDir: string;
  /** `sf cw migrate stage` without staged records: the mapping decisions into the org. */
  stage(options?: Partial<StageOptions>): Promise<StageResult>;
  migrate(options?: Partial<MigrationOptions>): Promise<MigrationResult>;
  rollback(runId: string, force?: boolean): Promise<RollbackResult>;
  /** Run ids in the work store, oldest first. */
  runIds(): string[];
  /** Opens the work store's journal for `use`, and closes it after. */
  withJournal<T>(use: (journal: Journal) => T): T;
  close(): Promise<void>;
}

export async function startInProcess(tenant: Tenant, orgOptions: OrgEmulatorOptions = { allowInactiveOwners: true }): Promise<InProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'cwm-inproc-'));
  const cw = await startCwEmulator({ tenant });
  const org = await startOrgEmulator(orgOptions);
  org.seed(
    'User',
    salesforceUsersFor(tenant).map((u) => ({ ...u, IsActive: true, Alias: u.Username.slice(0, 8) })),
  );
  const conn = await connectWithToken(org.instanceUrl, org.accessToken);
  const workDir = join(dir, 'work');
  const runIds = (): string[] => listRuns(workDir, org.orgId).map((r) => r.runId);
  const connectwise = {
    site: cw.site,
    companyId: cw.companyId,
    publicKey: cw.publicKey,
    privateKey: cw.privateKey,
    clientId: cw.clientId,
  };
  return {
    cw,
    org,
    conn,
    workDir,
    stage: (options = {}) =>
      stageMapping({
        conn,
        connectwise,
        workDir,
        records: 'none',
        sampleSize: 0,
        unmatchedMembers: 'placeholder',
        progress: () => undefined,
        ...options,
      }),
    migrate: (options = {}) =>
      runMigration({
        conn,
        connectwise,
        workDir,
        outputDir: join(dir, 'reports'),
        autoConfirm: true,
        confidence: 0.5,
        unmatchedMembers: 'placeholder',
        progress: () => undefined,
        ...options,
      }),
    rollback: (runId, force = false) => rollbackRun({ conn, workDir, runId, force, progress: () => undefined }),
    runIds,
    withJournal: <T>(use: (journal: Journal) => T): T => {
      const db = openDatabase(listRuns(workDir, org.orgId)[0].store);
      try {
        return use(new Journal(db));
      } finally {
        db.close();
      }
    },
    close: async (): Promise<void> => {
      await cw.close();
      await org.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes one Journal method throw, as a process killed at that point would stop, whenever `when`
 * holds for its arguments. Returns the function that puts the method back.
 */
export function failJournal<K extends 'recordWrites' | 'recordRollback'>(
  method: K,
  when: (...args: Parameters<Journal[K]>) => boolean,
): () => void {
  const original = Journal.prototype[method];
  const replacement = function (this: Journal, ...args: Parameters<Journal[K]>): void {
    if (when(...args)) throw new Error(`stopped before ${method}`);
    (original as (...a: Parameters<Journal[K]>) => void).apply(this, args);
  };
  Journal.prototype[method] = replacement as Journal[K];
  return () => {
    Journal.prototype[method] = original;
  };
}

/**
 * Every difference between two snapshots of an org, as readable lines. Users are never deleted, so
 * users added (and the profile's permission set assignment each gets) are left out, and so are the
 * run records `kept`, which a rollback keeps as the runs' history and lists.
 */
export function differences(before: OrgSnapshot, after: OrgSnapshot, kept: string[] = []): string[] {
  const diff = diffSnapshots(before, after);
  const addedUsers = new Set(diff.added.filter((r) => r.sobject === 'User').map((r) => r.id.slice(0, 15)));
  const userOwned = (r: RecordEntry): boolean =>
    r.sobject === 'User' ||
    (r.sobject === 'PermissionSetAssignment' && addedUsers.has(String(r.record.AssigneeId).slice(0, 15)));
  const keptRun = keptRunRecord(kept);
  return diffLines(diff, (r) => userOwned(r) || keptRun(r));
}
