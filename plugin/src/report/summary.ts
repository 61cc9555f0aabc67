/*
 * The run's summary: per object what was read, written, refused, skipped and adjusted, with the
 * count that is in the org re-read from the org itself rather than taken from the journal.
 */
import type { Connection } from '@salesforce/core';
import type { ObjectStats } from '../pipeline/context.js';
import type { ProblemLog } from './problems.js';

export interface ObjectSummary extends ObjectStats {
  /** Records with an "adjusted" line: they landed, but a value had to change or move. */
  adjusted: number;
  /** Records of the migration present in the org, counted there after the run. */
  inOrg: number;
}

/** How to count an object's migrated records in the org. */
const ORG_COUNTS: Record<string, string> = {
  User: 'SELECT COUNT() FROM User WHERE CW_Id__c != null',
  Group: "SELECT COUNT() FROM Group WHERE Type = 'Queue' AND DeveloperName LIKE 'CW%'",
  QueueSobject: "SELECT COUNT() FROM QueueSobject WHERE SobjectType = 'Case' AND Queue.DeveloperName LIKE 'CW%'",
  Account: 'SELECT COUNT() FROM Account WHERE CW_Id__c != null',
  Contact: 'SELECT COUNT() FROM Contact WHERE CW_Id__c != null',
  ServiceContract: 'SELECT COUNT() FROM ServiceContract WHERE CW_Id__c != null',
  Entitlement: 'SELECT COUNT() FROM Entitlement WHERE CW_Id__c != null',
  Case: 'SELECT COUNT() FROM Case WHERE CW_Id__c != null',
  CaseComment: 'SELECT COUNT() FROM CaseComment WHERE Parent.CW_Id__c != null',
};

/** Objects in load order, as the summary lists them. */
export const SUMMARY_ORDER = ['User', 'Group', 'QueueSobject', 'Account', 'Contact', 'ServiceContract', 'Entitlement', 'Case', 'CaseComment'];

export async function summarise(conn: Connection, stats: Map<string, ObjectStats>, problems: ProblemLog): Promise<ObjectSummary[]> {
  const objects = SUMMARY_ORDER.filter((o) => stats.has(o));
  const summaries: ObjectSummary[] = [];
  for (const object of objects) {
    // eslint-disable-next-line no-await-in-loop
    const counted = await conn.query(ORG_COUNTS[object]);
    summaries.push({ ...stats.get(object)!, adjusted: problems.records(object, 'adjusted').size, inOrg: counted.totalSize });
  }
  return summaries;
}
