/*
 * Staging and deciding in the org: `sf cw migrate stage` writes decisions, target options and
 * example records into the org; an admin changes two decisions there (as the mapping screens do,
 * through the REST API); the following run follows them, and staging again keeps them.
 */
import { expect } from 'chai';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { migrate, startHarness, type Harness } from './support.js';

interface StageJson {
  status: number;
  result?: { decisions: number; openDecisions: number; targetOptions: number; stagedRecords: number };
}

const ref = (r: CwRecord, key: string): Record<string, unknown> | undefined => r[key] as Record<string, unknown> | undefined;

describe('sf cw migrate stage, decisions made in the org, and the run that follows them (end to end)', function () {
  const tenant = generateTenant({ seed: 21, companies: 25 });
  let h: Harness;

  before(async () => {
    h = await startHarness(tenant, 'st');
  });
  after(async () => h?.close());

  const stage = (...extra: string[]): Promise<{ json: StageJson }> =>
    runSfJson<StageJson>(['cw', 'migrate', 'stage', '--target-org', 'st', '--work-dir', `${h.dir}/work`, ...extra], h.env);

  /** An admin's edit in the screens: a PATCH of the decision record through REST. */
  async function decide(key: string, fields: Record<string, unknown>): Promise<void> {
    const record = h.org.records('CWM_Mapping_Decision__c').find((d) => d.Decision_Key__c === key);
    expect(record, key).to.not.equal(undefined);
    const response = await fetch(`${h.org.instanceUrl}/services/data/v62.0/sobjects/CWM_Mapping_Decision__c/${String(record!.Id)}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${h.org.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(fields),
    });
    expect(response.status, await response.text()).to.equal(204);
  }

  it('stages one decision per source value, the target options and a sample of tickets', async () => {
    const { json } = await stage();
    expect(json.status, JSON.stringify(json)).to.equal(0);
    const statusKeys = new Set(tenant.tickets.map((t) => `status:${String(ref(t, 'board')?.id)}:${String(ref(t, 'status')?.name)}`));
    for (const s of tenant.boardStatuses) statusKeys.add(`status:${String(ref(s, 'board')?.id)}:${String(s.name)}`);
    const expected = tenant.members.length + tenant.boards.length + statusKeys.size + tenant.priorities.length;
    // SLAs, agreement types and custom fields have a suite of their own (agreements.test.ts).
    const ticketKinds = new Set(['Member', 'Board', 'Status', 'Priority']);
    expect(h.org.records('CWM_Mapping_Decision__c').filter((d) => ticketKinds.has(String(d.Kind__c)))).to.have.length(expected);
    expect(json.result?.decisions).to.equal(h.org.records('CWM_Mapping_Decision__c').length);
    // The sample: the first 25 tickets and the first 25 agreements, as examples beside the decisions.
    const staged = h.org.records('CWM_Staged_Record__c');
    expect(staged.filter((r) => r.Kind__c === 'ticket')).to.have.length(25);
    expect(staged.filter((r) => r.Kind__c === 'agreement')).to.have.length(Math.min(25, tenant.agreements!.length));
    const agreement = tenant.agreements![0];
    const ledger = staged.find((r) => r.Staged_Key__c === `agreement-${agreement.id}`);
    expect(String(ledger?.Decision_Keys__c).split(';')).to.include(`sla:${String(ref(agreement, 'sla')?.id)}`);
    const statusOptions = h.org.records('CWM_Target_Option__c').filter((o) => o.Target_Field__c === 'Case.Status').map((o) => o.Value__c);
    expect(statusOptions.sort()).to.deep.equal(['Closed', 'Escalated', 'New', 'Working']);
  });

  it('runs the way the admin decided in the org, and staging again keeps those decisions', async () => {
    const [skipped, other] = tenant.boards;
    const ticket = tenant.tickets.find((t) => ref(t, 'board')?.id === other.id)!;
    const statusKey = `status:${other.id}:${String(ref(ticket, 'status')?.name)}`;
    await decide(`board:${skipped.id}`, { Status__c: 'Skip' });
    await decide(statusKey, { Status__c: 'Confirmed', Confirmed_Target__c: 'Escalated' });

    const run = await migrate(h, 'st', ['--no-extract']);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
    const cases = new Map(h.org.records('Case').map((c) => [String(c.CW_Id__c), c]));
    for (const t of tenant.tickets) {
      const c = cases.get(String(t.id));
      if (ref(t, 'board')?.id === skipped.id) expect(c, `ticket ${t.id} on the skipped board`).to.equal(undefined);
      else if (`status:${String(ref(t, 'board')?.id)}:${String(ref(t, 'status')?.name)}` === statusKey) expect(c?.Status, `ticket ${t.id}`).to.equal('Escalated');
    }

    await stage('--no-extract');
    const decisions = new Map(h.org.records('CWM_Mapping_Decision__c').map((d) => [d.Decision_Key__c, d]));
    expect(decisions.get(`board:${skipped.id}`)?.Status__c).to.equal('Skip');
    expect(decisions.get(statusKey)).to.include({ Status__c: 'Confirmed', Confirmed_Target__c: 'Escalated' });
  });
});
