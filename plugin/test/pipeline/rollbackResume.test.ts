/*
 * A rollback stopped after the org took a restore, delete or deactivation but before the journal
 * booked it, then run again, ends with the org as it was before the run: already-deleted records
 * count as deleted, and the rollback's own restores are not taken for changes someone made after
 * the run. The stop is made exact by failing the journal's booking call.
 */
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { differences, failJournal, startInProcess, type InProcess } from './inProcess.js';

const tenant = generateTenant({
  seed: 7,
  companies: 8,
  contactsPerCompany: [2, 3],
  ticketsPerCompany: [2, 3],
  notesPerTicket: [1, 3],
});
const company = tenant.companies.find((c) => c.deletedFlag !== true && c.parentCompany === undefined)!;
const contact = tenant.contacts.find((c) => (c.company as { id?: number } | undefined)?.id === company.id)!;

describe('rollback stopped before booking, then run again', function () {
  this.timeout(60_000);
  let p: InProcess | undefined;

  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  /** An org with records the run will update, the migration run, and the snapshot from before it. */
  async function migrated(): Promise<{
    p: InProcess;
    runId: string;
    before: ReturnType<InProcess['org']['snapshot']>;
  }> {
    const started = await startInProcess(tenant);
    started.org.seed('Account', [
      { Name: 'Known Before Migration', Phone: '555-0000', CW_Id__c: String(company.id) },
      { Name: 'Unrelated' },
    ]);
    started.org.seed('Contact', [{ LastName: 'Known Before', Title: 'Old title', CW_Id__c: String(contact.id) }]);
    const before = started.org.snapshot();
    const run = await started.migrate();
    expect(run.status).to.equal('Completed');
    return { p: started, runId: run.runId, before };
  }

  const STOPS: Array<[object: string, outcome: string]> = [
    ['Account', 'restored'],
    ['Contact', 'restored'],
    ['CaseComment', 'deleted'],
    ['Case', 'deleted'],
    ['Contact', 'deleted'],
    ['Account', 'deleted'],
    ['QueueSobject', 'deleted'],
    ['Group', 'deleted'],
    ['User', 'deactivated'],
  ];
  for (const [object, outcome] of STOPS) {
    it(`stopped once ${object} records are ${outcome}: the second rollback finishes the work`, async () => {
      const m = await migrated();
      p = m.p;
      const restore = failJournal(
        'recordRollback',
        (_runId, booked, done) => booked === object && done.some((d) => d.outcome === outcome),
      );
      try {
        await p.rollback(m.runId).then(
          () => expect.fail('the first rollback should have stopped'),
          (error: Error) => expect(error.message).to.equal('stopped before recordRollback'),
        );
      } finally {
        restore();
      }
      const resumed = await p.rollback(m.runId);
      expect(resumed.changedAfterRun, 'records taken for changed after the run').to.deep.equal([]);
      expect(resumed.failures).to.deep.equal([]);
      expect(resumed.status).to.equal('RolledBack');
      expect(differences(m.before, p.org.snapshot(), resumed.runRecords)).to.deep.equal([]);
      for (const user of p.org.records('User').filter((u) => u.CW_Id__c != null))
        expect(user.IsActive, String(user.Username)).to.equal(false);
    });
  }

  it('after a restore it sent but did not book, a resumed rollback still refuses what someone else changed', async () => {
    const m = await migrated();
    p = m.p;
    const finished = p.withJournal((j) => j.run(m.runId)!.finished!);
    const restore = failJournal('recordRollback', (_runId, booked) => booked === 'Account');
    await p.rollback(m.runId).catch(() => undefined);
    restore();
    const restored = p.org.records('Account').find((a) => a.CW_Id__c === String(company.id))!;
    expect(restored.Name, 'the restore reached the org').to.equal('Known Before Migration');
    expect(Date.parse(String(restored.LastModifiedDate)), 'the restore is a change after the run').to.be.greaterThan(
      Date.parse(finished),
    );

    const edited = p.org.records('Case').find((c) => c.CW_Id__c != null)!;
    await p.conn.sobject('Case').update({ Id: String(edited.Id), Subject: 'Changed by someone' });
    const refused = await p.rollback(m.runId);
    expect(refused.status).to.equal('Refused');
    expect(refused.changedAfterRun.map((c) => `${c.object} ${c.id.slice(0, 15)}`)).to.deep.equal([
      `Case ${String(edited.Id).slice(0, 15)}`,
    ]);
  });
});
