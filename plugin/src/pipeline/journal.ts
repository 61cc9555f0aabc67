/*
 * The run journal in the work store: which Salesforce record each source record became, what each
 * run created or updated with the values it overwrote (for rollback), what rollback has undone,
 * and the mapping decisions as last settled.
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


export class Journal {
  public constructor(private readonly db: DatabaseSync) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL, summary TEXT);
      CREATE TABLE IF NOT EXISTS landed (
        object TEXT NOT NULL, source_key TEXT NOT NULL, sf_id TEXT NOT NULL, run_id TEXT NOT NULL,
        PRIMARY KEY (object, source_key));
      CREATE TABLE IF NOT EXISTS run_actions (
        run_id TEXT NOT NULL, object TEXT NOT NULL, sf_id TEXT NOT NULL, action TEXT NOT NULL, source_key TEXT,
        PRIMARY KEY (run_id, object, sf_id));
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

  /** Runs that never finished (killed, or the machine went away) are marked so, not left Running. */
  public closeInterruptedRuns(): void {
    this.db.prepare("UPDATE runs SET status = 'Interrupted' WHERE status = 'Running'").run();
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

  /** Records what a successful write did, in one transaction for the whole batch. */
  public recordWrites(runId: string, object: string, writes: Array<{ sourceKey: string; sfId: string; created: boolean }>): void {
    const landed = this.db.prepare(
      'INSERT INTO landed (object, source_key, sf_id, run_id) VALUES (?, ?, ?, ?) ON CONFLICT (object, source_key) DO UPDATE SET sf_id = excluded.sf_id'
    );
    const action = this.db.prepare(
      'INSERT OR IGNORE INTO run_actions (run_id, object, sf_id, action, source_key) VALUES (?, ?, ?, ?, ?)'
    );
    this.transaction(() => {
      for (const w of writes) {
        landed.run(object, w.sourceKey, w.sfId, runId);
        action.run(runId, object, w.sfId, w.created ? 'created' : 'updated', w.sourceKey);
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

  /** What a run did to one object: the ids it created or updated. */
  public actions(runId: string, object: string, action: 'created' | 'updated'): Array<{ sfId: string; sourceKey: string }> {
    const rows = this.db
      .prepare('SELECT sf_id, source_key FROM run_actions WHERE run_id = ? AND object = ? AND action = ?')
      .all(runId, object, action) as Array<{ sf_id: string; source_key: string | null }>;
    return rows.map((r) => ({ sfId: r.sf_id, sourceKey: r.source_key ?? '' }));
  }

  /** Records rollback has already dealt with, so a resumed rollback skips them. */
  public rolledBack(runId: string, object: string): Set<string> {
    const rows = this.db.prepare('SELECT sf_id FROM rollback_done WHERE run_id = ? AND object = ?').all(runId, object) as Array<{
      sf_id: string;
    }>;
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
