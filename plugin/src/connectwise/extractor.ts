/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { ExtractionProgress } from '../store/extractionProgress.js';
import type { SourceKind, WorkStore } from '../store/workStore.js';
import { readChildren } from './childReader.js';
import type { ConnectWiseClient } from './client.js';
import { readCollection } from './collectionReader.js';
import { toConnectWiseTime } from './conditions.js';
import type { ExtractContext, ExtractProgressEvent, KindSummary } from './extractContext.js';
import { EXTRACT_PLAN } from './extractPlan.js';

export type { ExtractProgressEvent, KindSummary } from './extractContext.js';

/** Options of {@link extract}. */
export interface ExtractOptions {
  client: ConnectWiseClient;
  store: WorkStore;
  /** Read only what changed after this time, for every kind, instead of the stored watermarks. */
  since?: string;
  /** How far before the watermark a delta starts, for clock skew and one-second timestamps. */
  overlapMinutes?: number;
  /** Parents (boards, tickets) whose children are read at the same time. */
  concurrency?: number;
  onProgress?: (event: ExtractProgressEvent) => void;
}

/** What an extraction read, per kind and in total. */
export interface ExtractSummary {
  kinds: Record<SourceKind, KindSummary>;
  /** HTTP requests made by this call, retries included. */
  requests: number;
  durationMs: number;
  /** This call continued an extraction that had stopped before the end. */
  resumed: boolean;
}

/**
 * Extracts a ConnectWise tenant into the work store: members, boards and their statuses,
 * priorities, companies, contacts, tickets and their notes, stored as received.
 *
 * - Resumable: a call after an interrupted one carries on where it stopped; kinds already
 *   complete are skipped, the others continue from their stored cursor or parent queue.
 * - Deltas: a kind with a watermark (or every kind, given `since`) reads only the records whose
 *   `lastUpdated` is after it, less `overlapMinutes`; notes are re-read for the changed tickets.
 * - Deletions are not visible through the API: only children that vanish under a re-read
 *   parent are flagged deleted.
 *
 * @example
 * const summary = await extract({ client, store, onProgress: (e) => bar.update(e.read) });
 */
export async function extract(options: ExtractOptions): Promise<ExtractSummary> {
  const started = Date.now();
  const requestsBefore = options.client.requestCount;
  const progress = new ExtractionProgress(options.store);
  const since = options.since === undefined ? undefined : toConnectWiseTime(options.since);
  const { run, resumed } = progress.beginRun(since);
  const ctx: ExtractContext = {
    client: options.client,
    store: options.store,
    progress,
    since: run.since,
    overlapMinutes: options.overlapMinutes ?? 10,
    concurrency: Math.max(1, options.concurrency ?? 4),
    onProgress: options.onProgress,
  };
  const kinds = {} as Record<SourceKind, KindSummary>;
  for (const step of EXTRACT_PLAN) {
    kinds[step.kind] =
      step.type === 'collection'
        ? // Steps depend on the ones before them (children need their parents stored).
          // eslint-disable-next-line no-await-in-loop
          await readCollection(step, ctx)
        : // eslint-disable-next-line no-await-in-loop
          await readChildren(step, ctx, kinds[step.parentKind]?.mode ?? 'full');
  }
  progress.finishRun();
  return {
    kinds,
    requests: options.client.requestCount - requestsBefore,
    durationMs: Date.now() - started,
    resumed,
  };
}
