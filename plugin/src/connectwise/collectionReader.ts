/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { KindProgress } from '../store/extractionProgress.js';
import type { RequestTally } from './client.js';
import { allOf, condition } from './conditions.js';
import { ConnectWiseError } from './errors.js';
import { newTally, skippedSummary, type ExtractContext, type KindSummary } from './extractContext.js';
import { laterTime, minutesBefore, nextWatermark, type CollectionStep } from './extractPlan.js';
import { reconcileIds } from './reconcile.js';
import { storePage } from './storePage.js';
import { unavailableReason } from './unavailable.js';

type Payload = Record<string, unknown>;

async function countOrUndefined(
  ctx: ExtractContext,
  path: string,
  conditions: string | undefined,
  tally: RequestTally,
): Promise<number | undefined> {
  try {
    return await ctx.slots.run(() => ctx.client.count(path, conditions, { tally }));
  } catch (error) {
    // The count only feeds the progress bar; a tenant that refuses it still extracts.
    if (error instanceof ConnectWiseError && error.status !== undefined && error.status < 500) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Reads one top-level collection into the store in id order, page by page. Each page is stored
 * in one transaction together with the cursor (the last id stored), so a killed read resumes
 * with `id > cursor`. With a watermark (or `since`) only records changed after it, less the
 * overlap, are read; a kind that marks deletions with `deletedFlag` is also asked for those,
 * and a kind the store already held is compared id by id with the server to find deletions.
 * The watermark advances only once the whole collection is stored.
 */
export async function readCollection(step: CollectionStep, ctx: ExtractContext): Promise<KindSummary> {
  const { client, store, progress } = ctx;
  const saved = progress.kind(step.kind);
  if (saved?.done) {
    return {
      ...skippedSummary(ctx, step.kind, saved.mode),
      ...(saved.unavailable ? { unavailable: saved.unavailable } : {}),
    };
  }
  const started = Date.now();
  const tally = newTally();
  const from = ctx.since ?? store.getWatermark(step.kind);
  const state: KindProgress = saved ?? {
    done: false,
    startedAt: new Date().toISOString(),
    read: 0,
    mode: from ? 'delta' : 'full',
    reconcile: ctx.reconcile && store.countSource(step.kind) > 0,
  };
  if (saved && saved.afterId === undefined) {
    // The last attempt could not keep a trustworthy cursor, so it starts over; upserts make
    // the records it stored harmless.
    state.read = 0;
  }
  const changed = from ? condition('lastUpdated', '>', new Date(minutesBefore(from, ctx.overlapMinutes))) : undefined;
  let read = 0;
  try {
    const total = await countOrUndefined(ctx, step.path, changed, tally);
    const resume = state.afterId !== undefined ? `id > ${state.afterId}` : undefined;
    let idOrdered = true;
    const pages = client.list<Payload>(step.path, {
      conditions: allOf(changed, resume),
      forwardOnly: step.forwardOnly,
      // Forward-only paging is id-ordered by definition and is not combined with orderBy.
      orderBy: step.forwardOnly ? undefined : 'id asc',
      tally,
    });
    for await (const page of ctx.slots.pages(pages)) {
      state.read += page.length;
      read += page.length;
      storePage(
        step,
        ctx,
        page,
        (record) => {
          // A server that ignored the ordering makes the cursor meaningless: drop it for good.
          idOrdered &&= state.afterId === undefined || record.id > state.afterId;
          state.afterId = idOrdered ? record.id : undefined;
          state.maxLastUpdated = laterTime(state.maxLastUpdated, record.lastUpdated);
        },
        state,
      );
      ctx.onProgress?.({ kind: step.kind, read: state.read, total });
    }
    await lookForDeletions(step, ctx, state, tally);
  } catch (error) {
    const reason = unavailableReason(error);
    if (reason === undefined || read > 0) throw error;
    state.unavailable = reason;
  }
  const watermark = nextWatermark(store.getWatermark(step.kind), state.maxLastUpdated, state.startedAt);
  store.transaction(() => {
    if (watermark) {
      store.setWatermark(step.kind, watermark);
    }
    progress.saveKind(step.kind, { ...state, done: true });
  });
  return summaryOf(state, { read, requests: tally.requests, durationMs: Date.now() - started, watermark });
}

/** After a kind is read: the `deletedFlag` sweep on deltas, and the id comparison when the store held the kind. */
async function lookForDeletions(
  step: CollectionStep,
  ctx: ExtractContext,
  state: KindProgress,
  tally: RequestTally,
): Promise<void> {
  if (step.deletedFlag && state.mode === 'delta') {
    await sweepDeletedFlags(step, ctx, tally);
  }
  if (state.reconcile) {
    const outcome = await reconcileIds(step, ctx, tally);
    state.deleted = (state.deleted ?? 0) + outcome.deleted;
    state.recovered = (state.recovered ?? 0) + outcome.recovered;
  }
}

/**
 * Companies a merge deleted keep their old lastUpdated (api-notes §8.4), so a delta never meets
 * them: ask for `deletedFlag = true` outright. Not part of the watermark, for the same reason.
 */
async function sweepDeletedFlags(step: CollectionStep, ctx: ExtractContext, tally: RequestTally): Promise<void> {
  const flagged = ctx.client.list<Payload>(step.path, {
    conditions: 'deletedFlag = true',
    forwardOnly: step.forwardOnly,
    orderBy: step.forwardOnly ? undefined : 'id asc',
    tally,
  });
  for await (const page of ctx.slots.pages(flagged)) storePage(step, ctx, page);
}

function summaryOf(
  state: KindProgress,
  counts: { read: number; requests: number; durationMs: number; watermark?: string },
): KindSummary {
  const summary: KindSummary = { ...counts, mode: state.mode ?? 'full', skipped: false };
  if (counts.watermark === undefined) delete summary.watermark;
  if (state.deleted) summary.deleted = state.deleted;
  if (state.recovered) summary.recovered = state.recovered;
  if (state.unavailable) summary.unavailable = state.unavailable;
  return summary;
}
