/*
 * Records deleted in ConnectWise after they were migrated: by default each gets a "flagged" line
 * (the record stays in Salesforce for an admin to decide); with the delete policy the Salesforce
 * record is deleted too, children before parents. A company merged away (deletedFlag) counts as
 * deleted. Deleted records are not restored by rollback; the report lists every one.
 */
import { deleteCollections } from '../salesforce/collections.js';
import type { SourceKind, WorkStore } from '../store/workStore.js';
import { statsFor, type LoadContext } from './context.js';

export type DeletedPolicy = 'report' | 'delete';

/** Children first, so nothing is deleted from under a record that is deleted later. */
const KINDS: Array<{ kind: SourceKind; sourceKind: string; object: string }> = [
  { kind: 'tickets', sourceKind: 'ticket', object: 'Case' },
  { kind: 'agreements', sourceKind: 'agreement', object: 'Entitlement' },
  { kind: 'agreements', sourceKind: 'agreement', object: 'ServiceContract' },
  { kind: 'contacts', sourceKind: 'contact', object: 'Contact' },
  { kind: 'companies', sourceKind: 'company', object: 'Account' },
];

/** Deals with every migrated record whose source is gone, by the policy. */
export async function handleDeletions(ctx: LoadContext, store: WorkStore, policy: DeletedPolicy): Promise<void> {
  for (const { kind, sourceKind, object } of KINDS) {
    const landed = ctx.journal.landed(object);
    const gone = store
      .sourceRecords<{ deletedFlag?: boolean }>(kind)
      .filter((r) => (r.deleted === true || r.payload.deletedFlag === true) && landed.has(String(r.id)));
    if (gone.length === 0) continue;
    if (policy === 'report') {
      for (const r of gone) {
        ctx.problems.add({
          outcome: 'flagged',
          sourceKind,
          sourceId: r.id,
          object,
          reason: `Deleted in ConnectWise after it was migrated; Salesforce record ${landed.get(String(r.id))!} is kept.`,
          action: 'Delete it in Salesforce if it should go, or run with --deleted delete.',
        });
      }
      continue;
    }
    const ids = gone.map((r) => landed.get(String(r.id))!);
    ctx.progress(`Deleting ${object} records deleted in ConnectWise`, 0, ids.length);
    // eslint-disable-next-line no-await-in-loop
    const results = await deleteCollections(ctx.conn, ids);
    const stats = statsFor(ctx, object);
    const done: string[] = [];
    results.forEach((result, i) => {
      const r = gone[i];
      if (result.success) {
        stats.deleted++;
        done.push(ids[i]);
        ctx.problems.add({ outcome: 'adjusted', sourceKind, sourceId: r.id, object, reason: `Deleted in ConnectWise; Salesforce record ${ids[i]} was deleted too.` });
      } else {
        stats.failed++;
        ctx.problems.add({ outcome: 'failed', sourceKind, sourceId: r.id, object, reason: `Deleted in ConnectWise, but deleting ${ids[i]} failed: ${result.error ?? 'unknown error'}` });
      }
    });
    ctx.journal.forgetLanded(object, done);
  }
}
