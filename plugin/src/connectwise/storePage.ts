/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import type { KindProgress } from '../store/extractionProgress.js';
import type { SourceRecord } from '../store/workStore.js';
import type { ExtractContext } from './extractContext.js';
import { toSourceRecord, type CollectionStep } from './extractPlan.js';

type Payload = Parameters<typeof toSourceRecord>[1];

/** Converts a page and stores it with the kind's progress (and queued children) in one transaction. */
export function storePage(
  step: CollectionStep,
  ctx: ExtractContext,
  payloads: Payload[],
  onRecord: (record: SourceRecord) => void = (): void => undefined,
  state?: KindProgress,
): SourceRecord[] {
  const records = payloads.map((payload) => toSourceRecord(step.kind, payload, step.parentOf?.(payload)));
  records.forEach(onRecord);
  ctx.store.transaction(() => {
    ctx.store.putSourceRecords(records);
    for (const child of step.queuesChildren ?? []) {
      // Children nobody asked for are not queued, or the queue would grow on every run.
      if (ctx.selected.has(child)) {
        ctx.progress.queue(
          child,
          records.map((record) => record.id),
        );
      }
    }
    if (state) ctx.progress.saveKind(step.kind, state);
  });
  return records;
}
