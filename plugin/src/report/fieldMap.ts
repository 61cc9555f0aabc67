/*
 * The field-mapping spreadsheet an admin keeps after the migration: every ConnectWise field the run
 * reads (custom fields included, as decided), the Salesforce field it lands in with that field's
 * type in this org, and one row per value translation the run followed (status, priority, board,
 * member, SLA, agreement type and custom-field option decisions).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { resolvedTarget, type DecisionKind, type MappingDecision } from '../mapping/decisions.js';
import { CUSTOM_FIELDS_FIELD } from '../mapping/customFieldProposals.js';
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

const agreement = (targetObject: string, sourceField: string, targetField: string, notes?: string): FieldMapping => ({
  sourceObject: 'agreement',
  sourceField: `agreement.${sourceField}`,
  targetObject,
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
  agreement('ServiceContract', 'id', 'CW_Id__c', 'External id; every load upserts on it.'),
  agreement('ServiceContract', 'name', 'Name'),
  agreement('ServiceContract', 'company.id', 'AccountId', 'Through the account’s CW_Id__c; agreements of companies that did not load are reported, not loaded.'),
  agreement('ServiceContract', 'contact.id', 'ContactId', 'Through the contact’s CW_Id__c.'),
  agreement('ServiceContract', 'startDate', 'StartDate', 'Date only.'),
  agreement('ServiceContract', 'endDate', 'EndDate', 'Date only; the cancellation date when the agreement was cancelled earlier.'),
  agreement('ServiceContract', 'type.name, agreementStatus, billingCycle, billAmount, reasonCancelled', 'Description', 'One labelled line each.'),
  agreement('ServiceContract', '_info.dateEntered', 'Original_Create_Date__c'),
  agreement('ServiceContract', '_info.dateEntered', 'CreatedDate', AUDIT),
  agreement('Entitlement', 'id', 'CW_Id__c', 'External id; where Entitlement Management is on.'),
  agreement('Entitlement', 'name', 'Name'),
  agreement('Entitlement', 'company.id', 'AccountId', 'Through the account’s CW_Id__c.'),
  agreement('Entitlement', 'id', 'ServiceContractId', 'The service contract the agreement became.'),
  agreement('Entitlement', 'startDate', 'StartDate', 'Date only.'),
  agreement('Entitlement', 'endDate', 'EndDate', 'As on the service contract.'),
  agreement('Entitlement', 'sla.id', 'SlaProcessId', 'Through the SLA decision; else the agreement type decision (value rows below).'),
  agreement('Entitlement', '_info.dateEntered', 'Original_Create_Date__c'),
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

/** Where each kind of decision's values land; custom fields and their options say it themselves. */
const VALUE_FIELD: Partial<Record<DecisionKind, { sourceObject: string; sourceField: string; targetObject: string; targetField: string }>> = {
  status: { sourceObject: 'ticket', sourceField: 'ticket.status.name', targetObject: 'Case', targetField: 'Status' },
  priority: { sourceObject: 'ticket', sourceField: 'ticket.priority.name', targetObject: 'Case', targetField: 'Priority' },
  board: { sourceObject: 'ticket', sourceField: 'ticket.board.name', targetObject: 'Case', targetField: 'OwnerId' },
  member: { sourceObject: 'ticket', sourceField: 'ticket.owner.identifier', targetObject: 'Case', targetField: 'OwnerId' },
  sla: { sourceObject: 'agreement', sourceField: 'agreement.sla.name', targetObject: 'Entitlement', targetField: 'SlaProcessId' },
  agreementType: { sourceObject: 'agreement', sourceField: 'agreement.type.name', targetObject: 'Entitlement', targetField: 'SlaProcessId' },
};
const KIND_ORDER: DecisionKind[] = ['status', 'priority', 'board', 'member', 'sla', 'agreementType', 'customFieldOption'];
/** The ConnectWise record each target object of a custom field comes from. */
const SOURCE_OF: Record<string, string> = { Account: 'company', Contact: 'contact', Case: 'ticket', ServiceContract: 'agreement' };

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
  switch (decision.kind) {
    case 'status':
      return org.caseStatuses.find((o) => o.value === target)?.label ?? target;
    case 'priority':
      return org.casePriorities.find((o) => o.value === target)?.label ?? target;
    case 'member':
      return org.users.find((u) => sameId(u.Id, target))?.Username ?? decision.proposedLabel ?? 'Placeholder user created by the run';
    case 'sla':
    case 'agreementType':
      return org.slaProcesses.find((p) => sameId(p.Id, target))?.Name ?? decision.proposedLabel ?? target;
    case 'customFieldOption': {
      const [object, field] = (decision.targetField ?? '').split('.');
      return describeField(org, object, field)?.picklistValues?.find((v) => v.value === target)?.label ?? target;
    }
    default:
      return org.queues.find((q) => sameId(q.Id, target))?.Name ?? `Queue created for "${decision.sourceLabel}"`;
  }
}

const SKIPPED: Partial<Record<DecisionKind, string>> = {
  board: 'Skipped: the board’s tickets are not migrated.',
  member: 'Skipped: the cases go to the board’s queue.',
  sla: 'Skipped: the entitlements get no process.',
  agreementType: 'Skipped: entitlements of agreements without an SLA get no process.',
  customField: 'Skipped: the values are not migrated.',
  customFieldOption: 'Skipped: records with this option leave the field blank.',
};

function noteFor(d: MappingDecision, org: OrgContext): string {
  if (d.status === 'Skip') return SKIPPED[d.kind] ?? 'Skipped.';
  if (d.status === 'Create' && d.kind === 'customFieldOption') return 'Loaded as it is.';
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
    for (const d of decisions.filter((x) => x.kind === kind)) {
      const [optionObject, optionField] = (d.targetField ?? '').split('.');
      const where = VALUE_FIELD[kind] ?? {
        sourceObject: SOURCE_OF[optionObject] ?? '',
        sourceField: `${SOURCE_OF[optionObject] ?? ''}.customFields["${d.sourceContext ?? ''}"]`,
        targetObject: optionObject,
        targetField: optionField ?? '',
      };
      const target = resolvedTarget(d);
      const value = target ?? (d.status === 'Create' && kind === 'customFieldOption' ? d.sourceLabel : '');
      const label = target ? targetLabel(org, d, target) : '';
      rows.push([
        where.sourceObject,
        where.sourceField,
        where.targetObject,
        where.targetField,
        typeOf(org, where.targetObject, where.targetField),
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

/** One field row per custom field, where its decision sends the values. */
function customFieldRows(decisions: MappingDecision[], org: OrgContext): string[][] {
  return decisions
    .filter((d) => d.kind === 'customField')
    .map((d) => {
      const object = d.targetField ?? '';
      const source = SOURCE_OF[object] ?? '';
      const [, field] = (resolvedTarget(d) ?? '').split('.');
      const notes = field === CUSTOM_FIELDS_FIELD ? `As a "${d.sourceLabel}: value" line.` : noteFor(d, org);
      return [source, `${source}.customFields["${d.sourceLabel}"]`, object, field ?? '', field ? typeOf(org, object, field) : '', '', d.sourceContext ?? '', '', '', notes];
    });
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
    stringify([...fieldRows, ...customFieldRows(decisions, org), ...valueRows(decisions, org)], {
      header: true,
      columns: [...FIELD_MAP_COLUMNS],
      bom: true,
    }),
  );
  return file;
}
