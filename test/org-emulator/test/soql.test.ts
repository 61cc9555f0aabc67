/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, soql, startTestOrg } from './helpers.js';

describe('org emulator: SOQL', () => {
  let org: OrgEmulator;
  let acme: string;
  let globex: string;
  let initech: string;

  before(async () => {
    org = await startTestOrg();
    [acme, globex, initech] = org.seed('Account', [
      { Name: 'Acme', CW_Id__c: 'A-1', Industry: 'Retail', NumberOfEmployees: 120, AnnualRevenue: 5_000_000 },
      { Name: 'Globex', CW_Id__c: 'A-2', Industry: 'Energy', NumberOfEmployees: 40 },
      { Name: "O'Brien & Sons", CW_Id__c: 'A-3', NumberOfEmployees: null },
    ]);
    org.seed('Account', [{ Name: 'Acme Europe', CW_Id__c: 'A-4', ParentId: acme, Industry: 'Retail' }]);
    org.seed('Contact', [
      { FirstName: 'Ann', LastName: 'Archer', Email: 'ann@acme.example', AccountId: acme, Birthdate: '1980-02-29' },
      { FirstName: 'Bob', LastName: 'Baker', Email: 'bob@globex.example', AccountId: globex, Birthdate: '1975-06-01' },
      { LastName: 'Nobody', AccountId: null },
    ]);
    org.seed('Case', [
      { Subject: 'Old outage', Status: 'Closed', AccountId: acme, CreatedDate: '2020-01-15T10:00:00.000+0000' },
      { Subject: 'New request', Status: 'New', AccountId: acme },
      { Subject: 'Billing question', Status: 'Working', AccountId: globex },
    ]);
  });
  after(() => org.close());

  const names = (res: {
    body: { records: Array<{ Name?: string; Subject?: string; LastName?: string }> };
  }): Array<string | undefined> => res.body.records.map((r) => r.Name ?? r.Subject ?? r.LastName);

  it('returns parent fields nested under the relationship name, null when there is no parent', async () => {
    const res = await soql(org, 'SELECT LastName, Account.Name, Account.Owner.Email FROM Contact ORDER BY LastName');
    expect(res.body.totalSize).to.equal(3);
    expect(res.body.records[0].Account.Name).to.equal('Acme');
    expect(res.body.records[0].Account.attributes.type).to.equal('Account');
    expect(res.body.records[0].Account.Owner.Email).to.equal('admin@cwm-emulator.example');
    expect(res.body.records[2].Account).to.equal(null);
  });

  it('follows the polymorphic Owner and self-lookup Parent relationships', async () => {
    const cases = await soql(org, "SELECT Subject, Owner.Name, Owner.Type FROM Case WHERE Subject = 'New request'");
    expect(cases.body.records[0].Owner).to.deep.include({ Name: 'Ada Admin', Type: 'User' });
    const child = await soql(org, "SELECT Name, Parent.CW_Id__c FROM Account WHERE Parent.CW_Id__c = 'A-1'");
    expect(names(child)).to.deep.equal(['Acme Europe']);
  });

  const filters: Array<[string, string[]]> = [
    ["Name = 'acme'", ['Acme']],
    ["Name != 'Acme'", ['Acme Europe', 'Globex', "O'Brien & Sons"]],
    ["Name LIKE 'acme%'", ['Acme', 'Acme Europe']],
    ["Name LIKE '%o_ex'", ['Globex']],
    ["Name = 'O\\'Brien & Sons'", ["O'Brien & Sons"]],
    ["CW_Id__c IN ('A-2', 'A-3')", ['Globex', "O'Brien & Sons"]],
    ["CW_Id__c NOT IN ('A-2', 'A-3')", ['Acme', 'Acme Europe']],
    ['NumberOfEmployees > 50', ['Acme']],
    ['NumberOfEmployees <= 40', ['Globex']],
    ['NumberOfEmployees = null', ['Acme Europe', "O'Brien & Sons"]],
    ['AnnualRevenue >= 1000000.5', ['Acme']],
    ["Industry = 'Retail' AND (NumberOfEmployees > 100 OR ParentId != null)", ['Acme', 'Acme Europe']],
    ["NOT (Industry = 'Retail' OR Industry = null)", ['Globex']],
    ["Industry = 'Energy' OR Name LIKE 'O%' AND NumberOfEmployees = null", ['Globex', "O'Brien & Sons"]],
  ];
  for (const [where, expected] of filters) {
    it(`filters WHERE ${where}`, async () => {
      const res = await soql(org, `SELECT Name FROM Account WHERE ${where} ORDER BY Name`);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      expect(names(res)).to.deep.equal(expected);
    });
  }

  it('compares dates, datetimes and date literals', async () => {
    expect(names(await soql(org, 'SELECT LastName FROM Contact WHERE Birthdate < 1980-01-01'))).to.deep.equal([
      'Baker',
    ]);
    expect(names(await soql(org, 'SELECT Subject FROM Case WHERE CreatedDate < 2021-01-01T00:00:00Z'))).to.deep.equal([
      'Old outage',
    ]);
    const recent = await soql(org, 'SELECT Subject FROM Case WHERE CreatedDate = LAST_N_DAYS:7 ORDER BY Subject');
    expect(names(recent)).to.deep.equal(['Billing question', 'New request']);
    expect(names(await soql(org, 'SELECT Subject FROM Case WHERE CreatedDate < TODAY'))).to.deep.equal(['Old outage']);
  });

  it('filters booleans and returns datetimes in the API format', async () => {
    const res = await soql(org, 'SELECT Subject, CaseNumber, IsClosed, CreatedDate FROM Case WHERE IsClosed = true');
    expect(res.body.records).to.have.length(1);
    expect(res.body.records[0]).to.include({
      Subject: 'Old outage',
      IsClosed: true,
      CreatedDate: '2020-01-15T10:00:00.000+0000',
    });
    expect(res.body.records[0].CaseNumber).to.match(/^\d{8}$/);
  });

  it('orders with NULLS FIRST/LAST, then applies OFFSET and LIMIT', async () => {
    const res = await soql(
      org,
      'SELECT Name FROM Account ORDER BY NumberOfEmployees DESC NULLS FIRST, Name ASC LIMIT 3 OFFSET 1',
    );
    expect(names(res)).to.deep.equal(["O'Brien & Sons", 'Acme', 'Globex']);
    const last = await soql(org, 'SELECT Name FROM Account ORDER BY NumberOfEmployees ASC NULLS LAST LIMIT 2');
    expect(names(last)).to.deep.equal(['Globex', 'Acme']);
  });

  it('counts with COUNT() and aggregates with COUNT(Id) and GROUP BY', async () => {
    const count = await soql(org, "SELECT COUNT() FROM Account WHERE Industry = 'Retail'");
    expect(count.body).to.deep.equal({ totalSize: 2, done: true, records: [] });
    const countId = await soql(org, 'SELECT COUNT(Id) FROM Contact');
    expect(countId.body.records[0]).to.deep.equal({ attributes: { type: 'AggregateResult' }, expr0: 3 });
    const grouped = await soql(org, 'SELECT Status, COUNT(Id) total FROM Case GROUP BY Status');
    const byStatus = Object.fromEntries(
      grouped.body.records.map((r: { Status: string; total: number }) => [r.Status, r.total]),
    );
    expect(byStatus).to.deep.equal({ Closed: 1, New: 1, Working: 1 });
  });

  it('answers child subqueries with nested record lists', async () => {
    const res = await soql(
      org,
      "SELECT Name, (SELECT Subject FROM Cases WHERE IsClosed = false ORDER BY Subject) FROM Account WHERE Name IN ('Acme', 'O\\'Brien & Sons') ORDER BY Name",
    );
    expect(res.body.records[0].Cases.records.map((c: { Subject: string }) => c.Subject)).to.deep.equal(['New request']);
    expect(res.body.records[1].Cases).to.equal(null);
  });

  it('supports semi-joins on ids', async () => {
    const res = await soql(
      org,
      "SELECT LastName FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Industry = 'Energy')",
    );
    expect(names(res)).to.deep.equal(['Baker']);
  });

  const errors: Array<[string, string, string | RegExp]> = [
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE', /sObject type 'Nope__c' is not supported/],
    ['SELECT Id FROM ScratchOrgInfo limit 1', 'INVALID_TYPE', /sObject type 'ScratchOrgInfo' is not supported/],
    ['SELECT Id, Colour__c FROM Account', 'INVALID_FIELD', /No such column 'Colour__c' on entity 'Account'/],
    ['SELECT Id, Acount.Name FROM Contact', 'INVALID_FIELD', /Didn't understand relationship 'Acount' in field path/],
    ['SELECT Id FROM', 'MALFORMED_QUERY', /ERROR at Row:1/],
    [
      "SELECT Id FROM Account WHERE NumberOfEmployees = '5'",
      'INVALID_FIELD',
      /must be of type int and should not be enclosed in quotes/,
    ],
  ];
  for (const [query, code, message] of errors) {
    it(`fails "${query}" with ${code}`, async () => {
      const res = await soql(org, query);
      expect(res.status).to.equal(400);
      expect(res.body[0].errorCode).to.equal(code);
      expect(res.body[0].message).to.match(message as RegExp);
    });
  }

  it('pages large results with nextRecordsUrl and query locators', async () => {
    const big = await startTestOrg();
    try {
      big.seed(
        'Account',
        Array.from({ length: 4500 }, (_, i) => ({ Name: `Bulk ${String(i).padStart(4, '0')}` })),
      );
      const first = await soql(big, "SELECT Name FROM Account WHERE Name LIKE 'Bulk%' ORDER BY Name");
      expect(first.body).to.include({ totalSize: 4500, done: false });
      expect(first.body.records).to.have.length(2000);
      const second = await call(big, 'GET', first.body.nextRecordsUrl.replace('/services/data/v62.0', ''));
      expect(second.body.records[0].Name).to.equal('Bulk 2000');
      const third = await call(big, 'GET', second.body.nextRecordsUrl.replace('/services/data/v62.0', ''));
      expect(third.body).to.include({ done: true });
      expect(third.body.records).to.have.length(500);
      expect(third.body.nextRecordsUrl).to.equal(undefined);
    } finally {
      await big.close();
    }
  });

  it('shows deleted rows to queryAll only', async () => {
    const created = await call(org, 'POST', '/sobjects/Account', { Name: 'Doomed' });
    await call(org, 'DELETE', `/sobjects/Account/${created.body.id}`);
    expect((await soql(org, "SELECT Id FROM Account WHERE Name = 'Doomed'")).body.totalSize).to.equal(0);
    const all = await call(
      org,
      'GET',
      `/queryAll?q=${encodeURIComponent("SELECT Id, IsDeleted FROM Account WHERE Name = 'Doomed'")}`,
    );
    expect(all.body.records[0].IsDeleted).to.equal(true);
  });

  it('describes query columns for sf data query (columns=true)', async () => {
    const res = await call(
      org,
      'GET',
      `/query?columns=true&q=${encodeURIComponent('SELECT Id, Account.Name FROM Contact')}`,
    );
    expect(res.body.entityName).to.equal('Contact');
    expect(res.body.columnMetadata.map((c: { columnName: string }) => c.columnName)).to.deep.equal(['Id', 'Account']);
    expect(res.body.columnMetadata[1].joinColumns[0].columnName).to.equal('Name');
  });

  it('keeps ids comparable in 15- and 18-character form', async () => {
    const res = await soql(org, `SELECT Name FROM Account WHERE Id = '${initech.slice(0, 15)}'`);
    expect(names(res)).to.deep.equal(["O'Brien & Sons"]);
  });
});
