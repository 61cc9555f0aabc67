/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { SourceKind, SourceRecord } from '../store/workStore.js';
import { toConnectWiseTime } from './conditions.js';

/** A top-level collection, read in id order. */
export interface CollectionStep {
  type: 'collection';
  kind: SourceKind;
  path: string;
  /** Keyset paging for the tables that grow with the tenant. */
  forwardOnly: boolean;
  /** Queues each record read as a parent of these child kinds. */
  queuesChildren?: SourceKind[];
  /**
   * ConnectWise marks some deletions with `deletedFlag` without bumping `lastUpdated`
   * (companies after a merge, api-notes §8.4), so a delta also asks for `deletedFlag = true`.
   */
  deletedFlag?: boolean;
  /** The parent id to store with a record, for top-level kinds that belong to another (time on a ticket). */
  parentOf?: (payload: Record<string, unknown>) => number | undefined;
}

/** A collection that lives under each record of a parent kind. */
export interface ChildStep {
  type: 'children';
  kind: SourceKind;
  parentKind: SourceKind;
  path: (parentId: number) => string;
  /** Query parameters naming the parent, for endpoints that take it that way (`system/documents`). */
  params?: (parentId: number) => Record<string, string | number>;
  /**
   * `all`: every stored parent is re-read on each run (boards are few, and a status change does
   * not touch the board). `queued`: only the parents the parent step queued, i.e. the records
   * that were new or changed.
   */
  parents: 'all' | 'queued';
  /** The children are documents whose bytes are downloaded too. */
  documents?: boolean;
}

export type ExtractStep = CollectionStep | ChildStep;

export { EXTRACT_PLAN, DEFAULT_KINDS } from './extractSteps.js';

type Payload = Record<string, unknown> & { id?: unknown; _info?: { lastUpdated?: unknown } };

/**
 * Wraps a payload as received into a store record; only the id is required. A payload with
 * `deletedFlag` set is recorded as a deletion noticed at `noticedAt` (the store keeps the first
 * time it noticed); it is not `deleted`, because ConnectWise still lists it.
 */
export function toSourceRecord(
  kind: SourceKind,
  payload: Payload,
  parentId?: number,
  noticedAt = new Date().toISOString(),
): SourceRecord {
  if (typeof payload.id !== 'number') {
    throw new TypeError(`A ${kind} record from ConnectWise has no numeric id`);
  }
  const record: SourceRecord = { kind, id: payload.id, payload };
  if (parentId !== undefined) {
    record.parentId = parentId;
  }
  const lastUpdated = payload._info?.lastUpdated;
  if (typeof lastUpdated === 'string' && lastUpdated !== '') {
    record.lastUpdated = lastUpdated;
  }
  if (payload.deletedFlag === true) {
    record.deletion = { how: 'deletedFlag', noticedAt };
  }
  return record;
}

/** The later of two ConnectWise times; either may be missing. */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** A time moved back by some minutes, in ConnectWise form. */
export function minutesBefore(time: string, minutes: number): string {
  return toConnectWiseTime(new Date(Date.parse(toConnectWiseTime(time)) - minutes * 60_000));
}

/**
 * The watermark to keep after a kind is read completely. It is the highest `lastUpdated` seen,
 * but never later than when the kind started: a record changed while a long read was under
 * way may already have been passed, and must fall inside the next delta. The start time is
 * the local clock; the overlap window absorbs the usual skew. An old watermark never moves back.
 */
export function nextWatermark(
  previous: string | undefined,
  maxSeen: string | undefined,
  startedAt: string,
): string | undefined {
  const capped = maxSeen !== undefined && Date.parse(maxSeen) > Date.parse(startedAt) ? startedAt : maxSeen;
  const next = laterTime(previous, capped);
  return next === undefined ? undefined : toConnectWiseTime(next);
}
