/*
 * Agreements, SLAs and custom fields, through the real sf CLI: `stage` proposes an entitlement
 * process per SLA and a field per custom field, the admin changes some of them in the org (as the
 * Mapping Workspace does), and the run loads service contracts, entitlements and custom-field
 * values the way the decisions say. Expected values come from the tenant and the hand-written
 * tables below, not from the plugin.
 */
import { expect } from 'chai';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import type { CwRecord } from '../cw-emulator/types.js';
import { ref, type Rec } from './expectations.js';
import { migrate, startHarness, short, type Harness } from './support.js';

/** The processes the org emulator seeds, and what an admin maps each generated SLA to. */
const PROCESS_OF_SLA: Record<string, string | null> = {
  'Standard SLA': 'Standard Support', // proposed: names match once "SLA"/"Support" are set aside
  'Premium 24x7': 'Premium 24x7 Support', // proposed likewise
  'Best Effort': 'Standard Support', // no proposal; the admin picks one in the org below
  "Gov't Contract": null, // no proposal, left without a process
};

/** Custom fields of the generator and where the customer-org fixture sends them. */
const FIELD_OF: Record<string, string> = {
  'Case:Root Cause': 'Root_Cause__c',
  'Case:Customer Impact %': 'Customer_Impact__c',
  'Account:Region': 'Region__c',
  'Contact:Preferred Language': 'Preferred_Language__c',
  'ServiceContract:Seats': 'Seats__c',
};
/** Root Cause values the unrestricted Case.Root_Cause__c lists; the rest load as they are. */
const ROOT_CAUSES = ['Hardware', 'Software', 'User Error', 'Network'];

const dateOnly = (value: unknown): string | null => (typeof value === 'string' ? value.slice(0, 10) : null);
const customFields = (r: CwRecord): Rec[] => (r.customFields as Rec[] | undefined) ?? [];
const isSet = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');
/** A value as the text lines show it: Yes/No for checkboxes, dates without time. */
const asText = (f: Rec): string =>
  typeof f.value === 'boolean'
    ? f.value
      ? 'Yes'
      : 'No'
    : f.type === 'Date'
      ? String(f.value).slice(0, 10)
      : String(f.value);

describe('agreements, SLAs and custom fields (end to end)', () => {
  const tenant = generateTenant({ seed: 61, companies: 25 });
  let h: Harness;
  let processIds: Map<string, string>;

  before(async () => {
    h = await startHarness(tenant, 'ag');
    processIds = new Map(h.org.records('SlaProcess').map((p) => [String(p.Name), String(p.Id)]));
  });
  after(async () => h?.close());

  async function decide(key: string, fields: Record<string, unknown>): Promise<void> {
    const record = h.org.records('CWM_Mapping_Decision__c').find((d) => d.Decision_Key__c === key);
    expect(record, key).to.not.equal(undefined);
    const response = await fetch(
      `${h.org.instanceUrl}/services/data/v62.0/sobjects/CWM_Mapping_Decision__c/${String(record!.Id)}`,
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${h.org.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(fields),
      },
    );
    expect(response.status, await response.text()).to.equal(204);
  }

  it('stages a decision per SLA with the entitlement processes as options, and one per custom field', async () => {
    const { json } = await runSfJson<{ status: number }>(
      ['cw', 'migrate', 'stage', '--target-org', 'ag', '--work-dir', `${h.dir}/work`],
      h.env,
    );
    expect(json.status, JSON.stringify(json)).to.equal(0);
    const decisions = h.org.records('CWM_Mapping_Decision__c');
    const slas = decisions.filter((d) => d.Kind__c === 'SLA');
    expect(slas.map((d) => d.Source_Label__c).sort()).to.deep.equal(tenant.slas!.map((s) => s.name).sort());
    for (const sla of tenant.slas!) {
      const decision = slas.find((d) => d.Source_Key__c === String(sla.id))!;
      const wanted = PROCESS_OF_SLA[String(sla.name)];
      const proposed = sla.name === 'Best Effort' ? undefined : wanted;
      expect(short(decision.Proposed_Target__c), String(sla.name)).to.equal(
        proposed ? short(processIds.get(proposed)) : '',
      );
      expect(decision.Record_Count__c).to.equal(tenant.agreements!.filter((a) => ref(a, 'sla')?.id === sla.id).length);
    }
    const options = h.org.records('CWM_Target_Option__c').filter((o) => o.Kind__c === 'Entitlement Process');
    expect(options.map((o) => o.Label__c).sort()).to.deep.equal(['Premium 24x7 Support', 'Standard Support']);
    // Every custom field a migrated record carries, once per object it goes to.
    const carried = new Set<string>();
    const add = (object: string, records: CwRecord[]): void =>
      records.forEach((r) => customFields(r).forEach((f) => carried.add(`${object}:${String(f.id)}`)));
    add('Account', tenant.companies);
    add('Contact', tenant.contacts);
    add('Case', tenant.tickets);
    add('ServiceContract', tenant.agreements!);
    const staged = decisions.filter((d) => d.Kind__c === 'Custom Field').map((d) => String(d.Source_Key__c));
    expect(staged.sort()).to.deep.equal([...carried].sort());
    // Root Cause options: one decision per value, on the picklist it is mapped to.
    const rootCause = decisions.filter(
      (d) => d.Kind__c === 'Custom Field Option' && d.Source_Context__c === 'Root Cause',
    );
    expect(rootCause.map((d) => d.Target_Field__c)).to.satisfy((t: unknown[]) =>
      t.every((x) => x === 'Case.Root_Cause__c'),
    );
    expect(rootCause.find((d) => d.Source_Label__c === 'Hardware')?.Proposed_Target__c).to.equal('Hardware');
  });

  it('refuses to run while decisions are open, listing each with its proposal, and the way to decide it', async () => {
    type Refusal = { status: number; name?: string; message?: string; actions?: string[] };
    const run = (...extra: string[]): Promise<{ json: Refusal }> =>
      runSfJson<Refusal>(
        ['cw', 'migrate', 'run', '--target-org', 'ag', '--no-extract', '--work-dir', `${h.dir}/work`, ...extra],
        h.env,
      );
    const plain = await run();
    expect(plain.json.status).to.equal(1);
    expect(plain.json.name).to.equal('DecisionsOpenError');
    expect(plain.json.message).to.include('SLA "Best Effort": skip at 0.9');
    expect(plain.json.message).to.include('SLA "Standard SLA": Standard Support at 0.85');
    expect(plain.json.actions?.join(' '))
      .to.match(/Mapping Workspace/)
      .and.match(/sf cw migrate stage/);
    // The threshold it suggests is one every open proposal reaches, and no lower than it must be.
    const suggested = Number(/--confidence (\d+(?:\.\d+)?)/.exec(plain.json.actions?.join(' ') ?? '')?.[1]);
    const open = h.org.records('CWM_Mapping_Decision__c').filter((d) => d.Status__c === 'Proposed').map((d) => Number(d.Confidence__c));
    expect(open).to.not.be.empty;
    for (const confidence of open) expect(confidence).to.be.at.least(suggested);
    expect(Math.min(...open) - suggested).to.be.lessThan(0.01);
    // Accepting only the surest proposals still leaves the ones below the threshold open.
    const sure = await run('--auto-confirm', '--confidence', '0.95');
    expect(sure.json.status).to.equal(1);
    expect(sure.json.message).to.include('SLA "Standard SLA"');
    expect(sure.json.message).to.not.include('Custom Field "Root Cause"'); // proposed at 1: accepted
    expect(h.org.records('ServiceContract')).to.have.length(0);
  });

  it('loads service contracts and entitlements with the processes decided in the org', async () => {
    const bestEffort = tenant.slas!.find((s) => s.name === 'Best Effort')!;
    await decide(`sla:${bestEffort.id}`, {
      Status__c: 'Confirmed',
      Confirmed_Target__c: processIds.get('Standard Support'),
    });
    const escalation = h.org
      .records('CWM_Mapping_Decision__c')
      .find((d) => d.Kind__c === 'Custom Field' && d.Source_Label__c === 'Escalation Notes')!;
    await decide(String(escalation.Decision_Key__c), { Status__c: 'Skip' });

    const run = await migrate(h, 'ag');
    expect(run.status, JSON.stringify(run).slice(0, 2000)).to.equal(0);
    expect(run.result?.status).to.equal('Completed');

    const accounts = new Map(h.org.records('Account').map((a) => [String(a.Id).slice(0, 15), String(a.CW_Id__c)]));
    const contracts = h.org.records('ServiceContract');
    const entitlements = h.org.records('Entitlement');
    // Every company of this tenant is live, so every agreement has an account to belong to.
    expect(contracts).to.have.length(tenant.agreements!.length);
    expect(entitlements).to.have.length(tenant.agreements!.length);
    for (const agreement of tenant.agreements!) {
      const contract = contracts.find((c) => c.CW_Id__c === String(agreement.id));
      expect(contract, `agreement ${agreement.id}`).to.not.equal(undefined);
      expect(contract!.Name).to.equal(agreement.name);
      expect(accounts.get(String(contract!.AccountId).slice(0, 15))).to.equal(String(ref(agreement, 'company')?.id));
      expect(contract!.StartDate).to.equal(dateOnly(agreement.startDate));
      const end =
        agreement.cancelledFlag === true &&
        (!agreement.endDate || String(agreement.dateCancelled) < String(agreement.endDate))
          ? dateOnly(agreement.dateCancelled)
          : dateOnly(agreement.endDate);
      expect(contract!.EndDate ?? null, `end of agreement ${agreement.id}`).to.equal(end);

      const entitlement = entitlements.find((e) => e.CW_Id__c === String(agreement.id))!;
      expect(short(entitlement.ServiceContractId)).to.equal(short(contract!.Id));
      expect(short(entitlement.AccountId)).to.equal(short(contract!.AccountId));
      const process = PROCESS_OF_SLA[String(ref(agreement, 'sla')?.name)];
      expect(short(entitlement.SlaProcessId), `process of agreement ${agreement.id}`).to.equal(
        process ? short(processIds.get(process)) : '',
      );
    }
  });

  it('puts custom-field values in their fields, the rest in ConnectWise Custom Fields, and leaves skipped ones out', () => {
    const check = (object: string, records: CwRecord[]): void => {
      const loaded = new Map(h.org.records(object).map((r) => [String(r.CW_Id__c), r]));
      for (const record of records) {
        const row = loaded.get(String(record.id));
        if (!row) continue; // tickets of a skipped board, reported elsewhere
        const lines: string[] = [];
        for (const f of customFields(record)) {
          const caption = String(f.caption);
          if (!isSet(f.value) || caption === 'Escalation Notes' || f.type === 'Password' || f.type === 'Button')
            continue;
          const target = FIELD_OF[`${object}:${caption}`];
          if (!target) {
            lines.push(`${caption}: ${asText(f)}`);
            continue;
          }
          // Root Cause values the picklist lacks load as they are; every other value is its own.
          expect(row[target], `${object} ${String(record.id)} ${target}`).to.equal(f.value);
        }
        expect(row.CW_Custom_Fields__c ?? null, `${object} ${String(record.id)} CW_Custom_Fields__c`).to.equal(
          lines.length > 0 ? lines.join('\n') : null,
        );
      }
    };
    check('Account', tenant.companies);
    check('Contact', tenant.contacts);
    check('Case', tenant.tickets);
    check('ServiceContract', tenant.agreements!);
    // The tenant has Root Cause values the picklist lacks; they loaded as they are.
    const unlisted = h.org
      .records('Case')
      .filter((c) => c.Root_Cause__c != null && !ROOT_CAUSES.includes(String(c.Root_Cause__c)));
    expect(unlisted.map((c) => c.Root_Cause__c)).to.include("Vendor's fault");
  });

  it('verifies clean, then finds a changed entitlement process and a changed custom-field value', async () => {
    type VerifyJson = {
      status: number;
      result?: {
        differenceCount: number;
        differences: Array<{ object: string; sourceId: string; field: string }>;
        objects: Array<{ object: string; expected: number; matching: number }>;
      };
      data?: { differenceCount: number; differences: Array<{ object: string; sourceId: string; field: string }> };
    };
    const verify = (): Promise<{ json: VerifyJson }> =>
      runSfJson<VerifyJson>(
        [
          'cw',
          'migrate',
          'verify',
          '--target-org',
          'ag',
          '--work-dir',
          `${h.dir}/work`,
          '--output-dir',
          `${h.dir}/verify`,
        ],
        h.env,
      );
    const clean = await verify();
    expect(clean.json.result?.differenceCount, JSON.stringify(clean.json).slice(0, 1500)).to.equal(0);
    const objects = new Map(clean.json.result!.objects.map((o) => [o.object, o]));
    expect(objects.get('ServiceContract')?.matching).to.equal(tenant.agreements!.length);
    expect(objects.get('Entitlement')?.matching).to.equal(tenant.agreements!.length);

    // Someone changes an entitlement's process and a case's root cause in Salesforce.
    const entitlement = h.org.records('Entitlement').find((e) => e.SlaProcessId != null)!;
    const other = [...processIds.values()].find((id) => short(id) !== short(entitlement.SlaProcessId))!;
    const withCause = h.org.records('Case').find((c) => c.Root_Cause__c === 'Hardware')!;
    for (const [object, id, body] of [
      ['Entitlement', entitlement.Id, { SlaProcessId: other }],
      ['Case', withCause.Id, { Root_Cause__c: 'Network' }],
    ] as const) {
      const response = await fetch(`${h.org.instanceUrl}/services/data/v62.0/sobjects/${object}/${String(id)}`, {
        method: 'PATCH',
        // Without this header the org's case assignment rule would re-own the case as well.
        headers: {
          Authorization: `Bearer ${h.org.accessToken}`,
          'Content-Type': 'application/json',
          'Sforce-Auto-Assign': 'FALSE',
        },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.text()).to.equal(204);
    }
    const changed = await verify();
    const found = (changed.json.result ?? changed.json.data)?.differences.map((d) => [
      d.object,
      String(d.sourceId),
      d.field,
    ]);
    expect(found?.sort()).to.deep.equal(
      [
        ['Case', String(withCause.CW_Id__c), 'Root_Cause__c'],
        ['Entitlement', String(entitlement.CW_Id__c), 'SlaProcessId'],
      ].sort(),
    );
  });

  it('rolls back service contracts and entitlements with the rest of the run, once told to override the two changes', async () => {
    const runs = await runSfJson<{ result?: { runs: Array<{ runId: string; status: string }> } }>(
      ['cw', 'migrate', 'status', '--target-org', 'ag', '--work-dir', `${h.dir}/work`],
      h.env,
    );
    const runId = runs.json.result?.runs.at(-1)?.runId;
    expect(runId, JSON.stringify(runs.json)).to.be.a('string');
    const rollback = (...extra: string[]): Promise<{ json: { status: number; message?: string } }> =>
      runSfJson(
        ['cw', 'migrate', 'rollback', '--target-org', 'ag', '--work-dir', `${h.dir}/work`, '--run', runId!, ...extra],
        h.env,
      );
    // The entitlement and the case changed in Salesforce after the run: rollback refuses and names them.
    const refused = await rollback();
    expect(refused.json.status).to.equal(1);
    expect(refused.json.message)
      .to.match(/^2 records were changed in Salesforce after the run/)
      .and.match(/Entitlement 550/)
      .and.match(/Case 500/);
    expect(h.org.records('ServiceContract')).to.have.length(tenant.agreements!.length);
    const { json } = await rollback('--force');
    expect(json.status, JSON.stringify(json).slice(0, 1500)).to.equal(0);
    expect(h.org.records('Entitlement')).to.have.length(0);
    expect(h.org.records('ServiceContract')).to.have.length(0);
    expect(h.org.records('Account')).to.have.length(0);
  });
});
