/*
 * The whole migration, in dependency order: read the org, extract ConnectWise into the work store,
 * settle the mapping decisions, then queues, accounts, contacts, cases and comments, and finally
 * count what is in the org and write the reports.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lifecycle, SfError, type Connection } from '@salesforce/core';
import { ConnectWiseClient, type ConnectWiseClientOptions } from '../connectwise/client.js';
import { extract, type ExtractSummary } from '../connectwise/extractor.js';
import { importCsvExport, type CsvImportReport } from '../connectwise/csvExport/importer.js';
import type { DateOrder } from '../connectwise/csvExport/localTime.js';
import type { MappingDecision } from '../mapping/decisions.js';
import { proposeDecisions } from '../mapping/proposals.js';
import { DecisionResolver } from '../mapping/resolver.js';
import { settleDecisions } from '../mapping/snapshot.js';
import { groupProblems, ProblemLog, type ProblemGroup } from '../report/problems.js';
import { summarise, type ObjectSummary } from '../report/summary.js';
import { writeFieldMap } from '../report/fieldMap.js';
import { writeReports, type ReportFiles } from '../report/writeReports.js';
import { readOrgContext, type OrgUser } from '../salesforce/orgContext.js';
import { WorkStore } from '../store/workStore.js';
import { settleInterruptedWrites } from './beforeImages.js';
import { loadComments } from './comments.js';
import { storedCompanyId } from './runJournals.js';
import { MIGRATED_KINDS, readSource, type Source } from './source.js';
import { sampleSlice } from './sample.js';
import { handleDeletions, type DeletedPolicy } from './deletions.js';
import { verifyMigration, type VerifyResult } from '../verify/verify.js';
import { mappingTargets } from '../staging/mappingCsv.js';
import { preferOrgDecisions, readOrgDecisions, writeOrgDecisions } from '../staging/orgDecisions.js';
import type { LoadContext, ObjectStats, PreflightMode, Progress } from './context.js';
import { Journal } from './journal.js';
import { checkPlaceholdersAllowed, createPlaceholderUsers } from './placeholderUsers.js';
import { createQueues } from './queues.js';
import { loadAccounts, loadCases, loadContacts } from './records.js';
import { loadAgreements } from './agreements.js';
import { RunLedger } from '../staging/runLedger.js';

export interface MigrationOptions {
  conn: Connection;
  /** ConnectWise credentials; without them the run uses what the work store already holds. */
  connectwise?: ConnectWiseClientOptions;
  /** Which company's work store to use without credentials; found from the store when there is one. */
  cwCompanyId?: string;
  workDir: string;
  outputDir: string;
  autoConfirm: boolean;
  /** Proposals at or above this confidence are accepted by auto-confirm. */
  confidence: number;
  unmatchedMembers: 'fallback' | 'placeholder';
  /** Username of the fallback owner; the running user when not given. */
  fallbackOwner?: string;
  /** Boards whose tickets are not migrated, by name (case-insensitive). */
  skipBoards?: string[];
  /** Load only a connected slice of this many companies, verify it, and wait for sign-off. */
  sample?: number;
  /** The admin has checked the sample: the full run may go ahead. */
  signOff?: boolean;
  /** What happens to migrated records whose source was deleted in ConnectWise. */
  deleted?: DeletedPolicy;
  /** A delta pass: only for a tenant with an earlier run in the work store. */
  deltaOnly?: boolean;
  /** What pre-flight does with rows it predicts the org will refuse; `hold` (not sent) unless told. */
  preflight?: PreflightMode;
  /** Read a folder of ConnectWise CSV exports instead of the API. */
  csvExport?: { dir: string; timeZone: string; dateOrder?: DateOrder };
  progress: Progress;
}

export type MigrationStatus = 'Completed' | 'CompletedWithFailures' | 'AwaitingDecisions' | 'AwaitingSignOff';

export interface MigrationResult {
  runId: string;
  status: MigrationStatus;
  workStore: string;
  extract?: ExtractSummary;
  objects: ObjectSummary[];
  openDecisions: MappingDecision[];
  problemCount: number;
  /** Problem lines grouped by kind, largest group first. */
  problemGroups?: ProblemGroup[];
  reports?: ReportFiles;
  /** A sample run's field-by-field verification of the slice it loaded. */
  verification?: VerifyResult;
  /** What a CSV-export run read, stored and could not carry. */
  csvImport?: CsvImportReport;
}

function fallbackUser(users: OrgUser[], running: OrgUser, username: string | undefined): OrgUser {
  if (!username) return running;
  const user = users.find((u) => u.Username.toLowerCase() === username.toLowerCase() && u.IsActive);
  if (!user) {
    throw new SfError(`The fallback owner ${username} is not an active user in the org.`, 'UnknownFallbackOwner', [
      'Pass the username (not the email) of an active user with --fallback-owner, or leave the flag out to use the running user.',
    ]);
  }
  return user;
}

/** Marks the named boards Skip; a name that matches no board is an error, not a silent no-op. */
function skipBoards(decisions: MappingDecision[], names: string[]): MappingDecision[] {
  const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
  const boards = decisions.filter((d) => d.kind === 'board');
  // Named as typed: the comparison ignores case, the message does not change it.
  const unknown = names.map((n) => n.trim()).filter((name) => !boards.some((b) => b.sourceLabel.toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0) {
    throw new SfError(
      `No ConnectWise board is named ${unknown.map((n) => `"${n}"`).join(', ')}. The boards are: ${boards.map((b) => `"${b.sourceLabel}"`).join(', ')}.`,
      'UnknownBoard',
      ['Check the spelling in --skip-board against the board names listed above.']
    );
  }
  return decisions.map((d) =>
    d.kind === 'board' && wanted.has(d.sourceLabel.toLowerCase())
      ? { ...d, status: 'Skip', reason: 'Skipped with --skip-board.', fromFlag: true }
      : d
  );
}

/** Writes everything in dependency order; returns the decisions with the ids of what it created. */
async function loadAll(ctx: LoadContext, source: Source, settled: MappingDecision[], fallbackOwnerId: string): Promise<MappingDecision[]> {
  const withUsers = await createPlaceholderUsers(ctx, settled, source.members);
  const decisions = await createQueues(ctx, withUsers);
  ctx.journal.saveDecisions(decisions);
  const mapping = new DecisionResolver(decisions, fallbackOwnerId);
  const accounts = await loadAccounts(ctx, source.companies, mapping);
  const contacts = await loadContacts(ctx, source.contacts, new Set(accounts.keys()), mapping);
  await loadAgreements(ctx, source.agreements, mapping, new Set(accounts.keys()), new Set(contacts.keys()));
  const cases = await loadCases(ctx, source.tickets, source.notesByTicket, mapping, new Set(accounts.keys()), new Set(contacts.keys()), mapping);
  await loadComments(ctx, {
    cases: cases.landed,
    notesByTicket: source.notesByTicket,
    descriptionOverflow: cases.descriptionOverflow,
    userForMember: (identifier) => mapping.userForMember(identifier),
  });
  return decisions;
}

/** How the journal (and `status`) names each outcome. */
const RUN_LABEL: Record<MigrationStatus, string> = {
  Completed: 'Completed',
  CompletedWithFailures: 'Completed With Failures',
  AwaitingDecisions: 'Awaiting Decisions',
  AwaitingSignOff: 'Awaiting Sign-off',
};

/**
 * A sample waiting for sign-off holds back the full run until the admin signs it off: with
 * --sign-off, or on the sample's run record in the org's Run Monitor.
 */
async function checkSignOff(journal: Journal, options: MigrationOptions): Promise<void> {
  const waiting = journal.runs().filter((r) => r.status === RUN_LABEL.AwaitingSignOff);
  if (waiting.length === 0 && options.signOff) {
    await Lifecycle.getInstance().emitWarning('No sample run is waiting for sign-off, so --sign-off changes nothing; the run goes ahead as usual.');
  }
  if (waiting.length === 0 || options.sample) return;
  const inOrg = await RunLedger.signedOff(options.conn, waiting.map((r) => r.runId));
  if (!options.signOff && waiting.some((r) => !inOrg.has(r.runId))) {
    throw new SfError(
      `The sample run ${waiting.map((r) => r.runId).join(', ')} is waiting for sign-off, so the full run does not start.`,
      'SampleNotSignedOff',
      [
        'Check the sample records in the org and the verification report of the sample run.',
        'Then sign it off in the CW Migrate app\'s Run Monitor and run again, or sign it off here and run everything: sf cw migrate run --sign-off (with the same flags as before).',
      ]
    );
  }
  for (const run of waiting) journal.setRunStatus(run.runId, 'Signed Off');
  await RunLedger.setStatus(options.conn, waiting.map((r) => r.runId), 'Signed Off');
}

/** Runs one migration end to end. */
export async function runMigration(options: MigrationOptions): Promise<MigrationResult> {
  const startedAt = new Date().toISOString();
  const runId = `${startedAt.replace(/[-:]/g, '').replace(/\..*/, '')}-${randomUUID().slice(0, 8)}`;
  options.progress('Reading the org', 0, 1);
  const org = await readOrgContext(options.conn);
  checkPlaceholdersAllowed(org, options.unmatchedMembers);
  const cwCompanyId =
    options.connectwise?.companyId ?? options.cwCompanyId ?? (options.csvExport ? 'csv-export' : storedCompanyId(options.workDir, org.orgId));
  const store = WorkStore.open({ dir: options.workDir, cwCompanyId, orgId: org.orgId });
  try {
    const csvImport = options.csvExport ? importCsvExport({ ...options.csvExport, store }) : undefined;
    const journal = new Journal(store.db);
    if (options.deltaOnly && journal.runs().length === 0) {
      throw new SfError(`No earlier run in ${store.path}; a delta needs one to start from.`, 'NoEarlierRun', [
        'Run the full migration first: sf cw migrate run.',
        'Pass --work-dir with the folder the earlier run used, if it ran elsewhere.',
      ]);
    }
    // Before extracting: a run the sample holds back should say so at once.
    await checkSignOff(journal, options);
    let extracted: ExtractSummary | undefined;
    if (options.connectwise && !options.csvExport) {
      const client = new ConnectWiseClient(options.connectwise);
      extracted = await extract({
        client,
        store,
        kinds: MIGRATED_KINDS,
        onProgress: (e) => options.progress(`Extracting ${e.kind}`, e.read, e.total ?? e.read),
      });
    }
    const source = readSource(store);
    if (source.companies.length === 0 && source.tickets.length === 0) {
      throw new SfError(`The work store ${store.path} holds no ConnectWise records, so there is nothing to migrate.`, 'NoSourceData', [
        'Run without --no-extract, with the ConnectWise settings, to extract first; or pass --work-dir with the folder of an earlier extract.',
      ]);
    }
    journal.setMeta('cwCompanyId', cwCompanyId);
    const fallbackOwner = fallbackUser(org.users, org.runningUser, options.fallbackOwner);
    journal.setMeta('fallbackOwnerId', fallbackOwner.Id);
    // Decisions live in the org only once `stage` put them there; a run never starts staging itself.
    const orgDecisions = await readOrgDecisions(options.conn);
    const staged = orgDecisions.length > 0;
    const previous = staged ? preferOrgDecisions(journal.decisions(), orgDecisions) : journal.decisions();
    const proposed = proposeDecisions(source, org, { unmatchedMembers: options.unmatchedMembers, fallbackOwner }, previous);
    const settled = settleDecisions(previous, skipBoards(proposed, options.skipBoards ?? []), {
      autoConfirm: options.autoConfirm,
      threshold: options.confidence,
    });
    journal.saveDecisions(settled.decisions);
    // The screens show what the run will follow, auto-confirmed decisions included.
    if (staged) await writeOrgDecisions(options.conn, settled.decisions, { journal, runId });
    const base = { runId, workStore: store.path, extract: extracted, objects: [] as ObjectSummary[] };
    if (settled.open.length > 0) {
      return { ...base, status: 'AwaitingDecisions', openDecisions: settled.open, problemCount: 0 };
    }

    await RunLedger.setStatus(options.conn, journal.closeInterruptedRuns(), 'Interrupted');
    // Writes a killed run sent but never booked become that run's, before this run takes them for its own.
    await settleInterruptedWrites(options.conn, journal);
    journal.startRun(runId);
    const ledger = await RunLedger.open(options.conn, runId);
    await ledger.start(org.runningUser.Username);
    const ctx: LoadContext = {
      conn: options.conn,
      org,
      journal,
      problems: new ProblemLog(),
      runId,
      progress: (phase, done, total) => {
        ledger.phase(phase);
        options.progress(phase, done, total);
      },
      stats: new Map<string, ObjectStats>(),
      preflight: options.preflight ?? 'hold',
      sourceIds: {
        companies: new Set(source.companies.map((c) => String(c.id))),
        contacts: new Set(source.contacts.map((c) => String(c.id))),
      },
    };
    const slice = options.sample ? sampleSlice(source, options.sample) : source;
    let decisions: MappingDecision[];
    try {
      decisions = await loadAll(ctx, slice, settled.decisions, fallbackOwner.Id);
      if (!options.sample) await handleDeletions(ctx, store, options.deleted ?? 'report');
    } catch (error) {
      journal.finishRun(runId, 'Failed', { error: error instanceof Error ? error.message : String(error) });
      await ledger.finish('Failed', [...ctx.stats.values()]);
      throw error;
    }

    options.progress('Counting records in the org', 0, 1);
    const objects = await summarise(options.conn, ctx.stats, ctx.problems);
    const failed = objects.some((o) => o.failed > 0);
    const status: MigrationStatus = options.sample && !failed ? 'AwaitingSignOff' : failed ? 'CompletedWithFailures' : 'Completed';
    const finishedAt = new Date().toISOString();
    for (const p of csvImport?.problems ?? []) {
      ctx.problems.add({ outcome: 'flagged', sourceKind: 'csvExport', sourceId: `${p.file}:${p.row}`, object: '-', field: p.column, reason: p.message });
    }
    const problemGroups = groupProblems(ctx.problems.all());
    const reports = writeReports(options.outputDir, {
      runId,
      status,
      startedAt,
      finishedAt,
      objects,
      problems: ctx.problems.all(),
      problemGroups,
      decisions,
      targets: mappingTargets(org),
    });
    writeFieldMap(reports.folder, decisions, org);
    // Before the run is finished: what it writes after that would look changed after it to rollback.
    await ledger.recordOutcomes(slice, ctx.problems.all(), journal);
    journal.finishRun(runId, RUN_LABEL[status], objects);
    await ledger.finish(RUN_LABEL[status], objects);
    const verification = options.sample
      ? await verifyMigration({ conn: options.conn, workDir: options.workDir, outputDir: reports.folder, source: slice, progress: (phase) => options.progress(phase, 0, 1) })
      : undefined;
    if (csvImport) writeFileSync(join(reports.folder, 'csv-export.json'), JSON.stringify(csvImport, null, 2));
    return { ...base, status, objects, openDecisions: [], problemCount: ctx.problems.all().length, problemGroups, reports, verification, csvImport };
  } finally {
    store.close();
  }
}
