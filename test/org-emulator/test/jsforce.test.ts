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

  it('creates in bulk through collections and queries with autoFetch across three nextRecordsUrl pages', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ Name: `JS ${i}`, CW_Id__c: `JS-${i}` }));
    const results = await conn.sobject('Account').create(rows, { allOrNone: true });
    expect(results.every((r: { success: boolean }) => r.success)).to.equal(true);
    org.seed(
      'Account',
      Array.from({ length: 4500 }, (_, i) => ({ Name: `Seed ${i}` })),
    );
    const before = org.apiUsage().used;
    // 4 650 rows at 2 000 a page: the first page plus two queryMore calls.
    const all = await conn.query('SELECT Id, Name FROM Account', { autoFetch: true, maxFetch: 10_000 });
    expect(all.records).to.have.length(4650);
    expect(new Set(all.records.map((r: { Id: string }) => r.Id)).size).to.equal(4650);
    expect(org.apiUsage().used - before).to.equal(3);
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

  describe('sobject() with arrays', () => {
    const contacts = (names: string[]): Array<Record<string, unknown>> =>
      names.map((LastName) => ({ LastName, CW_Id__c: `CT-${LastName}` }));

    it('creates with allOrNone false (good rows kept) and true (all rolled back)', async () => {
      const loose = await conn.sobject('Contact').create([...contacts(['Ames']), { FirstName: 'NoLastName' }]);
      expect(loose.map((r: { success: boolean }) => r.success)).to.deep.equal([true, false]);
      expect(loose[1].errors[0].statusCode).to.equal('REQUIRED_FIELD_MISSING');
      const strict = await conn
        .sobject('Contact')
        .create([...contacts(['Bell']), { FirstName: 'NoLastName' }], { allOrNone: true });
      expect(strict.map((r: { success: boolean }) => r.success)).to.deep.equal([false, false]);
      expect(strict[0].errors[0].statusCode).to.equal('ALL_OR_NONE_OPERATION_ROLLED_BACK');
      expect(org.records('Contact').map((c) => c.LastName))
        .to.include('Ames')
        .and.not.include('Bell');
    });

    it('updates with allOrNone both ways', async () => {
      const ames = org.records('Contact').find((c) => c.LastName === 'Ames')?.Id as string;
      const bad = { Id: ames.replace(/^003/, '001'), LastName: 'Wrong type' };
      const strict = await conn.sobject('Contact').update([{ Id: ames, Title: 'Lead' }, bad], { allOrNone: true });
      expect(strict.every((r: { success: boolean }) => !r.success)).to.equal(true);
      expect(org.records('Contact').find((c) => c.Id === ames)?.Title ?? null).to.equal(null);
      const loose = await conn.sobject('Contact').update([{ Id: ames, Title: 'Lead' }, bad]);
      expect(loose.map((r: { success: boolean }) => r.success)).to.deep.equal([true, false]);
      expect(org.records('Contact').find((c) => c.Id === ames)?.Title).to.equal('Lead');
    });

    it('upserts with allOrNone both ways', async () => {
      const rows = [
        { CW_Id__c: 'CT-Ames', LastName: 'Ames' },
        { CW_Id__c: 'CT-Cole', LastName: '' },
      ];
      const strict = await conn.sobject('Contact').upsert(rows, 'CW_Id__c', { allOrNone: true });
      expect(strict.map((r: { success: boolean }) => r.success)).to.deep.equal([false, false]);
      const loose = await conn
        .sobject('Contact')
        .upsert([...rows, { CW_Id__c: 'CT-Dunn', LastName: 'Dunn' }], 'CW_Id__c', { allOrNone: false });
      expect(loose.map((r: { success: boolean; created?: boolean }) => [r.success, r.created])).to.deep.equal([
        [true, false],
        [false, undefined],
        [true, true],
      ]);
    });

    it('destroys with allOrNone both ways', async () => {
      const ids = org
        .records('Contact')
        .filter((c) => ['Ames', 'Dunn'].includes(String(c.LastName)))
        .map((c) => String(c.Id));
      const missing = '003000000000000AAA';
      const strict = await conn.sobject('Contact').destroy([...ids, missing], { allOrNone: true });
      expect(strict.every((r: { success: boolean }) => !r.success)).to.equal(true);
      expect(org.records('Contact').filter((c) => ids.includes(String(c.Id)))).to.have.length(2);
      const loose = await conn.sobject('Contact').destroy([...ids, missing]);
      expect(loose.map((r: { success: boolean }) => r.success)).to.deep.equal([true, true, false]);
      expect(org.records('Contact').filter((c) => ids.includes(String(c.Id)))).to.have.length(0);
    });
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
