/*
 * Bulk API 2.0 query against the org emulator: a job per statement, every results page followed
 * by its Sforce-Locator, values as the CSV gives them.
 */
import type { Connection } from '@salesforce/core';
import { expect } from 'chai';
import { startOrgEmulator, type OrgEmulator } from '../../../test/org-emulator/index.js';
import { bulkQuery } from '../../src/salesforce/bulk2.js';
import { readRecords } from '../../src/verify/readBack.js';
import { connectTo } from '../support/orgConnection.js';

/** The URLs of every GET of query results the connection sends from now on. */
function watchResultReads(conn: Connection): string[] {
  const urls: string[] = [];
  const send = conn.request.bind(conn);
  conn.request = ((request, options) => {
    const url = typeof request === 'string' ? request : request.url;
    if (url.includes('/results')) urls.push(url);
    return send(request, options);
  }) as typeof conn.request;
  return urls;
}

describe('bulkQuery', () => {
  let org: OrgEmulator;
  let conn: Connection;

  before(async () => {
    org = await startOrgEmulator();
    const [parent] = org.seed('Account', [{ Name: 'Parent', CW_Id__c: 'P-1', Phone: '555-0100' }]);
    org.seed('Account', [
      { Name: 'Child 1', CW_Id__c: 'C-1', ParentId: parent },
      { Name: 'Child 2', CW_Id__c: 'C-2', ParentId: parent },
      { Name: 'Child 3', CW_Id__c: 'C-3', ParentId: parent },
      { Name: 'Not migrated' },
    ]);
    conn = await connectTo(org);
  });
  after(() => org?.close());

  it('follows Sforce-Locator from page to page until the org says null', async () => {
    const reads = watchResultReads(conn);
    const records = await bulkQuery(conn, {
      soql: 'SELECT Name FROM Account WHERE CW_Id__c != null ORDER BY Name',
      maxRecords: 2,
    });
    expect(records.map((r) => r.Name)).to.deep.equal(['Child 1', 'Child 2', 'Child 3', 'Parent']);
    expect(reads).to.have.length(2);
    expect(reads[0]).to.not.include('locator=');
    expect(reads[1]).to.match(/locator=\w+/);
  });

  it('gives null as an empty string and a parent field under its dotted column', async () => {
    const records = await bulkQuery(conn, {
      soql: "SELECT CW_Id__c, Phone, Parent.CW_Id__c FROM Account WHERE CW_Id__c IN ('P-1', 'C-1')",
    });
    const byId = new Map(records.map((r) => [r.CW_Id__c, r]));
    expect(byId.get('P-1')).to.deep.equal({ CW_Id__c: 'P-1', Phone: '555-0100', 'Parent.CW_Id__c': '' });
    expect(byId.get('C-1')).to.deep.equal({ CW_Id__c: 'C-1', Phone: '', 'Parent.CW_Id__c': 'P-1' });
  });

  it('reads a results page again after the org answered 503, and still finds the next page', async () => {
    org.injectFault({ method: 'GET', path: /\/jobs\/query\/\w+\/results/, status: 503, times: 1 });
    const records = await bulkQuery(conn, { soql: 'SELECT Name FROM Account', maxRecords: 3 });
    expect(records).to.have.length(5);
  });

  it('passes on the org refusing a query Bulk API 2.0 does not take', async () => {
    const refused = await bulkQuery(conn, { soql: 'SELECT COUNT() FROM Account' }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(refused?.message).to.include('not supported in Bulk API 2.0 query');
  });
});

describe('readRecords', () => {
  let org: OrgEmulator;
  let conn: Connection;

  before(async () => {
    org = await startOrgEmulator();
    org.seed('Account', [{ Name: 'Kept', CW_Id__c: 'K-1' }, { Name: 'Not migrated' }]);
    conn = await connectTo(org);
  });
  after(() => org?.close());

  it('selects the fields named, once each, from the records the condition picks, keyed by the names asked for', async () => {
    const records = await readRecords(conn, 'Account', ['Id', 'cw_id__c', 'Name', 'Name'], 'CW_Id__c != null');
    expect(records).to.have.length(1);
    expect(Object.keys(records[0])).to.deep.equal(['Id', 'cw_id__c', 'Name']);
    expect(records[0]).to.include({ cw_id__c: 'K-1', Name: 'Kept' });
  });

  it('reads every record of the object without a condition', async () => {
    expect(await readRecords(conn, 'Account', ['Name'])).to.have.length(2);
  });
});
