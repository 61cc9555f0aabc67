import type { OrgContext } from './org-context.js';
import type { StoredRecord } from './store/table.js';

/** Every live record of an emulated org at one moment, per sObject and id, plus what the diff must know. */
export type OrgSnapshot = {
  takenAt: string;
  /** sObject API name -> record id -> a copy of the stored record. Objects without live records are left out. */
  objects: Record<string, Record<string, StoredRecord>>;
  /** Auto-number fields per sObject (CaseNumber...): assigned by the org, never compared. */
  autoNumberFields: Record<string, string[]>;
};

export type RecordEntry = { sobject: string; id: string; record: StoredRecord };
export type FieldChange = { field: string; before: unknown; after: unknown };
export type RecordChange = { sobject: string; id: string; fields: FieldChange[] };

/** What happened between two snapshots, sorted by sObject and id so assertions read the same on every run. */
export type SnapshotDiff = {
  added: RecordEntry[];
  removed: RecordEntry[];
  changed: RecordChange[];
};

/** Stamped by the platform on every save: a difference in these alone is not a change anybody made. */
const STAMPS = new Set([
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastViewedDate',
  'LastReferencedDate',
]);

/**
 * Fields the platform derives from others. A derived field is left out of a change when one of its sources changed
 * in the same record (closing a case shows as Status, not also IsClosed and ClosedDate); if it changed on its own
 * it is reported, because that is something the derivation cannot explain.
 */
const DERIVED: Record<string, Record<string, string[]>> = {
  Case: { IsClosed: ['Status'], ClosedDate: ['Status'] },
  Contact: { Name: ['FirstName', 'LastName', 'Salutation'] },
  Lead: { Name: ['FirstName', 'LastName', 'Salutation'] },
  User: { Name: ['FirstName', 'LastName'] },
};

/** Copies every live record of the org (see {@link OrgSnapshot}). */
export function takeSnapshot(org: OrgContext): OrgSnapshot {
  const objects: OrgSnapshot['objects'] = {};
  const autoNumberFields: OrgSnapshot['autoNumberFields'] = {};
  for (const name of org.store.tableNames()) {
    const obj = org.schema.get(name);
    const live = org.store.table(name).live;
    if (!obj || live.size === 0) continue;
    objects[obj.name] = Object.fromEntries([...live].map(([id, record]) => [id, { ...record }]));
    const autos = obj.fields.filter((f) => f.autoNumber).map((f) => f.name);
    if (autos.length > 0) autoNumberFields[obj.name] = autos;
  }
  return { takenAt: new Date().toISOString(), objects, autoNumberFields };
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || ((a ?? null) === null && (b ?? null) === null) || JSON.stringify(a) === JSON.stringify(b);

/**
 * Records added, removed and changed field by field between two snapshots of the same org, ignoring only what
 * Salesforce maintains itself: the modification stamps, auto-numbers, and derived fields whose source changed.
 * Records are matched by id, so a record deleted and re-created shows as one removal and one addition.
 *
 * @example
 * const before = org.snapshot();
 * await runMigration();
 * const { added, changed } = diffSnapshots(before, org.snapshot());
 */
export function diffSnapshots(before: OrgSnapshot, after: OrgSnapshot): SnapshotDiff {
  const diff: SnapshotDiff = { added: [], removed: [], changed: [] };
  const names = [...new Set([...Object.keys(before.objects), ...Object.keys(after.objects)])].sort();
  for (const sobject of names) {
    const old = before.objects[sobject] ?? {};
    const now = after.objects[sobject] ?? {};
    const ignored = new Set([
      ...STAMPS,
      ...(after.autoNumberFields[sobject] ?? before.autoNumberFields[sobject] ?? []),
    ]);
    const derived = DERIVED[sobject] ?? {};
    for (const id of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
      if (!(id in now)) diff.removed.push({ sobject, id, record: old[id] });
      else if (!(id in old)) diff.added.push({ sobject, id, record: now[id] });
      else {
        const fields = changedFields(old[id], now[id], ignored, derived);
        if (fields.length > 0) diff.changed.push({ sobject, id, fields });
      }
    }
  }
  return diff;
}

function changedFields(
  before: StoredRecord,
  after: StoredRecord,
  ignored: Set<string>,
  derived: Record<string, string[]>,
): FieldChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !ignored.has(f)).sort();
  const changes = names
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  const touched = new Set(changes.map((c) => c.field));
  return changes.filter((c) => !(derived[c.field] ?? []).some((source) => touched.has(source)));
}

/**
 * A diff as readable lines, one per record added or removed and one per changed field; empty when
 * the org is as it was. `skipAdded` leaves out added records a test expects (users, say).
 */
export function diffLines(diff: SnapshotDiff, skipAdded: (entry: RecordEntry) => boolean = (): boolean => false): string[] {
  return [
    ...diff.added.filter((r) => !skipAdded(r)).map((r) => `${r.sobject} ${r.id} was added`),
    ...diff.removed.map((r) => `${r.sobject} ${r.id} is gone`),
    ...diff.changed.flatMap((c) => c.fields.map((f) => `${c.sobject} ${c.id}.${f.field}: ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`)),
  ];
}
