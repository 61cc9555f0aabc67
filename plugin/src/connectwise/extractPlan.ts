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
  /** Queues each record read as a parent of this child kind. */
  queuesChildren?: SourceKind;
}

/** A collection that lives under each record of a parent kind. */
export interface ChildStep {
  type: 'children';
  kind: SourceKind;
  parentKind: SourceKind;
  path: (parentId: number) => string;
  /**
   * `all`: every stored parent is re-read on each run (boards are few, and a status change does
   * not touch the board). `queued`: only the parents the parent step queued, i.e. the tickets
   * that were new or changed.
   */
  parents: 'all' | 'queued';
}

export type ExtractStep = CollectionStep | ChildStep;

/** What the extractor reads, in dependency order: parents before their children. */
export const EXTRACT_PLAN: readonly ExtractStep[] = [
  { type: 'collection', kind: 'members', path: 'system/members', forwardOnly: false },
  { type: 'collection', kind: 'boards', path: 'service/boards', forwardOnly: false },
  {
    type: 'children',
    kind: 'boardStatuses',
    parentKind: 'boards',
    path: (boardId) => `service/boards/${boardId}/statuses`,
    parents: 'all',
  },
  { type: 'collection', kind: 'priorities', path: 'service/priorities', forwardOnly: false },
  { type: 'collection', kind: 'companies', path: 'company/companies', forwardOnly: true },
  { type: 'collection', kind: 'contacts', path: 'company/contacts', forwardOnly: true },
  {
    type: 'collection',
    kind: 'tickets',
    path: 'service/tickets',
    forwardOnly: true,
    queuesChildren: 'ticketNotes',
  },
  {
    type: 'children',
    kind: 'ticketNotes',
    parentKind: 'tickets',
    path: (ticketId) => `service/tickets/${ticketId}/notes`,
    parents: 'queued',
  },
];

type Payload = Record<string, unknown> & { id?: unknown; _info?: { lastUpdated?: unknown } };

/** Wraps a payload as received into a store record; only the id is required. */
export function toSourceRecord(kind: SourceKind, payload: Payload, parentId?: number): SourceRecord {
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
  startedAt: string
): string | undefined {
  const capped = maxSeen !== undefined && Date.parse(maxSeen) > Date.parse(startedAt) ? startedAt : maxSeen;
  const next = laterTime(previous, capped);
  return next === undefined ? undefined : toConnectWiseTime(next);
}
