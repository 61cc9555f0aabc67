/*
 * A run against an org with staged mapping decisions writes them back (auto-confirmed ones change
 * status); rollback restores the decisions it changed and deletes the ones it created, so the
 * decision records too are as they were before the run.
 */
import { expect } from 'chai';
import { generateTenant } from '../../../test/cw-emulator/generator.js';
import { DECISION_OBJECT } from '../../src/staging/orgDecisions.js';
import { differences, startInProcess, type InProcess } from './inProcess.js';

const tenant = generateTenant({
  seed: 9,
  companies: 8,
  contactsPerCompany: [2, 3],
  ticketsPerCompany: [2, 3],
  notesPerTicket: [1, 2],
});

describe('rollback of mapping decisions a run wrote to the org', function () {
  this.timeout(60_000);
  let p: InProcess | undefined;

  afterEach(async () => {
    await p?.close();
    p = undefined;
  });

  it('restores the decisions the run changed and deletes those it created, also after a later run', async () => {
    p = await startInProcess(tenant);
    const staged = await p.stage();
    expect(staged.failures).to.deep.equal([]);
    // One decision the admin never saw staged: the run creates it.
    const [dropped] = p.org.records(DECISION_OBJECT);
    await p.conn.sobject(DECISION_OBJECT).delete(String(dropped.Id));
    const before = p.org.snapshot();

    const first = await p.migrate();
    expect(first.status).to.equal('Completed');
    const changed = differences(before, p.org.snapshot()).filter((d) => d.startsWith(DECISION_OBJECT));
    expect(
      changed.some((d) => d.endsWith('was added')),
      'a decision the run created',
    ).to.equal(true);
    expect(
      changed.some((d) => d.includes('.Status__c: "Proposed"')),
      'a decision the run auto-confirmed',
    ).to.equal(true);

    // A later run finds every decision as it left them, and leaves them alone.
    const second = await p.migrate();
    expect(second.status).to.equal('Completed');
    // The second run wrote to the org too: the first is not rolled back from under it.
    const early = await p.rollback(first.runId);
    expect(early).to.include({ status: 'Refused' });
    expect(early.laterRuns).to.deep.equal([second.runId]);
    const undone = await p.rollback(second.runId);
    expect(undone.status).to.equal('RolledBack');

    const result = await p.rollback(first.runId);
    expect(result.status).to.equal('RolledBack');
    expect(result.restored[DECISION_OBJECT]).to.be.greaterThan(0);
    expect(result.deleted[DECISION_OBJECT]).to.equal(1);
    expect(differences(before, p.org.snapshot(), [...undone.runRecords, ...result.runRecords])).to.deep.equal([]);
  });
});
