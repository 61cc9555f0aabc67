/** A stored record: field API names (as in describe) to values. Dates are `YYYY-MM-DD`, datetimes `...000+0000`. */
export type StoredRecord = Record<string, unknown>;

/** How one indexed field compares values: unique/external-id text fields ignore case unless caseSensitive. */
export type IndexSpec = {
  field: string;
  caseSensitive: boolean;
};

/**
 * The rows of one sObject plus value indexes on its external-id, unique and idLookup fields, so upserts,
 * relationship columns and duplicate checks stay O(1) at 100 000+ rows.
 */
export class Table {
  public readonly live = new Map<string, StoredRecord>();
  /** Soft-deleted rows (the recycle bin), visible to queryAll only. */
  public readonly deleted = new Map<string, StoredRecord>();
  private indexes = new Map<string, { spec: IndexSpec; map: Map<string, Set<string>> }>();

  public constructor(
    public readonly objectName: string,
    specs: IndexSpec[],
  ) {
    for (const spec of specs) this.indexes.set(spec.field, { spec, map: new Map() });
  }

  public isIndexed(field: string): boolean {
    return this.indexes.has(field);
  }

  /** Ids of live rows whose field equals the value under the field's comparison rule. */
  public lookup(field: string, value: unknown): string[] {
    const index = this.indexes.get(field);
    if (!index) {
      // Unindexed lookups are rare (Id is handled by the map itself); a scan keeps them correct.
      const wanted = String(value).toLowerCase();
      return [...this.live.values()]
        .filter((r) => r[field] != null && String(r[field]).toLowerCase() === wanted)
        .map((r) => String(r.Id));
    }
    return [...(index.map.get(indexKey(index.spec, value)) ?? [])];
  }

  public put(record: StoredRecord): void {
    const id = String(record.Id);
    const previous = this.live.get(id);
    if (previous) this.unindex(previous);
    this.live.set(id, record);
    this.index(record);
  }

  public removeLive(id: string): StoredRecord | undefined {
    const record = this.live.get(id);
    if (!record) return undefined;
    this.unindex(record);
    this.live.delete(id);
    return record;
  }

  private index(record: StoredRecord): void {
    for (const { spec, map } of this.indexes.values()) {
      const value = record[spec.field];
      if (value === null || value === undefined || value === '') continue;
      const key = indexKey(spec, value);
      let ids = map.get(key);
      if (!ids) map.set(key, (ids = new Set()));
      ids.add(String(record.Id));
    }
  }

  private unindex(record: StoredRecord): void {
    for (const { spec, map } of this.indexes.values()) {
      const value = record[spec.field];
      if (value === null || value === undefined || value === '') continue;
      const key = indexKey(spec, value);
      const ids = map.get(key);
      ids?.delete(String(record.Id));
      if (ids?.size === 0) map.delete(key);
    }
  }
}

function indexKey(spec: IndexSpec, value: unknown): string {
  const text = String(value);
  return spec.caseSensitive ? text : text.toLowerCase();
}
