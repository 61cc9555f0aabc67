/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { KindProgress } from '../store/extractionProgress.js';
import type { SourceKind, SourceRecord, WorkStore } from '../store/workStore.js';
import { forEachConcurrently } from './concurrency.js';
import { ConnectWiseError } from './errors.js';
import { skippedSummary, type ExtractContext, type KindSummary } from './extractContext.js';
import { laterTime, nextWatermark, toSourceRecord, type ChildStep } from './extractPlan.js';

type Payload = Parameters<typeof toSourceRecord>[1];

function* liveIds(store: WorkStore, kind: SourceKind): Iterable<number> {
  for (const record of store.iterateSourceRecords(kind)) {
    if (!record.deleted) {
      yield record.id;
    }
  }
}

/** Reads every page of one parent's children; undefined when the parent is gone (404). */
async function readParent(ctx: ExtractContext, path: string): Promise<Payload[] | undefined> {
  const payloads: Payload[] = [];
  try {
    for await (const page of ctx.client.list<Payload>(path, { orderBy: 'id asc' })) {
      payloads.push(...page);
    }
  } catch (error) {
    if (error instanceof ConnectWiseError && error.status === 404) {
      return undefined;
    }
    throw error;
  }
  return payloads;
}

/**
 * Children the store holds for a parent that ConnectWise no longer lists: they were deleted
 * upstream. They stay in the store, flagged, so reports can say what happened to them.
 */
function vanished(store: WorkStore, kind: SourceKind, parentId: number, fresh: SourceRecord[]): SourceRecord[] {
  const seen = new Set(fresh.map((record) => record.id));
  return store
    .sourceRecords(kind, { parentId })
    .filter((record) => !record.deleted && !seen.has(record.id))
    .map((record) => ({ ...record, deleted: true }));
}

/**
 * Reads a child collection (statuses per board, notes per ticket) for every queued parent, a
 * few parents at a time. A parent leaves the queue in the same transaction that stores its
 * children, so a killed read resumes with exactly the parents not yet done.
 */
export async function readChildren(
  step: ChildStep,
  ctx: ExtractContext,
  parentMode: 'full' | 'delta'
): Promise<KindSummary> {
  const { client, store, progress } = ctx;
  const saved = progress.kind(step.kind);
  if (saved?.done) {
    return skippedSummary(ctx, step.kind, saved.mode);
  }
  const started = Date.now();
  const requestsBefore = client.requestCount;
  const state: KindProgress = saved ?? { done: false, startedAt: new Date().toISOString(), read: 0, mode: parentMode };
  if (!state.queued) {
    store.transaction(() => {
      if (step.parents === 'all') {
        progress.queue(step.kind, liveIds(store, step.parentKind));
      }
      state.queued = true;
      progress.saveKind(step.kind, state);
    });
  }
  const pending = progress.pending(step.kind);
  let read = 0;
  let parentsDone = 0;
  let missingParents = 0;
  await forEachConcurrently(pending, ctx.concurrency, async (parentId) => {
    const payloads = await readParent(ctx, step.path(parentId));
    if (payloads === undefined) {
      missingParents++;
    }
    const records = (payloads ?? []).map((payload) => toSourceRecord(step.kind, payload, parentId));
    // Synchronous from here on: no other lane can interleave with this transaction.
    store.transaction(() => {
      store.putSourceRecords([...records, ...vanished(store, step.kind, parentId, records)]);
      progress.dequeue(step.kind, parentId);
      for (const record of records) {
        state.maxLastUpdated = laterTime(state.maxLastUpdated, record.lastUpdated);
      }
      state.read += records.length;
      progress.saveKind(step.kind, state);
    });
    read += records.length;
    parentsDone++;
    ctx.onProgress?.({ kind: step.kind, read: state.read, parentsDone, parentsTotal: pending.length });
  });
  const watermark = nextWatermark(store.getWatermark(step.kind), state.maxLastUpdated, state.startedAt);
  store.transaction(() => {
    if (watermark) {
      store.setWatermark(step.kind, watermark);
    }
    progress.saveKind(step.kind, { ...state, done: true });
  });
  const summary: KindSummary = {
    read,
    requests: client.requestCount - requestsBefore,
    durationMs: Date.now() - started,
    mode: state.mode ?? parentMode,
    skipped: false,
    watermark,
  };
  if (missingParents > 0) {
    summary.missingParents = missingParents;
  }
  return summary;
}
