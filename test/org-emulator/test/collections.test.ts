/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- assertions read JSON response bodies, which are untyped */
import { expect } from 'chai';
import type { OrgEmulator } from '../index.js';
import { call, startTestOrg } from './helpers.js';

describe('org emulator: sObject collections and composite', () => {
  let org: OrgEmulator;
  beforeEach(async () => {
    org = await startTestOrg();
  });
  afterEach(() => org.close());

  const account = (fields: Record<string, unknown>): Record<string, unknown> => ({
    attributes: { type: 'Account' },
    ...fields,
  });

  it('creates with allOrNone=false: good rows saved, bad rows reported in input order', async () => {
    const res = await call(org, 'POST', '/composite/sobjects', {
      allOrNone: false,
      records: [account({ Name: 'Good 1' }), account({ Industry: 'Retail' }), account({ Name: 'Good 2' })],
    });
    expect(res.status).to.equal(200);
    expect(res.body.map((r: { success: boolean }) => r.success)).to.deep.equal([true, false, true]);
    expect(res.body[1].errors).to.deep.equal([
      { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
    ]);
    expect(org.records('Account').map((a) => a.Name)).to.include.members(['Good 1', 'Good 2']);
  });

  it('rolls everything back with allOrNone=true', async () => {
    const before = org.records('Account').length;
    const res = await call(org, 'POST', '/composite/sobjects', {
      allOrNone: true,
      records: [account({ Name: 'Kept?' }), account({ Name: 'x'.repeat(300) })],
    });
    expect(res.body[0]).to.deep.equal({
      id: null,
      success: false,
      errors: [
        {
          statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
          message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
          fields: [],
        },
      ],
    });
    expect(res.body[1].errors[0].statusCode).to.equal('STRING_TOO_LONG');
    expect(org.records('Account')).to.have.length(before);
  });

  it('updates and deletes by id lists', async () => {
    const created = await call(org, 'POST', '/composite/sobjects', {
      records: [account({ Name: 'A' }), account({ Name: 'B' })],
    });
    const [a, b] = created.body.map((r: { id: string }) => r.id);
    const updated = await call(org, 'PATCH', '/composite/sobjects', {
      allOrNone: false,
      records: [account({ id: a, Name: 'A2' }), account({ Name: 'no id' })],
    });
    expect(updated.body[0]).to.deep.equal({ id: a, success: true, errors: [] });
    expect(updated.body[1].errors[0].statusCode).to.equal('MISSING_ARGUMENT');
    const deleted = await call(org, 'DELETE', `/composite/sobjects?ids=${a},${b}&allOrNone=true`);
    expect(deleted.body.map((r: { success: boolean }) => r.success)).to.deep.equal([true, true]);
    expect(org.records('Account').map((r) => r.Id)).to.not.include.members([a, b]);
  });

  it('upserts on an external id, reporting created per row', async () => {
    org.seed('Account', [{ Name: 'Existing', CW_Id__c: 'E-1' }]);
    const res = await call(org, 'PATCH', '/composite/sobjects/Account/CW_Id__c', {
      allOrNone: false,
      records: [
        account({ CW_Id__c: 'E-1', Name: 'Existing renamed' }),
        account({ CW_Id__c: 'E-2', Name: 'Brand new' }),
      ],
    });
    expect(res.body.map((r: { created: boolean }) => r.created)).to.deep.equal([false, true]);
    expect(org.records('Account').find((r) => r.CW_Id__c === 'E-1')?.Name).to.equal('Existing renamed');
  });

  it('resolves parents by external id in a JSON body', async () => {
    org.seed('Account', [{ Name: 'Parent', CW_Id__c: 'P-1' }]);
    const res = await call(org, 'POST', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Contact' }, LastName: 'Child', Account: { CW_Id__c: 'P-1' } },
        { attributes: { type: 'Contact' }, LastName: 'Orphan', Account: { CW_Id__c: 'P-404' } },
      ],
    });
    expect(res.body[0].success).to.equal(true);
    expect(res.body[1].errors[0]).to.deep.include({
      statusCode: 'INVALID_FIELD',
      message: 'Foreign key external ID: P-404 not found for field CW_Id__c in entity Account',
    });
  });

  it('refuses more than 200 records and mixing setup with data objects', async () => {
    const tooMany = await call(org, 'POST', '/composite/sobjects', {
      records: Array.from({ length: 201 }, (_, i) => account({ Name: `n${i}` })),
    });
    expect(tooMany.status).to.equal(400);
    expect(tooMany.body[0].errorCode).to.equal('EXCEEDED_ID_LIMIT');
    const mixed = await call(org, 'POST', '/composite/sobjects', {
      records: [account({ Name: 'data' }), { attributes: { type: 'Group' }, Name: 'Queue A', Type: 'Queue' }],
    });
    expect(mixed.body[1].errors[0].statusCode).to.equal('MIXED_DML_OPERATION');
  });

  it('retrieves several records with chosen fields', async () => {
    const [id] = org.seed('Account', [{ Name: 'Fetched' }]);
    const res = await call(org, 'POST', '/composite/sobjects/Account', {
      ids: [id, '001000000000404AAA'],
      fields: ['Id', 'Name'],
    });
    expect(res.body[0]).to.deep.include({ Id: id, Name: 'Fetched' });
    expect(res.body[1]).to.equal(null);
  });

  it('runs composite subrequests with references between them', async () => {
    const res = await call(org, 'POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'acc',
          body: { Name: 'Composite Co' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Contact',
          referenceId: 'con',
          body: { LastName: 'Ref', AccountId: '@{acc.id}' },
        },
        { method: 'GET', url: '/services/data/v62.0/sobjects/Contact/@{con.id}?fields=AccountId', referenceId: 'read' },
      ],
    });
    const [acc, , read] = res.body.compositeResponse;
    expect(acc.httpStatusCode).to.equal(201);
    expect(read.body.AccountId).to.equal(acc.body.id);
  });

  it('halts and rolls back composite requests with allOrNone', async () => {
    const res = await call(org, 'POST', '/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'ok',
          body: { Name: 'Rolled back' },
        },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'bad', body: {} },
      ],
    });
    const codes = res.body.compositeResponse.map((r: { body: Array<{ errorCode: string }> }) => r.body[0].errorCode);
    expect(codes).to.deep.equal(['PROCESSING_HALTED', 'REQUIRED_FIELD_MISSING']);
    expect(org.records('Account').map((a) => a.Name)).to.not.include('Rolled back');
  });
});

describe('org emulator: composite tree', () => {
  let org: OrgEmulator;
  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('inserts a parent with children and reports reference ids', async () => {
    const res = await call(org, 'POST', '/composite/tree/Account', {
      records: [
        {
          attributes: { type: 'Account', referenceId: 'acc1' },
          Name: 'Tree Co',
          Contacts: { records: [{ attributes: { type: 'Contact', referenceId: 'con1' }, LastName: 'Leaf' }] },
        },
      ],
    });
    expect(res.status).to.equal(201);
    expect(res.body.results.map((r: { referenceId: string }) => r.referenceId)).to.deep.equal(['acc1', 'con1']);
    const [acc, con] = res.body.results.map((r: { id: string }) => r.id);
    expect(org.records('Contact').find((c) => c.Id === con)?.AccountId).to.equal(acc);
  });

  it('rolls the whole tree back when one record fails', async () => {
    const res = await call(org, 'POST', '/composite/tree/Account', {
      records: [
        { attributes: { type: 'Account', referenceId: 'ok' }, Name: 'Tree Rollback' },
        { attributes: { type: 'Account', referenceId: 'bad' }, Industry: 'Retail' },
      ],
    });
    expect(res.status).to.equal(400);
    expect(res.body).to.deep.equal({
      hasErrors: true,
      results: [
        {
          referenceId: 'bad',
          errors: [
            { statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] },
          ],
        },
      ],
    });
    expect(org.records('Account').map((a) => a.Name)).to.not.include('Tree Rollback');
  });
});
