/**
 * Configurations (`company/configurations`, api-notes §6.6) with their type and status tables:
 * the devices and services an MSP manages for each client. Purchase and warranty dates are
 * date-only, so they come back at midnight UTC.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { CustomFieldMaker } from './custom-fields.js';
import { References } from './references.js';

const TYPES = ['Workstation', 'Laptop', 'Server', 'Firewall', 'Switch', 'Printer', 'Microsoft 365 Tenant', 'Domain'];
const STATUSES: ReadonlyArray<readonly [description: string, closed: boolean]> = [
  ['Active', false],
  ['Inactive', true],
  ['Retired', true],
  ['In Repair', false],
];
const MANUFACTURERS = ['Dell', 'HP', 'Lenovo', 'Fortinet', 'Ubiquiti', 'Microsoft'];

/** The configuration set-up tables. */
export function generateConfigurationSetup(context: GeneratorContext): {
  configurationTypes: CwRecord[];
  configurationStatuses: CwRecord[];
} {
  const info = (): Record<string, unknown> => ({ lastUpdated: context.between(context.startMs, context.startMs + 86_400_000 * 30), updatedBy: 'zAdmin' });
  return {
    configurationTypes: TYPES.map((name, index) => ({ id: index + 1, name, inactiveFlag: false, systemFlag: false, _info: info() })),
    configurationStatuses: STATUSES.map(([description, closedFlag], index) => ({
      id: index + 1,
      description,
      closedFlag,
      defaultFlag: index === 0,
      _info: info(),
    })),
  };
}

function dateOnly(ms: number): string {
  return `${isoSeconds(ms).slice(0, 10)}T00:00:00Z`;
}

/** Generates the configurations of one company (0–6, most companies a few). */
export function generateConfigurations(
  context: GeneratorContext,
  refs: References,
  company: CwRecord,
  contacts: CwRecord[],
  fields: CustomFieldMaker,
  ids: { configuration: number },
  into: CwRecord[],
): void {
  const { random } = context;
  const count = random.weighted([0, 1, 2, 3, 4, 5, 6], [20, 15, 20, 20, 10, 8, 7]);
  const companyRef = refs.company(company.id, String(company.identifier), String(company.name));
  for (let index = 0; index < count; index++) {
    const typeIndex = random.int(0, TYPES.length - 1);
    const [description, closed] = random.weighted(STATUSES, [80, 10, 8, 2]);
    const purchasedMs = context.startMs + random.next() * (context.endMs - context.startMs);
    const id = ids.configuration++;
    const record: CwRecord = { id, name: `${TYPES[typeIndex]}-${String(company.identifier).slice(0, 8).toUpperCase()}-${id % 1000}` };
    record.type = refs.lookup('configurationType', typeIndex + 1, TYPES[typeIndex]);
    record.status = refs.lookup('configurationStatus', STATUSES.findIndex((status) => status[0] === description) + 1, description);
    record.company = companyRef;
    if (contacts.length > 0 && random.chance(0.5)) record.contact = refs.contact(random.pick(contacts));
    if (typeIndex < 6) {
      record.serialNumber = `SN${random.int(100_000, 999_999)}${random.pick(['A', 'B', 'X'])}`;
      record.modelNumber = `${random.pick(MANUFACTURERS).slice(0, 2).toUpperCase()}-${random.int(100, 9999)}`;
      record.purchaseDate = dateOnly(purchasedMs);
      if (random.chance(0.7)) record.warrantyExpirationDate = dateOnly(purchasedMs + 3 * 365 * 86_400_000);
      record.manufacturer = refs.lookup('manufacturer', 1 + (typeIndex % MANUFACTURERS.length), MANUFACTURERS[typeIndex % MANUFACTURERS.length]);
      if (random.chance(0.6)) record.ipAddress = `192.168.${random.int(0, 20)}.${random.int(2, 254)}`;
    }
    record.activeFlag = !closed;
    record.billFlag = random.chance(0.3);
    record.needsRenewalFlag = false;
    if (random.chance(0.15)) record.notes = 'Local admin in the password vault.\r\nDo not re-image without approval.';
    record.customFields = fields.fieldsFor('configuration', 0.4);
    record._info = { lastUpdated: context.between(purchasedMs, context.endMs), updatedBy: context.updatedBy('zAdmin') };
    into.push(record);
  }
}
