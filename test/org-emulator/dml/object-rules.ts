import type { OrgContext } from '../org-context.js';
import type { StoredRecord } from '../store/table.js';
import type { DmlError } from './errors.js';

/** What the platform does on its own when a record of a given object is saved. */
export type RuleContext = {
  org: OrgContext;
  isInsert: boolean;
  previous?: StoredRecord;
  /** Values the client sent in this write. */
  changed: Record<string, unknown>;
  /** Run the default assignment rule (REST `Sforce-Auto-Assign`, Bulk `assignmentRuleId`). */
  autoAssign: boolean;
  now: string;
};

type Rule = (record: StoredRecord, ctx: RuleContext) => DmlError[];

/** Compound Name of person-like objects is derived from FirstName + LastName. */
const personName: Rule = (record) => {
  record.Name = [record.FirstName, record.LastName].filter((p) => p !== null && p !== undefined && p !== '').join(' ');
  return [];
};

const caseRules: Rule = (record, ctx) => {
  const statuses = [...ctx.org.store.table('CaseStatus').live.values()];
  const status = statuses.find((s) => s.ApiName === record.Status);
  const wasClosed = ctx.previous?.IsClosed === true;
  record.IsClosed = status?.IsClosed === true;
  if (record.IsClosed && !wasClosed && !('ClosedDate' in ctx.changed)) record.ClosedDate = ctx.now;
  if (!record.IsClosed) record.ClosedDate = null;
  if (ctx.isInsert && !record.BusinessHoursId) record.BusinessHoursId = ctx.org.settings.defaultBusinessHoursId;
  // With no active rule, Salesforce hands assigned cases to the default case owner (help 000395506), even
  // when the client set OwnerId: that is why migrations must send Sforce-Auto-Assign: FALSE.
  if (ctx.autoAssign) record.OwnerId = ctx.org.settings.defaultCaseOwnerId;
  return [];
};

const groupRules: Rule = (record, ctx) => {
  if (!record.Type) record.Type = 'Regular';
  if (!record.DeveloperName && record.Name)
    record.DeveloperName = String(record.Name)
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
  const taken = ctx.org.store
    .table('Group')
    .lookup('DeveloperName', record.DeveloperName)
    .some((id) => id !== record.Id);
  if (!taken) return [];
  return [
    {
      statusCode: 'DUPLICATE_DEVELOPER_NAME',
      message: 'This Group Name already exists or has been previously used. Please choose a different name.',
      fields: ['DeveloperName'],
    },
  ];
};

const queueSobjectRules: Rule = (record, ctx) => {
  const queue = ctx.org.store.get('Group', String(record.QueueId));
  if (queue && queue.Type !== 'Queue') {
    return [
      {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Queue ID: id value of incorrect type: ${String(record.QueueId)}`,
        fields: ['QueueId'],
      },
    ];
  }
  const duplicate = ctx.org.store
    .table('QueueSobject')
    .lookup('QueueId', record.QueueId)
    .map((id) => ctx.org.store.get('QueueSobject', id))
    .find((q) => q && q.Id !== record.Id && q.SobjectType === record.SobjectType);
  if (!duplicate) return [];
  return [
    {
      statusCode: 'DUPLICATE_VALUE',
      message: `duplicate value found: SobjectType duplicates value on record with id: ${String(duplicate.Id)}`,
      fields: ['SobjectType'],
    },
  ];
};

// Salesforce checks the username's shape itself (the field is a plain string in describe); message as the platform
// words it in DML errors seen in public code: "Username must be in the form of an email address (for example,
// john@acme.com)".
const USERNAME = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const userRules: Rule = (record, ctx) => {
  personName(record, ctx);
  if (ctx.isInsert) {
    if (!record.CommunityNickname)
      record.CommunityNickname = `${String(record.Username ?? '').split('@')[0]}${String(record.Id).slice(-5)}`;
    if (!record.UserType) record.UserType = 'Standard';
    // A user created through the API is active unless the request says otherwise (describe's default of false
    // for IsActive is not what the platform applies).
    if (!('IsActive' in ctx.changed)) record.IsActive = true;
  }
  if ('Username' in ctx.changed && !USERNAME.test(String(record.Username ?? ''))) {
    return [
      {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: 'Username must be in the form of an email address (for example, john@acme.com): Username',
        fields: ['Username'],
      },
    ];
  }
  return [];
};

const assetRules: Rule = (record) => {
  if (record.AccountId || record.ContactId) return [];
  return [
    {
      statusCode: 'FIELD_INTEGRITY_EXCEPTION',
      message: 'Every asset needs an account, a contact, or both.',
      fields: ['AccountId', 'ContactId'],
    },
  ];
};

const RULES: Record<string, Rule> = {
  Case: caseRules,
  Contact: personName,
  Lead: personName,
  User: userRules,
  Group: groupRules,
  QueueSobject: queueSobjectRules,
  Asset: assetRules,
};

/** Applies the object's platform behaviour to the record about to be saved; returns validation errors. */
export function applyObjectRules(objectName: string, record: StoredRecord, ctx: RuleContext): DmlError[] {
  return RULES[objectName]?.(record, ctx) ?? [];
}
