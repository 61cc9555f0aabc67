/*
 * Pre-flight: every row is checked against the org's describe before it is sent, the way the org
 * will check it: required fields, value types, lengths, restricted picklists and owners. A row that
 * would fail is reported with the error the org would give and is not sent, so one bad value
 * never costs a round trip or, in Bulk API, a whole job's retry.
 */
import type { Row, Value } from '../transform/rows.js';
import { isValidEmail } from '../transform/contacts.js';
import type { DescribeField, ObjectDescribe, OrgContext } from './orgContext.js';

export interface PredictedError {
  /** The status code the org would answer with. */
  code: string;
  field: string;
  message: string;
}

/** Whether the row creates a record (required fields apply) or updates one. */
export type RowMode = 'insert' | 'update';

function required(field: DescribeField): boolean {
  return field.createable && !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
}

function typeProblem(field: DescribeField, value: Value): string | undefined {
  if (value === null) return undefined;
  const text = String(value);
  switch (field.type) {
    case 'email':
      return isValidEmail(text) ? undefined : `${field.name}: invalid email address: ${text}`;
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return Number.isFinite(Number(text)) ? undefined : `${field.name}: value not of required type: ${text}`;
    case 'boolean':
      return /^(true|false)$/i.test(text) ? undefined : `${field.name}: value not of required type: ${text}`;
    case 'date':
    case 'datetime':
      return Number.isNaN(Date.parse(text)) ? `${field.name}: value not of required type: ${text}` : undefined;
    default:
      return undefined;
  }
}

const TYPE_CODES: Record<string, string> = { email: 'INVALID_EMAIL_ADDRESS' };

/** Owners the object accepts: active users, inactive ones where allowed, and case queues. */
function ownerProblem(org: OrgContext, object: string, ownerId: string): PredictedError | undefined {
  const id = ownerId.slice(0, 15);
  const user = org.users.find((u) => u.Id.slice(0, 15) === id);
  if (user) {
    if (user.IsActive || org.inactiveOwnersAllowed) return undefined;
    return { code: 'INACTIVE_OWNER_OR_USER', field: 'OwnerId', message: `Owner ${user.Username} is inactive and the org does not allow inactive owners.` };
  }
  const queue = org.queues.find((q) => q.Id.slice(0, 15) === id);
  if (queue && (object !== 'Case' || queue.supportsCase)) return undefined;
  return { code: 'FIELD_INTEGRITY_EXCEPTION', field: 'OwnerId', message: `Owner ID: id value of incorrect type: ${ownerId}` };
}

/** The errors the org would give for one row; none when it would load. */
export function preflightRow(org: OrgContext, describe: ObjectDescribe, row: Row, mode: RowMode): PredictedError[] {
  const errors: PredictedError[] = [];
  const byName = new Map(describe.fields.map((f) => [f.name, f]));
  if (mode === 'insert') {
    // `Account.CW_Id__c` fills AccountId: a reference by external id counts as its field set.
    const byReference = new Set(Object.keys(row).filter((k) => k.includes('.') && row[k] !== null && row[k] !== '').map((k) => k.slice(0, k.indexOf('.'))));
    const filled = (f: DescribeField): boolean =>
      (row[f.name] !== undefined && row[f.name] !== null && row[f.name] !== '') || (f.relationshipName != null && byReference.has(f.relationshipName));
    const missing = describe.fields.filter((f) => required(f) && !filled(f));
    if (missing.length > 0) {
      const names = missing.map((f) => f.name);
      errors.push({ code: 'REQUIRED_FIELD_MISSING', field: names[0], message: `Required fields are missing: [${names.join(', ')}]` });
    }
  }
  for (const [key, value] of Object.entries(row)) {
    if (key.includes('.')) continue;
    const field = byName.get(key);
    if (!field || value === undefined) continue;
    const problem = typeProblem(field, value);
    if (problem) errors.push({ code: TYPE_CODES[field.type] ?? 'INVALID_TYPE_ON_FIELD_IN_RECORD', field: key, message: problem });
    if (typeof value === 'string' && field.length > 0 && value.length > field.length && ['string', 'textarea', 'email', 'phone', 'url', 'picklist'].includes(field.type)) {
      errors.push({ code: 'STRING_TOO_LONG', field: key, message: `${field.name}: data value too large (max length=${field.length})` });
    }
    if (field.restrictedPicklist && value !== null && !(field.picklistValues ?? []).some((v) => v.active && v.value === value)) {
      errors.push({ code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', field: key, message: `${field.name}: bad value for restricted picklist field: ${String(value)}` });
    }
  }
  if (typeof row.OwnerId === 'string') {
    const owner = ownerProblem(org, describe.name, row.OwnerId);
    if (owner) errors.push(owner);
  }
  return errors;
}
