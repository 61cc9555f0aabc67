/*
 * run --sample N: a connected slice loads first and is verified; the full run waits for sign-off.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
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
});
