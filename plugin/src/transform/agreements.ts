/*
 * Agreement -> ServiceContract, and, where Entitlement Management is on, an Entitlement under it
 * that carries the entitlement process of the agreement's SLA (or of its type). Agreement dates
 * are date-only; a cancelled agreement ends on the day it was cancelled, so Salesforce shows it
 * expired from then.
 */
import type { ProblemLog } from '../report/problems.js';
import type { ObjectDescribe } from '../salesforce/orgContext.js';
import { applyCustomFields, type CustomFieldMapping } from './customFields.js';
import { EXTERNAL_ID, RowBuilder, isoDateTime, missingReference, type Row, type SourceIds } from './rows.js';
import { present, type CwAgreement } from './sourceTypes.js';

export interface AgreementTransformContext {
  describe: ObjectDescribe;
  problems: ProblemLog;
  setAuditFields: (agreement: CwAgreement) => boolean;
  landedContacts: Set<string>;
  customFields?: CustomFieldMapping;
  /** The run's source ids, to say why a contact is missing. */
  sourceIds?: SourceIds;
}

/** A date-only ConnectWise value ("2024-03-01T00:00:00Z") as a Salesforce date. */
export function dateOnly(value: string | null | undefined): string | undefined {
  const iso = isoDateTime(value);
  return iso?.slice(0, 10);
}

/** The day the agreement stops: the cancellation day when it came before the end date. */
export function agreementEnd(agreement: CwAgreement): string | undefined {
  const end = dateOnly(agreement.endDate);
  const cancelled = agreement.cancelledFlag === true ? dateOnly(agreement.dateCancelled) : undefined;
  if (cancelled && (!end || cancelled < end)) return cancelled;
  return end;
}

export function agreementName(agreement: CwAgreement): string {
  return present(agreement.name) ? agreement.name : `Agreement ${agreement.id}`;
}

/** The service contract row of one agreement whose company landed as an account. */
export function serviceContractRow(agreement: CwAgreement, ctx: AgreementTransformContext): Row {
  const b = new RowBuilder(ctx.describe, ctx.problems, { kind: 'agreement', id: agreement.id });
  b.set(EXTERNAL_ID, String(agreement.id));
  b.set('Name', agreementName(agreement));
  b.set(`Account.${EXTERNAL_ID}`, String(agreement.company?.id));
  const contactId = agreement.contact?.id;
  if (contactId != null) {
    if (ctx.landedContacts.has(String(contactId))) b.set(`Contact.${EXTERNAL_ID}`, String(contactId));
    else
      ctx.problems.add({
        outcome: 'adjusted',
        sourceKind: 'agreement',
        sourceId: agreement.id,
        object: 'ServiceContract',
        field: 'ContactId',
        reason: `${missingReference('Contact', contactId, ctx.sourceIds)}; the service contract has no contact.`,
      });
  }
  b.set('StartDate', dateOnly(agreement.startDate));
  b.set('EndDate', agreementEnd(agreement));
  const lines = [
    present(agreement.type?.name) ? `Agreement type: ${agreement.type.name}` : undefined,
    present(agreement.agreementStatus) ? `Status in ConnectWise: ${agreement.agreementStatus}` : undefined,
    present(agreement.billingCycle?.name) ? `Billing cycle: ${agreement.billingCycle.name}` : undefined,
    typeof agreement.billAmount === 'number' ? `Bill amount: ${agreement.billAmount}` : undefined,
    agreement.cancelledFlag === true
      ? `Cancelled${present(agreement.reasonCancelled) ? `: ${agreement.reasonCancelled}` : ''}`
      : undefined,
  ].filter((line): line is string => line !== undefined);
  b.set('Description', lines.join('\n'));
  const entered = isoDateTime(agreement._info?.dateEntered ?? (agreement._info?.createdDate as string | undefined));
  b.set('Original_Create_Date__c', entered);
  if (entered && ctx.setAuditFields(agreement)) b.set('CreatedDate', entered);
  if (ctx.customFields) {
    applyCustomFields(b, agreement.customFields, {
      object: 'ServiceContract',
      describe: ctx.describe,
      mapping: ctx.customFields,
      problems: ctx.problems,
      source: { kind: 'agreement', id: agreement.id },
    });
  }
  return b.build();
}

export interface EntitlementTransformContext {
  describe: ObjectDescribe;
  problems: ProblemLog;
  /** The entitlement process the agreement's SLA or type maps to, if any. */
  processFor: (slaId: number | undefined, agreementTypeId: number | undefined) => string | undefined;
}

/** The entitlement row of one agreement, under the service contract it became. */
export function entitlementRow(agreement: CwAgreement, ctx: EntitlementTransformContext): Row {
  const b = new RowBuilder(ctx.describe, ctx.problems, { kind: 'agreement', id: agreement.id });
  b.set(EXTERNAL_ID, String(agreement.id));
  b.set('Name', agreementName(agreement));
  b.set(`Account.${EXTERNAL_ID}`, String(agreement.company?.id));
  b.set(`ServiceContract.${EXTERNAL_ID}`, String(agreement.id));
  b.set('StartDate', dateOnly(agreement.startDate));
  b.set('EndDate', agreementEnd(agreement));
  b.set('SlaProcessId', ctx.processFor(agreement.sla?.id ?? undefined, agreement.type?.id ?? undefined));
  const entered = isoDateTime(agreement._info?.dateEntered ?? (agreement._info?.createdDate as string | undefined));
  b.set('Original_Create_Date__c', entered);
  return b.build();
}
