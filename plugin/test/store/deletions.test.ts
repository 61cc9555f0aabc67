/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'chai';
import { openDatabase } from '../../src/store/database.js';
import { DocumentFiles } from '../../src/store/documentFiles.js';
import { WorkStore } from '../../src/store/workStore.js';

describe('WorkStore: deletions and document files', () => {
  let dir: string;
  let store: WorkStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cwm-store-del-'));
    store = WorkStore.open({ dir, cwCompanyId: 'acme', orgId: 'org' });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags records gone with when it was noticed, keeps the first time, and takes children along', () => {
    store.putSourceRecords([
      { kind: 'tickets', id: 1, payload: { id: 1 } },
      { kind: 'tickets', id: 2, payload: { id: 2 } },
      { kind: 'ticketNotes', id: 10, parentId: 2, payload: { id: 10 } },
      { kind: 'ticketNotes', id: 11, parentId: 2, payload: { id: 11 } },
    ]);
    expect(store.markGone('tickets', [2, 99], '2025-01-01T00:00:00.000Z')).to.equal(1);
    expect(store.markChildrenGone('ticketNotes', 2, '2025-01-01T00:00:00.000Z')).to.equal(2);
    expect(store.markGone('tickets', [2], '2025-02-02T00:00:00.000Z')).to.equal(0);
    expect(store.liveIds('tickets')).to.deep.equal([1]);
    expect(store.liveIds('ticketNotes')).to.deep.equal([]);
    const [, gone] = store.sourceRecords('tickets');
    expect(gone).to.deep.equal({
      kind: 'tickets',
      id: 2,
      payload: { id: 2 },
      deleted: true,
      deletion: { how: 'gone', noticedAt: '2025-01-01T00:00:00.000Z' },
    });
    // Listed again: live again, and the deletion is forgotten.
    store.putSourceRecords([{ kind: 'tickets', id: 2, payload: { id: 2, summary: 'back' } }]);
    expect(store.sourceRecords('tickets')[1]).to.deep.equal({
      kind: 'tickets',
      id: 2,
      payload: { id: 2, summary: 'back' },
    });
  });

  it('keeps the first time a deletedFlag was noticed across re-reads', () => {
    const flagged = (noticedAt: string) => ({
      kind: 'companies' as const,
      id: 5,
      payload: { id: 5, deletedFlag: true },
      deletion: { how: 'deletedFlag' as const, noticedAt },
    });
    store.putSourceRecords([flagged('2025-01-01T00:00:00.000Z')]);
    store.putSourceRecords([flagged('2025-03-03T00:00:00.000Z')]);
    const [company] = store.sourceRecords('companies');
    expect(company.deleted).to.equal(undefined);
    expect(company.deletion).to.deep.equal({ how: 'deletedFlag', noticedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('adds the deletion columns to a store made before them', () => {
    // The table as version 1 created it, at the path the store opens.
    const legacyDir = mkdtempSync(join(tmpdir(), 'cwm-legacy-'));
    const legacy = openDatabase(join(legacyDir, '.cw-migrate', 'acme--org.sqlite'));
    legacy.exec(`CREATE TABLE source_record (kind TEXT NOT NULL, id INTEGER NOT NULL, parent_id INTEGER,
      payload TEXT NOT NULL, last_updated TEXT, deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kind, id)) WITHOUT ROWID`);
    legacy.exec(`INSERT INTO source_record (kind, id, payload, deleted) VALUES ('boards', 1, '{"id":1}', 1)`);
    legacy.close();
    const migrated = WorkStore.open({ dir: legacyDir, cwCompanyId: 'acme', orgId: 'org' });
    try {
      expect(migrated.sourceRecords('boards')).to.deep.equal([
        { kind: 'boards', id: 1, payload: { id: 1 }, deleted: true },
      ]);
      expect(migrated.markGone('boards', [1], 'now')).to.equal(0);
    } finally {
      migrated.close();
      rmSync(legacyDir, { recursive: true, force: true });
    }
  });

  it('streams document bytes to a file beside the store and knows when to fetch them again', async () => {
    const files = new DocumentFiles(store);
    expect(files.dir).to.equal(store.path.replace(/\.sqlite$/, '.documents'));
    expect(files.needs(7, '2025-01-01T00:00:00Z')).to.equal(true);
    const saved = await files.save('ticketDocuments', 7, Readable.from([Buffer.from('Hello, '), Buffer.from('Zoë')]), {
      fileName: 'grüße.txt',
      lastUpdated: '2025-01-01T00:00:00Z',
    });
    expect(saved).to.deep.include({ id: 7, fileName: 'grüße.txt', size: 11 });
    // sha256 of the UTF-8 bytes of "Hello, Zoë", computed by hand with sha256sum.
    expect(saved.sha256).to.equal('aadd4ee82814c54de89ac9cd0e8f089a485196e4952ee920db669caccb7c2524');
    expect(readFileSync(saved.path, 'utf8')).to.equal('Hello, Zoë');
    expect(files.needs(7, '2025-01-01T00:00:00Z')).to.equal(false);
    expect(files.needs(7, '2025-02-01T00:00:00Z')).to.equal(true);
    expect(files.get(7)).to.deep.equal(saved);
  });

  it('leaves no file and no row behind when the download breaks off', async () => {
    const files = new DocumentFiles(store);
    const broken = new Readable({
      read(): void {
        this.push(Buffer.from('part'));
        this.destroy(new Error('connection reset'));
      },
    });
    const error = await files
      .save('ticketDocuments', 8, broken, { fileName: 'x' })
      .catch((failure: unknown) => failure);
    expect((error as Error).message).to.equal('connection reset');
    expect(files.get(8)).to.equal(undefined);
  });
});
