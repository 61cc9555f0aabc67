import type { Schema } from '../schema/schema.js';
import { Table, type StoredRecord } from './table.js';

/** A unit of work whose writes can be undone (allOrNone collections, composite requests). */
export type Transaction = {
  commit(): void;
  rollback(): void;
};

/**
 * All records of the emulated org, one {@link Table} per sObject. Writes go through here so an open
 * {@link Transaction} can undo them; outside a transaction nothing is journalled, which keeps Bulk loads cheap.
 */
export class Store {
  private tables = new Map<string, Table>();
  private journal: Array<() => void> = [];
  private openTransactions = 0;

  public constructor(private readonly schema: Schema) {}

  public table(objectName: string): Table {
    let table = this.tables.get(objectName);
    if (!table) {
      const obj = this.schema.get(objectName);
      const specs = (obj?.fields ?? [])
        .filter((f) => f.name !== 'Id' && (f.externalId || f.unique || f.idLookup))
        .map((f) => ({ field: f.name, caseSensitive: f.caseSensitive }));
      table = new Table(obj?.name ?? objectName, specs);
      this.tables.set(objectName, table);
    }
    return table;
  }

  /** Names of the objects that have a table (every object written or read so far). */
  public tableNames(): string[] {
    return [...this.tables.keys()];
  }

  public get(objectName: string, id: string): StoredRecord | undefined {
    return this.table(objectName).live.get(id);
  }

  /** Adds a new record or replaces a live one (updates pass a modified copy, so the old object can be restored). */
  public put(objectName: string, record: StoredRecord): void {
    const table = this.table(objectName);
    const previous = table.live.get(String(record.Id));
    if (this.openTransactions > 0) {
      this.journal.push(() => {
        if (previous) table.put(previous);
        else table.removeLive(String(record.Id));
      });
    }
    table.put(record);
  }

  /** Deletes a record: soft (into the recycle bin, IsDeleted true) or hard (gone). */
  public delete(objectName: string, id: string, hard: boolean): void {
    const table = this.table(objectName);
    const record = table.removeLive(id);
    if (!record) return;
    if (!hard) table.deleted.set(id, { ...record, IsDeleted: true });
    if (this.openTransactions > 0) {
      this.journal.push(() => {
        table.deleted.delete(id);
        table.put(record);
      });
    }
  }

  public begin(): Transaction {
    const mark = this.journal.length;
    this.openTransactions++;
    let open = true;
    const close = (): void => {
      if (!open) return;
      open = false;
      this.openTransactions--;
      if (this.openTransactions === 0) this.journal = [];
    };
    return {
      commit: close,
      rollback: (): void => {
        if (!open) return;
        while (this.journal.length > mark) (this.journal.pop() as () => void)();
        close();
      },
    };
  }
}
