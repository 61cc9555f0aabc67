/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { installSqliteWarningFilter, isSqliteExperimentalWarning, openDatabase } from '../../src/store/database.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/openDatabase.ts', import.meta.url));

describe('database', () => {
  describe('isSqliteExperimentalWarning', () => {
    it('matches the notice Node prints for node:sqlite', () => {
      const message = 'SQLite is an experimental feature and might change at any time';
      expect(isSqliteExperimentalWarning(message, 'ExperimentalWarning')).to.equal(true);
      expect(isSqliteExperimentalWarning(message, { type: 'ExperimentalWarning' })).to.equal(true);
      const error = Object.assign(new Error(message), { name: 'ExperimentalWarning' });
      expect(isSqliteExperimentalWarning(error)).to.equal(true);
    });

    it('leaves every other warning alone', () => {
      expect(isSqliteExperimentalWarning('SQLite is slow today', 'UserWarning')).to.equal(false);
      expect(isSqliteExperimentalWarning('Fetch is experimental', 'ExperimentalWarning')).to.equal(false);
      expect(isSqliteExperimentalWarning('SQLite is an experimental feature')).to.equal(false);
    });
  });

  it('drops only the SQLite notice in this process', async () => {
    installSqliteWarningFilter();
    const seen: string[] = [];
    const listener = (warning: Error): void => {
      seen.push(`${warning.name}: ${warning.message}`);
    };
    process.on('warning', listener);
    try {
      process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning');
      process.emitWarning('expected in test output: the filter let this one through', { type: 'TestWarning' });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(seen).to.deep.equal(['TestWarning: expected in test output: the filter let this one through']);
  });

  it('opens node:sqlite in a fresh process without the notice, other warnings still printed', function () {
    this.timeout(20_000);
    const result = spawnSync(process.execPath, ['--import', 'tsx', fixture], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.not.include('SQLite is an experimental feature');
    expect(result.stderr).to.include('CustomWarning: Heads up from the fixture');
    expect(result.stderr).to.include('UserWarning: SQLite mentioned in a warning that is not experimental');
    expect(result.stderr).to.include('ExperimentalWarning: Some other feature is an experimental feature');
  });

  it('opens an in-memory database that works', () => {
    const db = openDatabase(':memory:');
    expect((db.prepare('SELECT 1 + 1 AS n').get() as { n: number }).n).to.equal(2);
    db.close();
  });
});
