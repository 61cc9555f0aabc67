/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { RequestTally } from './client.js';
import { inList } from './conditions.js';
import type { ExtractContext } from './extractContext.js';
import { EXTRACT_PLAN, type CollectionStep } from './extractPlan.js';
import { storePage } from './storePage.js';

/** What comparing the ids found. */
export interface ReconcileOutcome {
  /** Stored records ConnectWise no longer lists, newly flagged gone. */
  deleted: number;
  /** Records ConnectWise lists that the store lacked or had flagged gone, read again. */
  recovered: number;
}

/** Ids per `id in (…)` read: keeps the URL well under the ~2,000 characters servers accept (api-notes §4.1). */
const RECOVER_BATCH = 100;

/**
 * Deletions are invisible in ConnectWise lists (api-notes §8), so the only way to find them is
 * to compare: read every id the server has (`fields=id`, a few bytes a record) and set them
 * against the live ids in the store. Stored ids the server lacks are flagged gone, with their
 * children; ids the server has that the store lacks or had flagged are read again.
 *
 * A server that suddenly lists nothing at all while the store holds records is far more likely
 * a permission change than a tenant emptied overnight, so then nothing is flagged.
 */
export async function reconcileIds(
  step: CollectionStep,
  ctx: ExtractContext,
  tally: RequestTally,
): Promise<ReconcileOutcome> {
  const { client, store } = ctx;
  const noticedAt = new Date().toISOString();
  const server: number[] = [];
  const pages = client.list<{ id: number }>(step.path, {
    fields: 'id',
    forwardOnly: step.forwardOnly,
    orderBy: step.forwardOnly ? undefined : 'id asc',
    tally,
  });
  for await (const page of ctx.slots.pages(pages)) {
    for (const record of page) server.push(record.id);
  }
  // Sorted here rather than trusted: a server that ignores the ordering must not cause deletions.
  server.sort((a, b) => a - b);
  const stored = store.liveIds(step.kind);
  if (server.length === 0 && stored.length > 0) return { deleted: 0, recovered: 0 };
  const gone: number[] = [];
  const missing: number[] = [];
  let at = 0;
  for (const id of server) {
    while (at < stored.length && stored[at] < id) gone.push(stored[at++]);
    if (at < stored.length && stored[at] === id) at++;
    else missing.push(id);
  }
  while (at < stored.length) gone.push(stored[at++]);

  const children = EXTRACT_PLAN.filter((child) => child.type === 'children' && child.parentKind === step.kind);
  const deleted = store.transaction(() => {
    const count = store.markGone(step.kind, gone, noticedAt);
    for (const id of gone) {
      for (const child of children) store.markChildrenGone(child.kind, id, noticedAt);
    }
    return count;
  });
  let recovered = 0;
  for (let start = 0; start < missing.length; start += RECOVER_BATCH) {
    const batch = missing.slice(start, start + RECOVER_BATCH);
    const again = client.list<Record<string, unknown>>(step.path, {
      conditions: inList('id', batch),
      orderBy: 'id asc',
      tally,
    });
    // One batch after another keeps the requests of this step in order; the slots spread the load.
    // eslint-disable-next-line no-await-in-loop
    for await (const page of ctx.slots.pages(again)) {
      recovered += storePage(step, ctx, page).length;
    }
  }
  return { deleted, recovered };
}
