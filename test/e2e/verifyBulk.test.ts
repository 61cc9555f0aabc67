/*
 * sf cw migrate verify reads the org back with Bulk API 2.0 query jobs, one per object, and
 * reports a value changed in the org after the run with its object, record, field, expected and
 * actual value. Expectations come from the ConnectWise source and the hand-written tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { runSfJson } from '../../scripts/lib/sfCli.js';
import { generateTenant } from '../cw-emulator/generator.js';
import { PRIORITY, ref, type Rec } from './expectations.js';
import { migrate, startHarness, type Harness } from './support.js';

interface Difference {
  object: string;
  sourceKind: string;
  sourceId: number | string;
  salesforceId: string;
  field: string;
  expected: string;
  actual: string;
}

interface VerifyJson {
  status: number;
  result?: { differenceCount: number; objects: Array<{ object: string; expected: number; matching: number }> };
  data?: { differenceCount: number; differences: Difference[]; reportFolder: string };
}

interface QueryJob {
  id: string;
  object: string;
  operation: string;
}

const ALIAS = 'vb';

describe('sf cw migrate verify with Bulk API 2.0 query (end to end)', () => {
  const tenant = generateTenant({ seed: 21, companies: 12 });
  let h: Harness;

  before(async () => {
    h = await startHarness(tenant, ALIAS);
    const run = await migrate(h, ALIAS);
    expect(run.status, JSON.stringify(run).slice(0, 1500)).to.equal(0);
  });
  after(async () => h?.close());

  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${h.org.instanceUrl}/services/data/v62.0${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${h.org.accessToken}`, 'Content-Type': 'application/json', ...init.headers },
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const queryJobs = async (): Promise<QueryJob[]> => (await api<{ records: QueryJob[] }>('/jobs/query')).records;
  const verify = async (): Promise<VerifyJson> =>
    (
      await runSfJson<VerifyJson>(
        [
          'cw',
          'migrate',
          'verify',
          '--target-org',
          ALIAS,
          '--work-dir',
          join(h.dir, 'work'),
          '--output-dir',
          join(h.dir, 'reports'),
        ],
        h.env,
      )
    ).json;
  const byCwId = (object: string, id: number): Rec => h.org.records(object).find((r) => r.CW_Id__c === String(id))!;

  it('reads every object it compares with a query job, and finds the fresh run clean', async () => {
    const before = new Set((await queryJobs()).map((j) => j.id));
    const clean = await verify();
    expect(clean.status, JSON.stringify(clean).slice(0, 2000)).to.equal(0);
    expect(clean.result?.differenceCount).to.equal(0);
    const jobs = (await queryJobs()).filter((j) => !before.has(j.id));
    expect(jobs.every((j) => j.operation === 'query')).to.equal(true);
    const read = new Set(jobs.map((j) => j.object));
    for (const o of clean.result!.objects) expect(read.has(o.object), `query job on ${o.object}`).to.equal(true);
    expect([...read]).to.include.members(['Account', 'Contact', 'Case', 'CaseComment']);
  });

  it('reports values changed in the org after the run, each with object, record, field, expected and actual', async () => {
    const company = tenant.companies.find(
      (c) => c.deletedFlag !== true && typeof c.name === 'string' && c.name.trim() !== '',
    )!;
    const account = byCwId('Account', company.id);
    await api(`/sobjects/Account/${String(account.Id)}`, {
      method: 'PATCH',
      body: JSON.stringify({ Name: 'Renamed in Salesforce' }),
    });

    const ticket = tenant.tickets.find((t) => PRIORITY[String(ref(t, 'priority')?.name)] === 'High')!;
    const caseRecord = byCwId('Case', ticket.id);
    // Without Sforce-Auto-Assign: FALSE the org's assignment rule would re-own the case as well.
    await api(`/sobjects/Case/${String(caseRecord.Id)}`, {
      method: 'PATCH',
      body: JSON.stringify({ Priority: 'Low' }),
      headers: { 'Sforce-Auto-Assign': 'FALSE' },
    });

    const dirty = await verify();
    expect(dirty.status).to.equal(1);
    const differences = dirty.data!.differences;
    expect(differences).to.have.length(2);
    expect(differences).to.deep.include({
      object: 'Account',
      sourceKind: 'company',
      sourceId: company.id,
      salesforceId: String(account.Id),
      field: 'Name',
      expected: company.name,
      actual: 'Renamed in Salesforce',
    });
    expect(differences).to.deep.include({
      object: 'Case',
      sourceKind: 'ticket',
      sourceId: ticket.id,
      salesforceId: String(caseRecord.Id),
      field: 'Priority',
      expected: 'High',
      actual: 'Low',
    });
    const csv: Array<Record<string, string>> = parse(
      readFileSync(join(dirty.data!.reportFolder, 'differences.csv'), 'utf8'),
      { columns: true },
    );
    expect(csv.map((d) => `${d.object}.${d.field}:${d.sourceId}`).sort()).to.deep.equal([
      `Account.Name:${company.id}`,
      `Case.Priority:${ticket.id}`,
    ]);
  });
});
