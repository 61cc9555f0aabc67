/**
 * Agreements (`finance/agreements`, api-notes §6.8), their types (`finance/agreements/types`) and
 * additions (`finance/agreements/{id}/additions`, the products billed on an agreement). Start,
 * end and effective dates are date-only, so they come back at midnight UTC.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { CustomFieldMaker } from './custom-fields.js';
import { References } from './references.js';

const TYPES: ReadonlyArray<readonly [name: string, units: string]> = [
  ['Managed Services', 'Amount'],
  ['Block Time - 10 hours', 'Hours'],
  ['Break/Fix', 'Incidents'],
  ['Backup & DR', 'Amount'],
];

function dateOnly(ms: number): string {
  return `${isoSeconds(ms).slice(0, 10)}T00:00:00Z`;
}

/** The agreement types. */
export function generateAgreementTypes(context: GeneratorContext): CwRecord[] {
  return TYPES.map(([name, applicationUnits], index) => ({
    id: index + 1,
    name,
    prefixSuffixOption: 'Prefix',
    defaultFlag: index === 0,
    inactiveFlag: false,
    prePaymentFlag: false,
    applicationUnits,
    applicationUnlimitedFlag: applicationUnits === 'Amount',
    oneTimeFlag: false,
    _info: { lastUpdated: context.between(context.startMs, context.startMs + 86_400_000 * 30), updatedBy: 'zAdmin' },
  }));
}

/** Everything an agreement of one company draws on. */
export interface AgreementInputs {
  company: CwRecord;
  contact?: CwRecord;
  slas: CwRecord[];
  catalog: CwRecord[];
  fields: CustomFieldMaker;
}

/** Generates the agreements of one company (most clients one, some two) with their additions. */
export function generateAgreements(
  context: GeneratorContext,
  refs: References,
  inputs: AgreementInputs,
  ids: { agreement: number; addition: number },
  into: { agreements: CwRecord[]; agreementAdditions: CwRecord[] },
): void {
  const { random } = context;
  const count = random.weighted([0, 1, 2], [35, 55, 10]);
  const { company } = inputs;
  for (let index = 0; index < count; index++) {
    const typeIndex = random.weighted([0, 1, 2, 3], [6, 2, 1, 1]);
    const [typeName] = TYPES[typeIndex];
    const startMs = context.startMs + random.next() * (context.endMs - context.startMs) * 0.8;
    const cancelled = random.chance(0.08);
    const open = random.chance(0.4);
    const endMs = startMs + random.int(1, 3) * 365 * 86_400_000;
    const id = ids.agreement++;
    const agreement: CwRecord = { id, name: `${String(company.name).slice(0, 60)} - ${typeName}` };
    agreement.type = refs.lookup('agreementType', typeIndex + 1, typeName);
    agreement.company = refs.company(company.id, String(company.identifier), String(company.name));
    if (inputs.contact) agreement.contact = refs.contact(inputs.contact);
    agreement.startDate = dateOnly(startMs);
    if (!open) agreement.endDate = dateOnly(endMs);
    agreement.noEndingDateFlag = open;
    agreement.cancelledFlag = cancelled;
    if (cancelled) {
      agreement.dateCancelled = dateOnly(startMs + random.int(30, 300) * 86_400_000);
      agreement.reasonCancelled = random.pick(['Client moved to another MSP', 'Business closed', "Switched to 'per incident'"]);
    }
    if (inputs.slas.length > 0) {
      const sla = random.pick(inputs.slas);
      agreement.sla = refs.lookup('sla', sla.id, String(sla.name));
    }
    agreement.applicationUnits = TYPES[typeIndex][1];
    if (typeIndex === 1) agreement.applicationLimit = 10;
    agreement.applicationUnlimitedFlag = typeIndex === 0 || typeIndex === 3;
    agreement.billAmount = Math.round(random.next() * 500_000) / 100;
    agreement.billingCycle = { id: 2, name: 'Monthly' };
    agreement.billTime = random.pick(['Billable', 'DoNotBill', 'NoCharge']);
    agreement.agreementStatus = cancelled ? 'Cancelled' : !open && endMs < context.endMs ? 'Expired' : 'Active';
    agreement.customFields = inputs.fields.fieldsFor('agreement', 0.6);
    agreement._info = {
      lastUpdated: context.between(startMs, context.endMs),
      updatedBy: context.updatedBy('zAdmin'),
      createdDate: isoSeconds(startMs),
      createdBy: 'zAdmin',
    };
    into.agreements.push(agreement);
    const additions = inputs.catalog.length > 0 ? random.int(1, 4) : 0;
    for (let line = 0; line < additions; line++) {
      const product = random.pick(inputs.catalog);
      const quantity = random.int(1, 40);
      const addition: CwRecord = {
        id: ids.addition++,
        product: { id: product.id, identifier: product.identifier },
        quantity,
        lessIncluded: 0,
        unitPrice: product.price,
        unitCost: product.cost,
        billCustomer: random.weighted(['Billable', 'DoNotBill', 'NoCharge'], [8, 1, 1]),
        effectiveDate: dateOnly(startMs),
        taxableFlag: product.taxableFlag,
        agreementId: id,
        description: product.description,
        uom: 'Each',
        extPrice: Math.round(Number(product.price) * quantity * 100) / 100,
        _info: { lastUpdated: String((agreement._info as Record<string, string>).lastUpdated), updatedBy: 'zAdmin' },
      };
      if (cancelled) addition.cancelledDate = agreement.dateCancelled;
      into.agreementAdditions.push(addition);
    }
  }
}
