/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { KindProgress } from '../store/extractionProgress.js';
import type { SourceKind, SourceRecord, WorkStore } from '../store/workStore.js';
import type { RequestTally } from './client.js';
import { forEachConcurrently } from './concurrency.js';
import { downloadDocuments } from './documentReader.js';
import { ConnectWiseError } from './errors.js';
import { newTally, skippedSummary, type ExtractContext, type KindSummary } from './extractContext.js';
import { laterTime, nextWatermark, toSourceRecord, type ChildStep } from './extractPlan.js';
import { unavailableReason } from './unavailable.js';

type Payload = Parameters<typeof toSourceRecord>[1];

/** Thrown inside a lane when the tenant does not offer the child endpoint at all. */
class Unavailable extends Error {}

/** Reads every page of one parent's children; undefined when the parent is gone (404). */
async function readParent(
  ctx: ExtractContext,
  step: ChildStep,
  parentId: number,
  tally: RequestTally,
): Promise<Payload[] | undefined> {
  const payloads: Payload[] = [];
  try {
    const pages = ctx.client.list<Payload>(step.path(parentId), {
      orderBy: 'id asc',
      params: step.params?.(parentId),
      tally,
    });
    for await (const page of ctx.slots.pages(pages)) {
      payloads.push(...page);
    }
  } catch (error) {
    const reason = unavailableReason(error);
    if (reason !== undefined) throw new Unavailable(reason);
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
  const noticedAt = new Date().toISOString();
  return store
    .sourceRecords(kind, { parentId })
    .filter((record) => !record.deleted && !seen.has(record.id))
    .map((record) => ({ ...record, deleted: true, deletion: { how: 'gone', noticedAt } }));
}

/**
 * Reads a child collection (statuses per board, notes per ticket, documents per record) for
 * every queued parent, a few parents at a time. A parent leaves the queue in the same
 * transaction that stores its children, so a killed read resumes with exactly the parents not
 * yet done. Document kinds also download the files, before the parent leaves the queue.
 */
export async function readChildren(
  step: ChildStep,
  ctx: ExtractContext,
  parentMode: 'full' | 'delta',
): Promise<KindSummary> {
  const { store, progress } = ctx;
  const saved = progress.kind(step.kind);
  if (saved?.done) {
    return skippedSummary(ctx, step.kind, saved.mode);
  }
  const started = Date.now();
  const tally = newTally();
  const state: KindProgress = saved ?? { done: false, startedAt: new Date().toISOString(), read: 0, mode: parentMode };
  if (!state.queued) {
    store.transaction(() => {
      if (step.parents === 'all') {
        progress.queue(step.kind, store.liveIds(step.parentKind));
      }
      state.queued = true;
      progress.saveKind(step.kind, state);
    });
  }
  const pending = progress.pending(step.kind);
  let read = 0;
  let parentsDone = 0;
  let missingParents = 0;
  let deleted = 0;
  const files = { downloaded: 0, bytes: 0 };
  try {
    await forEachConcurrently(pending, ctx.concurrency, async (parentId) => {
      const payloads = await readParent(ctx, step, parentId, tally);
      if (payloads === undefined) {
        missingParents++;
      }
      if (step.documents && payloads) {
        const outcome = await downloadDocuments(ctx, step.kind, payloads, tally);
        files.downloaded += outcome.downloaded;
        files.bytes += outcome.bytes;
      }
      const records = (payloads ?? []).map((payload) => toSourceRecord(step.kind, payload, parentId));
      // Synchronous from here on: no other lane can interleave with this transaction.
      store.transaction(() => {
        // A parent that answered 404 is gone, and its children with it.
        const gone = vanished(store, step.kind, parentId, records);
        deleted += gone.length;
        store.putSourceRecords([...records, ...gone]);
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
  } catch (error) {
    if (!(error instanceof Unavailable)) throw error;
    state.unavailable = error.message;
    // Nothing to read for any parent: forget the queue, or it would wait for a run that never reads it.
    store.transaction(() => pending.forEach((parentId) => progress.dequeue(step.kind, parentId)));
  }
  const watermark = nextWatermark(store.getWatermark(step.kind), state.maxLastUpdated, state.startedAt);
  store.transaction(() => {
    if (watermark) {
      store.setWatermark(step.kind, watermark);
    }
    progress.saveKind(step.kind, { ...state, done: true });
  });
  const summary: KindSummary = {
    read,
    requests: tally.requests,
    durationMs: Date.now() - started,
    mode: state.mode ?? parentMode,
    skipped: false,
    watermark,
  };
  if (missingParents > 0) summary.missingParents = missingParents;
  if (deleted > 0) summary.deleted = deleted;
  if (state.unavailable) summary.unavailable = state.unavailable;
  if (step.documents) Object.assign(summary, files);
  return summary;
}
