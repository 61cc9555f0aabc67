import { expect } from 'chai';
import { preflightRow } from '../../src/salesforce/preflight.js';
import type { DescribeField, ObjectDescribe, OrgContext } from '../../src/salesforce/orgContext.js';

const field = (name: string, extra: Partial<DescribeField>): DescribeField => ({
  name,
  type: 'string',
  length: 255,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
  ...extra,
});

// Entitlement as the describe has it: Name and AccountId are required on insert.
const entitlement: ObjectDescribe = {
  name: 'Entitlement',
  fields: [
    field('Name', { nillable: false }),
    field('AccountId', {
      type: 'reference',
      length: 18,
      nillable: false,
      relationshipName: 'Account',
      referenceTo: ['Account'],
    }),
  ],
};
const org = { users: [], queues: [] } as unknown as OrgContext;

describe('preflightRow', () => {
  it('takes a reference by external id (Account.CW_Id__c) as the required AccountId', () => {
    expect(preflightRow(org, entitlement, { Name: 'Gold', 'Account.CW_Id__c': '250' }, 'insert')).to.deep.equal([]);
  });

  it('still names a required reference that is missing, or given blank', () => {
    for (const row of [{ Name: 'Gold' }, { Name: 'Gold', 'Account.CW_Id__c': '' }]) {
      const errors = preflightRow(org, entitlement, row, 'insert');
      expect(errors.map((e) => [e.code, e.field])).to.deep.equal([['REQUIRED_FIELD_MISSING', 'AccountId']]);
    }
  });
});
