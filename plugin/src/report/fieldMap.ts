/*
 * The field-mapping spreadsheet an admin keeps after the migration: every ConnectWise field the run
 * reads, the Salesforce field it lands in with that field's type in this org, and one row per value
 * translation the run followed (status, priority, board and member decisions).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { resolvedTarget, type DecisionKind, type MappingDecision } from '../mapping/decisions.js';
import { describeField, sameId, type OrgContext } from '../salesforce/orgContext.js';

/** One source field and where it lands; written by hand from plugin/src/transform and the loaders. */
export interface FieldMapping {
  sourceObject: string;
  /** Path in the ConnectWise payload, e.g. `ticket.status.name`. */
  sourceField: string;
  targetObject: string;
  targetField: string;
  notes?: string;
}

const company = (sourceField: string, targetField: string, notes?: string): FieldMapping => ({
  sourceObject: 'company',
  sourceField: `company.${sourceField}`,
  targetObject: 'Account',
  targetField,
  notes,
});
const contact = (sourceField: string, targetField: string, notes?: string): FieldMapping => ({
  sourceObject: 'contact',
  sourceField: `contact.${sourceField}`,
  targetObject: 'Contact',
  targetField,
  notes,
});
const ticket = (sourceField: string, targetField: string, notes?: string): FieldMapping => ({
  sourceObject: 'ticket',
  sourceField: `ticket.${sourceField}`,
  targetObject: 'Case',
  targetField,
  notes,
});
const note = (sourceField: string, targetField: string, notes?: string): FieldMapping => ({
  sourceObject: 'ticketNote',
  sourceField: `ticketNote.${sourceField}`,
  targetObject: 'CaseComment',
  targetField,
  notes,
});

const AUDIT = 'Only on insert, where the running user may set audit fields.';

export const FIELD_MAPPINGS: readonly FieldMapping[] = [
  company('id', 'CW_Id__c', 'External id; every load upserts on it.'),
  company('name', 'Name', 'The identifier when the name is empty.'),
  company('identifier', 'AccountNumber'),
  company('addressLine1', 'BillingStreet', 'Address lines 1 and 2, one per line.'),
  company('addressLine2', 'BillingStreet', 'Address lines 1 and 2, one per line.'),
  company('city', 'BillingCity'),
  company('state', 'BillingState'),
  company('zip', 'BillingPostalCode'),
  company('country.name', 'BillingCountry'),
  company('phoneNumber', 'Phone'),
  company('faxNumber', 'Fax'),
  company('website', 'Website'),
  company(
    'parentCompany.id',
    'ParentId',
    'Through the parent account’s CW_Id__c; missing parents and cycles are reported.',
  ),
  company('_info.dateEntered', 'Original_Create_Date__c'),
  company('_info.dateEntered', 'CreatedDate', AUDIT),
  company('(any value longer than its field)', 'Description', 'Kept whole there, labelled with its field.'),
  contact('id', 'CW_Id__c', 'External id; every load upserts on it.'),
  contact('firstName', 'FirstName', 'Becomes LastName when the contact has no last name.'),
  contact('lastName', 'LastName'),
  contact('title', 'Title'),
  contact('communicationItems[Email, default]', 'Email', 'An invalid address goes to Description instead.'),
  contact('communicationItems[Phone, default]', 'Phone', 'With " x" and the extension.'),
  contact('communicationItems[Phone, cell or mobile]', 'MobilePhone'),
  contact('communicationItems[Fax, default]', 'Fax'),
  contact('communicationItems[other]', 'Description', 'One line per item: type and value.'),
  contact('company.id', 'AccountId', 'Through the account’s CW_Id__c.'),
  contact('_info.dateEntered', 'Original_Create_Date__c'),
  contact('_info.dateEntered', 'CreatedDate', AUDIT),
  ticket('id', 'CW_Id__c', 'External id; every load upserts on it.'),
  ticket('summary', 'Subject'),
  ticket('board.name', 'CW_Board__c'),
  ticket(
    'notes[first detail description].text',
    'Description',
    'Text past the field’s length continues as case comments.',
  ),
  ticket('status.name', 'Status', 'Through the status decisions, per board (value rows below).'),
  ticket('priority.id', 'Priority', 'Through the priority decisions (value rows below).'),
  ticket('owner.identifier', 'OwnerId', 'The member’s user when the member maps to one (value rows below).'),
  ticket('board.id', 'OwnerId', 'The board’s queue when the owner maps to no user (value rows below).'),
  ticket('company.id', 'AccountId', 'Through the account’s CW_Id__c.'),
  ticket('contact.id', 'ContactId', 'Through the contact’s CW_Id__c.'),
  ticket('_info.dateEntered', 'Original_Create_Date__c'),
  ticket('_info.dateEntered', 'CreatedDate', AUDIT),
  note('text', 'CommentBody', 'Over 4,000 characters: several comments marked "(part n of m)".'),
  note(
    'detailDescriptionFlag, internalAnalysisFlag, internalFlag',
    'IsPublished',
    'Public when a detail note and not internal.',
  ),
  note('dateCreated', 'CreatedDate', `${AUDIT} Else in a first line of the text.`),
  note('member.identifier', 'CreatedById', `${AUDIT} Else the author is named in a first line of the text.`),
  note('ticketId', 'ParentId', 'The case the ticket became.'),
  {
    sourceObject: 'board',
    sourceField: 'board.name',
    targetObject: 'Group',
    targetField: 'Name',
    notes: 'Queues created for boards marked Create.',
  },
  {
    sourceObject: 'member',
    sourceField: 'member.id',
    targetObject: 'User',
    targetField: 'CW_Id__c',
    notes: 'Placeholder users only.',
  },
  {
    sourceObject: 'member',
    sourceField: 'member.firstName',
    targetObject: 'User',
    targetField: 'FirstName',
    notes: 'Placeholder users only.',
  },
  {
    sourceObject: 'member',
    sourceField: 'member.lastName',
    targetObject: 'User',
    targetField: 'LastName',
    notes: 'Placeholder users only.',
  },
  {
    sourceObject: 'member',
    sourceField: 'member.primaryEmail',
    targetObject: 'User',
    targetField: 'Email',
    notes: 'Placeholder users only; else officeEmail.',
  },
  {
    sourceObject: 'member',
    sourceField: 'member.identifier',
    targetObject: 'User',
    targetField: 'Alias',
    notes: 'Placeholder users only; letters and digits, 8 at most.',
  },
];

/** Where each kind of decision's values land. */
const VALUE_FIELD: Record<DecisionKind, { sourceObject: string; sourceField: string; targetField: string }> = {
  status: { sourceObject: 'ticket', sourceField: 'ticket.status.name', targetField: 'Status' },
  priority: { sourceObject: 'ticket', sourceField: 'ticket.priority.name', targetField: 'Priority' },
  board: { sourceObject: 'ticket', sourceField: 'ticket.board.name', targetField: 'OwnerId' },
  member: { sourceObject: 'ticket', sourceField: 'ticket.owner.identifier', targetField: 'OwnerId' },
};
const KIND_ORDER: DecisionKind[] = ['status', 'priority', 'board', 'member'];

export const FIELD_MAP_COLUMNS = [
  'Source Object',
  'Source Field',
  'Target Object',
  'Target Field',
  'Target Type',
  'Source Value',
  'Source Context',
  'Target Value',
  'Target Label',
  'Notes',
] as const;

/** The field's type as describe gives it, with its length for text: `string(255)`, `picklist`. */
function typeOf(org: OrgContext, object: string, field: string): string {
  const described = describeField(org, object, field);
  if (!described) return '';
  return described.length > 0 && ['string', 'textarea', 'email', 'phone', 'url'].includes(described.type)
    ? `${described.type}(${described.length})`
    : described.type;
}

function targetLabel(org: OrgContext, decision: MappingDecision, target: string): string {
  if (decision.kind === 'status') return org.caseStatuses.find((o) => o.value === target)?.label ?? target;
  if (decision.kind === 'priority') return org.casePriorities.find((o) => o.value === target)?.label ?? target;
  if (decision.kind === 'member')
    return (
      org.users.find((u) => sameId(u.Id, target))?.Username ??
      decision.proposedLabel ??
      'Placeholder user created by the run'
    );
  return org.queues.find((q) => sameId(q.Id, target))?.Name ?? `Queue created for "${decision.sourceLabel}"`;
}

function noteFor(d: MappingDecision, org: OrgContext): string {
  if (d.status === 'Skip')
    return d.kind === 'board'
      ? 'Skipped: the board’s tickets are not migrated.'
      : 'Skipped: the cases go to the board’s queue.';
  if (d.status !== 'Confirmed') return `Not decided (${d.status}).`;
  // Cases of members mapped to the fallback owner go to the board's queue (see DecisionResolver).
  if (d.kind === 'member' && sameId(resolvedTarget(d) ?? '', org.runningUser.Id))
    return 'The fallback owner: the cases go to the board’s queue.';
  return '';
}

/** One row per value pair the run followed; skipped boards and members say so. */
function valueRows(decisions: MappingDecision[], org: OrgContext): string[][] {
  const rows: string[][] = [];
  for (const kind of KIND_ORDER) {
    const where = VALUE_FIELD[kind];
    const type = typeOf(org, 'Case', where.targetField);
    for (const d of decisions.filter((x) => x.kind === kind)) {
      const target = resolvedTarget(d);
      const value = target ?? '';
      const label = target ? targetLabel(org, d, target) : '';
      rows.push([
        where.sourceObject,
        where.sourceField,
        'Case',
        where.targetField,
        type,
        d.sourceLabel,
        d.sourceContext ?? '',
        value,
        label,
        noteFor(d, org),
      ]);
    }
  }
  return rows;
}

/**
 * Writes `field-map.csv` into `folder`: the field rows, then the value rows of the decisions.
 *
 * @param folder the run's report folder
 * @param decisions the decisions the run followed
 * @param org the org context, for field types and target labels
 * @returns the file's path
 */
export function writeFieldMap(folder: string, decisions: MappingDecision[], org: OrgContext): string {
  const fieldRows = FIELD_MAPPINGS.map((m) => [
    m.sourceObject,
    m.sourceField,
    m.targetObject,
    m.targetField,
    typeOf(org, m.targetObject, m.targetField),
    '',
    '',
    '',
    '',
    m.notes ?? '',
  ]);
  const file = join(folder, 'field-map.csv');
  writeFileSync(
    file,
    stringify([...fieldRows, ...valueRows(decisions, org)], {
      header: true,
      columns: [...FIELD_MAP_COLUMNS],
      bom: true,
    }),
  );
  return file;
}
