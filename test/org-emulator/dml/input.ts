import { toId18 } from '../ids.js';
import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { FieldDescribe } from '../schema/types.js';
import { coerceValue, type InputSource } from './coerce.js';
import { dmlError, type DmlError, DmlFailure } from './errors.js';

export type WriteMode = 'insert' | 'update';

/**
 * Turns a client record (JSON body or Bulk CSV row) into `field API name -> stored value`, resolving relationship
 * keys (`"Account": {"CW_Id__c": "A-1"}` in JSON, `Account.CW_Id__c` or `User:Owner.Username` in CSV) to ids.
 * Rejects unknown fields, fields the mode may not write, and values of the wrong type.
 */
export function parseInput(
  org: OrgContext,
  obj: ObjectSchema,
  input: Record<string, unknown>,
  mode: WriteMode,
  source: InputSource,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const notWritable: string[] = [];
  const errors: DmlError[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue;
    try {
      const field = obj.field(key);
      if (field) {
        if (field.name === 'Id') {
          if (mode === 'insert' && raw !== null && raw !== '')
            throw dmlError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
          continue;
        }
        if (!(mode === 'insert' ? field.createable : field.updateable)) notWritable.push(field.name);
        else values[field.name] = coerceValue(field, raw, source);
        continue;
      }
      const ref = relationshipKey(obj, key, raw);
      if (!ref) throw dmlError('INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`, [key]);
      if (!(mode === 'insert' ? ref.field.createable : ref.field.updateable)) notWritable.push(ref.field.name);
      else values[ref.field.name] = resolveForeignKey(org, ref.field, ref.targetType, ref.lookupField, ref.value);
    } catch (err) {
      if (!(err instanceof DmlFailure)) throw err;
      errors.push(...err.errors);
    }
  }
  if (notWritable.length > 0) {
    errors.unshift({
      statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields: notWritable,
    });
  }
  if (errors.length > 0) throw new DmlFailure(errors);
  return values;
}

type RelationshipKey = {
  field: FieldDescribe;
  targetType?: string;
  lookupField: string;
  value: unknown;
};

/** Recognises `Rel: {Field: v}` (JSON) and `[Type:]Rel.Field` (CSV header) forms. */
function relationshipKey(obj: ObjectSchema, key: string, raw: unknown): RelationshipKey | undefined {
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const field = obj.relationship(key);
    if (!field) return undefined;
    const nested = raw as Record<string, unknown>;
    const attributes = nested.attributes as { type?: string } | undefined;
    const keys = Object.keys(nested).filter((k) => k !== 'attributes');
    if (keys.length !== 1) return undefined;
    return { field, targetType: attributes?.type, lookupField: keys[0], value: nested[keys[0]] };
  }
  const m = /^(?:(\w+):)?(\w+)\.(\w+)$/.exec(key);
  if (!m) return undefined;
  const field = obj.relationship(m[2]);
  return field ? { field, targetType: m[1], lookupField: m[3], value: raw } : undefined;
}

/** Finds the one parent record whose external-id / idLookup field holds the value; returns its id. */
function resolveForeignKey(
  org: OrgContext,
  field: FieldDescribe,
  targetType: string | undefined,
  lookupName: string,
  value: unknown,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  const candidates = field.referenceTo
    .filter((t) => !targetType || t.toLowerCase() === targetType.toLowerCase())
    .map((t) => org.schema.get(t))
    .filter((t): t is ObjectSchema => t !== undefined)
    .filter((t) => {
      const f = t.field(lookupName);
      return f !== undefined && (f.externalId || f.idLookup);
    });
  if (candidates.length !== 1) {
    const entity = targetType ?? field.referenceTo[0] ?? field.name;
    throw dmlError(
      'INVALID_FIELD',
      `Field name provided, ${lookupName} is not an External ID or indexed field for ${entity}`,
      [field.name],
    );
  }
  const target = candidates[0];
  const lookupField = target.field(lookupName) as FieldDescribe;
  let ids: string[];
  if (lookupField.name === 'Id') {
    const id = toId18(String(value));
    ids = id && org.store.get(target.name, id) ? [id] : [];
  } else {
    ids = org.store.table(target.name).lookup(lookupField.name, value);
  }
  if (ids.length === 0) {
    throw dmlError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} not found for field ${lookupField.name} in entity ${target.name}`,
      [field.name],
    );
  }
  if (ids.length > 1) {
    throw dmlError(
      'INVALID_FIELD',
      `Foreign key external ID: ${String(value)} matches more than one record for field ${lookupField.name} in entity ${target.name}`,
      [field.name],
    );
  }
  return ids[0];
}
