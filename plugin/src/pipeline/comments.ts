/*
 * Notes become case comments. CaseComment has no external id, so idempotence comes from the
 * journal: a comment already journalled is never sent again, and writes are marked pending before
 * they go, so after a crash the pending ones are looked up in the org by case and text digest.
 */
import { commentRows, digestOf, type CommentRow } from '../transform/comments.js';
import { descriptionNote } from '../transform/cases.js';
import type { CwTicketNote } from '../transform/sourceTypes.js';
import { canSetAuditFields, queryAll } from '../salesforce/orgContext.js';
import { loadRows } from '../salesforce/loader.js';
import { applyResults, statsFor, type LoadContext } from './context.js';

const OBJECT = 'CaseComment';
/** Comments sent between two journal checkpoints. */
const BATCH = 2000;

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

/** Finds comments written by an interrupted run and journals them, so they are not sent again. */
async function reconcilePending(ctx: LoadContext): Promise<void> {
  const pending = ctx.journal.pending(OBJECT);
  if (pending.length === 0) return;
  const parents = [...new Set(pending.map((p) => p.parentId))];
  const found = new Map<string, string>();
  for (let i = 0; i < parents.length; i += 200) {
    const ids = parents.slice(i, i + 200).map((id) => `'${id}'`).join(',');
    // eslint-disable-next-line no-await-in-loop
    const comments = await queryAll<{ Id: string; ParentId: string; CommentBody: string }>(
      ctx.conn,
      `SELECT Id, ParentId, CommentBody FROM CaseComment WHERE ParentId IN (${ids})`
    );
    for (const c of comments) found.set(`${c.ParentId.slice(0, 15)}:${digestOf(c.CommentBody ?? '')}`, c.Id);
  }
  const recovered = pending
    .map((p) => ({ p, id: found.get(`${p.parentId.slice(0, 15)}:${p.digest}`) }))
    .filter((x): x is { p: (typeof pending)[number]; id: string } => x.id !== undefined);
  ctx.journal.recordWrites(
    ctx.runId,
    OBJECT,
    recovered.map(({ p, id }) => ({ sourceKey: p.sourceKey, sfId: id, created: true }))
  );
  ctx.journal.clearPending(
    OBJECT,
    pending.map((p) => p.sourceKey)
  );
}

/**
 * Forgets journalled comments that are gone from the org (deleted by hand, or by a rollback of
 * another tool), so this run writes them again instead of trusting the journal.
 */
async function forgetDeleted(ctx: LoadContext): Promise<void> {
  const journalled = ctx.journal.landed(OBJECT);
  if (journalled.size === 0) return;
  const live = await queryAll<{ Id: string }>(ctx.conn, 'SELECT Id FROM CaseComment WHERE Parent.CW_Id__c != null');
  const present = new Set(live.map((c) => c.Id.slice(0, 15)));
  ctx.journal.forgetLanded(
    OBJECT,
    [...journalled.values()].filter((id) => !present.has(id.slice(0, 15)))
  );
}

/** Loads every planned comment that is not in the journal yet. */
export async function loadComments(ctx: LoadContext, source: CommentSource): Promise<void> {
  await reconcilePending(ctx);
  await forgetDeleted(ctx);
  const planned = plannedComments(ctx, source);
  const stats = statsFor(ctx, OBJECT);
  stats.read += planned.length;
  const done = ctx.journal.landed(OBJECT);
  const todo = planned.filter((row) => !done.has(sourceKeyOf(row)));
  stats.unchanged += planned.length - todo.length;
  ctx.progress('Case comments', 0, todo.length);
  for (let start = 0; start < todo.length; start += BATCH) {
    const batch = todo.slice(start, start + BATCH);
    ctx.journal.markPending(
      ctx.runId,
      batch.map((r) => ({ object: OBJECT, sourceKey: sourceKeyOf(r), parentId: String(r.row.ParentId), digest: r.digest }))
    );
    // eslint-disable-next-line no-await-in-loop
    const { results } = await loadRows(ctx.conn, { object: OBJECT, operation: 'insert', rows: batch.map((r) => r.row), api: 'rest' });
    applyResults(
      ctx,
      OBJECT,
      batch.map((r) => ({ sourceKind: 'ticketNote', sourceId: r.noteId, sourceKey: sourceKeyOf(r) })),
      results
    );
    ctx.journal.clearPending(
      OBJECT,
      batch.filter((_, i) => !results[i].success).map(sourceKeyOf)
    );
    ctx.progress('Case comments', Math.min(start + BATCH, todo.length), todo.length);
  }
}
