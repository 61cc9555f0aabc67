import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { FieldDescribe } from '../schema/types.js';
import type { StoredRecord } from '../store/table.js';
import { badRelationship, noSuchColumn } from './errors.js';

/** One parent hop of a field path: the reference field followed and the relationship name shown in results. */
export type Hop = {
  ref: FieldDescribe;
  relationshipName: string;
};

/** A validated field path such as `Account.Owner.Email`, readable against any record of the base object. */
export type FieldPath = {
  hops: Hop[];
  /** The final field, described on the first object it exists on (polymorphic parents may differ per row). */
  field: FieldDescribe;
  /** Column label for CSV results and aggregate keys: relationship names + field API name. */
  label: string;
  read(record: StoredRecord): unknown;
};

/** A parent record reached through a reference field, with the object it belongs to. */
export function parentOf(
  org: OrgContext,
  record: StoredRecord | undefined,
  ref: FieldDescribe,
): { obj: ObjectSchema; record: StoredRecord } | undefined {
  const id = record?.[ref.name];
  if (typeof id !== 'string' || id === '') return undefined;
  const obj = org.schema.byKeyPrefix(id);
  const parent = obj ? org.store.get(obj.name, id) : undefined;
  return obj && parent ? { obj, record: parent } : undefined;
}

/** Resolves `Field`, `Rel.Field`, `Rel.Rel.Field` (and `Object.Field` with the queried object's own name). */
export function resolvePath(org: OrgContext, soql: string, base: ObjectSchema, dotted: string): FieldPath {
  let parts = dotted.split('.');
  if (parts.length > 1 && parts[0].toLowerCase() === base.name.toLowerCase() && !base.relationship(parts[0]))
    parts = parts.slice(1);
  const hops: Hop[] = [];
  let candidates: ObjectSchema[] = [base];
  for (const part of parts.slice(0, -1)) {
    const ref = candidates.map((c) => c.relationship(part)).find((f) => f !== undefined);
    if (!ref) throw badRelationship(soql, part);
    hops.push({ ref, relationshipName: String(ref.relationshipName) });
    candidates = ref.referenceTo.map((t) => org.schema.get(t)).filter((t): t is ObjectSchema => t !== undefined);
  }
  const last = parts[parts.length - 1];
  const owner = candidates.find((c) => c.field(last));
  const field = owner?.field(last);
  if (!field) throw noSuchColumn(soql, hops.length > 0 ? dotted : last, candidates[0]?.name ?? base.name);
  const label = [...hops.map((h) => h.relationshipName), field.name].join('.');
  const polymorphic = hops.some((h) => h.ref.referenceTo.length > 1);
  const read = (record: StoredRecord): unknown => {
    let current: StoredRecord | undefined = record;
    let obj: ObjectSchema | undefined = base;
    for (const hop of hops) {
      const parent = parentOf(org, current, hop.ref);
      current = parent?.record;
      obj = parent?.obj;
      if (!current) return null;
    }
    // Polymorphic parents (Owner -> User or Group) may name the field differently or not have it at all.
    const name = polymorphic ? obj?.field(last)?.name : field.name;
    // Polymorphic parents are read through the Name entity, whose Type is the parent's object (User) or kind (Queue).
    if (name === undefined && polymorphic && last.toLowerCase() === 'type') return obj?.name ?? null;
    return name === undefined ? null : (current[name] ?? null);
  };
  return { hops, field, label, read };
}
