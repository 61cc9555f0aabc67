/**
 * Which records a path under `/apis/3.0/` names. Collections are read from the tenant on every
 * request, so tests can change the tenant between calls.
 */
import { CwRecord, DocumentEntry, Tenant } from '../types.js';
import { allNotesOf } from './all-notes.js';
import { ChildIndex } from './child-index.js';
import { endpointMissing, CwHttpError, recordMissing } from './errors.js';

export { ChildIndex } from './child-index.js';

/** A collection endpoint: its records, and the noun its 404 message uses. */
export interface Collection {
  label: string;
  records: CwRecord[];
}

/** What a path resolved to. */
export type Route =
  | { kind: 'list'; collection: Collection; count: boolean }
  | { kind: 'item'; collection: Collection; id: number }
  | { kind: 'document'; body: unknown }
  | { kind: 'download'; entry: DocumentEntry };

const refId = (key: string) => (record: CwRecord): number | undefined => {
  const id = (record[key] as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
};
const plainId = (key: string) => (record: CwRecord): number | undefined =>
  typeof record[key] === 'number' ? (record[key] as number) : undefined;

/** Top-level collections by lower-cased path; three-segment paths are set-up tables under a module. */
const TOP: Record<string, readonly [label: string, read: (tenant: Tenant) => CwRecord[] | undefined]> = {
  'system/members': ['Member', (t) => t.members],
  'service/boards': ['Board', (t) => t.boards],
  'service/priorities': ['Priority', (t) => t.priorities],
  'service/slas': ['SLA', (t) => t.slas],
  'company/companies': ['Company', (t) => t.companies],
  'company/contacts': ['Contact', (t) => t.contacts],
  'company/configurations': ['Configuration', (t) => t.configurations],
  'company/configurations/types': ['ConfigurationType', (t) => t.configurationTypes],
  'company/configurations/statuses': ['ConfigurationStatus', (t) => t.configurationStatuses],
  'service/tickets': ['Ticket', (t) => t.tickets],
  'system/userdefinedfields': ['UserDefinedField', (t) => t.userDefinedFields],
  'time/entries': ['TimeEntry', (t) => t.timeEntries],
  'procurement/catalog': ['CatalogItem', (t) => t.catalogItems],
  'finance/agreements': ['Agreement', (t) => t.agreements],
  'finance/agreements/types': ['AgreementType', (t) => t.agreementTypes],
  'finance/invoices': ['Invoice', (t) => t.invoices],
  'service/knowledgebasearticles': ['KnowledgeBaseArticle', (t) => t.kbArticles],
  'service/knowledgebasecategories': ['KnowledgeBaseCategory', (t) => t.kbCategories],
  'service/knowledgebasesubcategories': ['KnowledgeBaseSubCategory', (t) => t.kbSubCategories],
  'project/projects': ['Project', (t) => t.projects],
};

/** A child collection: the parent's label, the segment after the parent id, and how to find the children. */
type ChildSource = readonly [label: string, read: (tenant: Tenant) => CwRecord[] | undefined, index: ChildIndex];

function byId(records: CwRecord[], id: number): CwRecord | undefined {
  return records.find((record) => record.id === id);
}

function idOf(segment: string | undefined): number | undefined {
  return segment !== undefined && /^\d+$/.test(segment) ? Number(segment) : undefined;
}

/** The per-tenant state routing needs between requests: one index per child collection. */
export class Router {
  private readonly children: Record<string, ChildSource> = {
    'Board/statuses': ['Status', (t) => t.boardStatuses, new ChildIndex(refId('board'))],
    'Board/types': ['Type', (t) => t.boardTypes, new ChildIndex(refId('board'))],
    'Board/subtypes': ['SubType', (t) => t.boardSubTypes, new ChildIndex(refId('board'))],
    'Board/items': ['Item', (t) => t.boardItems, new ChildIndex(refId('board'))],
    'Board/teams': ['Team', (t) => t.boardTeams, new ChildIndex(plainId('boardId'))],
    'SLA/priorities': ['SLAPriority', (t) => t.slaPriorities, new ChildIndex(refId('sla'))],
    'Company/sites': ['Site', (t) => t.companySites, new ChildIndex(refId('company'))],
    'Company/notes': ['Note', (t) => t.companyNotes, new ChildIndex(refId('company'))],
    'Ticket/notes': ['Note', (t) => t.ticketNotes, new ChildIndex(plainId('ticketId'))],
    'Agreement/additions': ['Addition', (t) => t.agreementAdditions, new ChildIndex(plainId('agreementId'))],
  };
  private readonly ticketTime = new ChildIndex((entry) =>
    entry.chargeToType === 'ServiceTicket' && typeof entry.chargeToId === 'number' ? entry.chargeToId : undefined,
  );
  private documentSource?: DocumentEntry[];
  private documentLength = -1;
  private documentsByRecord = new Map<string, DocumentEntry[]>();
  private documentsById = new Map<number, DocumentEntry>();

  public constructor(private readonly tenant: () => Tenant) {}

  /**
   * Resolves the path segments after `/apis/3.0/` (and, for documents, the query). Throws a 404
   * for unknown paths and parents.
   */
  public resolve(segments: string[], params?: URLSearchParams): Route {
    const tenant = this.tenant();
    const path = segments.map((segment) => segment.toLowerCase());
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
    if (path[0] === 'system' && path[1] === 'documents') return this.documents(path.slice(2), params, tenant);
    for (const length of [3, 2]) {
      const entry = TOP[path.slice(0, length).join('/')];
      if (entry && path.length >= length) {
        return this.within({ label: entry[0], records: entry[1](tenant) ?? [] }, path.slice(length), tenant);
      }
    }
    throw endpointMissing();
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
    const source = this.children[`${base.label}/${name}`];
    const computed =
      (base.label === 'Contact' && name === 'communications') || (base.label === 'Ticket' && name === 'allnotes');
    if (!source && !computed) throw endpointMissing();
    const parent = byId(base.records, id);
    if (!parent) throw recordMissing(base.label, id);
    if (source) return { label: source[0], records: source[2].get(source[1](tenant) ?? [], id) };
    if (name === 'communications') {
      return { label: 'Communication', records: (parent.communicationItems ?? []) as CwRecord[] };
    }
    const notes = this.children['Ticket/notes'];
    const time = this.ticketTime.get(tenant.timeEntries ?? [], id);
    return { label: 'Note', records: allNotesOf(parent, notes[2].get(tenant.ticketNotes, id), time) };
  }

  /** `system/documents?recordType=&recordId=`, `/count`, `/{id}` and `/{id}/download`. */
  private documents(rest: string[], params: URLSearchParams | undefined, tenant: Tenant): Route {
    this.indexDocuments(tenant.documents ?? []);
    if (rest.length === 0 || (rest.length === 1 && rest[0] === 'count')) {
      const type = (params?.get('recordType') ?? params?.get('recordtype') ?? '').toLowerCase();
      const recordId = Number(params?.get('recordId') ?? params?.get('recordid'));
      const entries =
        type && Number.isInteger(recordId)
          ? (this.documentsByRecord.get(`${type}:${recordId}`) ?? [])
          : [...this.documentsById.values()];
      return { kind: 'list', collection: { label: 'Document', records: entries.map((e) => e.info) }, count: rest.length === 1 };
    }
    const id = idOf(rest[0]);
    const entry = id === undefined ? undefined : this.documentsById.get(id);
    if (id === undefined || rest.length > 2 || (rest.length === 2 && rest[1] !== 'download')) throw endpointMissing();
    if (!entry) throw recordMissing('Document', id);
    if (rest.length === 1) return { kind: 'document', body: entry.info };
    if (entry.info.urlFlag === true || entry.info.linkFlag === true) {
      // Link documents point elsewhere and hold no bytes (api-notes §6.15); the wording is ours.
      throw new CwHttpError(404, { code: 'NotFound', message: `Document ${id} is a link and has no file` });
    }
    return { kind: 'download', entry };
  }

  private indexDocuments(entries: DocumentEntry[]): void {
    if (entries === this.documentSource && entries.length === this.documentLength) return;
    this.documentsByRecord = new Map();
    this.documentsById = new Map();
    for (const entry of entries) {
      const key = `${entry.recordType.toLowerCase()}:${entry.recordId}`;
      const list = this.documentsByRecord.get(key);
      if (list) list.push(entry);
      else this.documentsByRecord.set(key, [entry]);
      this.documentsById.set(entry.info.id, entry);
    }
    this.documentSource = entries;
    this.documentLength = entries.length;
  }
}

export { CwHttpError };
