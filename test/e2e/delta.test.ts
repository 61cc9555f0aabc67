/*
 * Cut-over: after a full run, ConnectWise changes (a ticket edited, one added, one deleted, a
 * contact deleted) and `sf cw migrate delta --deleted delete` brings the org level with it.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { migrate, startHarness, type Harness, type RunJson } from './support.js';

describe('sf cw migrate delta (end to end)', function () {
  const tenant = generateTenant({ seed: 17, companies: 12 });
  let h: Harness;
  before(async () => {
    h = await startHarness(tenant, 'dl');
  });
  after(async () => h?.close());

  const byCwId = (object: string): Map<string, Record<string, unknown>> =>
    new Map(h.org.records(object).filter((r) => r.CW_Id__c != null).map((r) => [String(r.CW_Id__c), r]));

  it('refuses to start without an earlier run', async () => {
    const { json } = await runSfJson<RunJson>(['cw', 'migrate', 'delta', '--target-org', 'dl', '--auto-confirm', '--confidence', '0.5', '--work-dir', `${h.dir}/work`], h.env);
    expect(json.status).to.equal(1);
    expect(json.message).to.contain('No earlier run');
  });

  it('takes no --sample: a sample comes before the full load, not at cut-over', async () => {
    const { json } = await runSfJson<RunJson>(['cw', 'migrate', 'delta', '--target-org', 'dl', '--sample', '2', '--work-dir', `${h.dir}/work`], h.env);
    expect(json.status).to.not.equal(0);
    expect(json.message).to.contain('--sample');
  });

  it('applies edits, additions and deletions made in ConnectWise after the full run', async () => {
    expect((await migrate(h, 'dl')).status).to.equal(0);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const touch = (r: CwRecord): void => {
      r._info = { ...(r._info as object), lastUpdated: now };
    };
    const [edited, removed] = tenant.tickets;
    edited.summary = 'Edited in ConnectWise after the migration';
    touch(edited);
    tenant.tickets.splice(tenant.tickets.indexOf(removed), 1);
    const added: CwRecord = { ...tenant.tickets[tenant.tickets.length - 1], id: Math.max(...tenant.tickets.map((t) => t.id)) + 1, summary: 'Opened after the migration' };
    added._info = { ...(added._info as object), dateEntered: now, lastUpdated: now };
    tenant.tickets.push(added);
    const contact = tenant.contacts.find((c) => !tenant.tickets.some((t) => (t.contact as { id?: number } | undefined)?.id === c.id))!;
    tenant.contacts.splice(tenant.contacts.indexOf(contact), 1);

    // An agreement moves to another SLA, and another is deleted.
    const [moved, dropped] = tenant.agreements!.filter((a) => (a.sla as { name?: string } | undefined)?.name === 'Standard SLA');
    moved.sla = tenant.slas!.map((x) => ({ id: x.id, name: x.name })).find((x) => x.name === 'Premium 24x7');
    touch(moved);
    tenant.agreements!.splice(tenant.agreements!.indexOf(dropped), 1);

    const { json } = await runSfJson<RunJson>(
      ['cw', 'migrate', 'delta', '--target-org', 'dl', '--auto-confirm', '--confidence', '0.5', '--deleted', 'delete', '--work-dir', `${h.dir}/work`, '--output-dir', `${h.dir}/reports`],
      h.env
    );
    expect(json.status, JSON.stringify(json).slice(0, 1500)).to.equal(0);
    const cases = byCwId('Case');
    expect(cases.get(String(edited.id))?.Subject).to.equal('Edited in ConnectWise after the migration');
    expect(cases.get(String(added.id))?.Subject).to.equal('Opened after the migration');
    expect(cases.has(String(removed.id))).to.equal(false);
    expect(byCwId('Contact').has(String(contact.id))).to.equal(false);
    expect(cases.size).to.equal(tenant.tickets.length);
    const premium = h.org.records('SlaProcess').find((p) => p.Name === 'Premium 24x7 Support')!;
    expect(String(byCwId('Entitlement').get(String(moved.id))?.SlaProcessId).slice(0, 15)).to.equal(String(premium.Id).slice(0, 15));
    expect(byCwId('Entitlement').has(String(dropped.id))).to.equal(false);
    expect(byCwId('ServiceContract').has(String(dropped.id))).to.equal(false);
    expect(byCwId('ServiceContract').size).to.equal(tenant.agreements!.length);
  });
});
