import { formatDateTime } from '../datetime.js';
import { toId18 } from '../ids.js';
import { nextAutoNumber, type OrgContext } from '../org-context.js';
import { syncProfileAssignment } from '../permissions.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { StoredRecord } from '../store/table.js';
import { checkAuditDates, checkReferences, checkRequired, checkUnique, checkValidationRules, failIfAny } from './checks.js';
import type { InputSource } from './coerce.js';
import { dmlError } from './errors.js';
import { parseInput } from './input.js';
import { applyObjectRules } from './object-rules.js';

/** How a write reached the org. */
export type WriteOptions = {
  source: InputSource;
  /** Case assignment rule: REST default true (header `Sforce-Auto-Assign`), Bulk only with assignmentRuleId. */
  autoAssign: boolean;
};

export type UpsertResult = {
  id: string;
  created: boolean;
};

/**
 * Record-level writes with the validation a real org applies. Each call either saves the record or throws a
 * {@link import('./errors.js').DmlFailure} and leaves the store untouched.
 */
export class DmlEngine {
  public constructor(private readonly org: OrgContext) {}

  public object(name: string): ObjectSchema {
    const obj = this.org.schema.get(name);
    if (!obj) throw dmlError('INVALID_TYPE', `sObject type '${name}' is not supported.`);
    return obj;
  }

  public insert(objectName: string, input: Record<string, unknown>, options: WriteOptions): string {
    const obj = this.object(objectName);
    if (!obj.describe.createable)
      throw dmlError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be inserted: ${obj.name}`);
    const changed = parseInput(this.org, obj, input, 'insert', options.source);
    const now = formatDateTime(new Date());
    const user = this.org.settings.runningUserId;
    const record: StoredRecord = { Id: this.org.ids.next(obj.keyPrefix) };
    for (const field of obj.fields) {
      if (field.type === 'boolean') record[field.name] = field.defaultValue === true;
      const picklistDefault = field.picklistValues.find((p) => p.defaultValue && p.active);
      if (picklistDefault && field.defaultedOnCreate) record[field.name] = picklistDefault.value;
      if (field.autoNumber) record[field.name] = nextAutoNumber(this.org, obj.name, field.name);
    }
    const system: StoredRecord = {
      CreatedDate: now,
      CreatedById: user,
      LastModifiedDate: now,
      LastModifiedById: user,
      SystemModstamp: now,
    };
    for (const [name, value] of Object.entries(system)) if (obj.field(name)) record[name] = value;
    if (obj.field('OwnerId')?.defaultedOnCreate) record.OwnerId = user;
    if (obj.field('IsDeleted')) record.IsDeleted = false;
    Object.assign(record, changed);
    // An explicit CreatedDate without LastModifiedDate makes the record look last touched when it was created.
    if (changed.CreatedDate && !changed.LastModifiedDate && obj.field('LastModifiedDate'))
      record.LastModifiedDate = changed.CreatedDate;
    if (changed.CreatedById && !changed.LastModifiedById && obj.field('LastModifiedById'))
      record.LastModifiedById = changed.CreatedById;
    if (obj.describe.custom && !record.Name && obj.field('Name')?.createable) record.Name = record.Id;
    this.validateAndSave(obj, record, { changed, isInsert: true, autoAssign: options.autoAssign, now });
    return String(record.Id);
  }

  public update(objectName: string, idText: string, input: Record<string, unknown>, options: WriteOptions): void {
    const obj = this.object(objectName);
    const id = toId18(idText);
    if (!id) throw dmlError('MALFORMED_ID', `${obj.name} ID: id value of incorrect type: ${idText}`, ['Id']);
    const previous = this.org.store.get(obj.name, id);
    if (!previous) {
      const deleted = this.org.store.table(obj.name).deleted.has(id);
      throw deleted
        ? dmlError('ENTITY_IS_DELETED', 'entity is deleted')
        : dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    if (!obj.describe.updateable)
      throw dmlError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be updated: ${obj.name}`);
    const changed = parseInput(this.org, obj, input, 'update', options.source);
    const now = formatDateTime(new Date());
    const record: StoredRecord = { ...previous, ...changed };
    if (obj.field('LastModifiedDate'))
      Object.assign(record, { LastModifiedDate: now, LastModifiedById: this.org.settings.runningUserId });
    if (obj.field('SystemModstamp')) record.SystemModstamp = now;
    this.validateAndSave(obj, record, { changed, isInsert: false, previous, autoAssign: options.autoAssign, now });
  }

  /** Matches on an external-id / idLookup field (or Id): no match inserts, one match updates, several fail. */
  public upsert(
    objectName: string,
    externalIdField: string,
    input: Record<string, unknown>,
    options: WriteOptions,
  ): UpsertResult {
    const obj = this.object(objectName);
    const keyField = obj.field(externalIdField);
    if (!keyField || !(keyField.externalId || keyField.idLookup)) {
      throw dmlError(
        'INVALID_FIELD',
        `Field name provided, ${externalIdField} is not an External ID or indexed field for ${obj.name}`,
      );
    }
    const inputKey = Object.keys(input).find((k) => k.toLowerCase() === keyField.name.toLowerCase());
    const value = inputKey === undefined ? undefined : input[inputKey];
    let matches: string[] = [];
    if (value !== undefined && value !== null && value !== '') {
      if (keyField.name === 'Id') {
        const id = toId18(String(value));
        matches = id && this.org.store.get(obj.name, id) ? [id] : [];
        if (!id || matches.length === 0)
          throw dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['Id']);
      } else {
        matches = this.org.store.table(obj.name).lookup(keyField.name, value);
      }
    } else if (options.source === 'json') {
      throw dmlError('MISSING_ARGUMENT', `${keyField.name} not specified`, [keyField.name]);
    }
    if (matches.length > 1) {
      throw dmlError(
        'DUPLICATE_EXTERNAL_ID',
        `${keyField.name}: more than one record found for external id field: [${matches.join(', ')}]`,
        [keyField.name],
      );
    }
    if (matches.length === 0) return { id: this.insert(obj.name, input, options), created: true };
    const rest = { ...input };
    if (keyField.name === 'Id' && inputKey) delete rest[inputKey];
    this.update(obj.name, matches[0], rest, options);
    return { id: matches[0], created: false };
  }

  public delete(objectName: string | undefined, idText: string, hard = false): string {
    const id = toId18(idText);
    const obj = objectName ? this.object(objectName) : id ? this.org.schema.byKeyPrefix(id) : undefined;
    if (!id || !obj) throw dmlError('MALFORMED_ID', `malformed id ${idText}`);
    if (!this.org.store.get(obj.name, id)) {
      const deleted = this.org.store.table(obj.name).deleted.has(id);
      throw deleted
        ? dmlError('ENTITY_IS_DELETED', 'entity is deleted')
        : dmlError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id');
    }
    // User and other setup objects are never deleted (users are deactivated instead). REST DELETE on such a
    // record answers 405 before reaching here (routes-records); collections and Bulk report this per row.
    if (!obj.describe.deletable) throw dmlError('INVALID_TYPE_FOR_OPERATION', 'entity type cannot be deleted');
    this.org.store.delete(obj.name, id, hard);
    return id;
  }

  private validateAndSave(
    obj: ObjectSchema,
    record: StoredRecord,
    ctx: {
      changed: Record<string, unknown>;
      isInsert: boolean;
      previous?: StoredRecord;
      autoAssign: boolean;
      now: string;
    },
  ): void {
    if (this.org.faults.takeRowLock(obj.name)) {
      throw dmlError(
        'UNABLE_TO_LOCK_ROW',
        `unable to obtain exclusive access to this record or 1 records: ${String(record.Id)}`,
      );
    }
    failIfAny(checkRequired(obj, record, ctx.isInsert ? undefined : ctx.changed));
    failIfAny(checkReferences(this.org, obj, ctx.changed));
    failIfAny(applyObjectRules(obj.name, record, { org: this.org, ...ctx }));
    failIfAny(checkValidationRules(this.org, obj.name, record));
    if (ctx.isInsert) failIfAny(checkAuditDates(record, ctx.now));
    failIfAny(checkUnique(this.org, obj, record));
    this.org.store.put(obj.name, record);
    // A user's profile shows as an assignment of the profile's own permission set, kept in step on every save.
    if (obj.name === 'User') syncProfileAssignment(this.org, record, ctx.now, () => this.org.ids.next('0Pa'));
  }
}
