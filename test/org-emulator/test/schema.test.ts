/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, startTestOrg } from './helpers.js';

describe('org emulator: schema from describes and SFDX source', () => {
  let org: OrgEmulator;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('lists standard, synthesized and custom objects in the global describe', async () => {
    const res = await call(org, 'GET', '/sobjects');
    expect(res.body.maxBatchSize).to.equal(200);
    const names = res.body.sobjects.map((s: { name: string }) => s.name);
    expect(names).to.include.members([
      'Account',
      'Case',
      'CaseComment',
      'User',
      'Group',
      'GroupMember',
      'QueueSobject',
      'Organization',
      'Profile',
      'CaseStatus',
      'CWM_Board__c',
    ]);
    const board = res.body.sobjects.find((s: { name: string }) => s.name === 'CWM_Board__c');
    expect(board).to.include({ custom: true, label: 'Board', labelPlural: 'Boards' });
    expect(board.keyPrefix).to.match(/^a0\w$/);
    expect(board.urls.describe).to.equal('/services/data/v62.0/sobjects/CWM_Board__c/describe');
  });

  it('builds custom object fields from field-meta.xml', async () => {
    const res = await call(org, 'GET', '/sobjects/CWM_Board__c/describe');
    const field = (name: string): any => res.body.fields.find((f: { name: string }) => f.name === name);
    expect(field('Kind__c')).to.include({
      type: 'picklist',
      restrictedPicklist: true,
      nillable: false,
      createable: true,
    });
    expect(field('Kind__c').picklistValues.map((p: { value: string }) => p.value)).to.deep.equal([
      'Service',
      'Project',
    ]);
    expect(field('Account__c')).to.deep.include({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Account__r',
    });
    expect(field('Ticket_Count__c')).to.include({ type: 'double', precision: 9, scale: 0 });
    expect(field('Is_Active__c')).to.include({ type: 'boolean', defaultValue: true });
    expect(field('OwnerId')).to.deep.include({ referenceTo: ['Group', 'User'] });
  });

  it('adds child relationships and lets SOQL use them', async () => {
    const account = await call(org, 'GET', '/sobjects/Account/describe');
    expect(account.body.childRelationships.map((r: { relationshipName: string }) => r.relationshipName)).to.include(
      'Boards__r',
    );
    const [accountId] = org.seed('Account', [{ Name: 'Board owner' }]);
    const created = await call(org, 'POST', '/sobjects/CWM_Board__c', { Name: 'Service Desk', Account__c: accountId });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const stored = org.records('CWM_Board__c')[0];
    expect(stored).to.include({ Kind__c: 'Service', Is_Active__c: true });
    const res = await call(
      org,
      'GET',
      `/query?q=${encodeURIComponent(`SELECT Name, (SELECT Name, Account__r.Name FROM Boards__r) FROM Account WHERE Id = '${accountId}'`)}`,
    );
    expect(res.body.records[0].Boards__r.records[0].Account__r.Name).to.equal('Board owner');
  });

  it('seeds case statuses consistent with the Case.Status picklist', async () => {
    const res = await call(
      org,
      'GET',
      `/query?q=${encodeURIComponent('SELECT ApiName, IsClosed, IsDefault FROM CaseStatus ORDER BY SortOrder')}`,
    );
    expect(res.body.records.map((r: { ApiName: string; IsClosed: boolean }) => [r.ApiName, r.IsClosed])).to.deep.equal([
      ['New', false],
      ['Working', false],
      ['Escalated', false],
      ['Closed', true],
    ]);
    const describe = await call(org, 'GET', '/sobjects/Case/describe');
    const status = describe.body.fields.find((f: { name: string }) => f.name === 'Status');
    expect(status.picklistValues.map((p: { value: string }) => p.value)).to.deep.equal([
      'New',
      'Working',
      'Escalated',
      'Closed',
    ]);
  });

  it('answers 404 NOT_FOUND for an unknown object describe', async () => {
    const res = await call(org, 'GET', '/sobjects/Nope__c/describe');
    expect(res.status).to.equal(404);
    expect(res.body[0].errorCode).to.equal('NOT_FOUND');
  });

  it('reports limits and request counts', async () => {
    const limits = await call(org, 'GET', '/limits');
    expect(limits.body.DailyApiRequests.Max).to.equal(5_000_000);
    expect(org.requestCounts().rest).to.be.greaterThan(0);
  });
});
