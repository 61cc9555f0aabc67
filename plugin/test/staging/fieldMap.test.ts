import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'chai';
import type { MappingDecision } from '../../src/mapping/decisions.js';
import { writeFieldMap } from '../../src/report/fieldMap.js';
import type { DescribeField, OrgContext, OrgUser } from '../../src/salesforce/orgContext.js';

const field = (name: string, type: string, length = 0): DescribeField => ({
  name,
  type,
  length,
  nillable: true,
  createable: true,
  updateable: true,
  defaultedOnCreate: false,
});
const admin: OrgUser = { Id: '005000000000001AAA', Username: 'admin@org.example', IsActive: true };
const org: OrgContext = {
  orgId: '00D000000000001AAA',
  runningUser: admin,
  users: [admin, { Id: '005000000000002AAA', Username: 'jo@org.example', IsActive: true }],
  queues: [{ Id: '00G000000000001AAA', Name: 'Help Desk', DeveloperName: 'Help_Desk', supportsCase: true }],
  caseStatuses: [
    { value: 'Working', label: 'Working', defaultValue: false, closed: false },
    { value: 'Closed', label: 'Closed', defaultValue: false, closed: true },
  ],
  casePriorities: [{ value: 'High', label: 'High (P1)', defaultValue: false }],
  describes: new Map([
    [
      'Account',
      {
        name: 'Account',
        fields: [
          field('Name', 'string', 255),
          field('CW_Id__c', 'string', 40),
          field('BillingStreet', 'textarea', 255),
        ],
      },
    ],
    [
      'Case',
      {
        name: 'Case',
        fields: [
          field('Status', 'picklist', 255),
          field('Priority', 'picklist', 255),
          field('OwnerId', 'reference', 18),
          field('Original_Create_Date__c', 'datetime'),
        ],
      },
    ],
  ]),
  inactiveOwnersAllowed: false,
};

const base = { recordCount: 1, confidence: 1, reason: 'r' };
const decisions: MappingDecision[] = [
  {
    ...base,
    kind: 'status',
    sourceKey: '1:In Progress',
    sourceLabel: 'In Progress',
    sourceContext: 'Help Desk',
    status: 'Confirmed',
    confirmedTarget: 'Working',
  },
  {
    ...base,
    kind: 'status',
    sourceKey: '1:Done',
    sourceLabel: 'Done',
    sourceContext: 'Help Desk',
    status: 'Confirmed',
    proposedTarget: 'Closed',
  },
  {
    ...base,
    kind: 'priority',
    sourceKey: '4',
    sourceLabel: 'Priority 1 - Emergency',
    status: 'Confirmed',
    confirmedTarget: 'High',
  },
  {
    ...base,
    kind: 'board',
    sourceKey: '1',
    sourceLabel: 'Help Desk',
    status: 'Confirmed',
    confirmedTarget: '00G000000000001',
  },
  { ...base, kind: 'board', sourceKey: '2', sourceLabel: 'Alerts', status: 'Skip' },
  {
    ...base,
    kind: 'member',
    sourceKey: '11',
    sourceLabel: 'Jo Smith',
    sourceContext: 'jsmith',
    status: 'Confirmed',
    confirmedTarget: '005000000000002AAA',
  },
  {
    ...base,
    kind: 'member',
    sourceKey: '12',
    sourceLabel: 'Max',
    sourceContext: 'max',
    status: 'Confirmed',
    confirmedTarget: '005000000000001AAA',
  },
];

type Line = Record<string, string>;

describe('the field-mapping spreadsheet (field-map.csv)', () => {
  let folder: string;
  let lines: Line[];
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'cwm-fieldmap-'));
    const file = writeFieldMap(folder, decisions, org);
    expect(file).to.equal(join(folder, 'field-map.csv'));
    lines = parse(readFileSync(file, 'utf8'), { bom: true, columns: true });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const find = (sourceField: string, targetField: string): Line | undefined =>
    lines.find(
      (l) => l['Source Field'] === sourceField && l['Target Field'] === targetField && l['Source Value'] === '',
    );

  it('lists the source fields the transforms read, with their target field and its type in this org', () => {
    expect(find('company.name', 'Name')).to.include({
      'Source Object': 'company',
      'Target Object': 'Account',
      'Target Type': 'string(255)',
    });
    expect(find('company.id', 'CW_Id__c')).to.include({ 'Target Type': 'string(40)' });
    expect(find('company.addressLine2', 'BillingStreet')).to.include({ 'Target Type': 'textarea(255)' });
    expect(find('ticket.status.name', 'Status')).to.include({ 'Target Object': 'Case', 'Target Type': 'picklist' });
    expect(find('ticket._info.dateEntered', 'Original_Create_Date__c')).to.include({ 'Target Type': 'datetime' });
    // Objects the describe did not cover keep an empty type rather than a guess.
    expect(find('contact.lastName', 'LastName')).to.include({ 'Target Object': 'Contact', 'Target Type': '' });
    expect(find('ticketNote.text', 'CommentBody')).to.include({ 'Target Object': 'CaseComment' });
    for (const [source, target] of [
      ['company.identifier', 'AccountNumber'],
      ['company.parentCompany.id', 'ParentId'],
      ['contact.title', 'Title'],
      ['contact.company.id', 'AccountId'],
      ['ticket.summary', 'Subject'],
      ['ticket.board.name', 'CW_Board__c'],
      ['ticket.priority.id', 'Priority'],
      ['ticket.owner.identifier', 'OwnerId'],
      ['ticket.contact.id', 'ContactId'],
      ['ticketNote.member.identifier', 'CreatedById'],
    ]) {
      expect(find(source, target), `${source} -> ${target}`).to.not.equal(undefined);
    }
  });

  it('writes one row per value translation the run followed, with the target label', () => {
    const values = lines
      .filter((l) => l['Source Value'] !== '')
      .map((l) => [
        l['Source Field'],
        l['Source Value'],
        l['Source Context'],
        l['Target Field'],
        l['Target Value'],
        l['Target Label'],
        l['Target Type'],
      ]);
    expect(values).to.deep.equal([
      ['ticket.status.name', 'In Progress', 'Help Desk', 'Status', 'Working', 'Working', 'picklist'],
      ['ticket.status.name', 'Done', 'Help Desk', 'Status', 'Closed', 'Closed', 'picklist'],
      ['ticket.priority.name', 'Priority 1 - Emergency', '', 'Priority', 'High', 'High (P1)', 'picklist'],
      ['ticket.board.name', 'Help Desk', '', 'OwnerId', '00G000000000001', 'Help Desk', 'reference'],
      ['ticket.board.name', 'Alerts', '', 'OwnerId', '', '', 'reference'],
      ['ticket.owner.identifier', 'Jo Smith', 'jsmith', 'OwnerId', '005000000000002AAA', 'jo@org.example', 'reference'],
      ['ticket.owner.identifier', 'Max', 'max', 'OwnerId', '005000000000001AAA', 'admin@org.example', 'reference'],
    ]);
    expect(lines.find((l) => l['Source Value'] === 'Alerts')?.Notes).to.equal(
      'Skipped: the board’s tickets are not migrated.',
    );
    expect(lines.find((l) => l['Source Value'] === 'Max')?.Notes).to.equal(
      'The fallback owner: the cases go to the board’s queue.',
    );
    expect(lines.find((l) => l['Source Value'] === 'Jo Smith')?.Notes).to.equal('');
  });
});
