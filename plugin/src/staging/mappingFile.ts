/*
 * `mapping export` and `mapping import`: the decisions as the next run would follow them (the
 * org's staged decisions over the work store's), out to a CSV file and back. An import writes
 * nothing unless every row is good, and then only the decisions it changes, to the work store and,
 * where the decisions are staged, to the org.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Messages, SfError, type Connection } from '@salesforce/core';
import { decisionKey, isOpen, type MappingDecision } from '../mapping/decisions.js';
import { Journal } from '../pipeline/journal.js';
import { orgStores, storedCompanyId } from '../pipeline/runJournals.js';
import { sendCollections } from '../salesforce/collections.js';
import { readOrgContext } from '../salesforce/orgContext.js';
import { openDatabase } from '../store/database.js';
import { decisionsToCsv, mappingTargets, readDecisionsCsv, type BadRow, type MappingTargets } from './mappingCsv.js';
import { DECISION_OBJECT, preferOrgDecisions, readOrgDecisions, writeOrgDecisions } from './orgDecisions.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const exportMessages = Messages.loadMessages('@cw-migrate/plugin', 'mapping.export');
const importMessages = Messages.loadMessages('@cw-migrate/plugin', 'mapping.import');

export interface MappingFileOptions {
  conn: Connection;
  /** Folder that holds the work store (.cw-migrate/). */
  workDir: string;
  /** Which company's work store, where the org has several. */
  cwCompanyId?: string;
  /** The CSV file to write or read. */
  file: string;
}

/** Where the decisions were read from: the org's staged records, the work store, or both. */
export type DecisionPlace = 'org' | 'work store';

export interface MappingExportResult {
  file: string;
  decisions: number;
  openDecisions: number;
  readFrom: DecisionPlace[];
  workStore?: string;
}

export interface MappingChange {
  kind: string;
  sourceKey: string;
  sourceLabel: string;
  status: string;
  target?: string;
}

export interface MappingImportResult {
  file: string;
  rows: number;
  changed: number;
  unchanged: number;
  /** Where the changes were saved; empty on a dry run. */
  savedTo: DecisionPlace[];
  changes: MappingChange[];
  workStore?: string;
}

interface Surface {
  decisions: MappingDecision[];
  staged: boolean;
  targets: MappingTargets;
  journal?: Journal;
  storePath?: string;
  close(): void;
}

/** The work store journal of this org (and company), when there is one. */
function openJournal(
  workDir: string,
  orgId: string,
  cwCompanyId: string | undefined,
): { journal: Journal; path: string; close(): void } | undefined {
  const paths = orgStores(workDir, orgId);
  if (paths.length === 0) return undefined;
  const companyId = cwCompanyId ?? storedCompanyId(workDir, orgId);
  for (const path of paths) {
    const db = openDatabase(path);
    const journal = new Journal(db);
    if (journal.meta('cwCompanyId') === companyId) return { journal, path, close: () => db.close() };
    db.close();
  }
  return undefined;
}

async function readSurface(options: MappingFileOptions): Promise<Surface> {
  const org = await readOrgContext(options.conn);
  const orgDecisions = await readOrgDecisions(options.conn);
  const store = openJournal(options.workDir, org.orgId, options.cwCompanyId);
  const stored = store?.journal.decisions() ?? [];
  const staged = orgDecisions.length > 0;
  const decisions = staged ? preferOrgDecisions(stored, orgDecisions) : stored;
  if (decisions.length === 0) {
    store?.close();
    throw exportMessages.createError('error.NoDecisions', [org.orgId, options.workDir]);
  }
  return {
    decisions,
    staged,
    targets: mappingTargets(org),
    journal: store?.journal,
    storePath: store?.path,
    close: () => store?.close(),
  };
}

const placesOf = (surface: Surface): DecisionPlace[] =>
  [surface.staged ? 'org' : undefined, surface.journal ? 'work store' : undefined].filter(
    (p): p is DecisionPlace => p !== undefined,
  );

/** Writes every decision, one CSV row each, to `options.file`. */
export async function exportMapping(options: MappingFileOptions): Promise<MappingExportResult> {
  const surface = await readSurface(options);
  try {
    writeFileSync(options.file, decisionsToCsv(surface.decisions, surface.targets));
    return {
      file: options.file,
      decisions: surface.decisions.length,
      openDecisions: surface.decisions.filter(isOpen).length,
      readFrom: placesOf(surface),
      workStore: surface.storePath,
    };
  } finally {
    surface.close();
  }
}

/** The error for a file with bad rows: each row's line and reason, and the rows as data for scripts. */
function badRowsError(file: string, badRows: BadRow[]): SfError {
  const list = badRows
    .slice(0, 50)
    .map((r) => `  line ${r.line}${r.kind ? ` (${r.kind} ${r.sourceKey})` : ''}: ${r.reason}`)
    .join('\n');
  const more = badRows.length > 50 ? `\n  … and ${badRows.length - 50} more` : '';
  const error = importMessages.createError('error.BadRows', [file, badRows.length, list + more]);
  error.setData({ badRows: badRows.map((r) => ({ ...r })) });
  return error;
}

/** Saves the changes to the org: the decisions, then the labels of their new targets for people reading them there. */
async function saveToOrg(conn: Connection, changed: MappingDecision[], targets: MappingTargets): Promise<void> {
  const refused = (await writeOrgDecisions(conn, changed)).filter((r) => !r.success);
  const labels = changed.map((d) => ({
    Decision_Key__c: decisionKey(d),
    Confirmed_Label__c:
      d.status === 'Confirmed' ? (targets[d.kind].find((o) => o.value === d.confirmedTarget)?.label ?? null) : null,
  }));
  refused.push(
    ...(
      await sendCollections(conn, {
        object: DECISION_OBJECT,
        operation: 'upsert',
        externalIdField: 'Decision_Key__c',
        rows: labels,
      })
    ).filter((r) => !r.success),
  );
  if (refused.length > 0) {
    throw importMessages.createError('error.OrgRefused', [
      refused.length,
      refused.map((r) => `  ${decisionKey(changed[r.index])}: ${r.error ?? ''}`).join('\n'),
    ]);
  }
}

/**
 * Reads `options.file`, checks every row against the decisions and the org's targets, and saves
 * the changes; with `dryRun`, only checks. A file with any bad row changes nothing.
 */
export async function importMapping(options: MappingFileOptions & { dryRun: boolean }): Promise<MappingImportResult> {
  const text = readFileSync(options.file, 'utf8');
  const surface = await readSurface(options);
  try {
    const read = readDecisionsCsv(text, surface.decisions, surface.targets);
    if (read.badRows.length > 0) throw badRowsError(options.file, read.badRows);
    const savedTo: DecisionPlace[] = [];
    if (!options.dryRun && read.changed.length > 0) {
      // The org first: if it refuses, the work store still agrees with it.
      if (surface.staged) {
        await saveToOrg(options.conn, read.changed, surface.targets);
        savedTo.push('org');
      }
      if (surface.journal) {
        surface.journal.saveDecisions(read.changed);
        savedTo.push('work store');
      }
    }
    return {
      file: options.file,
      rows: read.changed.length + read.unchanged,
      changed: read.changed.length,
      unchanged: read.unchanged,
      savedTo,
      changes: read.changed.map((d) => ({
        kind: d.kind,
        sourceKey: d.sourceKey,
        sourceLabel: d.sourceLabel,
        status: d.status,
        target: d.confirmedTarget,
      })),
      workStore: surface.storePath,
    };
  } finally {
    surface.close();
  }
}
