/*
 * Mapping decisions in the org: the staged CWM_Mapping_Decision__c records the admin confirms in
 * the Lightning screens. The work store keeps its own copy; when the org has staged decisions,
 * what an admin decided there wins.
 */
import type { Connection } from '@salesforce/core';
import type { DecisionKind, DecisionStatus, MappingDecision } from '../mapping/decisions.js';
import { decisionKey, KIND_LABEL } from '../mapping/decisions.js';
import type { Journal } from '../pipeline/journal.js';
import { sendCollections } from '../salesforce/collections.js';
import { hasObject, queryAll } from '../salesforce/orgContext.js';
import type { RowResult } from '../salesforce/results.js';
import { findByKey, upsertForRun } from './runWrites.js';

export const DECISION_OBJECT = 'CWM_Mapping_Decision__c';
const DECISION_TARGET = { object: DECISION_OBJECT, keyField: 'Decision_Key__c' };
/** The reason a run writes on a decision a flag made; such decisions are not the admin's. */
const FLAG_REASON = 'Skipped with --skip-board.';

const KIND_OF = new Map(Object.entries(KIND_LABEL).map(([kind, label]) => [label, kind as DecisionKind]));

/**
 * The target field a decision of each kind fills in. Custom fields and their options carry their
 * own: the object a field belongs to, the field an option is a value of.
 */
export const TARGET_FIELD: Record<DecisionKind, string> = {
  member: 'Case.OwnerId',
  board: 'Case.OwnerId',
  status: 'Case.Status',
  priority: 'Case.Priority',
  sla: 'Entitlement.SlaProcessId',
  agreementType: 'Entitlement.SlaProcessId',
  customField: '',
  customFieldOption: '',
};

interface DecisionRecord {
  Decision_Key__c: string;
  Kind__c: string;
  Source_Key__c: string;
  Source_Label__c: string | null;
  Source_Context__c: string | null;
  Target_Field__c: string | null;
  Record_Count__c: number | null;
  Proposed_Target__c: string | null;
  Proposed_Label__c: string | null;
  Confirmed_Target__c: string | null;
  Status__c: string;
  Confidence__c: number | null;
  Reason__c: string | null;
}

/** The org has the staging objects (the package is deployed). */
export function hasStagingObjects(conn: Connection): Promise<boolean> {
  return hasObject(conn, DECISION_OBJECT);
}

/** Reads the staged decisions; none when the package is not deployed. */
export async function readOrgDecisions(conn: Connection): Promise<MappingDecision[]> {
  if (!(await hasStagingObjects(conn))) return [];
  const rows = await queryAll<DecisionRecord>(
    conn,
    `SELECT Decision_Key__c, Kind__c, Source_Key__c, Source_Label__c, Source_Context__c, Target_Field__c, Record_Count__c, Proposed_Target__c,
     Proposed_Label__c, Confirmed_Target__c, Status__c, Confidence__c, Reason__c FROM ${DECISION_OBJECT}`
  );
  return rows
    .filter((r) => KIND_OF.has(r.Kind__c))
    .map((r) => ({
      kind: KIND_OF.get(r.Kind__c)!,
      sourceKey: r.Source_Key__c,
      sourceLabel: r.Source_Label__c ?? '',
      sourceContext: r.Source_Context__c ?? undefined,
      targetField: r.Target_Field__c ?? undefined,
      recordCount: r.Record_Count__c ?? 0,
      proposedTarget: r.Proposed_Target__c ?? undefined,
      proposedLabel: r.Proposed_Label__c ?? undefined,
      confirmedTarget: r.Confirmed_Target__c ?? undefined,
      status: r.Status__c as DecisionStatus,
      confidence: r.Confidence__c ?? 0,
      reason: r.Reason__c ?? '',
    }));
}

/**
 * Writes decisions to the org, upserting on the decision key; one result per decision. Given the
 * run that writes them, they are the run's own writes (see runWrites.ts), for rollback to undo.
 */
export async function writeOrgDecisions(conn: Connection, decisions: MappingDecision[], run?: { journal: Journal; runId: string }): Promise<RowResult[]> {
  const rows = decisions.map((d) => ({
    Decision_Key__c: decisionKey(d),
    Kind__c: KIND_LABEL[d.kind],
    Source_Key__c: d.sourceKey,
    Source_Label__c: d.sourceLabel.slice(0, 255),
    Source_Context__c: d.sourceContext?.slice(0, 255) ?? null,
    Record_Count__c: d.recordCount,
    Target_Field__c: d.targetField ?? TARGET_FIELD[d.kind],
    Proposed_Target__c: d.proposedTarget ?? null,
    Proposed_Label__c: d.proposedLabel?.slice(0, 255) ?? null,
    Confirmed_Target__c: d.confirmedTarget ?? null,
    Status__c: d.status,
    Confidence__c: Math.round(d.confidence * 100) / 100,
    Reason__c: d.reason.slice(0, 255),
    Required__c: true,
  }));
  if (run) return upsertForRun(conn, DECISION_TARGET, rows, run);
  return sendCollections(conn, { object: DECISION_OBJECT, operation: 'upsert', externalIdField: 'Decision_Key__c', rows });
}

/** Staged decisions in the org with these decision keys. */
export function findDecisions(conn: Connection, keys: string[]): Promise<Array<{ matchKey: string; sfId: string }>> {
  return findByKey(conn, DECISION_TARGET, keys);
}

/**
 * What the admin decided wins: decisions made in the org (not Proposed) replace the store's, and
 * those still open there keep whatever the store already had.
 */
export function preferOrgDecisions(store: MappingDecision[], org: MappingDecision[]): MappingDecision[] {
  const made = new Map(org.filter((d) => d.status !== 'Proposed' && d.reason !== FLAG_REASON).map((d) => [decisionKey(d), d]));
  const merged = store.map((d) => made.get(decisionKey(d)) ?? d);
  const known = new Set(store.map(decisionKey));
  return [...merged, ...[...made.values()].filter((d) => !known.has(decisionKey(d)))];
}
