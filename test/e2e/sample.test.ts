/*
 * run --sample N: a connected slice loads first and is verified; the full run waits for sign-off.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import type { Rec } from './expectations.js';
import { migrate, startHarness, type Harness } from './support.js';

const companyOf = (t: CwRecord): number | undefined => (t.company as { id?: number } | undefined)?.id;

describe('sample run and sign-off (end to end)', function () {
  const tenant = generateTenant({ seed: 13, companies: 20 });
  let h: Harness;
  before(async () => {
    h = await startHarness(tenant, 'sm');
  });
  after(async () => h?.close());

  const casesInOrg = (): Set<string> => new Set(h.org.records('Case').map((c) => String(c.CW_Id__c)));

  it('loads every ticket of three companies, and nothing else, verified and awaiting sign-off', async () => {
    const run = await migrate(h, 'sm', ['--sample', '3']);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
    expect(run.result?.status).to.equal('AwaitingSignOff');
    const loaded = casesInOrg();
    const companies = new Set(tenant.tickets.filter((t) => loaded.has(String(t.id))).map(companyOf));
    expect(companies.size).to.equal(3);
    for (const t of tenant.tickets) expect(loaded.has(String(t.id)), `ticket ${t.id}`).to.equal(companies.has(companyOf(t)));
    const verification = (run.result as unknown as { verification: { differenceCount: number; objects: Array<{ expected: number; matching: number }> } }).verification;
    expect(verification.differenceCount).to.equal(0);
    for (const o of verification.objects) expect(o.matching).to.equal(o.expected);
  });

  it('will not run everything until the sample is signed off', async () => {
    const before = casesInOrg().size;
    const refused = await migrate(h, 'sm');
    expect(refused.status).to.equal(1);
    expect(refused.message).to.contain('waiting for sign-off');
    expect(casesInOrg().size).to.equal(before);

    const full = await migrate(h, 'sm', ['--sign-off']);
    expect(full.status).to.equal(0);
    expect(full.result?.status).to.equal('Completed');
    expect(casesInOrg().size).to.equal(tenant.tickets.length);
  });

  it('shows each run in the org, and a sample signed off in the Run Monitor lets the next run go ahead', async () => {
    const runRecord = (runId: string): Rec | undefined => h.org.records('CWM_Run__c').find((r) => r.Run_Id__c === runId);
    const sample = await migrate(h, 'sm', ['--sample', '2']);
    // A sample of records the full run already loaded verifies clean: the comments of the cases
    // outside the slice are none of its business.
    expect(sample.result?.status, JSON.stringify(sample).slice(0, 800)).to.equal('AwaitingSignOff');
    const record = runRecord(sample.result!.runId)!;
    expect(record).to.include({ Status__c: 'Awaiting Sign-off', Phase__c: 'Finished', Failures__c: 0, Started_By__c: h.org.username });
    const counts = JSON.parse(String(record.Counts__c)) as Array<{ object: string; inOrg: number }>;
    expect(counts.find((c) => c.object === 'Case')?.inOrg).to.equal(h.org.records('Case').length);

    expect((await migrate(h, 'sm')).message).to.contain('waiting for sign-off');
    // What the Run Monitor's "Sign off sample" button saves (updateRecord on the run record).
    const signed = await runSfJson<{ status: number }>(
      ['data', 'update', 'record', '--target-org', 'sm', '--sobject', 'CWM_Run__c', '--record-id', String(record.Id), '--values', "Status__c='Signed Off'"],
      h.env
    );
    expect(signed.json.status).to.equal(0);
    const full = await migrate(h, 'sm');
    expect(full.status, JSON.stringify(full).slice(0, 800)).to.equal(0);
    expect(full.result?.status).to.equal('Completed');
    expect(runRecord(sample.result!.runId)?.Status__c).to.equal('Signed Off');
    expect(runRecord(full.result!.runId)).to.include({ Status__c: 'Completed', Phase__c: 'Finished' });
  });
});
