/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { ExtractionProgress } from '../store/extractionProgress.js';
import type { SourceKind, WorkStore } from '../store/workStore.js';
import type { ConnectWiseClient } from './client.js';

/** Progress of one kind, for a progress bar. */
export interface ExtractProgressEvent {
  kind: SourceKind;
  /** Records of this kind read in the current run, including before a resume. */
  read: number;
  /** Records expected, when ConnectWise could count them up front. */
  total?: number;
  /** For child kinds: parents whose children are read, out of `parentsTotal`, this session. */
  parentsDone?: number;
  parentsTotal?: number;
}

/** What one kind cost in this call of `extract`. */
export interface KindSummary {
  /** Records read in this call. */
  read: number;
  /** HTTP requests made for this kind, retries included. */
  requests: number;
  durationMs: number;
  /** `delta`: only records changed since the watermark (less the overlap) were read. */
  mode: 'full' | 'delta';
  /** The kind was already complete in the interrupted run this call resumed. */
  skipped: boolean;
  /** The watermark kept for the next delta. */
  watermark?: string;
  /** For child kinds: parents that answered 404 (deleted since they were listed). */
  missingParents?: number;
}

/** Everything a step reader needs; built once per `extract` call. */
export interface ExtractContext {
  client: ConnectWiseClient;
  store: WorkStore;
  progress: ExtractionProgress;
  since?: string;
  overlapMinutes: number;
  concurrency: number;
  onProgress?: (event: ExtractProgressEvent) => void;
}

/** The summary of a kind that the resumed run had already finished. */
export function skippedSummary(ctx: ExtractContext, kind: SourceKind, mode: 'full' | 'delta' = 'full'): KindSummary {
  return { read: 0, requests: 0, durationMs: 0, mode, skipped: true, watermark: ctx.store.getWatermark(kind) };
}
