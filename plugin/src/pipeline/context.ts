/* What every load step shares: the connection, the org, the journal, the report and the counts. */
import type { Connection } from '@salesforce/core';
import type { ProblemLog } from '../report/problems.js';
import type { OrgContext } from '../salesforce/orgContext.js';
import type { RowResult } from '../salesforce/results.js';
import type { SourceIds } from '../transform/rows.js';
import type { Journal } from './journal.js';

export interface ObjectStats {
  object: string;
  /** Source records read for this object. */
  read: number;
  created: number;
  updated: number;
  /** Already in the org from an earlier run and not written again. */
  unchanged: number;
  failed: number;
  skipped: number;
  /** Deleted because their source was deleted in ConnectWise (delete policy only). */
  deleted: number;
}

export interface Progress {
  (phase: string, done: number, total: number): void;
}

export interface LoadContext {
  conn: Connection;
  org: OrgContext;
  journal: Journal;
  problems: ProblemLog;
  runId: string;
  progress: Progress;
  stats: Map<string, ObjectStats>;
  /** Ids of every source company and contact (the whole tenant, even in a sample run). */
  sourceIds?: SourceIds;
  /** What pre-flight does with a row it predicts the org will refuse; see MigrationOptions. */
  preflight?: PreflightMode;
}

/**
 * `hold`: a row pre-flight predicts the org will refuse is reported and not sent. `predict`: it is
 * sent anyway and the prediction is reported beside the org's answer, to check pre-flight itself
 * against an org.
 */
export type PreflightMode = 'hold' | 'predict';

export function statsFor(ctx: LoadContext, object: string): ObjectStats {
  let stats = ctx.stats.get(object);
  if (!stats) {
    stats = { object, read: 0, created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, deleted: 0 };
    ctx.stats.set(object, stats);
  }
  return stats;
}

export interface WrittenRow {
  sourceKind: string;
  sourceId: number | string;
  /** Key in the journal: the ConnectWise id, or note id and part for comments. */
  sourceKey: string;
}

/**
 * Books the results of one write: successes into the journal and the counts, refusals into the
 * report with the org's own reason. Returns the Salesforce ids of the rows that landed.
 */
export function applyResults(ctx: LoadContext, object: string, rows: WrittenRow[], results: RowResult[]): Map<string, string> {
  const stats = statsFor(ctx, object);
  const landed = new Map<string, string>();
  const writes: Array<{ sourceKey: string; sfId: string; created: boolean }> = [];
  results.forEach((result, i) => {
    const row = rows[i];
    if (result.success && result.id) {
      landed.set(row.sourceKey, result.id);
      writes.push({ sourceKey: row.sourceKey, sfId: result.id, created: result.created ?? true });
      if (result.created ?? true) stats.created++;
      else stats.updated++;
    } else {
      stats.failed++;
      ctx.problems.add({
        outcome: 'failed',
        sourceKind: row.sourceKind,
        sourceId: row.sourceId,
        object,
        field: result.fields?.[0] ?? fieldOf(result.error),
        reason: result.error ?? 'The org gave no reason.',
        action: 'Correct the value in ConnectWise or the mapping, then run again; only the failed records are sent.',
      });
    }
  });
  ctx.journal.recordWrites(ctx.runId, object, writes);
  return landed;
}

/** The field an org error names, where its message starts with one ("Subject: data value too large"). */
function fieldOf(error: string | undefined): string | undefined {
  const match = /^[A-Z_]+: (?:Required fields are missing: \[([^\]]+)\]|([A-Za-z0-9_.]+): )/.exec(error ?? '');
  return match?.[1] ?? match?.[2];
}
