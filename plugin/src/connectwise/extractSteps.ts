/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { SOURCE_KINDS, type SourceKind } from '../store/workStore.js';
import type { ChildStep, CollectionStep, ExtractStep } from './extractPlan.js';

const top = (
  kind: SourceKind,
  path: string,
  more: Partial<Omit<CollectionStep, 'type' | 'kind' | 'path'>> = {},
): CollectionStep => ({ type: 'collection', kind, path, forwardOnly: false, ...more });

const under = (kind: SourceKind, parentKind: SourceKind, parents: 'all' | 'queued', segment: string): ChildStep => ({
  type: 'children',
  kind,
  parentKind,
  path: (parentId) => `${segment.replace('{id}', String(parentId))}`,
  parents,
});

/** Documents are listed per record: `system/documents?recordType=Ticket&recordId=123` (api-notes §6.15). */
const documentsOf = (kind: SourceKind, parentKind: SourceKind, recordType: string): ChildStep => ({
  type: 'children',
  kind,
  parentKind,
  path: () => 'system/documents',
  params: (parentId) => ({ recordType, recordId: parentId }),
  parents: 'queued',
  documents: true,
});

/**
 * What the extractor reads. Each child step runs once its parent kind is stored; everything else
 * runs side by side within the concurrency limit. The tables that grow with the tenant are paged
 * forward-only (api-notes §3); the set-up tables are small and paged by id.
 */
export const EXTRACT_PLAN: readonly ExtractStep[] = [
  top('members', 'system/members'),
  top('boards', 'service/boards'),
  under('boardStatuses', 'boards', 'all', 'service/boards/{id}/statuses'),
  under('boardTypes', 'boards', 'all', 'service/boards/{id}/types'),
  under('boardSubTypes', 'boards', 'all', 'service/boards/{id}/subtypes'),
  under('boardItems', 'boards', 'all', 'service/boards/{id}/items'),
  under('boardTeams', 'boards', 'all', 'service/boards/{id}/teams'),
  top('priorities', 'service/priorities'),
  top('slas', 'service/SLAs'),
  under('slaPriorities', 'slas', 'all', 'service/SLAs/{id}/priorities'),
  top('userDefinedFields', 'system/userDefinedFields'),
  top('companies', 'company/companies', {
    forwardOnly: true,
    deletedFlag: true,
    queuesChildren: ['companySites', 'companyNotes', 'companyDocuments'],
  }),
  under('companySites', 'companies', 'queued', 'company/companies/{id}/sites'),
  under('companyNotes', 'companies', 'queued', 'company/companies/{id}/notes'),
  top('contacts', 'company/contacts', { forwardOnly: true }),
  top('tickets', 'service/tickets', {
    forwardOnly: true,
    queuesChildren: ['ticketNotes', 'ticketAllNotes', 'ticketDocuments'],
  }),
  under('ticketNotes', 'tickets', 'queued', 'service/tickets/{id}/notes'),
  under('ticketAllNotes', 'tickets', 'queued', 'service/tickets/{id}/allNotes'),
  top('timeEntries', 'time/entries', {
    forwardOnly: true,
    // Time on a ticket is stored under the ticket, so a ticket's time reads through the parent index.
    parentOf: (entry) =>
      entry.chargeToType === 'ServiceTicket' && typeof entry.chargeToId === 'number' ? entry.chargeToId : undefined,
  }),
  top('configurationTypes', 'company/configurations/types'),
  top('configurationStatuses', 'company/configurations/statuses'),
  top('configurations', 'company/configurations', { forwardOnly: true, queuesChildren: ['configurationDocuments'] }),
  top('catalogItems', 'procurement/catalog', { forwardOnly: true }),
  top('agreementTypes', 'finance/agreements/types'),
  top('agreements', 'finance/agreements', {
    forwardOnly: true,
    queuesChildren: ['agreementAdditions', 'agreementDocuments'],
  }),
  under('agreementAdditions', 'agreements', 'queued', 'finance/agreements/{id}/additions'),
  top('kbCategories', 'service/knowledgeBaseCategories'),
  top('kbSubCategories', 'service/knowledgeBaseSubCategories'),
  top('kbArticles', 'service/knowledgeBaseArticles', { forwardOnly: true }),
  top('invoices', 'finance/invoices', { forwardOnly: true }),
  top('projects', 'project/projects', { forwardOnly: true, queuesChildren: ['projectDocuments'] }),
  documentsOf('ticketDocuments', 'tickets', 'Ticket'),
  documentsOf('companyDocuments', 'companies', 'Company'),
  documentsOf('configurationDocuments', 'configurations', 'Configuration'),
  documentsOf('agreementDocuments', 'agreements', 'Agreement'),
  documentsOf('projectDocuments', 'projects', 'Project'),
];

/**
 * The kinds read when the caller names none: all but `ticketAllNotes`, which repeats the ticket
 * notes and the time-entry notes already read and costs one request per ticket. Ask for it to
 * get notes that bundled or merged tickets brought along.
 */
export const DEFAULT_KINDS: readonly SourceKind[] = SOURCE_KINDS.filter((kind) => kind !== 'ticketAllNotes');
