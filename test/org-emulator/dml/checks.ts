import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { FieldDescribe } from '../schema/types.js';
import type { StoredRecord } from '../store/table.js';
import { type DmlError, DmlFailure } from './errors.js';

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/**
 * Every reference the write sets must name an existing, live record of an object the field points to.
 * OwnerId additionally accepts only active users (unless "Update Records with Inactive Owners") or queues that
 * list this object in QueueSobject.
 */
export function checkReferences(org: OrgContext, obj: ObjectSchema, changed: Record<string, unknown>): DmlError[] {
  const errors: DmlError[] = [];
  for (const [name, value] of Object.entries(changed)) {
    const field = obj.field(name);
    if (!field || field.type !== 'reference' || isBlank(value)) continue;
    const error = checkReference(org, obj, field, String(value));
    if (error) errors.push(error);
  }
  return errors;
}

function checkReference(org: OrgContext, obj: ObjectSchema, field: FieldDescribe, id: string): DmlError | undefined {
  const target = org.schema.byKeyPrefix(id);
  const wrongType = {
    statusCode: 'FIELD_INTEGRITY_EXCEPTION',
    message: `${field.label}: id value of incorrect type: ${id}`,
    fields: [field.name],
  };
  if (!target)
    return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [field.name] };
  if (!field.referenceTo.includes(target.name)) return wrongType;
  const table = org.store.table(target.name);
  const record = table.live.get(id);
  if (!record) {
    if (table.deleted.has(id))
      return { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [field.name] };
    return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [field.name] };
  }
  if (field.name !== 'OwnerId') return undefined;
  if (target.name === 'User' && record.IsActive !== true && !org.settings.allowInactiveOwners) {
    return {
      statusCode: 'INACTIVE_OWNER_OR_USER',
      message: `operation performed with inactive user [${id}] as owner of ${obj.name.toLowerCase()}`,
      fields: [],
    };
  }
  // A group can own records only when it is a queue that supports this object (fflib #293: "id value of incorrect type").
  if (target.name === 'Group' && !queueSupports(org, id, record, obj.name)) return wrongType;
  return undefined;
}

function queueSupports(org: OrgContext, groupId: string, group: StoredRecord, objectName: string): boolean {
  if (group.Type !== 'Queue') return false;
  return org.store
    .table('QueueSobject')
    .lookup('QueueId', groupId)
    .some((id) => org.store.get('QueueSobject', id)?.SobjectType === objectName);
}

/** Fields a write must leave non-blank: createable, not nillable and not filled by the org. */
export function checkRequired(
  obj: ObjectSchema,
  record: StoredRecord,
  changed: Record<string, unknown> | undefined,
): DmlError[] {
  const missing = obj.fields
    .filter((f) => f.createable && !f.nillable && !f.defaultedOnCreate && f.type !== 'boolean')
    .filter((f) => (changed === undefined ? isBlank(record[f.name]) : f.name in changed && isBlank(changed[f.name])))
    .map((f) => f.name);
  if (missing.length === 0) return [];
  return [
    {
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.join(', ')}]`,
      fields: missing,
    },
  ];
}

/** Unique fields (and unique external ids) may not repeat a value held by another live record. */
export function checkUnique(org: OrgContext, obj: ObjectSchema, record: StoredRecord): DmlError[] {
  const errors: DmlError[] = [];
  const table = org.store.table(obj.name);
  for (const field of obj.fields) {
    if (!field.unique || field.name === 'Id' || isBlank(record[field.name])) continue;
    const other = table.lookup(field.name, record[field.name]).find((id) => id !== record.Id);
    if (!other) continue;
    errors.push({
      statusCode: obj.name === 'User' && field.name === 'Username' ? 'DUPLICATE_USERNAME' : 'DUPLICATE_VALUE',
      message:
        obj.name === 'User' && field.name === 'Username'
          ? "Duplicate Username.<br>The username already exists in this or another Salesforce organization. Usernames must be unique across all Salesforce organizations. To resolve, use a different username (it doesn't need to match the user's email address)."
          : `duplicate value found: ${field.name} duplicates value on record with id: ${other}`,
      fields: [field.name],
    });
  }
  return errors;
}

/** Audit values must be in the past, and a record cannot be modified before it was created. */
export function checkAuditDates(record: StoredRecord, now: string): DmlError[] {
  const created = String(record.CreatedDate ?? '');
  const modified = String(record.LastModifiedDate ?? '');
  if (created > now || modified > now) {
    const field = created > now ? 'CreatedDate' : 'LastModifiedDate';
    return [{ statusCode: 'INVALID_FIELD', message: `${field}: value cannot be in the future`, fields: [field] }];
  }
  if (created && modified && modified < created) {
    return [
      {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Last Modified Date (${modified}) before Create Date (${created})`,
        fields: ['LastModifiedDate'],
      },
    ];
  }
  return [];
}

export function failIfAny(errors: DmlError[]): void {
  if (errors.length > 0) throw new DmlFailure(errors);
}

/** The messages of the active validation rules the record breaks (after the system checks, as in a real save). */
export function checkValidationRules(org: OrgContext, objectName: string, record: StoredRecord): DmlError[] {
  return [...org.validationRules.values()]
    .filter((rule) => rule.sobject === objectName && rule.when(record))
    .map((rule) => ({
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: rule.message,
      fields: rule.errorDisplayField ? [rule.errorDisplayField] : [],
    }));
}
