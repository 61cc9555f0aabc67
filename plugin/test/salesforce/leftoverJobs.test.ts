/*
 * Ingest jobs a killed run left behind: before the next process looks in the org for what the
 * killed run wrote, a job still at work is waited for and one whose data never arrived is aborted.
 * Other tools' jobs are left alone.
 */
import type { Connection } from '@salesforce/core';
import { expect } from 'chai';
import { startOrgEmulator, type OrgEmulator } from '../../../test/org-emulator/index.js';
import { finishLeftoverJobs } from '../../src/salesforce/bulk2.js';
import { connectTo } from '../support/orgConnection.js';

describe('finishLeftoverJobs', () => {
  let org: OrgEmulator;
  let conn: Connection;
  const base = (): string => `/services/data/v${conn.getApiVersion()}/jobs/ingest`;

  before(async () => {
    org = await startOrgEmulator();
    conn = await connectTo(org);
  });
  after(() => org?.close());

  async function openJob(object: string, operation: string, externalIdFieldName?: string): Promise<string> {
    const job = await conn.request<{ id: string }>({
      method: 'POST',
      url: base(),
      body: JSON.stringify({ object, operation, externalIdFieldName, contentType: 'CSV', lineEnding: 'LF' }),
      headers: { 'content-type': 'application/json' },
    });
    return job.id;
  }
  const stateOf = async (id: string): Promise<string> =>
    (await conn.request<{ state: string }>(`${base()}/${id}`)).state;

  it('waits for a job still writing, aborts one whose data never came, and leaves other jobs alone', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Account ${i},CW-${i}`);
    const working = await openJob('Account', 'upsert', 'CW_Id__c');
    await conn.request({
      method: 'PUT',
      url: `${base()}/${working}/batches`,
      body: ['Name,CW_Id__c', ...rows].join('\n') + '\n',
      headers: { 'content-type': 'text/csv' },
    });
    await conn.request({
      method: 'PATCH',
      url: `${base()}/${working}`,
      body: JSON.stringify({ state: 'UploadComplete' }),
      headers: { 'content-type': 'application/json' },
    });
    const halfSent = await openJob('Account', 'upsert', 'CW_Id__c');
    const otherTool = await openJob('Account', 'insert');
    const otherObject = await openJob('Contact', 'upsert', 'CW_Id__c');
    // The killed process stopped here; the org is still working through the first job.
    expect(await stateOf(working)).to.be.oneOf(['UploadComplete', 'InProgress']);

    const dealt = await finishLeftoverJobs(conn, ['Account'], org.userId);

    expect(dealt.sort()).to.deep.equal([working, halfSent].sort());
    expect(await stateOf(working)).to.equal('JobComplete');
    expect(org.records('Account').filter((a) => String(a.CW_Id__c).startsWith('CW-'))).to.have.length(20_000);
    expect(await stateOf(halfSent)).to.equal('Aborted');
    expect(await stateOf(otherTool)).to.equal('Open');
    expect(await stateOf(otherObject)).to.equal('Open');
  });
});
