/*
 * Ticket note -> CaseComment. CaseComment takes no custom fields, so comments are matched to
 * notes through the journal and a natural key (case, note id, part). A note longer than a comment
 * holds becomes several comments, each marked with its part; the original author and time are
 * kept in CreatedById/CreatedDate where the org allows it, else in a first line of the text.
 */
import { createHash } from 'node:crypto';
import type { ProblemLog } from '../report/problems.js';
import { isoDateTime, type Row } from './rows.js';
import { splitText } from './text.js';
import { present, type CwTicketNote } from './sourceTypes.js';

export const COMMENT_LIMIT = 4000;

export interface CommentRow {
  noteId: number;
  ticketId: number;
  part: number;
  parts: number;
  row: Row;
  /** Digest of the body, the natural key that finds the comment again after a crash. */
  digest: string;
}

export interface CommentTransformContext {
  problems: ProblemLog;
  /** Salesforce id of the case a ticket became. */
  caseId: string;
  /** User id of a note's member, only where the member matched a real user. */
  userForMember(identifier: string): string | undefined;
  /** The org lets the running user set CreatedDate/CreatedById on CaseComment. */
  auditFields: boolean;
}

/** A note is public when it is part of the customer-visible discussion and not marked internal. */
export function isPublic(note: CwTicketNote): boolean {
  return note.detailDescriptionFlag === true && note.internalAnalysisFlag !== true && note.internalFlag !== true;
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function authorName(note: CwTicketNote): string | undefined {
  if (present(note.member?.name)) return note.member.name;
  if (present(note.member?.identifier)) return note.member.identifier;
  if (present(note.contact?.name)) return `${note.contact.name} (contact)`;
  return present(note.createdBy) ? note.createdBy.trim() : undefined;
}

/** The comments one note becomes: one, or several parts when the text is long. */
export function commentRows(note: CwTicketNote, ticketId: number, ctx: CommentTransformContext): CommentRow[] {
  const created = isoDateTime(note.dateCreated ?? note._info?.dateEntered);
  const memberUser = present(note.member?.identifier) ? ctx.userForMember(note.member.identifier) : undefined;
  const keepInText = !ctx.auditFields || !memberUser;
  const author = authorName(note);
  const header =
    keepInText && (author || created) ? `Written by ${author ?? 'unknown'}${created ? ` on ${created}` : ''} in ConnectWise\n\n` : '';
  const text = header + (note.text ?? '');
  const parts = splitText(text, COMMENT_LIMIT);
  if (parts.length > 1) {
    ctx.problems.add({
      outcome: 'adjusted',
      sourceKind: 'ticketNote',
      sourceId: note.id,
      object: 'CaseComment',
      field: 'CommentBody',
      reason: `The note has ${text.length} characters, more than a case comment holds (${COMMENT_LIMIT}); it is split into ${parts.length} comments marked "(part n of ${parts.length})".`,
    });
  }
  return parts.map((body, index) => {
    const row: Row = { ParentId: ctx.caseId, CommentBody: body, IsPublished: isPublic(note) };
    if (ctx.auditFields && created) {
      row.CreatedDate = created;
      if (memberUser) row.CreatedById = memberUser;
    }
    return { noteId: note.id, ticketId, part: index + 1, parts: parts.length, row, digest: digestOf(body) };
  });
}
