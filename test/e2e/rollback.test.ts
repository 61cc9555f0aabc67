/*
 * Rollback through the real sf CLI: after `sf cw migrate rollback`, every live record equals its
 * state before the run in every field except those Salesforce maintains itself (the emulator's
 * snapshot diff ignores exactly those), and the run's own record, which the rollback keeps as its
 * history and lists. The org starts
 * with records of its own, one of which the run updates (its CW_Id__c matches a company), so both
 * halves of rollback are exercised: deleting what the run created and restoring what it changed.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { differences, migrate, startHarness, type Harness } from './support.js';

interface RollbackJson {
  status: number;
  name?: string;
  message?: string;
  result?: { status: string; deleted: Record<string, number>; restored: Record<string, number>; runRecords: string[] };
}

describe('sf cw migrate rollback (end to end)', function () {
  const tenant = generateTenant({ seed: 11, companies: 15 });
  const company = tenant.companies.find((c) => c.deletedFlag !== true && c.parentCompany === undefined)!;
  let h: Harness;

  before(async function () {
    h = await startHarness(tenant, 'rb');
    // The org already knows this company, under another name and phone; the run will update it.
    h.org.seed('Account', [
      { Name: 'Known Before Migration', Phone: '555-0000', CW_Id__c: String(company.id) },
      { Name: 'Unrelated Customer' },
    ]);
  });
  after(async () => h?.close());

  const rollback = (runId: string, ...extra: string[]): Promise<{ json: RollbackJson }> =>
    runSfJson<RollbackJson>(['cw', 'migrate', 'rollback', '--target-org', 'rb', '--run', runId, '--work-dir', `${h.dir}/work`, ...extra], h.env);

  it('puts every record back as it was before the run', async () => {
    const before = h.org.snapshot();
    const run = await migrate(h, 'rb');
    expect(run.status).to.equal(0);
    const updated = h.org.records('Account').find((a) => a.CW_Id__c === String(company.id));
    expect(updated?.Name).to.equal(company.name);

    const { json } = await rollback(run.result!.runId);
    expect(json.result?.status, JSON.stringify(json)).to.equal('RolledBack');
    expect(json.result?.restored.Account).to.equal(1);
    expect(differences(before, h.org.snapshot(), json.result?.runRecords)).to.deep.equal([]);
    // The run's record stays as its history, and says what became of it.
    expect(h.org.records('CWM_Run__c').find((r) => r.Run_Id__c === run.result!.runId)?.Status__c).to.equal('Rolled Back');
  });

  it('refuses to roll back a record changed after the run, and --force rolls it back anyway', async () => {
    const before = h.org.snapshot();
    const run = await migrate(h, 'rb');
    const contact = h.org.records('Contact').find((c) => c.CW_Id__c != null)!;
    const edit = await runSfJson<{ status: number }>(
      ['data', 'update', 'record', '--target-org', 'rb', '--sobject', 'Contact', '--record-id', String(contact.Id), '--values', 'Title=Changed'],
      h.env
    );
    expect(edit.json.status).to.equal(0);

    const refused = await rollback(run.result!.runId);
    expect(refused.json.name).to.equal('ChangedAfterRunError');
    expect(refused.json.message).to.contain(String(contact.Id).slice(0, 15));
    expect(h.org.records('Contact').length).to.be.greaterThan(0);

    const forced = await rollback(run.result!.runId, '--force');
    expect(forced.json.result?.status).to.equal('RolledBack');
    expect(differences(before, h.org.snapshot(), forced.json.result?.runRecords)).to.deep.equal([]);
  });

  it('lists the runs with their status', async () => {
    const { json } = await runSfJson<{ result: { runs: Array<{ status: string }> } }>(
      ['cw', 'migrate', 'status', '--target-org', 'rb', '--work-dir', `${h.dir}/work`],
      h.env
    );
    expect(json.result.runs.map((r) => r.status)).to.deep.equal(['Rolled Back', 'Rolled Back']);
  });
});
