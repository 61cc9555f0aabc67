/*
 * A run that stops after the org took a write but before the journal booked it (the process
 * killed in between) leaves a write-ahead record. The next run settles it: what the stopped run
 * created is journalled as its own, not as something the next run updated, so rolling back both
 * runs leaves the org as it was. The stop is made exact by failing the journal's booking call.
 */
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { Journal } from '../../src/pipeline/journal.js';
import { openDatabase } from '../../src/store/database.js';
import { differences, failJournal, startInProcess, type InProcess } from './inProcess.js';

const tenant = generateTenant({
  seed: 5,
  companies: 8,
  contactsPerCompany: [2, 3],
  ticketsPerCompany: [2, 3],
  notesPerTicket: [1, 3],
});
const company = tenant.companies.find((c) => c.deletedFlag !== true && c.parentCompany === undefined)!;
const contact = tenant.contacts.find((c) => (c.company as { id?: number } | undefined)?.id === company.id)!;

describe('write-ahead record: writes of a stopped run are booked as its own', function () {
  this.timeout(60_000);
  let p: InProcess | undefined;

  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  for (const object of ['Group', 'QueueSobject', 'User', 'Account', 'Contact', 'Case', 'CaseComment']) {
    it(`${object}: stopped between the write and its booking, then run again and both runs rolled back`, async () => {
      p = await startInProcess(tenant);
      // Records the org had before: the stopped run updates them, and rollback must restore them.
      p.org.seed('Account', [
        { Name: 'Known Before Migration', Phone: '555-0000', CW_Id__c: String(company.id) },
        { Name: 'Unrelated' },
      ]);
      p.org.seed('Contact', [{ LastName: 'Known Before', Title: 'Old title', CW_Id__c: String(contact.id) }]);
      const before = p.org.snapshot();

      const restore = failJournal('recordWrites', (_runId, written) => written === object);
      try {
        await p.migrate().then(
          () => expect.fail('the first run should have stopped'),
          (error: Error) => expect(error.message).to.equal('stopped before recordWrites'),
        );
      } finally {
        restore();
      }
      const [stopped] = p.runIds();
      const pending = p.withJournal((j) => j.pendingWrites().filter((w) => w.runId === stopped && w.object === object));
      expect(pending.length, 'write-ahead rows left by the stopped run').to.be.greaterThan(0);
      const inOrg = p.org.records(object).length;

      const next = await p.migrate();
      expect(next.status).to.equal('Completed');
      const { created, updatedByNext, left } = p.withJournal((j) => ({
        created: j.actions(stopped, object, 'created').length + j.actions(stopped, object, 'updated').length,
        updatedByNext: j.actions(next.runId, object, 'updated'),
        left: j.pendingWrites(),
      }));
      expect(left, 'write-ahead rows after the next run').to.deep.equal([]);
      expect(created, `${object} records the stopped run wrote`).to.be.greaterThan(0);
      expect(created, `${object} records the stopped run wrote`).to.be.at.most(inOrg);
      // Placeholder users are upserted by every run; other records the stopped run wrote already hold their values.
      if (object !== 'User') expect(updatedByNext, 'records the next run claims to have updated').to.deep.equal([]);

      const undone = [await p.rollback(next.runId), await p.rollback(stopped)];
      expect(undone.map((r) => r.status)).to.deep.equal(['RolledBack', 'RolledBack']);
      expect(differences(before, p.org.snapshot(), undone.flatMap((r) => r.runRecords))).to.deep.equal([]);
      for (const user of p.org.records('User').filter((u) => u.CW_Id__c != null))
        expect(user.IsActive, String(user.Username)).to.equal(false);
    });
  }

  it('a rollback settles the write-ahead rows of the run it undoes, with no run in between', async () => {
    p = await startInProcess(tenant);
    const before = p.org.snapshot();
    const restore = failJournal('recordWrites', (_runId, written) => written === 'Contact');
    try {
      await p.migrate().catch((error: Error) => expect(error.message).to.equal('stopped before recordWrites'));
    } finally {
      restore();
    }
    const [stopped] = p.runIds();
    expect(p.org.records('Contact').length).to.be.greaterThan(0);
    const result = await p.rollback(stopped);
    expect(result.status).to.equal('RolledBack');
    expect(result.deleted.Contact).to.equal(tenant.contacts.length);
    expect(differences(before, p.org.snapshot(), result.runRecords)).to.deep.equal([]);
  });
});

describe('Journal: pending writes', () => {
  it('are cleared by booking, and settled as created, updated or never written', () => {
    const db = openDatabase(':memory:');
    const journal = new Journal(db);
    const row = (sourceKey: string, existed = false): { sourceKey: string; matchKey: string; existed: boolean } => ({
      sourceKey,
      matchKey: sourceKey,
      existed,
    });
    journal.markPending(['1', '2', '3', '4'].map((k) => ({ ...row(k, k === '2'), runId: 'A', object: 'Account' })));
    journal.recordWrites('A', 'Account', [{ sourceKey: '1', sfId: '001A', created: true }]);
    expect(journal.pendingWrites().map((w) => w.sourceKey)).to.deep.equal(['2', '3', '4']);

    journal.settlePending(
      journal.pendingWrites().map((w) => ({ ...w, sfId: { '2': '001B', '3': '001C' }[w.sourceKey] })),
    );
    expect(journal.pendingWrites()).to.deep.equal([]);
    expect(journal.actions('A', 'Account', 'created').map((a) => a.sfId)).to.deep.equal(['001A', '001C']);
    expect(journal.actions('A', 'Account', 'updated').map((a) => a.sfId)).to.deep.equal(['001B']);
    expect([...journal.landed('Account').keys()].sort()).to.deep.equal(['1', '2', '3']);
    db.close();
  });

  it('a restore noted before it is sent is not yet done, and is done once booked', () => {
    const db = openDatabase(':memory:');
    const journal = new Journal(db);
    journal.markRestoring('A', 'Account', ['001A', '001B']);
    expect([...journal.rolledBack('A', 'Account')]).to.deep.equal([]);
    journal.recordRollback('A', 'Account', [{ sfId: '001A', outcome: 'restored' }]);
    expect([...journal.rolledBack('A', 'Account')]).to.deep.equal(['001A']);
    expect([...journal.restoring('A', 'Account')]).to.deep.equal(['001B']);
    db.close();
  });
});
