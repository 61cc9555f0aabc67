/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { openDatabase } from './database.js';

/**
 * The ConnectWise collections the extractor reads into the work store. Child kinds (statuses,
 * sites, notes, additions, documents …) are stored with the id of their parent record.
 */
export const SOURCE_KINDS = [
  'members',
  'boards',
  'boardStatuses',
  'boardTypes',
  'boardSubTypes',
  'boardItems',
  'boardTeams',
  'priorities',
  'slas',
  'slaPriorities',
  'userDefinedFields',
  'companies',
  'companySites',
  'companyNotes',
  'contacts',
  'tickets',
  'ticketNotes',
  'ticketAllNotes',
  'timeEntries',
  'configurationTypes',
  'configurationStatuses',
  'configurations',
  'catalogItems',
  'agreementTypes',
  'agreements',
  'agreementAdditions',
  'kbCategories',
  'kbSubCategories',
  'kbArticles',
  'invoices',
  'projects',
  'ticketDocuments',
  'companyDocuments',
  'configurationDocuments',
  'agreementDocuments',
  'projectDocuments',
] as const;

/** One of {@link SOURCE_KINDS}. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * How the store learnt a record was deleted upstream. `gone`: ConnectWise no longer lists it
 * (id reconciliation, or a child missing under its re-read parent, or its parent gone).
 * `deletedFlag`: ConnectWise still lists it, with `deletedFlag` set (merged companies).
 */
export interface Deletion {
  how: 'gone' | 'deletedFlag';
  /** When this store first noticed it (local clock, ISO). */
  noticedAt: string;
}

/** One ConnectWise record as received, keyed by kind and ConnectWise id. */
export interface SourceRecord<T = Record<string, unknown>> {
  kind: SourceKind;
  id: number;
  /** The owning record for child collections: board id for statuses, ticket id for notes. */
  parentId?: number;
  payload: T;
  /** `_info.lastUpdated` as ConnectWise sent it. */
  lastUpdated?: string;
  /**
   * Set when a later read showed the record is gone upstream; the row stays for the reports.
   * Records that ConnectWise still lists with `deletedFlag` are not `deleted`: their payload says
   * so, and {@link SourceRecord.deletion} says when the store noticed.
   */
  deleted?: boolean;
  /** How and when the deletion was noticed, for `gone` and `deletedFlag` records alike. */
  deletion?: Deletion;
}

/** Where a work store lives and whose data it holds. */
export interface WorkStoreOptions {
  /** The working directory; the store goes into its `.cw-migrate/` folder. */
  dir: string;
  /** The ConnectWise company id (the login company, e.g. `acme`). */
  cwCompanyId: string;
  /** The Salesforce org id. */
  orgId: string;
}

type Row = Record<string, unknown>;

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS source_record (
  kind TEXT NOT NULL,
  id INTEGER NOT NULL,
  parent_id INTEGER,
  payload TEXT NOT NULL,
  last_updated TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  deleted_how TEXT,
  deleted_at TEXT,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS source_record_by_parent ON source_record (kind, parent_id, id);
CREATE TABLE IF NOT EXISTS watermark (
  kind TEXT PRIMARY KEY,
  last_updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/**
 * Makes a company or org id safe as part of a file name. When characters had to be replaced, a
 * short digest of the original keeps `a.b` and `a_b` in different files.
 */
function fileNamePart(value: string): string {
  const safe = value.replace(/[^A-Za-z0-9_-]/g, '_');
  if (safe === value && safe.length > 0) {
    return safe;
  }
  const digest = createHash('sha256').update(value).digest('hex').slice(0, 8);
  return `${safe}-${digest}`;
}

function toRecord<T>(row: Row): SourceRecord<T> {
  const record: SourceRecord<T> = {
    kind: row.kind as SourceKind,
    id: Number(row.id),
    payload: JSON.parse(row.payload as string) as T,
  };
  if (row.parent_id !== null && row.parent_id !== undefined) {
    record.parentId = Number(row.parent_id);
  }
  if (typeof row.last_updated === 'string') {
    record.lastUpdated = row.last_updated;
  }
  if (row.deleted) {
    record.deleted = true;
  }
  if (typeof row.deleted_how === 'string' && typeof row.deleted_at === 'string') {
    record.deletion = { how: row.deleted_how as Deletion['how'], noticedAt: row.deleted_at };
  }
  return record;
}

/** Adds the deletion columns to a store made before they existed (schema version 1). */
function migrate(db: DatabaseSync): void {
  const columns = db.prepare('PRAGMA table_info(source_record)').all() as Array<{ name: string }>;
  if (!columns.some((column) => column.name === 'deleted_how')) {
    db.exec('ALTER TABLE source_record ADD COLUMN deleted_how TEXT');
    db.exec('ALTER TABLE source_record ADD COLUMN deleted_at TEXT');
  }
}

/**
 * The local work store: one SQLite file per ConnectWise company and Salesforce org, holding the
 * extracted source records, the delta watermarks and small pieces of state. Other modules (the
 * run journal, extraction progress) add their own tables through {@link WorkStore.db}.
 *
 * Nothing secret is ever written here: callers store ConnectWise payloads, ids and timestamps.
 *
 * @example
 * const store = WorkStore.open({ dir: process.cwd(), cwCompanyId: 'acme', orgId: '00D000000000001' });
 * store.putSourceRecords([{ kind: 'boards', id: 1, payload: { id: 1, name: 'Help Desk' } }]);
 * store.close();
 */
export class WorkStore {
  private readonly upsertRecord: StatementSync;
  private readonly selectByKind: StatementSync;
  private readonly selectByParent: StatementSync;
  private readonly countByKind: StatementSync;
  private readonly selectWatermark: StatementSync;
  private readonly upsertWatermark: StatementSync;
  private readonly selectState: StatementSync;
  private readonly upsertState: StatementSync;
  private readonly removeState: StatementSync;
  private readonly markGoneById: StatementSync;
  private readonly markGoneByParent: StatementSync;
  private readonly selectLiveIds: StatementSync;
  private savepointDepth = 0;

  private constructor(
    public readonly db: DatabaseSync,
    public readonly path: string,
  ) {
    db.exec(SCHEMA);
    migrate(db);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    // A deletion noticed before keeps its first noticed time while it stays the same kind of deletion.
    this.upsertRecord = db.prepare(
      `INSERT INTO source_record (kind, id, parent_id, payload, last_updated, deleted, deleted_how, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET
         parent_id = excluded.parent_id, payload = excluded.payload,
         last_updated = excluded.last_updated, deleted = excluded.deleted,
         deleted_how = excluded.deleted_how,
         deleted_at = CASE WHEN excluded.deleted_how IS NOT NULL AND source_record.deleted_how = excluded.deleted_how
           THEN source_record.deleted_at ELSE excluded.deleted_at END`,
    );
    this.markGoneById = db.prepare(
      `UPDATE source_record SET deleted = 1, deleted_how = 'gone', deleted_at = ?
       WHERE kind = ? AND id = ? AND deleted = 0`,
    );
    this.markGoneByParent = db.prepare(
      `UPDATE source_record SET deleted = 1, deleted_how = 'gone', deleted_at = ?
       WHERE kind = ? AND parent_id = ? AND deleted = 0`,
    );
    this.selectLiveIds = db.prepare('SELECT id FROM source_record WHERE kind = ? AND deleted = 0 ORDER BY id');
    this.selectByKind = db.prepare('SELECT * FROM source_record WHERE kind = ? ORDER BY id');
    // Without the hint SQLite walks the primary key for the kind (it also yields id order) and reads
    // every note of the tenant for each ticket.
    this.selectByParent = db.prepare(
      'SELECT * FROM source_record INDEXED BY source_record_by_parent WHERE kind = ? AND parent_id = ? ORDER BY id',
    );
    this.countByKind = db.prepare('SELECT count(*) AS n FROM source_record WHERE kind = ?');
    this.selectWatermark = db.prepare('SELECT last_updated FROM watermark WHERE kind = ?');
    this.upsertWatermark = db.prepare(
      `INSERT INTO watermark (kind, last_updated) VALUES (?, ?)
       ON CONFLICT (kind) DO UPDATE SET last_updated = excluded.last_updated`,
    );
    this.selectState = db.prepare('SELECT value FROM state WHERE key = ?');
    this.upsertState = db.prepare(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.removeState = db.prepare('DELETE FROM state WHERE key = ?');
  }

  /**
   * Opens the store for one ConnectWise company and org, creating `<dir>/.cw-migrate/` and the
   * database file when they do not exist yet.
   */
  public static open(options: WorkStoreOptions): WorkStore {
    const fileName = `${fileNamePart(options.cwCompanyId)}--${fileNamePart(options.orgId)}.sqlite`;
    const path = join(options.dir, '.cw-migrate', fileName);
    return new WorkStore(openDatabase(path), path);
  }

  /** Opens a work store by its file, as found under `.cw-migrate/`. */
  public static openFile(path: string): WorkStore {
    return new WorkStore(openDatabase(path), path);
  }

  /**
   * Runs `work` inside a transaction and commits when it returns; rolls back and rethrows when
   * it throws. Nests: an inner call becomes a savepoint of the outer one, so store methods that
   * use it also work inside a caller's transaction.
   */
  public transaction<R>(work: () => R): R {
    const name = `sp${this.savepointDepth}`;
    this.db.exec(`SAVEPOINT ${name}`);
    this.savepointDepth++;
    try {
      const result = work();
      this.savepointDepth--;
      this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.savepointDepth--;
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw error;
    }
  }

  /** Inserts or replaces records by (kind, id), all in one transaction. */
  public putSourceRecords(records: SourceRecord[]): void {
    if (records.length === 0) {
      return;
    }
    this.transaction(() => {
      for (const record of records) {
        this.upsertRecord.run(
          record.kind,
          record.id,
          record.parentId ?? null,
          JSON.stringify(record.payload),
          record.lastUpdated ?? null,
          record.deleted ? 1 : 0,
          record.deletion?.how ?? null,
          record.deletion?.noticedAt ?? null,
        );
      }
    });
  }

  /**
   * Flags records as gone upstream, noticed at `noticedAt`; records already flagged keep their
   * first noticed time. Children follow through {@link WorkStore.markChildrenGone}.
   *
   * @returns How many records were newly flagged.
   */
  public markGone(kind: SourceKind, ids: Iterable<number>, noticedAt: string): number {
    return this.transaction(() => {
      let changed = 0;
      for (const id of ids) {
        changed += Number(this.markGoneById.run(noticedAt, kind, id).changes);
      }
      return changed;
    });
  }

  /** Flags every live child of `parentId` in `kind` as gone: a deleted ticket takes its notes along. */
  public markChildrenGone(kind: SourceKind, parentId: number, noticedAt: string): number {
    return Number(this.markGoneByParent.run(noticedAt, kind, parentId).changes);
  }

  /** The ids of the records of one kind not flagged deleted, ascending. */
  public liveIds(kind: SourceKind): number[] {
    return this.selectLiveIds.all(kind).map((row) => Number((row as { id: number | bigint }).id));
  }

  /**
   * The stored records of one kind ordered by id, optionally only the children of one parent.
   * Loads them all into memory; use {@link WorkStore.iterateSourceRecords} for the big tables.
   */
  public sourceRecords<T = Record<string, unknown>>(
    kind: SourceKind,
    options: { parentId?: number } = {},
  ): Array<SourceRecord<T>> {
    const rows =
      options.parentId === undefined ? this.selectByKind.all(kind) : this.selectByParent.all(kind, options.parentId);
    return rows.map((row) => toRecord<T>(row as Row));
  }

  /** Streams the stored records of one kind ordered by id, one row at a time. */
  public *iterateSourceRecords<T = Record<string, unknown>>(kind: SourceKind): Iterable<SourceRecord<T>> {
    // A statement of its own: the shared one would be reset by a nested call while this runs.
    const statement = this.db.prepare('SELECT * FROM source_record WHERE kind = ? ORDER BY id');
    for (const row of statement.iterate(kind)) {
      yield toRecord<T>(row as Row);
    }
  }

  /** How many records of one kind are stored, deleted ones included. */
  public countSource(kind: SourceKind): number {
    const row = this.countByKind.get(kind) as { n: number | bigint };
    return Number(row.n);
  }

  /** The server `lastUpdated` up to which this kind has been read, if it has been read before. */
  public getWatermark(kind: SourceKind): string | undefined {
    const row = this.selectWatermark.get(kind) as { last_updated: string } | undefined;
    return row?.last_updated;
  }

  /** Records the server `lastUpdated` up to which this kind has been read. */
  public setWatermark(kind: SourceKind, isoTime: string): void {
    this.upsertWatermark.run(kind, isoTime);
  }

  /** Reads a value from the small key/value table. */
  public getState(key: string): string | undefined {
    const row = this.selectState.get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** Writes a value to the small key/value table. */
  public setState(key: string, value: string): void {
    this.upsertState.run(key, value);
  }

  /** Removes a key from the small key/value table. */
  public deleteState(key: string): void {
    this.removeState.run(key);
  }

  /** Closes the database; the store cannot be used afterwards. */
  public close(): void {
    if (this.db.isOpen) {
      this.db.close();
    }
  }
}
