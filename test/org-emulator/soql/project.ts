import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { FieldDescribe } from '../schema/types.js';
import type { StoredRecord } from '../store/table.js';
import { parentOf, type FieldPath } from './paths.js';

/** `attributes` of a record in REST results. */
export function attributes(obj: ObjectSchema, id: unknown, version: string): { type: string; url: string } {
  return { type: obj.name, url: `/services/data/v${version}/sobjects/${obj.name}/${String(id)}` };
}

/**
 * Writes one selected path into a REST result record, nesting parents as `{"attributes":..., "Name":...}` and
 * writing `null` for a missing parent, as the query resource does.
 */
export function placePath(
  org: OrgContext,
  out: Record<string, unknown>,
  base: ObjectSchema,
  record: StoredRecord,
  path: FieldPath,
  version: string,
): void {
  let node = out;
  let current = record;
  let obj = base;
  for (const hop of path.hops) {
    if (node[hop.relationshipName] === null) return;
    const parent = parentOf(org, current, hop.ref);
    if (!parent) {
      node[hop.relationshipName] = null;
      return;
    }
    if (node[hop.relationshipName] === undefined)
      node[hop.relationshipName] = { attributes: attributes(parent.obj, parent.record.Id, version) };
    node = node[hop.relationshipName] as Record<string, unknown>;
    current = parent.record;
    obj = parent.obj;
  }
  const field = obj.field(path.field.name);
  // Name-entity Type of a polymorphic parent that has no Type field of its own (a User owner reads as 'User').
  if (!field && path.field.name === 'Type') node.Type = obj.name;
  else node[path.field.name] = field ? outputValue(obj, field, current) : null;
}

/** Stored value as the API returns it; compound address fields are assembled from their parts. */
export function outputValue(obj: ObjectSchema, field: FieldDescribe, record: StoredRecord): unknown {
  if (field.type === 'address') {
    const prefix = field.name.replace(/Address$/, '');
    const part = (suffix: string): unknown => record[`${prefix}${suffix}`] ?? null;
    const parts = {
      city: part('City'),
      country: part('Country'),
      geocodeAccuracy: part('GeocodeAccuracy'),
      latitude: part('Latitude'),
      longitude: part('Longitude'),
      postalCode: part('PostalCode'),
      state: part('State'),
      street: part('Street'),
    };
    return Object.values(parts).every((v) => v === null) ? null : parts;
  }
  if (field.name === 'IsDeleted' && obj.field('IsDeleted')) return record.IsDeleted ?? false;
  return record[field.name] ?? null;
}
