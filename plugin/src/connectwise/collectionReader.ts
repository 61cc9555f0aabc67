/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { KindProgress } from '../store/extractionProgress.js';
import { allOf, condition } from './conditions.js';
import { ConnectWiseError } from './errors.js';
import { skippedSummary, type ExtractContext, type KindSummary } from './extractContext.js';
import { laterTime, minutesBefore, nextWatermark, toSourceRecord, type CollectionStep } from './extractPlan.js';

type Payload = Parameters<typeof toSourceRecord>[1];

async function countOrUndefined(ctx: ExtractContext, path: string, conditions?: string): Promise<number | undefined> {
  try {
    return await ctx.client.count(path, conditions);
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
 * overlap, are read. The watermark advances only once the whole collection is stored.
 */
export async function readCollection(step: CollectionStep, ctx: ExtractContext): Promise<KindSummary> {
  const { client, store, progress } = ctx;
  const saved = progress.kind(step.kind);
  if (saved?.done) {
    return skippedSummary(ctx, step.kind, saved.mode);
  }
  const started = Date.now();
  const requestsBefore = client.requestCount;
  const from = ctx.since ?? store.getWatermark(step.kind);
  const state: KindProgress = saved ?? {
    done: false,
    startedAt: new Date().toISOString(),
    read: 0,
    mode: from ? 'delta' : 'full',
  };
  if (saved && saved.afterId === undefined) {
    // The last attempt could not keep a trustworthy cursor, so it starts over; upserts make
    // the records it stored harmless.
    state.read = 0;
  }
  const changed = from ? condition('lastUpdated', '>', new Date(minutesBefore(from, ctx.overlapMinutes))) : undefined;
  const total = await countOrUndefined(ctx, step.path, changed);
  const resume = state.afterId !== undefined ? `id > ${state.afterId}` : undefined;
  let idOrdered = true;
  let read = 0;
  const pages = client.list<Payload>(step.path, {
    conditions: allOf(changed, resume),
    forwardOnly: step.forwardOnly,
    // Forward-only paging is id-ordered by definition and is not combined with orderBy.
    orderBy: step.forwardOnly ? undefined : 'id asc',
  });
  for await (const page of pages) {
    const records = page.map((payload) => toSourceRecord(step.kind, payload));
    for (const record of records) {
      // A server that ignored the ordering makes the cursor meaningless: drop it for good.
      idOrdered &&= state.afterId === undefined || record.id > state.afterId;
      state.afterId = idOrdered ? record.id : undefined;
      state.maxLastUpdated = laterTime(state.maxLastUpdated, record.lastUpdated);
    }
    state.read += records.length;
    read += records.length;
    store.transaction(() => {
      store.putSourceRecords(records);
      if (step.queuesChildren) {
        progress.queue(
          step.queuesChildren,
          records.map((record) => record.id)
        );
      }
      progress.saveKind(step.kind, state);
    });
    ctx.onProgress?.({ kind: step.kind, read: state.read, total });
  }
  const watermark = nextWatermark(store.getWatermark(step.kind), state.maxLastUpdated, state.startedAt);
  store.transaction(() => {
    if (watermark) {
      store.setWatermark(step.kind, watermark);
    }
    progress.saveKind(step.kind, { ...state, done: true });
  });
  return {
    read,
    requests: client.requestCount - requestsBefore,
    durationMs: Date.now() - started,
    mode: state.mode ?? 'full',
    skipped: false,
    watermark,
  };
}
