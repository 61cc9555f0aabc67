/*
 * A mapping decision is one distinct ConnectWise value that needs a Salesforce target before any
 * record can move: a member's user, a board's queue, a status or priority picklist value, the
 * entitlement process of an SLA or agreement type, the field a custom field fills and the
 * picklist value each of its options becomes.
 */

export type DecisionKind =
  | 'member'
  | 'board'
  | 'status'
  | 'priority'
  | 'sla'
  | 'agreementType'
  | 'customField'
  | 'customFieldOption';

/** How people read each kind: the staging object's Kind__c values and the mapping CSV's Kind column. */
export const KIND_LABEL: Record<DecisionKind, string> = {
  member: 'Member',
  board: 'Board',
  status: 'Status',
  priority: 'Priority',
  sla: 'SLA',
  agreementType: 'Agreement Type',
  customField: 'Custom Field',
  customFieldOption: 'Custom Field Option',
};

/** Kinds whose targets are record ids (users, queues, entitlement processes), compared in 15 or 18 characters. */
export function targetsAreIds(kind: DecisionKind): boolean {
  return kind === 'member' || kind === 'board' || kind === 'sla' || kind === 'agreementType';
}

export type DecisionStatus = 'Proposed' | 'Confirmed' | 'Create' | 'Skip';

export interface MappingDecision {
  kind: DecisionKind;
  /** Stable key of the source value: member id, board id, "boardId:status name", priority id. */
  sourceKey: string;
  sourceLabel: string;
  /** Where the value lives when its name alone is ambiguous, e.g. the board of a status. */
  sourceContext?: string;
  /**
   * What the decision fills in, where its kind alone does not say: the object a custom field
   * belongs to (`Case`), or the field a custom-field option is a value of (`Case.Root_Cause__c`).
   */
  targetField?: string;
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
 * Kinds whose target the tool cannot make: entitlement processes and fields are metadata, deployed
 * by the admin. A proposal without a target for one of these is a proposal to leave it out.
 */
const NOT_CREATABLE: ReadonlySet<DecisionKind> = new Set(['sla', 'agreementType', 'customField']);

/** Whether a decision of this kind may be marked Create. */
export function canCreate(kind: DecisionKind): boolean {
  return !NOT_CREATABLE.has(kind);
}

/**
 * Accepts every proposal at or above `threshold`: one with a target becomes Confirmed; one without
 * becomes Create, or Skip where the tool cannot create the target. Decisions already made are left
 * as they are.
 */
export function autoConfirm(decisions: MappingDecision[], threshold: number): MappingDecision[] {
  return decisions.map((d) => {
    if (!isOpen(d) || d.confidence < threshold) return d;
    if (d.proposedTarget === undefined) return { ...d, status: canCreate(d.kind) ? 'Create' : 'Skip' };
    return { ...d, status: 'Confirmed', confirmedTarget: d.proposedTarget };
  });
}

/** The key that identifies a decision across re-staging: kind plus source key. */
export function decisionKey(d: Pick<MappingDecision, 'kind' | 'sourceKey'>): string {
  return `${d.kind}:${d.sourceKey}`;
}

/** One line for an open decision: what it is, what is proposed and why. */
export function describeOpen(d: MappingDecision): string {
  const proposal = d.proposedLabel ?? d.proposedTarget ?? (canCreate(d.kind) ? 'create' : 'skip');
  const context = d.sourceContext ? ` (${d.sourceContext})` : '';
  return `${KIND_LABEL[d.kind]} "${d.sourceLabel}"${context}: ${proposal} at ${d.confidence}, ${d.reason}`;
}
