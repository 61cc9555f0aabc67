/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'chai';
import { WorkStore, type SourceRecord } from '../../src/store/workStore.js';

describe('WorkStore', () => {
  let dir: string;
  let store: WorkStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-store-'));
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: '00D5g000000AbCdEAF' });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lives in .cw-migrate, one file per company and org', () => {
    expect(store.path).to.equal(join(dir, '.cw-migrate', 'acme--00D5g000000AbCdEAF.sqlite'));
    expect(existsSync(store.path)).to.equal(true);
    const other = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: '00D000000000002' });
    expect(other.path).to.not.equal(store.path);
    other.close();
  });

  it('makes odd company ids safe and keeps look-alikes apart', () => {
    const dotted = WorkStore.open({ dir, cwCompanyId: '../Acme Inc.', orgId: 'org' });
    const underscored = WorkStore.open({ dir, cwCompanyId: '___Acme_Inc_', orgId: 'org' });
    expect(basename(dotted.path)).to.match(/^___Acme_Inc_-[0-9a-f]{8}--org\.sqlite$/);
    expect(basename(underscored.path)).to.equal('___Acme_Inc_--org.sqlite');
    expect(dotted.path.startsWith(join(dir, '.cw-migrate'))).to.equal(true);
    dotted.close();
    underscored.close();
  });

  it('uses WAL mode', () => {
    const row = store.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    expect(row.journal_mode).to.equal('wal');
  });

  it('upserts by kind and id, so a second put changes nothing but the payload', () => {
    const first: SourceRecord[] = [
      { kind: 'tickets', id: 2, payload: { id: 2, summary: 'Printer' }, lastUpdated: '2024-03-01T10:00:00Z' },
      { kind: 'tickets', id: 1, payload: { id: 1, summary: 'Email' } },
      { kind: 'companies', id: 1, payload: { id: 1, name: 'Acme' } },
    ];
    store.putSourceRecords(first);
    store.putSourceRecords(first);
    expect(store.countSource('tickets')).to.equal(2);
    store.putSourceRecords([{ kind: 'tickets', id: 2, payload: { id: 2, summary: 'Printer jam' }, deleted: true }]);
    expect(store.countSource('tickets')).to.equal(2);
    expect(store.sourceRecords('tickets')).to.deep.equal([
      { kind: 'tickets', id: 1, payload: { id: 1, summary: 'Email' } },
      { kind: 'tickets', id: 2, payload: { id: 2, summary: 'Printer jam' }, deleted: true },
    ]);
    expect(store.countSource('companies')).to.equal(1);
    expect(store.countSource('contacts')).to.equal(0);
  });

  it('keeps payloads as received, Unicode and padding included', () => {
    const payload = {
      id: 7,
      text: 'Zoë — 東京 🎫\r\nline two',
      _info: { updatedBy: 'trigger        ' },
      nested: { a: [1, null] },
    };
    store.putSourceRecords([{ kind: 'ticketNotes', id: 7, parentId: 101, payload }]);
    expect(store.sourceRecords('ticketNotes')[0].payload).to.deep.equal(payload);
  });

  it('filters children by parent and orders by id', () => {
    store.putSourceRecords([
      { kind: 'boardStatuses', id: 30, parentId: 2, payload: { id: 30 } },
      { kind: 'boardStatuses', id: 12, parentId: 1, payload: { id: 12 } },
      { kind: 'boardStatuses', id: 11, parentId: 1, payload: { id: 11 } },
    ]);
    const ids = store.sourceRecords('boardStatuses', { parentId: 1 }).map((record) => record.id);
    expect(ids).to.deep.equal([11, 12]);
    expect(store.sourceRecords('boardStatuses')[2]).to.deep.include({ id: 30, parentId: 2 });
  });

  it('rolls back the whole batch when one record cannot be stored', () => {
    const broken = { kind: 'tickets', id: 2, payload: undefined } as unknown as SourceRecord;
    expect(() => store.putSourceRecords([{ kind: 'tickets', id: 1, payload: {} }, broken])).to.throw();
    expect(store.countSource('tickets')).to.equal(0);
  });

  it('nests transactions as savepoints', () => {
    expect(() =>
      store.transaction(() => {
        store.putSourceRecords([{ kind: 'members', id: 1, payload: {} }]);
        store.setState('k', 'v');
        throw new Error('stop');
      })
    ).to.throw('stop');
    expect(store.countSource('members')).to.equal(0);
    expect(store.getState('k')).to.equal(undefined);
  });

  it('keeps watermarks and state across a reopen', () => {
    expect(store.getWatermark('tickets')).to.equal(undefined);
    store.setWatermark('tickets', '2024-03-01T10:00:00Z');
    store.setWatermark('tickets', '2024-03-02T10:00:00Z');
    store.setState('mapping.version', '3');
    store.close();
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: '00D5g000000AbCdEAF' });
    expect(store.getWatermark('tickets')).to.equal('2024-03-02T10:00:00Z');
    expect(store.getState('mapping.version')).to.equal('3');
    store.deleteState('mapping.version');
    expect(store.getState('mapping.version')).to.equal(undefined);
  });

  it('stores and streams 100,000 records in seconds', function () {
    this.timeout(30_000);
    const records: SourceRecord[] = [];
    for (let id = 1; id <= 100_000; id++) {
      records.push({
        kind: 'tickets',
        id,
        payload: {
          id,
          summary: `Ticket ${id}`,
          board: { id: 1, name: 'Help Desk' },
          _info: { lastUpdated: '2024-03-01T10:00:00Z' },
        },
        lastUpdated: '2024-03-01T10:00:00Z',
      });
    }
    const started = Date.now();
    store.putSourceRecords(records);
    const insertMs = Date.now() - started;
    expect(store.countSource('tickets')).to.equal(100_000);
    let seen = 0;
    let previous = 0;
    for (const record of store.iterateSourceRecords<{ id: number }>('tickets')) {
      expect(record.id).to.be.greaterThan(previous);
      previous = record.id;
      seen++;
    }
    expect(seen).to.equal(100_000);
    expect(insertMs, `inserting took ${insertMs} ms`).to.be.below(10_000);
  });
});
