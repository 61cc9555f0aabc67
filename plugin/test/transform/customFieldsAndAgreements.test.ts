import { expect } from 'chai';
import { ProblemLog } from '../../src/report/problems.js';
import type { DescribeField, ObjectDescribe } from '../../src/salesforce/orgContext.js';
import { agreementEnd, entitlementRow, serviceContractRow } from '../../src/transform/agreements.js';
import { applyCustomFields, type CustomFieldMapping } from '../../src/transform/customFields.js';
import { RowBuilder, missingReference } from '../../src/transform/rows.js';
import type { CwAgreement } from '../../src/transform/sourceTypes.js';

const field = (name: string, type: string, length = 0): DescribeField => ({
  name,
  type,
  length,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
});

const caseDescribe: ObjectDescribe = {
  name: 'Case',
  fields: [
    field('Description', 'textarea', 32_000),
    field('CW_Custom_Fields__c', 'textarea', 131_072),
    field('Root_Cause__c', 'picklist', 255),
    field('Customer_Impact__c', 'percent'),
    field('Seats__c', 'int'),
    field('Onboarded__c', 'date'),
    field('VIP__c', 'boolean'),
    field('Portal__c', 'url', 255),
  ],
};

/** Decisions as a hand-written table: custom field id -> field, and option -> value. */
const FIELDS: Record<number, string | undefined> = {
  1: 'Root_Cause__c',
  2: 'Customer_Impact__c',
  3: 'Seats__c',
  4: 'Onboarded__c',
  5: 'VIP__c',
  6: 'CW_Custom_Fields__c',
  7: 'CW_Custom_Fields__c',
  8: undefined, // skipped
  9: 'Portal__c',
};
const OPTIONS: Record<string, string | { asIs: true } | { skip: true }> = {
  Hardware: 'Hardware',
  'HW fault': 'Hardware',
  "Vendor's fault": { asIs: true },
  Other: { skip: true },
};
const mapping: CustomFieldMapping = {
  fieldFor: (object, id) => (object === 'Case' ? FIELDS[id] : undefined),
  optionFor: (_object, _id, option) => OPTIONS[option] ?? { skip: true },
};

function apply(elements: Array<Record<string, unknown>>): { row: Record<string, unknown>; problems: ProblemLog } {
  const problems = new ProblemLog();
  const b = new RowBuilder(caseDescribe, problems, { kind: 'ticket', id: 77 });
  applyCustomFields(b, elements as never, {
    object: 'Case',
    describe: caseDescribe,
    mapping,
    problems,
    source: { kind: 'ticket', id: 77 },
  });
  return { row: b.build(), problems };
}

describe('applyCustomFields', () => {
  it('converts each value to the type of the field it is mapped to', () => {
    const { row, problems } = apply([
      { id: 2, caption: 'Customer Impact %', type: 'Percent', value: 12.5 },
      { id: 3, caption: 'Seats', type: 'Number', value: '40' },
      { id: 4, caption: 'Onboarded', type: 'Date', value: '2023-06-01T00:00:00Z' },
      { id: 5, caption: 'VIP', type: 'Checkbox', value: true },
      { id: 9, caption: 'Portal', type: 'Hyperlink', value: 'https://portal.example.test/c/1' },
    ]);
    expect(row).to.deep.equal({
      Customer_Impact__c: 12.5,
      Seats__c: 40,
      Onboarded__c: '2023-06-01',
      VIP__c: true,
      Portal__c: 'https://portal.example.test/c/1',
    });
    expect(problems.all()).to.deep.equal([]);
  });

  it('follows the option decisions: a mapped value, the value as it is, or nothing', () => {
    const value = (option: string): unknown =>
      apply([{ id: 1, caption: 'Root Cause', type: 'Text', entryMethod: 'List', value: option }]).row.Root_Cause__c;
    expect(value('HW fault')).to.equal('Hardware');
    expect(value("Vendor's fault")).to.equal("Vendor's fault");
    expect(value('Other')).to.equal(undefined);
  });

  it('keeps fields without a field of their own as "Caption: value" lines, in record order', () => {
    const { row } = apply([
      { id: 6, caption: 'Escalation Notes', type: 'TextArea', value: 'Called vendor.\r\nWaiting on RMA' },
      { id: 7, caption: 'Managed', type: 'Checkbox', value: false },
      { id: 8, caption: 'Skipped one', type: 'Text', value: 'never seen' },
    ]);
    expect(row).to.deep.equal({
      CW_Custom_Fields__c: 'Escalation Notes: Called vendor.\r\nWaiting on RMA\nManaged: No',
    });
  });

  it('keeps a value its field cannot take in the text lines and reports it', () => {
    const { row, problems } = apply([{ id: 3, caption: 'Seats', type: 'Number', value: 'about forty' }]);
    expect(row).to.deep.equal({ CW_Custom_Fields__c: 'Seats: about forty' });
    expect(problems.all()).to.have.length(1);
    expect(problems.all()[0]).to.include({
      outcome: 'adjusted',
      sourceKind: 'ticket',
      sourceId: 77,
      object: 'Case',
      field: 'Seats__c',
    });
  });

  it('writes nothing for fields that are empty, null or missing their value', () => {
    const { row } = apply([
      { id: 2, caption: 'Customer Impact %', type: 'Percent', value: null },
      { id: 6, caption: 'Escalation Notes', type: 'TextArea', value: '  ' },
      { id: 3, caption: 'Seats', type: 'Number' },
    ]);
    expect(row).to.deep.equal({});
  });
});

const contractDescribe: ObjectDescribe = {
  name: 'ServiceContract',
  fields: [field('Name', 'string', 255), field('Description', 'textarea', 32_000), field('CW_Id__c', 'string', 40)],
};
const entitlementDescribe: ObjectDescribe = {
  name: 'Entitlement',
  fields: [field('Name', 'string', 255), field('CW_Id__c', 'string', 40), field('SlaProcessId', 'reference', 18)],
};

const agreement: CwAgreement = {
  id: 12,
  name: 'Acme - Managed Services',
  type: { id: 1, name: 'Managed Services' },
  company: { id: 5 },
  contact: { id: 9 },
  sla: { id: 2, name: 'Premium 24x7' },
  startDate: '2023-01-01T00:00:00Z',
  endDate: '2025-12-31T00:00:00Z',
  cancelledFlag: true,
  dateCancelled: '2024-03-15T00:00:00Z',
  reasonCancelled: 'Business closed',
  agreementStatus: 'Cancelled',
  _info: { createdDate: '2022-12-20T10:00:00Z' },
};

describe('agreement rows', () => {
  it('makes a service contract under the account, ending on the day it was cancelled', () => {
    const problems = new ProblemLog();
    const row = serviceContractRow(agreement, {
      describe: contractDescribe,
      problems,
      setAuditFields: () => false,
      landedContacts: new Set(['9']),
    });
    expect(row).to.deep.equal({
      CW_Id__c: '12',
      Name: 'Acme - Managed Services',
      'Account.CW_Id__c': '5',
      'Contact.CW_Id__c': '9',
      StartDate: '2023-01-01',
      EndDate: '2024-03-15',
      Description: 'Agreement type: Managed Services\nStatus in ConnectWise: Cancelled\nCancelled: Business closed',
      Original_Create_Date__c: '2022-12-20T10:00:00.000Z',
    });
  });

  it('leaves out a contact that did not load and says so', () => {
    const problems = new ProblemLog();
    const row = serviceContractRow(agreement, {
      describe: contractDescribe,
      problems,
      setAuditFields: () => false,
      landedContacts: new Set(),
    });
    expect(row).to.not.have.property('Contact.CW_Id__c');
    expect(problems.all()[0]).to.include({ sourceKind: 'agreement', sourceId: 12, field: 'ContactId' });
  });

  it('gives the entitlement the process its SLA maps to', () => {
    const calls: Array<[number | undefined, number | undefined]> = [];
    const row = entitlementRow(agreement, {
      describe: entitlementDescribe,
      problems: new ProblemLog(),
      processFor: (sla, type) => {
        calls.push([sla, type]);
        return '552B';
      },
    });
    expect(calls).to.deep.equal([[2, 1]]);
    expect(row).to.include({
      CW_Id__c: '12',
      'ServiceContract.CW_Id__c': '12',
      SlaProcessId: '552B',
      EndDate: '2024-03-15',
    });
  });

  it('keeps the end date when a cancellation came later, and none when open-ended', () => {
    expect(
      agreementEnd({
        id: 1,
        endDate: '2024-01-31T00:00:00Z',
        cancelledFlag: true,
        dateCancelled: '2024-06-01T00:00:00Z',
      }),
    ).to.equal('2024-01-31');
    expect(agreementEnd({ id: 1, noEndingDateFlag: true })).to.equal(undefined);
  });
});

describe('missingReference', () => {
  const source = { companies: new Set(['5']), contacts: new Set(['9']) };
  it('says whether the record is missing from ConnectWise or failed to load', () => {
    expect(missingReference('Company', 5, source)).to.equal('Company 5 did not load (its own line in problems.csv says why)');
    expect(missingReference('Contact', 10, source)).to.equal('Contact 10 is not in the ConnectWise data');
    expect(missingReference('Company', 5, undefined)).to.equal('Company 5 did not load or is not in the ConnectWise data');
  });
});
