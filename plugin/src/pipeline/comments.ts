/*
 * Notes become case comments. CaseComment has no external id, so a comment is found again by its
 * natural key: the case it is on and a digest of its text. Before sending, the run reads the
 * comments already on migrated cases and sends only the missing ones, so neither a crash, nor a
 * second folder with a journal of its own, nor a comment deleted by hand upsets the count. Each
 * batch is journalled before it goes, so comments a killed run wrote are found again as its own.
 */
import type { Connection } from '@salesforce/core';
import { commentRows, digestOf, type CommentRow } from '../transform/comments.js';
import { descriptionNote } from '../transform/cases.js';
import type { CwTicketNote } from '../transform/sourceTypes.js';
import { canSetAuditFields, queryAll } from '../salesforce/orgContext.js';
import { loadRows } from '../salesforce/loader.js';
import { applyResults, statsFor, type LoadContext } from './context.js';

const OBJECT = 'CaseComment';
/** Comments sent between two journal checkpoints. */
const BATCH = 2000;

/** A comment's natural key: the case it is on and the digest of its text. */
export const commentKey = (parentId: string, digest: string): string => `${parentId.slice(0, 15)}:${digest}`;

const quoteIds = (ids: string[]): string => ids.map((id) => `'${id}'`).join(',');

/** The comments in the org with these natural keys, by key (a key can match several). */
export async function findComments(conn: Connection, keys: string[]): Promise<Array<{ matchKey: string; sfId: string }>> {
  const wanted = new Set(keys);
  const parents = [...new Set(keys.map((key) => key.slice(0, key.indexOf(':'))))];
  const found: Array<{ matchKey: string; sfId: string }> = [];
  for (let start = 0; start < parents.length; start += 200) {
    // eslint-disable-next-line no-await-in-loop
    const comments = await queryAll<{ Id: string; ParentId: string; CommentBody: string | null }>(
      conn,
      `SELECT Id, ParentId, CommentBody FROM ${OBJECT} WHERE ParentId IN (${quoteIds(parents.slice(start, start + 200))})`
    );
    for (const c of comments) {
      const key = commentKey(c.ParentId, digestOf(c.CommentBody ?? ''));
      if (wanted.has(key)) found.push({ matchKey: key, sfId: c.Id });
    }
  }
  return found;
}

export interface CommentSource {
  /** Cases that landed, by ticket id. */
  cases: Map<string, string>;
  notesByTicket: Map<number, CwTicketNote[]>;
  descriptionOverflow: Map<number, string[]>;
  userForMember(identifier: string): string | undefined;
}

function sourceKeyOf(row: CommentRow): string {
  return `${row.noteId}#${row.part}`;
}

/** Builds every comment the landed cases should have, notes first and description overflow after. */
export function plannedComments(ctx: Pick<LoadContext, 'org' | 'problems'>, source: CommentSource): CommentRow[] {
  const auditFields = canSetAuditFields(ctx.org, OBJECT);
  const rows: CommentRow[] = [];
  for (const [ticketKey, caseId] of source.cases) {
    const ticketId = Number(ticketKey);
    const notes = source.notesByTicket.get(ticketId) ?? [];
    const description = descriptionNote(notes);
    for (const note of [...notes].sort((a, b) => a.id - b.id)) {
      if (note === description) continue;
      rows.push(...commentRows(note, ticketId, { problems: ctx.problems, caseId, userForMember: source.userForMember, auditFields }));
    }
    const overflow = source.descriptionOverflow.get(ticketId) ?? [];
    overflow.forEach((body, index) => {
      rows.push({
        noteId: description?.id ?? 0,
        ticketId,
        part: index + 2,
        parts: overflow.length + 1,
        row: { ParentId: caseId, CommentBody: body, IsPublished: false },
        digest: digestOf(body),
      });
    });
  }
  return rows;
}

/**
 * The comments already on migrated cases, by case and text digest, counted (two notes can carry
 * the same text). The org, not the journal, decides what is there: a comment deleted by hand is
 * sent again, and a run from another folder, with a journal of its own, sends nothing twice.
 */
async function commentsInOrg(ctx: LoadContext): Promise<Map<string, string[]>> {
  const live = await queryAll<{ Id: string; ParentId: string; CommentBody: string | null }>(
    ctx.conn,
    'SELECT Id, ParentId, CommentBody FROM CaseComment WHERE Parent.CW_Id__c != null'
  );
  const found = new Map<string, string[]>();
  for (const c of live) {
    const key = commentKey(c.ParentId, digestOf(c.CommentBody ?? ''));
    found.set(key, [...(found.get(key) ?? []), c.Id]);
  }
  return found;
}

/** Loads every planned comment the org does not hold yet. */
export async function loadComments(ctx: LoadContext, source: CommentSource): Promise<void> {
  const planned = plannedComments(ctx, source);
  const stats = statsFor(ctx, OBJECT);
  stats.read += planned.length;
  const inOrg = await commentsInOrg(ctx);
  const present: Array<{ sourceKey: string; sfId: string; created: boolean }> = [];
  const todo = planned.filter((row) => {
    const ids = inOrg.get(commentKey(String(row.row.ParentId), row.digest));
    const id = ids?.shift();
    if (id) present.push({ sourceKey: sourceKeyOf(row), sfId: id, created: false });
    return id === undefined;
  });
  ctx.journal.forgetLanded(OBJECT, [...ctx.journal.landed(OBJECT).values()]);
  ctx.journal.recordLanded(OBJECT, present);
  stats.unchanged += present.length;
  ctx.progress('Case comments', 0, todo.length);
  for (let start = 0; start < todo.length; start += BATCH) {
    const batch = todo.slice(start, start + BATCH);
    const pending = batch.map((r) => ({ sourceKey: sourceKeyOf(r), matchKey: commentKey(String(r.row.ParentId), r.digest), existed: false }));
    // eslint-disable-next-line no-await-in-loop
    await ctx.journal.writeAhead(ctx.runId, OBJECT, pending, async () => {
      const { results } = await loadRows(ctx.conn, { object: OBJECT, operation: 'insert', rows: batch.map((r) => r.row), api: 'rest' });
      applyResults(
        ctx,
        OBJECT,
        batch.map((r) => ({ sourceKind: 'ticketNote', sourceId: r.noteId, sourceKey: sourceKeyOf(r) })),
        results
      );
    });
    ctx.progress('Case comments', Math.min(start + BATCH, todo.length), todo.length);
  }
}
