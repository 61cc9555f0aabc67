import { expect } from 'chai';
import type { DescribeField } from '../../src/salesforce/orgContext.js';
import { picklistValueOf, sameFieldValue, sameValue } from '../../src/verify/compare.js';

describe('sameValue', () => {
  // [type, what was sent, what the org gives back, same?] — written from Salesforce's REST formats.
  const table: Array<[string, string | number | boolean | null, string | number | boolean | null, boolean]> = [
    ['datetime', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000+0000', true],
    ['datetime', '2024-05-01T12:00:00Z', '2024-05-01T12:00:01.000+0000', false],
    ['date', '2024-05-01', '2024-05-01', true],
    ['double', '3.50', 3.5, true],
    ['boolean', true, 'true', true],
    ['boolean', false, true, false],
    ['reference', '001Em0000000001AAA', '001Em0000000001', true],
    ['textarea', 'line one\r\nline two', 'line one\nline two', true],
    ['string', 'Acme', 'ACME', false],
    ['string', null, '', true],
    ['string', '', 'something', false],
    ['picklist', 'Working', 'Working', true],
  ];
  for (const [type, expected, actual, same] of table) {
    it(`${type}: ${JSON.stringify(expected)} ${same ? 'matches' : 'differs from'} ${JSON.stringify(actual)}`, () =>
      expect(sameValue(type, expected, actual)).to.equal(same));
  }
});

describe('sameFieldValue', () => {
  // A describe fragment as the org gives it: API values, with labels that differ for two of them.
  const entry = (value: string, label = value): { value: string; label: string; active: boolean; defaultValue: boolean } => ({
    value,
    label,
    active: true,
    defaultValue: false,
  });
  const status: DescribeField = {
    name: 'Status',
    type: 'picklist',
    length: 255,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: true,
    restrictedPicklist: true,
    picklistValues: [entry('New'), entry('Waiting_on_Client', 'Waiting on Client'), entry('Closed', 'Done')],
  };
  const open: DescribeField = { ...status, name: 'Origin', restrictedPicklist: false };
  const topics: DescribeField = { ...status, name: 'Topics__c', type: 'multipicklist', picklistValues: [entry('Net', 'Network'), entry('Mail'), entry('VoIP', 'Phones')] };

  // [field, what the mapping says, what the org holds, same?]
  const table: Array<[DescribeField, string | null, string | null, boolean]> = [
    [status, 'Waiting on Client', 'Waiting_on_Client', true],
    [status, 'Waiting_on_Client', 'Waiting on Client', true],
    [status, 'Waiting_on_Client', 'Waiting_on_Client', true],
    [status, 'Done', 'Closed', true],
    [status, 'Waiting on Client', 'Closed', false],
    [status, 'Waiting on client', 'Waiting_on_Client', false],
    [status, 'On Hold', 'On Hold', false],
    [status, 'On Hold', 'New', false],
    [status, 'New', null, false],
    [status, null, '', true],
    [open, 'Walk-in', 'Walk-in', true],
    [open, 'Walk-in', 'Phone', false],
    [open, 'Done', 'Closed', true],
    [open, 'Walk-in', 'New', false],
    [topics, 'Network;Phones', 'VoIP;Net', true],
    [topics, 'Network', 'Net;Mail', false],
    [topics, 'Network;Fax', 'Net;Fax', false],
  ];
  for (const [field, expected, actual, same] of table) {
    const kind = `${field.restrictedPicklist ? 'restricted' : 'unrestricted'} ${field.type}`;
    it(`${kind}: ${JSON.stringify(expected)} ${same ? 'matches' : 'differs from'} ${JSON.stringify(actual)}`, () =>
      expect(sameFieldValue(field, expected, actual)).to.equal(same));
  }

  it('folds a label to its value, prefers a value to a label of the same text, and knows nothing else', () => {
    const tricky: DescribeField = { ...status, picklistValues: [entry('A', 'B'), entry('B', 'C')] };
    expect(picklistValueOf(tricky, 'B')).to.equal('B');
    expect(picklistValueOf(tricky, 'C')).to.equal('B');
    expect(picklistValueOf(tricky, 'D')).to.equal(undefined);
  });

  it('compares every other type as sameValue does, and a field it has no describe for as text', () => {
    const created: DescribeField = { ...status, name: 'Original_Create_Date__c', type: 'datetime', picklistValues: [] };
    expect(sameFieldValue(created, '2024-05-01T12:00:00Z', '2024-05-01T12:00:00.000Z')).to.equal(true);
    expect(sameFieldValue(undefined, 'line one\r\nline two', 'line one\nline two')).to.equal(true);
    expect(sameFieldValue(undefined, '42', '42.0')).to.equal(false);
  });
});
