/*
 * Boards marked "create a queue" become case queues: a Group of type Queue plus a QueueSobject row
 * so it can own cases. A queue is found again by its developer name, so a re-run reuses it; its
 * QueueSobject row by the queue's id.
 */
import type { Connection } from '@salesforce/core';
import type { MappingDecision } from '../mapping/decisions.js';
import { loadRows } from '../salesforce/loader.js';
import { inLists, queryAll, type OrgQueue } from '../salesforce/orgContext.js';
import { applyResults, statsFor, type LoadContext } from './context.js';

/** Case queues in the org with these developer names. */
export async function findQueues(conn: Connection, names: string[]): Promise<Array<{ matchKey: string; sfId: string }>> {
  const found: Array<{ matchKey: string; sfId: string }> = [];
  for (const list of inLists(names)) {
    // eslint-disable-next-line no-await-in-loop
    const groups = await queryAll<{ Id: string; DeveloperName: string }>(
      conn,
      `SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND DeveloperName IN (${list})`
    );
    found.push(...groups.map((g) => ({ matchKey: g.DeveloperName, sfId: g.Id })));
  }
  return found;
}

/** The QueueSobject rows that let these queues (by 15-character id) own cases. */
export async function findCaseLinks(conn: Connection, queueIds: string[]): Promise<Array<{ matchKey: string; sfId: string }>> {
  const wanted = new Set(queueIds);
  // An org has few queues: reading every case link is cheaper than building IN lists.
  const links = await queryAll<{ Id: string; QueueId: string }>(conn, "SELECT Id, QueueId FROM QueueSobject WHERE SobjectType = 'Case'");
  return links.filter((l) => wanted.has(l.QueueId.slice(0, 15))).map((l) => ({ matchKey: l.QueueId.slice(0, 15), sfId: l.Id }));
}

/** "Help Desk (Tier 1)" -> "CW_Help_Desk_Tier_1": letters, digits and single underscores, 80 at most. */
export function queueDeveloperName(boardName: string): string {
  const ascii = boardName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `CW_${ascii || 'Board'}`.slice(0, 80).replace(/_+$/, '');
}

/** Creates the queues that decisions ask for and returns the decisions with their queue ids. */
export async function createQueues(ctx: LoadContext, decisions: MappingDecision[]): Promise<MappingDecision[]> {
  const wanted = decisions.filter((d) => d.kind === 'board' && d.status === 'Create');
  if (wanted.length === 0) return decisions;
  const stats = statsFor(ctx, 'Group');
  stats.read += wanted.length;
  const names = developerNames(wanted);
  const developerNameFor = (d: MappingDecision): string => names.get(d.sourceKey)!;
  const byDeveloperName = new Map(ctx.org.queues.map((q) => [q.DeveloperName, q]));
  const queueIds = new Map<string, string>();
  const toCreate: MappingDecision[] = [];
  for (const d of wanted) {
    const existing = byDeveloperName.get(developerNameFor(d));
    if (existing) {
      queueIds.set(d.sourceKey, existing.Id);
      stats.unchanged++;
    } else {
      toCreate.push(d);
    }
  }
  if (toCreate.length > 0) {
    const groups = toCreate.map((d) => ({ Name: queueName(ctx, d), DeveloperName: developerNameFor(d), Type: 'Queue' }));
    const pending = toCreate.map((d) => ({ sourceKey: d.sourceKey, matchKey: developerNameFor(d), existed: false }));
    const landed = await ctx.journal.writeAhead(ctx.runId, 'Group', pending, async () => {
      const { results } = await loadRows(ctx.conn, { object: 'Group', operation: 'insert', rows: groups, api: 'rest' });
      return applyResults(
        ctx,
        'Group',
        toCreate.map((d) => ({ sourceKind: 'board', sourceId: d.sourceKey, sourceKey: d.sourceKey })),
        results
      );
    });
    for (const [sourceKey, id] of landed) queueIds.set(sourceKey, id);
  }
  await linkToCases(ctx, queueIds);
  return decisions.map((d) =>
    d.kind === 'board' && d.status === 'Create' && queueIds.has(d.sourceKey)
      ? { ...d, status: 'Confirmed', confirmedTarget: queueIds.get(d.sourceKey) }
      : d
  );
}

/**
 * Lets every queue own cases. A queue found again may have been created by a run that stopped
 * before this step, so an existing queue without its QueueSobject row gets one too.
 */
async function linkToCases(ctx: LoadContext, queueIds: Map<string, string>): Promise<void> {
  const supporting = new Set(ctx.org.queues.filter((q) => q.supportsCase).map((q) => q.Id.slice(0, 15)));
  const links = [...queueIds.entries()]
    .filter(([, id]) => !supporting.has(id.slice(0, 15)))
    .map(([sourceKey, id]) => ({ sourceKey, QueueId: id, SobjectType: 'Case' }));
  if (links.length === 0) return;
  statsFor(ctx, 'QueueSobject').read += links.length;
  const pending = links.map((l) => ({ sourceKey: l.sourceKey, matchKey: l.QueueId.slice(0, 15), existed: false }));
  const landed = await ctx.journal.writeAhead(ctx.runId, 'QueueSobject', pending, async () => {
    const { results } = await loadRows(ctx.conn, {
      object: 'QueueSobject',
      operation: 'insert',
      rows: links.map(({ QueueId, SobjectType }) => ({ QueueId, SobjectType })),
      api: 'rest',
    });
    return applyResults(
      ctx,
      'QueueSobject',
      links.map((l) => ({ sourceKind: 'board', sourceId: l.sourceKey, sourceKey: l.sourceKey })),
      results
    );
  });
  for (const [sourceKey] of landed) {
    const id = queueIds.get(sourceKey)!;
    const known = ctx.org.queues.find((q) => q.Id.slice(0, 15) === id.slice(0, 15));
    if (known) known.supportsCase = true;
    else ctx.org.queues.push({ Id: id, Name: '', DeveloperName: '', supportsCase: true } satisfies OrgQueue);
  }
}

/** Developer names by board; boards whose names fold to the same one get their board id added. */
function developerNames(boards: MappingDecision[]): Map<string, string> {
  const plain = boards.map((d) => [d.sourceKey, queueDeveloperName(d.sourceLabel)] as const);
  const uses = new Map<string, number>();
  for (const [, name] of plain) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map(
    plain.map(([key, name]) => [key, uses.get(name)! > 1 ? `${name.slice(0, 70)}_${key}` : name] as const)
  );
}

/** Group.Name holds 40 characters; a longer board name is shortened and the report says so. */
function queueName(ctx: LoadContext, decision: MappingDecision): string {
  const limit = ctx.org.describes.get('Group')?.fields.find((f) => f.name === 'Name')?.length ?? 40;
  if (decision.sourceLabel.length <= limit) return decision.sourceLabel;
  ctx.problems.add({
    outcome: 'adjusted',
    sourceKind: 'board',
    sourceId: decision.sourceKey,
    object: 'Group',
    field: 'Name',
    reason: `Board name "${decision.sourceLabel}" is longer than a queue name allows (${limit}); the queue is named "${decision.sourceLabel.slice(0, limit)}" and cases keep the full board name in CW_Board__c.`,
  });
  return decision.sourceLabel.slice(0, limit);
}
