/**
 * Which records a path under `/apis/3.0/` names. Collections are read from the tenant on every
 * request, so tests can change the tenant between calls.
 */
import { CwRecord, Tenant } from '../types.js';
import { endpointMissing, CwHttpError, recordMissing } from './errors.js';

/** A collection endpoint: its records, and the noun its 404 message uses. */
export interface Collection {
  label: string;
  records: CwRecord[];
}

/** What a path resolved to. */
export type Route =
  | { kind: 'list'; collection: Collection; count: boolean }
  | { kind: 'item'; collection: Collection; id: number }
  | { kind: 'document'; body: unknown };

/**
 * An index of ticket notes by ticket id, rebuilt when the notes array is replaced or changes
 * length. An edit that keeps the length (replacing one note by another) is caught by checking
 * each hit still names its ticket; a note moved to another ticket in place is not.
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

function idOf(segment: string | undefined): number | undefined {
  return segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : undefined;
}

function findById(records: CwRecord[], id: number): CwRecord | undefined {
  return records.find((record) => record.id === id);
}

/** The per-tenant state routing needs between requests. */
export class Router {
  private readonly notes = new ChildIndex((note) => (typeof note.ticketId === 'number' ? note.ticketId : undefined));

  public constructor(private readonly tenant: () => Tenant) {}

  /** Resolves the path segments after `/apis/3.0/`. Throws a 404 for unknown paths and parents. */
  public resolve(segments: string[]): Route {
    const tenant = this.tenant();
    const path = segments.map((segment) => segment.toLowerCase());
    const top: Record<string, Collection | undefined> = {
      'system/members': { label: 'Member', records: tenant.members },
      'service/boards': { label: 'Board', records: tenant.boards },
      'service/priorities': { label: 'Priority', records: tenant.priorities },
      'company/companies': { label: 'Company', records: tenant.companies },
      'company/contacts': { label: 'Contact', records: tenant.contacts },
      'service/tickets': { label: 'Ticket', records: tenant.tickets },
      'system/userdefinedfields': { label: 'UserDefinedField', records: tenant.userDefinedFields ?? [] },
    };
    if (path.join('/') === 'system/info') {
      return {
        kind: 'document',
        body: {
          version: 'v2025.1.98765',
          isCloud: true,
          serverTimeZone: 'Eastern Standard Time',
          licenseBits: [],
          cloudRegion: 'NA',
        },
      };
    }
    const base = top[`${path[0]}/${path[1]}`];
    if (!base) throw endpointMissing();
    return this.within(base, path.slice(2), tenant);
  }

  private within(base: Collection, rest: string[], tenant: Tenant): Route {
    if (rest.length === 0) return { kind: 'list', collection: base, count: false };
    if (rest.length === 1 && rest[0] === 'count') return { kind: 'list', collection: base, count: true };
    const id = idOf(rest[0]);
    if (id === undefined) throw endpointMissing();
    if (rest.length === 1) return { kind: 'item', collection: base, id };
    const child = this.child(base, id, rest[1], tenant);
    return this.within(child, rest.slice(2), tenant);
  }

  /** A collection under one record: a board's statuses, a ticket's notes, a contact's communications. */
  private child(base: Collection, id: number, name: string, tenant: Tenant): Collection {
    const parent = findById(base.records, id);
    const known =
      (base.label === 'Board' && name === 'statuses') ||
      (base.label === 'Ticket' && name === 'notes') ||
      (base.label === 'Contact' && name === 'communications');
    if (!known) throw endpointMissing();
    if (!parent) throw recordMissing(base.label, id);
    if (name === 'statuses') {
      const statuses = tenant.boardStatuses.filter(
        (status) => (status.board as { id?: unknown } | undefined)?.id === id,
      );
      return { label: 'Status', records: statuses };
    }
    if (name === 'notes') return { label: 'Note', records: this.notes.get(tenant.ticketNotes, id) };
    return { label: 'Communication', records: (parent.communicationItems ?? []) as CwRecord[] };
  }
}

export { CwHttpError };
