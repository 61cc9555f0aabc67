/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { StatementSync } from 'node:sqlite';
import type { SourceKind, WorkStore } from './workStore.js';

/** An extraction that has started; it stays current until every kind is done. */
export interface ExtractionRun {
  startedAt: string;
  /** The `--since` time the run was started with, if any. */
  since?: string;
}

/** How far one kind has got within the current run. */
export interface KindProgress {
  done: boolean;
  /** When this kind was first started in the run (local clock, ISO). */
  startedAt: string;
  /** Records read so far, over every attempt of the run. */
  read: number;
  /** For id-ordered collections: every record up to this id is stored. */
  afterId?: number;
  /** The highest `_info.lastUpdated` stored so far. */
  maxLastUpdated?: string;
  /** Whether the kind is read whole or only what changed since a watermark. */
  mode?: 'full' | 'delta';
  /** For child collections: the parents to read have been queued. */
  queued?: boolean;
  /** The store held records of this kind when the run began, so deletions are looked for. */
  reconcile?: boolean;
  /** Why the tenant does not offer this kind (endpoint missing, not permitted). */
  unavailable?: string;
  /** Records newly flagged gone in this run. */
  deleted?: number;
  /** Records recovered by the id comparison in this run. */
  recovered?: number;
}

const RUN_KEY = 'extract.run';
const KIND_PREFIX = 'extract.kind.';

/**
 * Extraction progress kept in the work store so a killed `extract` continues where it stopped:
 * the current run, a cursor per kind, and a queue of parents (boards, tickets) whose children
 * still have to be read. The queue is a table rather than a state value because a full tenant
 * queues hundreds of thousands of tickets and each one is taken off as its notes are stored.
 */
export class ExtractionProgress {
  private readonly enqueue: StatementSync;
  private readonly remove: StatementSync;
  private readonly selectPending: StatementSync;

  public constructor(private readonly store: WorkStore) {
    store.db.exec(`CREATE TABLE IF NOT EXISTS extract_queue (
      kind TEXT NOT NULL,
      parent_id INTEGER NOT NULL,
      PRIMARY KEY (kind, parent_id)
    ) WITHOUT ROWID`);
    this.enqueue = store.db.prepare('INSERT OR IGNORE INTO extract_queue (kind, parent_id) VALUES (?, ?)');
    this.remove = store.db.prepare('DELETE FROM extract_queue WHERE kind = ? AND parent_id = ?');
    this.selectPending = store.db.prepare('SELECT parent_id FROM extract_queue WHERE kind = ? ORDER BY parent_id');
  }

  /** The unfinished run, if the last extraction stopped before the end. */
  public currentRun(): ExtractionRun | undefined {
    const value = this.store.getState(RUN_KEY);
    return value ? (JSON.parse(value) as ExtractionRun) : undefined;
  }

  /**
   * Continues the unfinished run when there is one for the same `since`; otherwise starts a new
   * run and forgets the per-kind cursors of any older one. Queued parents are kept either way:
   * their children were never read, so they still need reading.
   */
  public beginRun(since?: string): { run: ExtractionRun; resumed: boolean } {
    const current = this.currentRun();
    if (current && (since === undefined || current.since === since)) {
      return { run: current, resumed: true };
    }
    const run: ExtractionRun = { startedAt: new Date().toISOString() };
    if (since !== undefined) {
      run.since = since;
    }
    this.store.transaction(() => {
      this.store.db.prepare('DELETE FROM state WHERE key LIKE ?').run(`${KIND_PREFIX}%`);
      this.store.setState(RUN_KEY, JSON.stringify(run));
    });
    return { run, resumed: false };
  }

  /** Marks the run complete; the next extraction starts a new one. */
  public finishRun(): void {
    this.store.transaction(() => {
      this.store.db.prepare('DELETE FROM state WHERE key LIKE ?').run(`${KIND_PREFIX}%`);
      this.store.deleteState(RUN_KEY);
    });
  }

  /** The progress of one kind in the current run. */
  public kind(kind: SourceKind): KindProgress | undefined {
    const value = this.store.getState(KIND_PREFIX + kind);
    return value ? (JSON.parse(value) as KindProgress) : undefined;
  }

  /** Saves the progress of one kind; call it in the same transaction as the records it covers. */
  public saveKind(kind: SourceKind, progress: KindProgress): void {
    this.store.setState(KIND_PREFIX + kind, JSON.stringify(progress));
  }

  /** Queues parents whose children of `kind` must be read. */
  public queue(kind: SourceKind, parentIds: Iterable<number>): void {
    this.store.transaction(() => {
      for (const id of parentIds) {
        this.enqueue.run(kind, id);
      }
    });
  }

  /** The parents still waiting for their children of `kind`, in id order. */
  public pending(kind: SourceKind): number[] {
    return this.selectPending.all(kind).map((row) => Number((row as { parent_id: number }).parent_id));
  }

  /** Takes one parent off the queue once its children are stored. */
  public dequeue(kind: SourceKind, parentId: number): void {
    this.remove.run(kind, parentId);
  }
}
