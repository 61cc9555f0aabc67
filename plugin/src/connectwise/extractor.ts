/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { DocumentFiles } from '../store/documentFiles.js';
import { ExtractionProgress } from '../store/extractionProgress.js';
import { SOURCE_KINDS, type SourceKind, type WorkStore } from '../store/workStore.js';
import { readChildren } from './childReader.js';
import type { ConnectWiseClient } from './client.js';
import { readCollection } from './collectionReader.js';
import { Slots } from './concurrency.js';
import { toConnectWiseTime } from './conditions.js';
import { ConnectWiseError } from './errors.js';
import type { ExtractContext, ExtractProgressEvent, KindSummary } from './extractContext.js';
import { DEFAULT_KINDS, EXTRACT_PLAN, type ExtractStep } from './extractPlan.js';

export type { ExtractProgressEvent, KindSummary } from './extractContext.js';
export { DEFAULT_KINDS } from './extractPlan.js';

/** Options of {@link extract}. */
export interface ExtractOptions {
  client: ConnectWiseClient;
  store: WorkStore;
  /** Read only what changed after this time, for every kind, instead of the stored watermarks. */
  since?: string;
  /** How far before the watermark a delta starts, for clock skew and one-second timestamps. */
  overlapMinutes?: number;
  /**
   * Requests in flight at once, over every kind together: the per-tenant limit. ConnectWise
   * advises 2–4 workers per tenant (api-notes §5). Default 4.
   */
  concurrency?: number;
  /** The kinds to read; parents of a named child kind are read too. Default {@link DEFAULT_KINDS}. */
  kinds?: readonly SourceKind[];
  /** Download document files beside the store. Default true. */
  downloadDocuments?: boolean;
  /** Compare stored ids with the server's to find deletions, for kinds the store already holds. Default true. */
  reconcile?: boolean;
  onProgress?: (event: ExtractProgressEvent) => void;
}

/** What an extraction read, per kind and in total. */
export interface ExtractSummary {
  /** Every kind; the ones not asked for have `notSelected`, the ones the tenant lacks `unavailable`. */
  kinds: Record<SourceKind, KindSummary>;
  /** HTTP requests made by this call, retries included. */
  requests: number;
  durationMs: number;
  /** This call continued an extraction that had stopped before the end. */
  resumed: boolean;
}

/** The kinds asked for, with the parents their children need. */
function selectKinds(kinds: readonly SourceKind[]): Set<SourceKind> {
  const selected = new Set(kinds);
  for (const step of [...EXTRACT_PLAN].reverse()) {
    if (step.type === 'children' && selected.has(step.kind)) selected.add(step.parentKind);
  }
  return selected;
}

/** Failures that make every other request pointless: nobody gets in with these credentials. */
function isFatal(error: unknown): boolean {
  return error instanceof ConnectWiseError && error.status === 401;
}

/**
 * Runs the steps, each as soon as the step it depends on (a child's parent kind) is done, all of
 * them sharing the request slots. When a step fails, steps that do not depend on it still run,
 * so a resumed extraction has less to do; then the first error is thrown. A 401 stops every
 * step from starting.
 */
async function runSteps(
  steps: readonly ExtractStep[],
  ctx: ExtractContext,
): Promise<Partial<Record<SourceKind, KindSummary>>> {
  const summaries: Partial<Record<SourceKind, KindSummary>> = {};
  const finished = new Map<SourceKind, Promise<boolean>>();
  let failure: { error: unknown } | undefined;
  const run = async (step: ExtractStep): Promise<boolean> => {
    if (step.type === 'children' && !(await finished.get(step.parentKind))) return false;
    if (failure && isFatal(failure.error)) return false;
    try {
      summaries[step.kind] =
        step.type === 'collection'
          ? await readCollection(step, ctx)
          : await readChildren(step, ctx, summaries[step.parentKind]?.mode ?? 'full');
      return true;
    } catch (error) {
      failure ??= { error };
      return false;
    }
  };
  for (const step of steps) finished.set(step.kind, run(step));
  await Promise.all(finished.values());
  if (failure) throw failure.error;
  return summaries;
}

/**
 * Extracts a ConnectWise tenant into the work store: members; boards with their statuses, types,
 * subtypes, items and teams; priorities; SLAs with their priority targets; custom-field
 * definitions; companies with sites and notes; contacts; tickets with their notes; time entries;
 * configurations with their types and statuses; the product catalog; agreements with additions
 * and types; knowledge-base articles and categories; invoices; projects; and the documents of
 * tickets, companies, configurations, agreements and projects, whose bytes go to files beside the
 * store. Records are stored as received.
 *
 * - Parallel: independent kinds are read side by side, never more than `concurrency` requests
 *   at once.
 * - Resumable: a call after an interrupted one carries on where it stopped; kinds already
 *   complete are skipped, the others continue from their stored cursor or parent queue.
 * - Deltas: a kind with a watermark (or every kind, given `since`) reads only the records whose
 *   `lastUpdated` is after it, less `overlapMinutes`; children are re-read for changed parents.
 * - Deletions: ConnectWise lists never show them. A kind the store already holds is compared id
 *   by id with the server (`fields=id`); stored records the server lacks are flagged `deleted`
 *   with the time noticed, their children too. Companies are also asked for `deletedFlag`, which
 *   a merge sets without touching `lastUpdated`.
 * - A kind the tenant does not offer (endpoint missing, or not permitted) is reported
 *   `unavailable` and the rest carries on.
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
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const selected = selectKinds(options.kinds ?? DEFAULT_KINDS);
  const ctx: ExtractContext = {
    client: options.client,
    store: options.store,
    progress,
    since: run.since,
    overlapMinutes: options.overlapMinutes ?? 10,
    concurrency,
    slots: new Slots(concurrency),
    selected,
    files: options.downloadDocuments === false ? undefined : new DocumentFiles(options.store),
    reconcile: options.reconcile !== false,
    onProgress: options.onProgress,
  };
  const summaries = await runSteps(
    EXTRACT_PLAN.filter((step) => selected.has(step.kind)),
    ctx,
  );
  progress.finishRun();
  const kinds = {} as Record<SourceKind, KindSummary>;
  for (const kind of SOURCE_KINDS) {
    kinds[kind] = summaries[kind] ?? {
      read: 0,
      requests: 0,
      durationMs: 0,
      mode: 'full',
      skipped: true,
      notSelected: true,
    };
  }
  return {
    kinds,
    requests: options.client.requestCount - requestsBefore,
    durationMs: Date.now() - started,
    resumed,
  };
}
