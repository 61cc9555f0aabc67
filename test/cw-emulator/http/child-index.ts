/**
 * An index of child records (a ticket's notes, a company's sites) by parent id, so a
 * 100,000-ticket tenant answers `tickets/{id}/notes` without scanning half a million notes.
 */
import { CwRecord } from '../types.js';

/**
 * Rebuilt when the array is replaced or changes length. An edit that keeps the length (replacing
 * one child by another) is caught by checking each hit still names its parent; a child moved to
 * another parent in place is not.
 */
export class ChildIndex {
  private source?: CwRecord[];
  private length = -1;
  private byParent = new Map<number, CwRecord[]>();

  public constructor(private readonly parentId: (record: CwRecord) => number | undefined) {}

  /** The records whose parent id is `id`, in array order. */
  public get(records: CwRecord[], id: number): CwRecord[] {
    if (records !== this.source || records.length !== this.length) {
      this.byParent = new Map();
      for (const record of records) {
        const parent = this.parentId(record);
        if (parent === undefined) continue;
        const list = this.byParent.get(parent);
        if (list) list.push(record);
        else this.byParent.set(parent, [record]);
      }
      this.source = records;
      this.length = records.length;
    }
    return (this.byParent.get(id) ?? []).filter((record) => this.parentId(record) === id);
  }
}
