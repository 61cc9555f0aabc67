/*
 * The run's ledger in the org, for the Run Monitor: a CWM_Run__c record mirrors each run of the
 * work store's journal (status, phase, counts per object, failures), and CWM_Staged_Record__c rows
 * say what became of each source record: the staged ones are marked Loaded (with the record they
 * became), Failed or Skipped, and every record the run could not load gets a row of its own with
 * the org's reason, so admins can report on failures where they work. An admin signs a sample off
 * on its run record, and the next run reads that.
 *
 * Without the in-org package the ledger does nothing. A ledger write that fails is a warning, never
 * the end of a migration: the work store's journal stays the record a run resumes from.
 */
import { Lifecycle, type Connection } from '@salesforce/core';
import type { ObjectStats } from '../pipeline/context.js';
import type { Journal } from '../pipeline/journal.js';
import type { Source } from '../pipeline/source.js';
import type { Problem } from '../report/problems.js';
import type { ObjectSummary } from '../report/summary.js';
import { sendCollections } from '../salesforce/collections.js';
import { hasObject, queryAll, soqlString } from '../salesforce/orgContext.js';
import { stagedRecordsOf } from './stage.js';
import { STAGED_OBJECT, STAGED_TARGET, upsertForRun, type StagingRow } from './runWrites.js';

export const RUN_OBJECT = 'CWM_Run__c';
const PHASE_LENGTH = 80;
const ERROR_LENGTH = 32_768;

/** The object each staged kind becomes, where the journal finds what landed. */
const OBJECT_OF: Record<string, string> = {
  company: 'Account',
  contact: 'Contact',
  agreement: 'ServiceContract',
  ticket: 'Case',
};

const warn = (what: string, error: unknown): Promise<void> =>
  Lifecycle.getInstance().emitWarning(
    `${what} in the org's Run Monitor: ${error instanceof Error ? error.message : String(error)}`,
  );

/** A source record's outcome in one run, from its problem lines and the journal. */
interface Outcome {
  status: 'Loaded' | 'Failed' | 'Skipped';
  targetId?: string;
  error?: string;
}

type StagedMarks = { Status__c: string | null; Target_Id__c: string | null; Error__c: string | null };

const sameMarks = (a: StagedMarks, b: StagedMarks): boolean =>
  a.Status__c === b.Status__c &&
  (a.Target_Id__c ?? '').slice(0, 15) === (b.Target_Id__c ?? '').slice(0, 15) &&
  (a.Error__c ?? null) === (b.Error__c ?? null);

function problemText(lines: Problem[]): string {
  return lines
    .map((p) => `${p.object}${p.field ? `.${p.field}` : ''}: ${p.reason}`)
    .join('\n')
    .slice(0, ERROR_LENGTH);
}

export class RunLedger {
  private recordId?: string;
  private lastPhase?: string;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly conn: Connection | undefined,
    private readonly runId: string,
  ) {}

  /** The ledger of one run; a ledger that writes nothing where the package is not deployed. */
  public static async open(conn: Connection, runId: string): Promise<RunLedger> {
    return new RunLedger((await hasObject(conn, RUN_OBJECT)) ? conn : undefined, runId);
  }

  /** Runs waiting for sign-off that an admin signed off on their run record in the org. */
  public static async signedOff(conn: Connection, runIds: string[]): Promise<Set<string>> {
    if (runIds.length === 0 || !(await hasObject(conn, RUN_OBJECT))) return new Set();
    const rows = await queryAll<{ Run_Id__c: string }>(
      conn,
      `SELECT Run_Id__c FROM ${RUN_OBJECT} WHERE Status__c = 'Signed Off' AND Run_Id__c IN (${runIds.map(soqlString).join(',')})`,
    );
    return new Set(rows.map((r) => r.Run_Id__c));
  }

  /** Sets the status of runs by id, e.g. runs the journal found interrupted. Returns the ids of their run records. */
  public static async setStatus(conn: Connection, runIds: string[], status: string): Promise<string[]> {
    if (runIds.length === 0 || !(await hasObject(conn, RUN_OBJECT))) return [];
    const rows = runIds.map((id) => ({ Run_Id__c: id, Status__c: status }));
    try {
      const results = await sendCollections(conn, {
        object: RUN_OBJECT,
        operation: 'upsert',
        externalIdField: 'Run_Id__c',
        rows,
      });
      const refused = results.filter((r) => !r.success);
      if (refused.length > 0) await warn(`Could not set ${refused.length} runs to ${status}`, refused[0].error);
      return results.flatMap((r) => (r.success && r.id ? [r.id] : []));
    } catch (error) {
      await warn(`Could not set runs to ${status}`, error);
      return [];
    }
  }

  public async start(startedBy: string): Promise<void> {
    await this.upsert({
      Status__c: 'Running',
      Phase__c: 'Starting',
      Started__c: new Date().toISOString(),
      Started_By__c: startedBy.slice(0, 80),
    });
  }

  /** Notes the phase the run is in; sent in the background, one write per new phase. */
  public phase(phase: string): void {
    if (!this.conn || phase === this.lastPhase) return;
    this.lastPhase = phase;
    this.writes = this.writes.then(() => this.upsert({ Phase__c: phase.slice(0, PHASE_LENGTH) }));
  }

  /**
   * The run's outcome: status, counts per object and the number of records that failed. A run that
   * stopped early has only the counts of what it did, without the ones re-read from the org.
   */
  public async finish(status: string, objects: Array<ObjectSummary | ObjectStats>): Promise<void> {
    await this.writes;
    await this.upsert({
      Status__c: status,
      Phase__c: 'Finished',
      Finished__c: new Date().toISOString(),
      Counts__c: JSON.stringify(objects),
      Failures__c: objects.reduce((sum, o) => sum + o.failed, 0),
    });
  }

  /**
   * Marks each staged record with what this run did to it, and stages every record it could not
   * load. Only records of the source this run worked on are touched.
   */
  public async recordOutcomes(source: Source, problems: readonly Problem[], journal: Journal): Promise<void> {
    await this.writes;
    if (!this.conn || !this.recordId) return;
    try {
      const outcomes = this.outcomes(source, problems, journal);
      // Every field a mark writes, so the write below compares and keeps before-images from this read.
      const staged = await queryAll<StagedMarks & { Id: string; Staged_Key__c: string; Run__c: string | null }>(
        this.conn,
        `SELECT Id, Staged_Key__c, Status__c, Target_Id__c, Error__c, Run__c FROM ${STAGED_OBJECT}`,
      );
      const known = new Map(staged.map((s) => [s.Staged_Key__c, s]));
      const stagedOf = stagedRecordsOf(source);
      const rows: StagingRow[] = [];
      for (const [key, outcome] of outcomes) {
        const marks = {
          Status__c: outcome.status,
          Target_Id__c: outcome.targetId ?? null,
          Error__c: outcome.error ?? null,
        };
        const now = known.get(key);
        // Run__c names the run that last changed the record: an unchanged outcome keeps its run.
        if (now && sameMarks(now, marks)) continue;
        if (now) rows.push({ Staged_Key__c: key, ...marks, Run__c: this.recordId });
        else if (outcome.status === 'Failed') {
          const created = stagedOf(key);
          if (created) rows.push({ ...created, ...marks, Run__c: this.recordId });
        }
      }
      const results = await upsertForRun(this.conn, STAGED_TARGET, rows, { journal, runId: this.runId }, known);
      const refused = results.filter((r) => !r.success);
      if (refused.length > 0) await warn(`${refused.length} staged records could not be marked`, refused[0].error);
    } catch (error) {
      await warn('The staged records could not be marked', error);
    }
  }

  private outcomes(source: Source, problems: readonly Problem[], journal: Journal): Map<string, Outcome> {
    const outcomes = new Map<string, Outcome>();
    const lines = new Map<string, Problem[]>();
    for (const p of problems) {
      if (p.outcome !== 'failed' && p.outcome !== 'skipped') continue;
      const key = `${p.sourceKind}-${p.sourceId}`;
      const own = lines.get(key) ?? [];
      own.push(p);
      lines.set(key, own);
    }
    const inRun: Array<[string, Array<{ id: number }>]> = [
      ['company', source.companies],
      ['contact', source.contacts],
      ['agreement', source.agreements],
      ['ticket', source.tickets],
    ];
    for (const [kind, records] of inRun) {
      const landed = journal.landed(OBJECT_OF[kind]);
      for (const { id } of records) {
        const key = `${kind}-${id}`;
        const own = lines.get(key) ?? [];
        const failed = own.filter((p) => p.outcome === 'failed');
        if (failed.length > 0)
          outcomes.set(key, { status: 'Failed', error: problemText(failed), targetId: landed.get(String(id)) });
        else if (own.length > 0 && !landed.has(String(id)))
          outcomes.set(key, { status: 'Skipped', error: problemText(own) });
        else if (landed.has(String(id))) outcomes.set(key, { status: 'Loaded', targetId: landed.get(String(id)) });
      }
    }
    for (const [key, own] of lines) {
      if (key.startsWith('ticketNote-') && own.some((p) => p.outcome === 'failed')) {
        outcomes.set(key, { status: 'Failed', error: problemText(own.filter((p) => p.outcome === 'failed')) });
      }
    }
    return outcomes;
  }

  private async upsert(fields: Record<string, string | number | null>): Promise<void> {
    if (!this.conn) return;
    try {
      const [result] = await sendCollections(this.conn, {
        object: RUN_OBJECT,
        operation: 'upsert',
        externalIdField: 'Run_Id__c',
        rows: [{ Run_Id__c: this.runId, ...fields }],
      });
      if (result.success) this.recordId = result.id ?? this.recordId;
      else await warn(`Run ${this.runId} could not be recorded`, result.error);
    } catch (error) {
      await warn(`Run ${this.runId} could not be recorded`, error);
    }
  }
}
