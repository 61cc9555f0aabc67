/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';

type SqliteModule = typeof import('node:sqlite');

let sqliteModule: SqliteModule | undefined;
let filterInstalled = false;

/**
 * Tells whether a warning is the one Node 22 prints the first time `node:sqlite` loads
 * ("SQLite is an experimental feature and might change at any time").
 *
 * @param warning The first argument given to `process.emitWarning`.
 * @param typeOrOptions The second argument: a type name or an options object.
 */
export function isSqliteExperimentalWarning(warning: unknown, typeOrOptions?: unknown): boolean {
  const message = warning instanceof Error ? warning.message : String(warning);
  let type: unknown = warning instanceof Error ? warning.name : undefined;
  if (typeof typeOrOptions === 'string') {
    type = typeOrOptions;
  } else if (typeOrOptions && typeof typeOrOptions === 'object' && 'type' in typeOrOptions) {
    type = (typeOrOptions as { type?: unknown }).type;
  }
  return type === 'ExperimentalWarning' && /sqlite/i.test(message);
}

/**
 * Drops exactly one warning, the SQLite experimental notice, from `process.emitWarning`; every
 * other warning still reaches the process `warning` event and stderr. Installing it twice is a
 * no-op.
 */
export function installSqliteWarningFilter(): void {
  if (filterInstalled) {
    return;
  }
  filterInstalled = true;
  const emitWarning = process.emitWarning;
  const filtered = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (isSqliteExperimentalWarning(warning, rest[0])) {
      return;
    }
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = filtered as typeof process.emitWarning;
}

/**
 * Loads `node:sqlite` once, after the warning filter is in place. A static import would be
 * hoisted above the filter and the warning would already be printed by then.
 */
export function loadSqlite(): SqliteModule {
  if (!sqliteModule) {
    installSqliteWarningFilter();
    const require = createRequire(import.meta.url);
    sqliteModule = require('node:sqlite') as SqliteModule;
  }
  return sqliteModule;
}

/**
 * Opens (or creates) a SQLite database file tuned for a single local writer: WAL journal,
 * `synchronous=NORMAL` (durable at checkpoints, fast on bulk inserts) and a busy timeout so a
 * second reader such as `sf cw migrate status` waits instead of failing.
 *
 * @param path The database file; its folder is created when missing. `:memory:` also works.
 */
export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  const { DatabaseSync: Database } = loadSqlite();
  const db = new Database(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}
