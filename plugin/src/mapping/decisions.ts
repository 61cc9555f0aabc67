/*
 * A mapping decision is one distinct ConnectWise value that needs a Salesforce target before any
 * record can move: a member's user, a board's queue, a status or priority picklist value.
 */

export type DecisionKind = 'member' | 'board' | 'status' | 'priority';

export type DecisionStatus = 'Proposed' | 'Confirmed' | 'Create' | 'Skip';

export interface MappingDecision {
  kind: DecisionKind;
  /** Stable key of the source value: member id, board id, "boardId:status name", priority id. */
  sourceKey: string;
  sourceLabel: string;
  /** Where the value lives when its name alone is ambiguous, e.g. the board of a status. */
  sourceContext?: string;
  /** How many source records use the value. */
  recordCount: number;
  /** Proposed target: a Salesforce id or picklist value; empty when the proposal is to create. */
  proposedTarget?: string;
  proposedLabel?: string;
  confirmedTarget?: string;
  status: DecisionStatus;
  /** 0..1: how sure the proposal is. */
  confidence: number;
  reason: string;
  /** Set by a command-line flag for this run only; never kept for later runs. */
  fromFlag?: boolean;
}

/** The target a decision resolves to, or undefined while it is still open or skipped. */
export function resolvedTarget(decision: MappingDecision): string | undefined {
  if (decision.status === 'Confirmed') return decision.confirmedTarget ?? decision.proposedTarget;
  return undefined;
}

/** A decision blocks the run while it is neither confirmed, marked for creation nor skipped. */
export function isOpen(decision: MappingDecision): boolean {
  return decision.status === 'Proposed';
}

/**
 * Accepts every proposal at or above `threshold`: a proposal to create becomes Create, one with a
 * target becomes Confirmed. Decisions already made are left as they are.
 */
export function autoConfirm(decisions: MappingDecision[], threshold: number): MappingDecision[] {
  return decisions.map((d) => {
    if (!isOpen(d) || d.confidence < threshold) return d;
    if (d.proposedTarget === undefined) return { ...d, status: 'Create' };
    return { ...d, status: 'Confirmed', confirmedTarget: d.proposedTarget };
  });
}

/** The key that identifies a decision across re-staging: kind plus source key. */
export function decisionKey(d: Pick<MappingDecision, 'kind' | 'sourceKey'>): string {
  return `${d.kind}:${d.sourceKey}`;
}
