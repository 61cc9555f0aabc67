/*
 * Re-proposing after a new extract must not undo what an admin decided: decisions that were made
 * (confirmed, create, skip) are kept as they are, counts are refreshed, and only new source
 * values arrive as fresh proposals.
 */
import { autoConfirm, decisionKey, isOpen, type MappingDecision } from './decisions.js';

export function mergeDecisions(previous: MappingDecision[], proposed: MappingDecision[]): MappingDecision[] {
  const made = new Map(previous.filter((d) => !isOpen(d) && !d.fromFlag).map((d) => [decisionKey(d), d]));
  return proposed.map((p) => {
    // A decision made in this run (a Skip from a flag) wins over one kept from before.
    if (!isOpen(p)) return p;
    const kept = made.get(decisionKey(p));
    return kept ? { ...kept, recordCount: p.recordCount, sourceLabel: p.sourceLabel } : p;
  });
}

export interface DecisionOutcome {
  decisions: MappingDecision[];
  /** Decisions that still need an admin; the run cannot start while there are any. */
  open: MappingDecision[];
}

/** Merges, then accepts proposals at or above the threshold when auto-confirm is on. */
export function settleDecisions(
  previous: MappingDecision[],
  proposed: MappingDecision[],
  options: { autoConfirm: boolean; threshold: number }
): DecisionOutcome {
  const merged = mergeDecisions(previous, proposed);
  const decisions = options.autoConfirm ? autoConfirm(merged, options.threshold) : merged;
  return { decisions, open: decisions.filter(isOpen) };
}
