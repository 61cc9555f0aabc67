/*
 * Describe data for unit tests: the field lengths and flags of a real org, hand-copied from the
 * Salesforce describe files the org emulator carries (test/fixtures/salesforce/describe).
 */
import type { DescribeField, ObjectDescribe } from '../../src/salesforce/orgContext.js';

const text = (name: string, length: number): DescribeField => ({
  name,
  type: 'string',
  length,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
});

const FIELDS: Record<string, DescribeField[]> = {
  Account: [
    text('Name', 255),
    text('AccountNumber', 40),
    { ...text('BillingStreet', 255), type: 'textarea' },
    text('BillingCity', 40),
    text('BillingState', 80),
    text('BillingPostalCode', 20),
    text('BillingCountry', 80),
    { ...text('Phone', 40), type: 'phone' },
    { ...text('Fax', 40), type: 'phone' },
    { ...text('Website', 255), type: 'url' },
    { ...text('Description', 32_000), type: 'textarea' },
    text('CW_Id__c', 40),
  ],
  Contact: [
    text('FirstName', 40),
    text('LastName', 80),
    text('Title', 128),
    { ...text('Email', 80), type: 'email' },
    { ...text('Phone', 40), type: 'phone' },
    { ...text('MobilePhone', 40), type: 'phone' },
    { ...text('Fax', 40), type: 'phone' },
    { ...text('Description', 32_000), type: 'textarea' },
    text('CW_Id__c', 40),
  ],
  Case: [
    text('Subject', 255),
    { ...text('Description', 32_000), type: 'textarea' },
    { ...text('Status', 255), type: 'picklist' },
    { ...text('Priority', 255), type: 'picklist' },
    text('CW_Board__c', 50),
    text('CW_Id__c', 40),
  ],
};

export function describeOf(object: string): ObjectDescribe {
  return { name: object, fields: FIELDS[object] ?? [] };
}
