/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { startTestOrg } from './helpers.js';

type JsforceModule = { Connection: new (options: Record<string, unknown>) => any };

/** jsforce (the client under @salesforce/core) against the emulator; skipped when the package is not installed. */
describe('org emulator: jsforce client', function () {
  this.timeout(30_000);
  let org: OrgEmulator;
  let conn: any;

  before(async function () {
    let jsforce: JsforceModule;
    try {
      jsforce = (await import('@jsforce/jsforce-node')) as unknown as JsforceModule;
    } catch {
      this.skip();
    }
    org = await startTestOrg();
    // A trailing slash on the instance URL, as the sf CLI stores it, makes jsforce send //services/data/...
    conn = new jsforce.Connection({
      instanceUrl: `${org.instanceUrl}/`,
      accessToken: org.accessToken,
      version: '62.0',
    });
  });
  after(() => org?.close());

  it('creates in bulk through collections and queries with autoFetch across pages', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ Name: `JS ${i}`, CW_Id__c: `JS-${i}` }));
    const results = await conn.sobject('Account').create(rows, { allOrNone: true });
    expect(results.every((r: { success: boolean }) => r.success)).to.equal(true);
    org.seed(
      'Account',
      Array.from({ length: 2100 }, (_, i) => ({ Name: `Seed ${i}` })),
    );
    const all = await conn.query('SELECT Id, Name FROM Account', { autoFetch: true, maxFetch: 10_000 });
    expect(all.records).to.have.length(2250);
    expect(conn.limitInfo.apiUsage.limit).to.equal(5_000_000);
  });

  it('upserts an array on an external id and reports created flags', async () => {
    const results = await conn.sobject('Account').upsert(
      [
        { CW_Id__c: 'JS-0', Name: 'JS zero renamed' },
        { CW_Id__c: 'JS-NEW', Name: 'JS new' },
      ],
      'CW_Id__c',
    );
    expect(results.map((r: { created: boolean }) => r.created)).to.deep.equal([false, true]);
  });

  it('surfaces REST errors as errorCode on the thrown error', async () => {
    try {
      await conn.sobject('Account').create({ Industry: 'Retail' });
      expect.fail('create should have failed');
    } catch (err) {
      expect((err as { errorCode?: string }).errorCode).to.equal('REQUIRED_FIELD_MISSING');
    }
  });

  it('loads cases through bulk2.loadAndWaitForResults with flat relationship keys', async () => {
    const result = await conn.bulk2.loadAndWaitForResults({
      object: 'Case',
      operation: 'upsert',
      externalIdFieldName: 'CW_Id__c',
      input: [
        { CW_Id__c: 'C-1', Subject: 'From jsforce', 'Account.CW_Id__c': 'JS-1' },
        { CW_Id__c: 'C-2', Subject: 'No parent', 'Account.CW_Id__c': 'JS-404' },
      ],
      pollInterval: 50,
      pollTimeout: 20_000,
    });
    expect(result.successfulResults).to.have.length(1);
    expect(result.failedResults).to.have.length(1);
    expect(result.failedResults[0].sf__Error).to.match(/^INVALID_FIELD:Foreign key external ID: JS-404 not found/);
  });

  it('runs a single-page bulk2 query', async () => {
    const records = await (
      await conn.bulk2.query("SELECT Id, Subject FROM Case WHERE CW_Id__c = 'C-1'", { pollInterval: 50 })
    ).toArray();
    expect(records).to.have.length(1);
    expect(records[0].Subject).to.equal('From jsforce');
  });
});
