import { expect } from 'chai';
import { autoConfirm } from '../../src/mapping/decisions.js';
import { proposeDecisions, type ProposalSource } from '../../src/mapping/proposals.js';
import type { DescribeField, ObjectDescribe, OrgContext, OrgUser } from '../../src/salesforce/orgContext.js';

const admin: OrgUser = { Id: '005A', Username: 'admin@org.example', IsActive: true };

const field = (name: string, type: string, extra: Partial<DescribeField> = {}): DescribeField => ({
  name,
  label: name.replace(/__c$/, '').replace(/_/g, ' '),
  custom: name.endsWith('__c'),
  type,
  length: type === 'string' ? 40 : 0,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
  ...extra,
});
const values = (...list: string[]): DescribeField['picklistValues'] =>
  list.map((value) => ({ value, label: value, active: true, defaultValue: false }));

const caseDescribe: ObjectDescribe = {
  name: 'Case',
  fields: [
    field('Subject', 'string'),
    field('CW_Id__c', 'string'),
    field('CW_Custom_Fields__c', 'textarea', { label: 'ConnectWise Custom Fields' }),
    field('Root_Cause__c', 'picklist', { picklistValues: values('Hardware', 'Software', 'User Error') }),
    field('Customer_Impact__c', 'percent', { label: 'Customer Impact' }),
    field('CW_Escalation_Notes__c', 'boolean', { label: 'Notes' }),
  ],
};
const accountDescribe: ObjectDescribe = {
  name: 'Account',
  fields: [
    field('CW_Custom_Fields__c', 'textarea', { label: 'ConnectWise Custom Fields' }),
    field('Region__c', 'picklist', { restrictedPicklist: true, picklistValues: values('North', 'South') }),
  ],
};

const org: OrgContext = {
  orgId: '00D000000000001AAA',
  runningUser: admin,
  users: [admin],
  queues: [],
  caseStatuses: [{ value: 'New', label: 'New', defaultValue: true, closed: false }],
  casePriorities: [{ value: 'Medium', label: 'Medium', defaultValue: true }],
  slaProcesses: [
    { Id: '552A', Name: 'Standard Support' },
    { Id: '552B', Name: 'Premium 24x7 Support' },
    { Id: '552C', Name: 'Gold' },
  ],
  entitlementsEnabled: true,
  describes: new Map([
    ['Case', caseDescribe],
    ['Account', accountDescribe],
  ]),
  inactiveOwnersAllowed: false,
};

const cf = (id: number, caption: string, type: string, value: unknown, entryMethod = 'EntryField') => ({
  id,
  caption,
  type,
  entryMethod,
  value,
});

const source: ProposalSource = {
  members: [],
  boards: [],
  boardStatuses: [],
  priorities: [],
  slas: [
    { id: 1, name: 'Standard SLA' },
    { id: 2, name: 'Premium 24x7' },
    { id: 3, name: 'Best Effort' },
    { id: 4, name: 'GOLD' },
    { id: 5, name: 'Gold Plus Priority' },
  ],
  agreementTypes: [
    { id: 10, name: 'Managed Services' },
    { id: 11, name: 'Never Used' },
  ],
  agreements: [
    { id: 100, type: { id: 10 }, sla: { id: 1 } },
    { id: 101, type: { id: 10 }, sla: { id: 1 } },
    { id: 102, type: { id: 10 } },
  ],
  userDefinedFields: [
    {
      id: 40,
      caption: 'Region',
      fieldTypeIdentifier: 'Text',
      entryTypeIdentifier: 'List',
      options: [
        { id: 1, optionValue: 'North' },
        { id: 2, optionValue: 'Österreich' },
      ],
    },
  ],
  companies: [{ id: 7, customFields: [cf(40, 'Region', 'Text', 'North', 'List')] }],
  tickets: [
    {
      id: 1,
      customFields: [
        cf(48, 'Root Cause', 'Text', 'Hardware', 'List'),
        cf(49, 'Customer Impact %', 'Percent', 12.5),
        cf(50, 'Escalation Notes', 'TextArea', 'Called vendor'),
        cf(51, 'Local Admin Password', 'Password', null),
        cf(52, 'Notes', 'TextArea', 'x'),
        cf(53, 'Vendor Ticket #', 'Text', 'V-1'),
      ],
    },
    {
      id: 2,
      customFields: [
        cf(48, 'Root Cause', 'Text', "Vendor's fault", 'List'),
        cf(49, 'Customer Impact %', 'Percent', null),
      ],
    },
  ],
};

const decisions = proposeDecisions(source, org, { unmatchedMembers: 'fallback', fallbackOwner: admin });
const find = (kind: string, key: string) => {
  const found = decisions.find((d) => d.kind === kind && d.sourceKey === key);
  if (!found) throw new Error(`no ${kind} decision ${key}`);
  return found;
};

describe('SLA and agreement type proposals (entitlement processes)', () => {
  // What an admin would pick, written by hand for the processes above.
  const expected: Array<[string, string, string | undefined, number]> = [
    ['sla', '1', '552A', 0.85], // "Standard SLA" ~ "Standard Support": generic words set aside
    ['sla', '2', '552B', 0.85], // "Premium 24x7" ~ "Premium 24x7 Support"
    ['sla', '3', undefined, 0.9], // no process: entitlements load without one
    ['sla', '4', '552C', 1], // same name, other case
    ['sla', '5', '552C', 0.6], // shares one distinctive word with one process only
    ['agreementType', '10', undefined, 0.9],
  ];
  for (const [kind, key, target, confidence] of expected) {
    it(`proposes ${target ?? 'no process'} for ${kind} ${key} at ${confidence}`, () => {
      const d = find(kind, key);
      expect(d.proposedTarget).to.equal(target);
      expect(d.confidence).to.equal(confidence);
      expect(d.targetField).to.equal('Entitlement.SlaProcessId');
    });
  }

  it('counts the agreements behind each SLA and type, and leaves unused types out', () => {
    expect(find('sla', '1').recordCount).to.equal(2);
    expect(find('agreementType', '10').recordCount).to.equal(3);
    expect(decisions.some((d) => d.kind === 'agreementType' && d.sourceKey === '11')).to.equal(false);
  });

  it('turns an accepted proposal without a process into Skip, never Create', () => {
    const accepted = autoConfirm(decisions, 0.5);
    expect(accepted.find((d) => d.kind === 'sla' && d.sourceKey === '3')?.status).to.equal('Skip');
    expect(accepted.find((d) => d.kind === 'sla' && d.sourceKey === '1')?.status).to.equal('Confirmed');
  });

  it('says so when Entitlement Management is off', () => {
    const off = proposeDecisions(
      source,
      { ...org, entitlementsEnabled: false, slaProcesses: [] },
      { unmatchedMembers: 'fallback', fallbackOwner: admin },
    );
    const sla = off.find((d) => d.kind === 'sla' && d.sourceKey === '1')!;
    expect(sla.proposedTarget).to.equal(undefined);
    expect(sla.reason).to.match(/Entitlement Management is off/);
  });
});

describe('custom field proposals', () => {
  const expected: Array<[string, string | undefined, number]> = [
    ['Case:48', 'Case.Root_Cause__c', 1], // label "Root Cause", a picklist for a list field
    ['Case:49', 'Case.Customer_Impact__c', 1], // "Customer Impact %" ~ label "Customer Impact", percent
    ['Case:50', 'Case.CW_Custom_Fields__c', 0.5], // CW_Escalation_Notes__c has the name but is a checkbox
    ['Case:53', 'Case.CW_Custom_Fields__c', 0.8], // no field of that name: kept as text
    ['Case:51', undefined, 1], // a password is never migrated
    ['Case:52', 'Case.CW_Custom_Fields__c', 0.5], // the field labelled "Notes" is a checkbox: cannot hold text
    ['Account:40', 'Account.Region__c', 1],
  ];
  for (const [key, target, confidence] of expected) {
    it(`proposes ${target ?? 'to leave out'} for custom field ${key} at ${confidence}`, () => {
      const d = find('customField', key);
      expect(d.proposedTarget).to.equal(target);
      expect(d.confidence).to.equal(confidence);
      expect(d.targetField).to.equal(key.split(':')[0]);
    });
  }

  it('counts the records that set a value, not those that carry the field empty', () => {
    expect(find('customField', 'Case:49').recordCount).to.equal(1);
    expect(find('customField', 'Case:48').recordCount).to.equal(2);
  });

  it('proposes a value for every option of a list field mapped to a picklist', () => {
    // Options from the definition (North, Österreich) and from the records (Vendor's fault).
    expect(find('customFieldOption', 'Case:48:Hardware')).to.include({
      proposedTarget: 'Hardware',
      confidence: 1,
      targetField: 'Case.Root_Cause__c',
    });
    const unknown = find('customFieldOption', "Case:48:Vendor's fault");
    expect(unknown.proposedTarget).to.equal(undefined);
    expect(unknown.confidence).to.equal(0.8); // unrestricted: loads as it is
    expect(find('customFieldOption', 'Account:40:North').proposedTarget).to.equal('North');
    const restricted = find('customFieldOption', 'Account:40:Österreich');
    expect(restricted.confidence).to.equal(0.3); // restricted: an admin has to choose
    expect(restricted.sourceContext).to.equal('Region');
  });

  it('proposes options for the field an admin chose, not the one first proposed', () => {
    const chosen = {
      ...find('customField', 'Case:48'),
      status: 'Confirmed' as const,
      confirmedTarget: 'Case.CW_Custom_Fields__c',
    };
    const again = proposeDecisions(source, org, { unmatchedMembers: 'fallback', fallbackOwner: admin }, [chosen]);
    expect(again.filter((d) => d.kind === 'customFieldOption' && d.sourceKey.startsWith('Case:48:'))).to.deep.equal([]);
  });
});
