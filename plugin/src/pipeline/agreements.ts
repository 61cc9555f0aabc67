/*
 * Agreements as service contracts, then, where Entitlement Management is on, as entitlements under
 * them: upserts on CW_Id__c like every other load. An agreement whose company did not land as an
 * account has nothing to belong to; it is reported and not loaded.
 */
import type { DecisionResolver } from '../mapping/resolver.js';
import { canSetAuditFields } from '../salesforce/orgContext.js';
import { entitlementRow, serviceContractRow } from '../transform/agreements.js';
import type { Row } from '../transform/rows.js';
import type { CwAgreement } from '../transform/sourceTypes.js';
import { statsFor, type LoadContext } from './context.js';
import { describeOf, existingIds, upsert } from './records.js';

/** Loads the agreements; returns the service contracts that landed, by agreement id. */
export async function loadAgreements(
  ctx: LoadContext,
  agreements: CwAgreement[],
  mapping: DecisionResolver,
  landedAccounts: Set<string>,
  landedContacts: Set<string>,
): Promise<Map<string, string>> {
  if (agreements.length === 0) return new Map();
  const stats = statsFor(ctx, 'ServiceContract');
  stats.read += agreements.length;
  const loadable = agreements.filter((agreement) => {
    const companyId = agreement.company?.id;
    if (companyId != null && landedAccounts.has(String(companyId))) return true;
    stats.skipped++;
    ctx.problems.add({
      outcome: 'skipped',
      sourceKind: 'agreement',
      sourceId: agreement.id,
      object: 'ServiceContract',
      field: 'AccountId',
      reason:
        companyId == null
          ? 'The agreement names no company; a service contract needs an account.'
          : `Company ${companyId} did not load as an account, so the agreement has none to belong to.`,
      action: 'Load the company first (see its own line), then run again.',
    });
    return false;
  });
  ctx.progress('Service contracts', 0, loadable.length);
  const existingContracts = await existingIds(ctx.conn, 'ServiceContract');
  const audit = canSetAuditFields(ctx.org, 'ServiceContract');
  const contracts = await upsert(
    ctx,
    'ServiceContract',
    'agreement',
    loadable.map((agreement) => ({
      id: agreement.id,
      row: serviceContractRow(agreement, {
        describe: describeOf(ctx, 'ServiceContract'),
        problems: ctx.problems,
        setAuditFields: (a) => audit && !existingContracts.has(String(a.id)),
        landedContacts,
        customFields: mapping,
        sourceIds: ctx.sourceIds,
      }),
    })),
    existingContracts,
  );
  ctx.progress('Service contracts', loadable.length, loadable.length);
  if (!ctx.org.describes.has('Entitlement')) return contracts;

  const withContract = loadable.filter((a) => contracts.has(String(a.id)));
  statsFor(ctx, 'Entitlement').read += agreements.length;
  statsFor(ctx, 'Entitlement').skipped += agreements.length - withContract.length;
  ctx.progress('Entitlements', 0, withContract.length);
  const items: Array<{ id: number; row: Row }> = withContract.map((agreement) => ({
    id: agreement.id,
    row: entitlementRow(agreement, {
      describe: describeOf(ctx, 'Entitlement'),
      problems: ctx.problems,
      processFor: (slaId, typeId) => mapping.processFor(slaId, typeId),
    }),
  }));
  await upsert(ctx, 'Entitlement', 'agreement', items, await existingIds(ctx.conn, 'Entitlement'));
  ctx.progress('Entitlements', withContract.length, withContract.length);
  return contracts;
}
