/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { DocumentFiles } from '../store/documentFiles.js';
import type { ExtractionProgress } from '../store/extractionProgress.js';
import type { SourceKind, WorkStore } from '../store/workStore.js';
import type { ConnectWiseClient, RequestTally } from './client.js';
import type { Slots } from './concurrency.js';

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
  /** Records newly flagged gone in this call: by id reconciliation, or missing under a re-read parent. */
  deleted?: number;
  /** Records listed again after they had been flagged gone, or that a delta had missed. */
  recovered?: number;
  /**
   * The tenant does not offer this kind: the endpoint does not exist (older version, module not
   * licensed) or the API member may not read it. Nothing was stored; the reason says which.
   */
  unavailable?: string;
  /** The caller did not ask for this kind. */
  notSelected?: boolean;
  /** For document kinds: files downloaded in this call, and their bytes. */
  downloaded?: number;
  bytes?: number;
}

/** Everything a step reader needs; built once per `extract` call. */
export interface ExtractContext {
  client: ConnectWiseClient;
  store: WorkStore;
  progress: ExtractionProgress;
  since?: string;
  overlapMinutes: number;
  concurrency: number;
  /** One slot per request in flight, shared by every step. */
  slots: Slots;
  /** The kinds this call reads; children are queued only for these. */
  selected: ReadonlySet<SourceKind>;
  /** Where document bytes go; undefined when downloads are off. */
  files?: DocumentFiles;
  /** Compare every stored id with the server's after a delta, to find deletions. */
  reconcile: boolean;
  onProgress?: (event: ExtractProgressEvent) => void;
}

/** A fresh request counter for one step. */
export function newTally(): RequestTally {
  return { requests: 0 };
}

/** The summary of a kind that the resumed run had already finished. */
export function skippedSummary(ctx: ExtractContext, kind: SourceKind, mode: 'full' | 'delta' = 'full'): KindSummary {
  return { read: 0, requests: 0, durationMs: 0, mode, skipped: true, watermark: ctx.store.getWatermark(kind) };
}
