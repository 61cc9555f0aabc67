/*
 * The run journal in the work store: which Salesforce record each source record became, what each
 * run created or updated with the values it overwrote (for rollback), writes sent but not yet
 * booked (the write-ahead record a killed run leaves behind), what rollback has undone, and the
 * mapping decisions as last settled.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { MappingDecision } from '../mapping/decisions.js';

export interface Landed {
  object: string;
  sourceKey: string;
  sfId: string;
}

export interface RunRecord {
  runId: string;
  started: string;
  finished?: string;
  status: string;
  /** JSON of the per-object summary, or of the error that stopped the run. */
  summary?: string;
}

/** A write sent to the org before its outcome is booked: what a killed run leaves to settle. */
export interface PendingWrite {
  runId: string;
  object: string;
  sourceKey: string;
  /** What finds the record in the org again: its CW_Id__c, a queue's developer name, a comment's case and text digest. */
  matchKey: string;
  /** The record was in the org before the write, so the write updates it (and its before-image is kept). */
  existed: boolean;
}

/** The outcome rollback notes before it sends a restore, so a resumed rollback knows the record's last change is its own. */
const RESTORING = 'restoring';

export class Journal {
  public constructor(private readonly db: DatabaseSync) {
    // Early stores kept pending comment writes in another shape; what they held is settled by natural key anyway.
    const columns = db.prepare("SELECT name FROM pragma_table_info('pending_writes')").all() as Array<{ name: string }>;
    if (columns.some((c) => c.name === 'digest')) db.exec('DROP TABLE pending_writes');
    db.exec(`
      CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, summary TEXT);
      CREATE TABLE IF NOT EXISTS landed (
        object TEXT NOT NULL, source_key TEXT NOT NULL, sf_id TEXT NOT NULL, run_id TEXT NOT NULL,
        PRIMARY KEY (object, source_key));
      CREATE TABLE IF NOT EXISTS run_actions (
        run_id TEXT NOT NULL, object TEXT NOT NULL, sf_id TEXT NOT NULL, action TEXT NOT NULL, source_key TEXT,
        PRIMARY KEY (run_id, object, sf_id));
      CREATE TABLE IF NOT EXISTS pending_writes (
        run_id TEXT NOT NULL, object TEXT NOT NULL, source_key TEXT NOT NULL, match_key TEXT NOT NULL, existed INTEGER NOT NULL,
        PRIMARY KEY (run_id, object, source_key));
      CREATE TABLE IF NOT EXISTS before_images (
        run_id TEXT NOT NULL, object TEXT NOT NULL, sf_id TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (run_id, object, sf_id));
      CREATE TABLE IF NOT EXISTS rollback_done (
        run_id TEXT NOT NULL, object TEXT NOT NULL, sf_id TEXT NOT NULL, outcome TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (run_id, object, sf_id));
      CREATE TABLE IF NOT EXISTS journal_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS decisions (
        kind TEXT NOT NULL, source_key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (kind, source_key));
    `);
  }

  /** Facts about the store a command may need without the source: e.g. the ConnectWise company id. */
  public setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO journal_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  public meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM journal_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Runs that never finished (killed, or the machine went away) are marked so, not left Running. Returns their ids. */
  public closeInterruptedRuns(): string[] {
    const rows = this.db.prepare("SELECT run_id FROM runs WHERE status = 'Running'").all() as Array<{ run_id: string }>;
    this.db.prepare("UPDATE runs SET status = 'Interrupted' WHERE status = 'Running'").run();
    return rows.map((r) => r.run_id);
  }

  public startRun(runId: string): void {
    this.db
      .prepare('INSERT INTO runs (run_id, started, status) VALUES (?, ?, ?)')
      .run(runId, new Date().toISOString(), 'Running');
  }

  public finishRun(runId: string, status: string, summary: unknown): void {
    this.db
      .prepare('UPDATE runs SET finished = ?, status = ?, summary = ? WHERE run_id = ?')
      .run(new Date().toISOString(), status, JSON.stringify(summary), runId);
  }

  /** Records what a successful write did, and clears its write-ahead record, in one transaction for the whole batch. */
  public recordWrites(runId: string, object: string, writes: Array<{ sourceKey: string; sfId: string; created: boolean }>): void {
    const landed = this.db.prepare(
      'INSERT INTO landed (object, source_key, sf_id, run_id) VALUES (?, ?, ?, ?) ON CONFLICT (object, source_key) DO UPDATE SET sf_id = excluded.sf_id'
    );
    const action = this.db.prepare(
      'INSERT OR IGNORE INTO run_actions (run_id, object, sf_id, action, source_key) VALUES (?, ?, ?, ?, ?)'
    );
    const clear = this.db.prepare('DELETE FROM pending_writes WHERE run_id = ? AND object = ? AND source_key = ?');
    this.transaction(() => {
      for (const w of writes) {
        landed.run(object, w.sourceKey, w.sfId, runId);
        action.run(runId, object, w.sfId, w.created ? 'created' : 'updated', w.sourceKey);
        clear.run(runId, object, w.sourceKey);
      }
    });
  }

  /** The write-ahead record: rows about to be sent, journalled before they go. */
  public markPending(writes: PendingWrite[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO pending_writes (run_id, object, source_key, match_key, existed) VALUES (?, ?, ?, ?, ?)'
    );
    this.transaction(() => {
      for (const w of writes) insert.run(w.runId, w.object, w.sourceKey, w.matchKey, w.existed ? 1 : 0);
    });
  }

  /**
   * Sends a batch under a write-ahead record: its rows are journalled before `send` runs, and
   * cleared once it has booked the results (recordWrites clears the rows that landed). A process
   * killed in between leaves the rows for settleInterruptedWrites to look up in the org.
   */
  public async writeAhead<T>(
    runId: string,
    object: string,
    rows: Array<Omit<PendingWrite, 'runId' | 'object'>>,
    send: () => Promise<T>
  ): Promise<T> {
    this.markPending(rows.map((r) => ({ ...r, runId, object })));
    const result = await send();
    this.clearPending(runId, object, rows.map((r) => r.sourceKey));
    return result;
  }

  /** Writes sent whose outcome was never booked, of every run, oldest first. */
  public pendingWrites(): PendingWrite[] {
    const rows = this.db
      .prepare('SELECT run_id, object, source_key, match_key, existed FROM pending_writes ORDER BY rowid')
      .all() as Array<{ run_id: string; object: string; source_key: string; match_key: string; existed: number }>;
    return rows.map((r) => ({ runId: r.run_id, object: r.object, sourceKey: r.source_key, matchKey: r.match_key, existed: r.existed === 1 }));
  }

  /** Drops write-ahead rows whose outcome is booked (or that were refused). */
  public clearPending(runId: string, object: string, sourceKeys: string[]): void {
    const clear = this.db.prepare('DELETE FROM pending_writes WHERE run_id = ? AND object = ? AND source_key = ?');
    this.transaction(() => {
      for (const key of sourceKeys) clear.run(runId, object, key);
    });
  }

  /**
   * Books pending writes as the org shows them now: one whose record is there was written by its
   * run (created, or updated when the record existed before); one whose record is not was never
   * written. Either way its write-ahead row goes.
   */
  public settlePending(settled: Array<PendingWrite & { sfId?: string }>): void {
    const landed = this.db.prepare(
      'INSERT INTO landed (object, source_key, sf_id, run_id) VALUES (?, ?, ?, ?) ON CONFLICT (object, source_key) DO UPDATE SET sf_id = excluded.sf_id'
    );
    const action = this.db.prepare(
      'INSERT OR IGNORE INTO run_actions (run_id, object, sf_id, action, source_key) VALUES (?, ?, ?, ?, ?)'
    );
    const clear = this.db.prepare('DELETE FROM pending_writes WHERE run_id = ? AND object = ? AND source_key = ?');
    this.transaction(() => {
      for (const s of settled) {
        if (s.sfId) {
          landed.run(s.object, s.sourceKey, s.sfId, s.runId);
          action.run(s.runId, s.object, s.sfId, s.existed ? 'updated' : 'created', s.sourceKey);
        }
        clear.run(s.runId, s.object, s.sourceKey);
      }
    });
  }

  /** The Salesforce id each source record of an object became, by source key. */
  public landed(object: string): Map<string, string> {
    const rows = this.db.prepare('SELECT source_key, sf_id FROM landed WHERE object = ?').all(object) as Array<{
      source_key: string;
      sf_id: string;
    }>;
    return new Map(rows.map((r) => [r.source_key, r.sf_id]));
  }

  /** Notes records found in the org (by natural key) as the ones these source records became. */
  public recordLanded(object: string, found: Array<{ sourceKey: string; sfId: string }>): void {
    const landed = this.db.prepare(
      "INSERT INTO landed (object, source_key, sf_id, run_id) VALUES (?, ?, ?, '') ON CONFLICT (object, source_key) DO UPDATE SET sf_id = excluded.sf_id"
    );
    this.transaction(() => {
      for (const f of found) landed.run(object, f.sourceKey, f.sfId);
    });
  }

  /** Forgets records that are no longer in the org, so the next load sends them again. */
  public forgetLanded(object: string, sfIds: string[]): void {
    const forget = this.db.prepare('DELETE FROM landed WHERE object = ? AND sf_id = ?');
    this.transaction(() => {
      for (const id of sfIds) forget.run(object, id);
    });
  }

  /** Keeps the values a run is about to overwrite; an image already kept for the run wins. */
  public saveBeforeImages(runId: string, object: string, images: Array<{ sfId: string; values: Record<string, unknown> }>): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO before_images (run_id, object, sf_id, body) VALUES (?, ?, ?, ?)');
    this.transaction(() => {
      for (const image of images) insert.run(runId, object, image.sfId, JSON.stringify(image.values));
    });
  }

  public beforeImages(runId: string, object: string): Array<{ sfId: string; values: Record<string, unknown> }> {
    const rows = this.db
      .prepare('SELECT sf_id, body FROM before_images WHERE run_id = ? AND object = ?')
      .all(runId, object) as Array<{ sf_id: string; body: string }>;
    return rows.map((r) => ({ sfId: r.sf_id, values: JSON.parse(r.body) as Record<string, unknown> }));
  }

  public run(runId: string): RunRecord | undefined {
    const row = this.db.prepare('SELECT run_id, started, finished, status, summary FROM runs WHERE run_id = ?').get(runId) as
      | { run_id: string; started: string; finished: string | null; status: string; summary: string | null }
      | undefined;
    return row && { runId: row.run_id, started: row.started, finished: row.finished ?? undefined, status: row.status, summary: row.summary ?? undefined };
  }

  public runs(): RunRecord[] {
    const rows = this.db.prepare('SELECT run_id FROM runs ORDER BY started').all() as Array<{ run_id: string }>;
    return rows.map((r) => this.run(r.run_id)!);
  }

  public setRunStatus(runId: string, status: string): void {
    this.db.prepare('UPDATE runs SET status = ? WHERE run_id = ?').run(status, runId);
  }

  /** Whether a run created or updated anything in the org. */
  public wroteAnything(runId: string): boolean {
    return this.db.prepare('SELECT 1 FROM run_actions WHERE run_id = ? LIMIT 1').get(runId) !== undefined;
  }

  /** What a run did to one object: the ids it created or updated. */
  public actions(runId: string, object: string, action: 'created' | 'updated'): Array<{ sfId: string; sourceKey: string }> {
    const rows = this.db
      .prepare('SELECT sf_id, source_key FROM run_actions WHERE run_id = ? AND object = ? AND action = ?')
      .all(runId, object, action) as Array<{ sf_id: string; source_key: string | null }>;
    return rows.map((r) => ({ sfId: r.sf_id, sourceKey: r.source_key ?? '' }));
  }

  /** Records rollback has already dealt with, so a resumed rollback skips them. */
  public rolledBack(runId: string, object: string): Set<string> {
    const rows = this.db
      .prepare('SELECT sf_id FROM rollback_done WHERE run_id = ? AND object = ? AND outcome != ?')
      .all(runId, object, RESTORING) as Array<{ sf_id: string }>;
    return new Set(rows.map((r) => r.sf_id));
  }

  /** Notes restores about to be sent; recordRollback replaces the note once the outcome is known. */
  public markRestoring(runId: string, object: string, sfIds: string[]): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO rollback_done (run_id, object, sf_id, outcome, at) VALUES (?, ?, ?, ?, ?)');
    const at = new Date().toISOString();
    this.transaction(() => {
      for (const id of sfIds) insert.run(runId, object, id, RESTORING, at);
    });
  }

  /** Restores an interrupted rollback sent without booking: the last change to these records may be its own. */
  public restoring(runId: string, object: string): Set<string> {
    const rows = this.db
      .prepare('SELECT sf_id FROM rollback_done WHERE run_id = ? AND object = ? AND outcome = ?')
      .all(runId, object, RESTORING) as Array<{ sf_id: string }>;
    return new Set(rows.map((r) => r.sf_id));
  }

  /** Notes what rollback did to records, and forgets them as landed so a later run loads them again. */
  public recordRollback(runId: string, object: string, done: Array<{ sfId: string; outcome: string }>): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO rollback_done (run_id, object, sf_id, outcome, at) VALUES (?, ?, ?, ?, ?)');
    const forget = this.db.prepare('DELETE FROM landed WHERE object = ? AND sf_id = ?');
    const at = new Date().toISOString();
    this.transaction(() => {
      for (const d of done) {
        insert.run(runId, object, d.sfId, d.outcome, at);
        if (d.outcome === 'deleted') forget.run(object, d.sfId);
      }
    });
  }

  /** The mapping snapshot: decisions as last confirmed, by kind and source key. */
  public saveDecisions(decisions: MappingDecision[]): void {
    const upsert = this.db.prepare(
      'INSERT INTO decisions (kind, source_key, body) VALUES (?, ?, ?) ON CONFLICT (kind, source_key) DO UPDATE SET body = excluded.body'
    );
    this.transaction(() => {
      for (const d of decisions) upsert.run(d.kind, d.sourceKey, JSON.stringify(d));
    });
  }

  public decisions(): MappingDecision[] {
    const rows = this.db.prepare('SELECT body FROM decisions ORDER BY rowid').all() as Array<{ body: string }>;
    return rows.map((r) => JSON.parse(r.body) as MappingDecision);
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
