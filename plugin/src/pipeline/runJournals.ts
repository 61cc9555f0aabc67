/*
 * Finding a run's journal: runs live in the work store of the ConnectWise company and org they
 * migrated, and commands such as rollback and status know only the org and the run id.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { SfError } from '@salesforce/core';
import { openDatabase } from '../store/database.js';
import { Journal, type RunRecord } from './journal.js';

export interface OpenJournal {
  journal: Journal;
  path: string;
  close(): void;
}

/** Every work store under `workDir` that belongs to the org. */
export function orgStores(workDir: string, orgId: string): string[] {
  const folder = join(workDir, '.cw-migrate');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(`--${orgId}.sqlite`))
    .map((name) => join(folder, name));
}

function open(path: string): { db: DatabaseSync; journal: Journal } {
  const db = openDatabase(path);
  return { db, journal: new Journal(db) };
}

/** Opens the journal that holds `runId`, or says which runs there are. */
export function openRunJournal(workDir: string, orgId: string, runId: string): OpenJournal {
  const known: string[] = [];
  for (const path of orgStores(workDir, orgId)) {
    const { db, journal } = open(path);
    if (journal.run(runId)) return { journal, path, close: () => db.close() };
    known.push(...journal.runs().map((r) => r.runId));
    db.close();
  }
  throw new SfError(
    `No run ${runId} for org ${orgId} in the work store under ${workDir}.`,
    'RunNotFound',
    known.length > 0
      ? [`Runs recorded for this org: ${known.join(', ')}.`, 'Pass --work-dir if the migration ran from another folder.']
      : ['Pass --work-dir with the folder the migration ran from (it holds .cw-migrate/).']
  );
}

/** All runs recorded for the org, oldest first, with the store each is in. */
export function listRuns(workDir: string, orgId: string): Array<RunRecord & { store: string }> {
  const runs: Array<RunRecord & { store: string }> = [];
  for (const path of orgStores(workDir, orgId)) {
    const { db, journal } = open(path);
    runs.push(...journal.runs().map((r) => ({ ...r, store: path })));
    db.close();
  }
  return runs.sort((a, b) => a.started.localeCompare(b.started));
}

/**
 * The ConnectWise company whose work store serves this org, for commands that run without
 * ConnectWise settings (--no-extract): the one store there is, or an error naming them all.
 */
export function storedCompanyId(workDir: string, orgId: string): string {
  const companies = orgStores(workDir, orgId).map((path) => {
    const { db, journal } = open(path);
    const id = journal.meta('cwCompanyId');
    db.close();
    return { path, id };
  });
  const known = companies.filter((c): c is { path: string; id: string } => c.id !== undefined);
  if (known.length === 1) return known[0].id;
  throw new SfError(
    known.length === 0
      ? `No work store for org ${orgId} under ${workDir}, and no ConnectWise settings to extract one.`
      : `Several work stores for org ${orgId} under ${workDir} (companies ${known.map((c) => c.id).join(', ')}).`,
    'NoConnectWise',
    known.length === 0
      ? ['Pass the ConnectWise settings (--cw-site, --cw-company-id, --cw-public-key, --cw-private-key, --cw-client-id, or the CW_* environment variables), or --work-dir with the folder of an earlier extract.']
      : ['Pass --cw-company-id (or set CW_COMPANY_ID) to say which one.']
  );
}
