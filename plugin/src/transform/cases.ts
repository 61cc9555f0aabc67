/*
 * Service ticket -> Case. The description is the ticket's first detail-description note (the API
 * never returns the initial description itself); status, priority and owner come from the
 * confirmed mapping decisions.
 */
import type { ProblemLog } from '../report/problems.js';
import type { ObjectDescribe } from '../salesforce/orgContext.js';
import { applyCustomFields, type CustomFieldMapping } from './customFields.js';
import { EXTERNAL_ID, RowBuilder, isoDateTime, missingReference, type Row, type SourceIds } from './rows.js';
import { COMMENT_LIMIT } from './comments.js';
import { splitText } from './text.js';
import { present, type CwTicket, type CwTicketNote } from './sourceTypes.js';

/** Decisions as the case transform sees them: already resolved to targets. */
export interface CaseMapping {
  /** Queue id for a board id; undefined when the board is skipped. */
  queueForBoard(boardId: number): string | undefined;
  boardSkipped(boardId: number): boolean;
  /** Case.Status value for a board's status name. */
  status(boardId: number, statusName: string): string | undefined;
  priority(priorityId: number): string | undefined;
  /** User id for a member identifier, only when the member matched a real user. */
  userForMember(identifier: string): string | undefined;
}

export interface CaseTransformContext {
  describe: ObjectDescribe;
  problems: ProblemLog;
  mapping: CaseMapping;
  setAuditFields: (ticket: CwTicket) => boolean;
  /** Whether the ticket's case is in the org already, from an earlier run. */
  inOrg?: (ticket: CwTicket) => boolean;
  landedAccounts: Set<string>;
  landedContacts: Set<string>;
  /** The run's source ids, to say why a company or contact is missing. */
  sourceIds?: SourceIds;
  /** Where custom-field values go; without it they are left out (tests of other fields). */
  customFields?: CustomFieldMapping;
}

/** The note that holds a ticket's description: the first detail-description note by id. */
export function descriptionNote(notes: CwTicketNote[]): CwTicketNote | undefined {
  return [...notes].sort((a, b) => a.id - b.id).find((n) => n.detailDescriptionFlag === true && present(n.text));
}

export interface CaseRowResult {
  row?: Row;
  /** Description text that did not fit Case.Description, continued as comments. */
  descriptionOverflow: string[];
}

/** One Case row for one ticket, or no row when the ticket's board is skipped. */
export function caseRow(ticket: CwTicket, notes: CwTicketNote[], ctx: CaseTransformContext): CaseRowResult {
  const boardId = ticket.board?.id ?? undefined;
  const report = (outcome: 'adjusted' | 'skipped', field: string | undefined, reason: string): void =>
    ctx.problems.add({ outcome, sourceKind: 'ticket', sourceId: ticket.id, object: 'Case', field, reason });
  if (boardId !== undefined && ctx.mapping.boardSkipped(boardId)) {
    const board = `Board "${ticket.board?.name ?? boardId}" is mapped to Skip`;
    report(
      'skipped',
      undefined,
      ctx.inOrg?.(ticket)
        ? `${board}; the case an earlier run loaded stays in the org as it is (roll that run back to remove it).`
        : `${board}; the ticket and its notes are not migrated.`
    );
    return { descriptionOverflow: [] };
  }
  const b = new RowBuilder(ctx.describe, ctx.problems, { kind: 'ticket', id: ticket.id });
  b.set(EXTERNAL_ID, String(ticket.id));
  b.set('Subject', ticket.summary);
  b.set('CW_Board__c', ticket.board?.name);

  let descriptionOverflow: string[] = [];
  const description = descriptionNote(notes)?.text;
  if (description) {
    const limit = ctx.describe.fields.find((f) => f.name === 'Description')?.length ?? 32_000;
    const parts = splitText(description, limit, COMMENT_LIMIT);
    b.set('Description', parts[0]);
    descriptionOverflow = parts.slice(1);
    if (parts.length > 1) {
      report('adjusted', 'Description', `The description has ${description.length} characters, more than Description holds (${limit}); it is split into ${parts.length} parts, the rest continuing as case comments.`);
    }
  }

  if (boardId !== undefined && present(ticket.status?.name)) {
    b.set('Status', ctx.mapping.status(boardId, ticket.status.name));
  }
  if (ticket.priority?.id != null) b.set('Priority', ctx.mapping.priority(ticket.priority.id));

  const ownerUser = present(ticket.owner?.identifier) ? ctx.mapping.userForMember(ticket.owner.identifier) : undefined;
  const queue = boardId !== undefined ? ctx.mapping.queueForBoard(boardId) : undefined;
  b.set('OwnerId', ownerUser ?? queue);
  if (!ownerUser && !queue) {
    report('adjusted', 'OwnerId', 'Neither the ticket owner nor the board maps to a Salesforce owner; the case is owned by the running user.');
  }

  const companyId = ticket.company?.id;
  if (companyId != null) {
    if (ctx.landedAccounts.has(String(companyId))) b.set(`Account.${EXTERNAL_ID}`, String(companyId));
    else report('adjusted', 'AccountId', `${missingReference('Company', companyId, ctx.sourceIds)}; the case has no account.`);
  }
  const contactId = ticket.contact?.id;
  if (contactId != null) {
    if (ctx.landedContacts.has(String(contactId))) b.set(`Contact.${EXTERNAL_ID}`, String(contactId));
    else report('adjusted', 'ContactId', `${missingReference('Contact', contactId, ctx.sourceIds)}; the case has no contact.`);
  }

  const entered = isoDateTime(ticket._info?.dateEntered);
  b.set('Original_Create_Date__c', entered);
  if (entered && ctx.setAuditFields(ticket)) b.set('CreatedDate', entered);
  if (ctx.customFields) {
    applyCustomFields(b, ticket.customFields, { object: 'Case', describe: ctx.describe, mapping: ctx.customFields, problems: ctx.problems, source: { kind: 'ticket', id: ticket.id } });
  }
  return { row: b.build(), descriptionOverflow };
}
