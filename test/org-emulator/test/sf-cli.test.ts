/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { runSfJson, sfEnvironment } from '../../../scripts/lib/sfCli.js';
import { startTestOrg } from './helpers.js';

/**
 * The real sf CLI against the emulator, with an isolated HOME so no developer auth or config leaks in.
 * Every command costs 2-4 s of CLI start-up, so this suite keeps to a handful of them.
 */
describe('org emulator: the real sf CLI', function () {
  this.timeout(120_000);
  let org: OrgEmulator;
  let home: string;

  async function sf(args: string[]): Promise<{ status: number; result: any; warnings?: string[] }> {
    const env = sfEnvironment(home, { SF_ACCESS_TOKEN: org.accessToken });
    return (await runSfJson<{ status: number; result: any; warnings?: string[] }>(args, env, home)).json;
  }

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'cwm-sf-home-'));
    // Small Bulk query pages, so sf data export bulk has to follow Sforce-Locator over several of them.
    org = await startTestOrg({ bulkQueryPageSize: 3 });
    org.seed('Account', [{ Name: 'Parent Co', CW_Id__c: 'P-1' }]);
    const login = await sf([
      'org',
      'login',
      'access-token',
      '--instance-url',
      org.instanceUrl,
      '--no-prompt',
      '--alias',
      'emu',
    ]);
    expect(login.status, JSON.stringify(login)).to.equal(0);
    expect(login.result).to.include({ username: 'admin@cwm-emulator.example', orgId: org.orgId });
  });
  after(async () => {
    await org?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('runs sf data query', async () => {
    const out = await sf(['data', 'query', '--query', 'SELECT Id, Name FROM User', '--target-org', 'emu']);
    expect(out.status, JSON.stringify(out)).to.equal(0);
    expect(out.result.totalSize).to.equal(1);
    expect(out.result.records[0]).to.include({ Id: org.userId, Name: 'Ada Admin' });
  });

  it('runs sf data create record', async () => {
    const out = await sf([
      'data',
      'create',
      'record',
      '--sobject',
      'Account',
      '--values',
      "Name='Created By CLI' CW_Id__c=CLI-1",
      '--target-org',
      'emu',
    ]);
    expect(out.status, JSON.stringify(out)).to.equal(0);
    expect(org.records('Account').find((a) => a.Id === out.result.id)).to.include({
      Name: 'Created By CLI',
      CW_Id__c: 'CLI-1',
    });
  });

  it('runs sf sobject describe', async () => {
    const out = await sf(['sobject', 'describe', '--sobject', 'Account', '--target-org', 'emu']);
    expect(out.status).to.equal(0);
    expect(out.result.keyPrefix).to.equal('001');
    const cwId = out.result.fields.find((f: { name: string }) => f.name === 'CW_Id__c');
    expect(cwId).to.include({ externalId: true, unique: true, type: 'string', length: 64 });
  });

  it('runs sf data import bulk from a CSV file', async () => {
    const file = join(home, 'contacts.csv');
    writeFileSync(file, 'LastName,Email,Account.CW_Id__c\nAlpha,alpha@example.com,P-1\nBeta,beta@example.com,P-1\n');
    const out = await sf([
      'data',
      'import',
      'bulk',
      '--file',
      file,
      '--sobject',
      'Contact',
      '--wait',
      '2',
      '--target-org',
      'emu',
    ]);
    expect(out.status, JSON.stringify(out)).to.equal(0);
    expect(out.result).to.include({ processedRecords: 2, successfulRecords: 2, failedRecords: 0 });
    const parent = org.records('Account').find((a) => a.CW_Id__c === 'P-1');
    expect(
      org
        .records('Contact')
        .filter((c) => c.AccountId === parent?.Id)
        .map((c) => c.LastName),
    ).to.have.members(['Alpha', 'Beta']);
  });

  it('runs sf org list limits with the daily API allowance', async () => {
    const out = await sf(['org', 'list', 'limits', '--target-org', 'emu']);
    expect(out.status, JSON.stringify(out)).to.equal(0);
    const daily = out.result.find((l: { name: string }) => l.name === 'DailyApiRequests');
    expect(daily.max).to.equal(5_000_000);
    // The /limits call counts itself, and it is the CLI's last call.
    expect(daily.remaining).to.equal(5_000_000 - org.apiUsage().used);
  });

  it('runs sf data export bulk over several result pages', async () => {
    org.seed(
      'Account',
      Array.from({ length: 8 }, (_, i) => ({ Name: `Export ${i}`, CW_Id__c: `EX-${i}` })),
    );
    const file = join(home, 'export.csv');
    const out = await sf([
      'data',
      'export',
      'bulk',
      '--query',
      "SELECT Name, CW_Id__c FROM Account WHERE Name LIKE 'Export%' ORDER BY Name",
      '--output-file',
      file,
      '--wait',
      '2',
      '--target-org',
      'emu',
    ]);
    expect(out.status, JSON.stringify(out)).to.equal(0);
    expect(out.result.totalSize).to.equal(8);
    const rows: Array<{ Name: string }> = parse(readFileSync(file, 'utf8'), { columns: true });
    expect(rows.map((r) => r.Name)).to.deep.equal(Array.from({ length: 8 }, (_, i) => `Export ${i}`));
  });

  it('reports failed rows from sf data upsert bulk', async () => {
    const file = join(home, 'accounts.csv');
    writeFileSync(file, 'CW_Id__c,Name\nP-1,Parent Renamed\nP-2,\n');
    const out = await sf([
      'data',
      'upsert',
      'bulk',
      '--file',
      file,
      '--sobject',
      'Account',
      '--external-id',
      'CW_Id__c',
      '--wait',
      '2',
      '--target-org',
      'emu',
    ]);
    expect(out.status).to.not.equal(0);
    expect(out.result ?? (out as any).data).to.not.equal(undefined);
    expect(org.records('Account').find((a) => a.CW_Id__c === 'P-1')?.Name).to.equal('Parent Renamed');
    expect(org.records('Account').find((a) => a.CW_Id__c === 'P-2')).to.equal(undefined);
  });
});
