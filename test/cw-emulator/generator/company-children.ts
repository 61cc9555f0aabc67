/**
 * A company's sites (`company/companies/{id}/sites`) and notes (`…/notes`), api-notes §6.1.
 * Every company has a main site; some have branches, one of them now and then inactive.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';
import { References } from './references.js';
import { CITIES, STREETS } from './words.js';

const NOTE_TYPES = [
  { id: 1, name: 'General' },
  { id: 2, name: 'Billing' },
  { id: 3, name: 'Onboarding' },
];
const NOTE_TEXTS = [
  'Site visit scheduled; badge needed at reception.',
  'Billing contact changed; invoices to accounts@ from next month.',
  "Owner's nephew handles IT on weekends — do not reset his admin account.",
  'Migrated to Microsoft 365.\r\nOld Exchange server still on the rack, powered off.',
  'Ανανέωση σύμβασης τον Ιούνιο.',
];

/** Generates the sites and notes of one company; ids come from the shared counters. */
export function generateCompanyChildren(
  context: GeneratorContext,
  refs: References,
  company: CwRecord,
  ids: { site: number; note: number },
  into: { companySites: CwRecord[]; companyNotes: CwRecord[] },
): void {
  const { random } = context;
  const companyRef = refs.company(company.id, String(company.identifier), String(company.name));
  const lastUpdated = String((company._info as Record<string, string>).lastUpdated);
  const sites = 1 + (random.chance(0.2) ? random.int(1, 2) : 0);
  for (let index = 0; index < sites; index++) {
    const [city, state, zip] = index === 0 ? [company.city, company.state, company.zip] : random.pick(CITIES);
    const site: CwRecord = { id: ids.site++, name: index === 0 ? 'Main' : `${String(city)} Branch` };
    site.addressLine1 = index === 0 ? company.addressLine1 : `${random.int(1, 9999)} ${random.pick(STREETS)}`;
    site.city = city;
    site.stateReference = refs.lookup('state', 1 + (String(state).charCodeAt(0) % 50), String(state));
    site.zip = zip;
    site.country = { id: 1, name: 'United States' };
    if (company.phoneNumber) site.phoneNumber = company.phoneNumber;
    site.primaryAddressFlag = index === 0;
    site.defaultShippingFlag = index === 0;
    site.defaultBillingFlag = index === 0;
    site.defaultMailingFlag = index === 0;
    site.inactiveFlag = index > 0 && random.chance(0.1);
    site.billSeparateFlag = false;
    site.company = companyRef;
    site._info = { lastUpdated, updatedBy: context.updatedBy('zAdmin') };
    into.companySites.push(site);
  }
  const notes = random.weighted([0, 1, 2, 3], [45, 30, 15, 10]);
  for (let index = 0; index < notes; index++) {
    into.companyNotes.push({
      id: ids.note++,
      text: random.pick(NOTE_TEXTS),
      type: random.pick(NOTE_TYPES),
      flagged: random.chance(0.1),
      enteredBy: 'zAdmin',
      company: companyRef,
      _info: { lastUpdated, updatedBy: context.updatedBy('zAdmin') },
    });
  }
}
