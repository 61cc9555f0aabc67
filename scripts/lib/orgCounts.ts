/* Counts, straight from the org emulator's records, of what a migration put there. */
import type { OrgEmulator } from '../../test/org-emulator/index.js';

/** Migrated records per object, counted the way the run summary counts them in a real org. */
export function countMigrated(org: OrgEmulator): Record<string, number> {
  const withCwId = (object: string): number => org.records(object).filter((r) => r.CW_Id__c != null).length;
  const queues = org.records('Group').filter((g) => g.Type === 'Queue' && String(g.DeveloperName).startsWith('CW'));
  const short = (id: unknown): string => String(id).slice(0, 15);
  const queueIds = new Set(queues.map((q) => short(q.Id)));
  const cases = new Set(org.records('Case').filter((c) => c.CW_Id__c != null).map((c) => short(c.Id)));
  return {
    Group: queues.length,
    QueueSobject: org.records('QueueSobject').filter((q) => queueIds.has(short(q.QueueId)) && q.SobjectType === 'Case').length,
    Account: withCwId('Account'),
    Contact: withCwId('Contact'),
    ServiceContract: withCwId('ServiceContract'),
    Entitlement: withCwId('Entitlement'),
    Case: withCwId('Case'),
    CaseComment: org.records('CaseComment').filter((c) => cases.has(short(c.ParentId))).length,
  };
}
