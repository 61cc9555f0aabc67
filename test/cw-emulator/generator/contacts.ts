/**
 * Contacts (`company/contacts`) with their embedded communication items. This is where client
 * data is messiest: the same person entered twice, shared mailboxes, addresses that cannot be
 * valid, and contacts with no way to reach them at all.
 */
import { CwRecord } from '../types.js';
import { asciiSlug, GeneratorContext } from './context.js';
import { CompanyDraft } from './companies.js';
import { References } from './references.js';
import { CONTACT_TITLES, FIRST_NAMES, LAST_NAMES, PUNCTUATED_LAST_NAMES, UNICODE_PEOPLE } from './words.js';

/** Running ids shared across companies, so contact and item ids ascend tenant-wide. */
export interface ContactIds {
  contact: number;
  item: number;
}

/** Ways an email field goes wrong in real tenants. */
const INVALID_FORMS: ReadonlyArray<(local: string, domain: string) => string> = [
  (local): string => `${local}@`,
  (local, domain): string => `${local.replace('.', ' ')}@${domain}`,
  (local, domain): string => `${local}@@${domain}`,
  (local, domain): string => `${local}.${domain}`,
  (local, domain): string => `${local}@${domain.split('.')[0]}`,
  (local, domain): string => `${local}@${domain}; accounts@${domain}`,
  (): string => 'n/a',
  (local, domain): string => `${local}@${domain}.`,
];

function personName(context: GeneratorContext, draft: CompanyDraft): [string, string] {
  const { random, options } = context;
  if (random.chance(draft.unicode ? 0.6 : options.rates.unicodeText))
    return [...random.pick(UNICODE_PEOPLE)] as [string, string];
  const last = random.chance(options.rates.punctuatedName)
    ? random.pick(PUNCTUATED_LAST_NAMES)
    : random.pick(LAST_NAMES);
  return [random.pick(FIRST_NAMES), last];
}

function emailItem(
  context: GeneratorContext,
  refs: References,
  ids: ContactIds,
  value: string,
  isDefault: boolean,
  domain?: string,
): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: ids.item++,
    type: refs.lookup('communicationType', 1, 'Email'),
    value,
    defaultFlag: isDefault,
  };
  if (domain) item.domain = domain;
  item.communicationType = 'Email';
  return item;
}

function phoneItem(
  context: GeneratorContext,
  refs: References,
  ids: ContactIds,
  typeId: number,
  typeName: string,
  isDefault: boolean,
): Record<string, unknown> {
  const { random } = context;
  const item: Record<string, unknown> = {
    id: ids.item++,
    type: refs.lookup('communicationType', typeId, typeName),
    value: `${random.int(200, 989)}555${String(random.int(0, 9999)).padStart(4, '0')}`,
  };
  if (random.chance(0.2)) item.extension = String(random.int(100, 999));
  item.defaultFlag = isDefault;
  item.communicationType = typeId === 5 ? 'Fax' : 'Phone';
  return item;
}

/** The email a new contact gets: usually first.last@domain, sometimes shared or broken. */
function contactEmail(
  context: GeneratorContext,
  first: string,
  last: string,
  draft: CompanyDraft,
  id: number,
): { value: string; domain?: string } {
  const { random, options } = context;
  const domain = draft.domain;
  const firstSlug = asciiSlug(first).toLowerCase();
  const lastSlug = asciiSlug(last).toLowerCase();
  const local =
    firstSlug && lastSlug
      ? random.pick([`${firstSlug}.${lastSlug}`, `${firstSlug[0]}${lastSlug}`, firstSlug])
      : `contact${id}`;
  if (random.chance(options.rates.invalidEmail)) return { value: random.pick(INVALID_FORMS)(local, domain) };
  if (random.chance(options.rates.sharedEmail))
    return { value: `${random.pick(['info', 'office', 'frontdesk'])}@${domain}`, domain: `@${domain}` };
  // Now and then the address is stored split: the mailbox in value and the domain beside it.
  if (random.chance(0.005)) return { value: local, domain: `@${domain}` };
  const value = random.chance(0.1) ? `${local[0].toUpperCase()}${local.slice(1)}@${domain}` : `${local}@${domain}`;
  return { value, domain: `@${domain}` };
}

function communicationItems(
  context: GeneratorContext,
  refs: References,
  ids: ContactIds,
  email?: { value: string; domain?: string },
): Array<Record<string, unknown>> {
  const { random } = context;
  const items: Array<Record<string, unknown>> = [];
  if (random.chance(0.85)) items.push(phoneItem(context, refs, ids, 2, 'Direct', true));
  if (random.chance(0.35)) items.push(phoneItem(context, refs, ids, 4, 'Cell', items.length === 0));
  if (random.chance(0.04)) items.push(phoneItem(context, refs, ids, 5, 'Fax', true));
  if (email && random.chance(0.95)) items.push(emailItem(context, refs, ids, email.value, true, email.domain));
  return items;
}

/**
 * Generates the contacts of one company. The first is the company's default contact. A share
 * repeat an earlier contact of the same company: same person, same address, maybe re-cased.
 */
// eslint-disable-next-line complexity -- one flat pass reads best here; splitting it would scatter the record's shape.
export function generateContacts(
  context: GeneratorContext,
  refs: References,
  draft: CompanyDraft,
  ids: ContactIds,
  count: number,
): CwRecord[] {
  const { random, options } = context;
  const contacts: CwRecord[] = [];
  for (let index = 0; index < count; index++) {
    const id = ids.contact;
    ids.contact += random.chance(0.03) ? random.int(2, 5) : 1;
    const original = index > 0 && random.chance(options.rates.duplicateContact) ? random.pick(contacts) : undefined;
    const [firstName, lastName] = original
      ? [String(original.firstName), original.lastName === undefined ? undefined : String(original.lastName)]
      : personName(context, draft);
    const contact: CwRecord = { id, firstName };
    // A few older records have no last name; ConnectWise only requires the first.
    if (lastName !== undefined && (original !== undefined || !random.chance(0.01)))
      contact.lastName = original && random.chance(0.3) ? lastName.toUpperCase() : lastName;
    contact.company = draft.ref;
    contact.inactiveFlag = random.chance(0.05);
    if (random.chance(0.5)) contact.title = random.pick(CONTACT_TITLES);
    contact.marriedFlag = false;
    contact.childrenFlag = false;
    contact.disablePortalLoginFlag = random.chance(0.7);
    contact.unsubscribeFlag = false;
    const email = original ? duplicateEmail(original) : contactEmail(context, firstName, lastName ?? '', draft, id);
    const reachable = original
      ? original.communicationItems !== undefined
      : !random.chance(options.rates.contactWithoutCommunication);
    const items = reachable ? communicationItems(context, refs, ids, email) : [];
    const phone = items.find((item) => item.communicationType === 'Phone' && item.defaultFlag);
    if (phone) {
      contact.defaultPhoneType = (phone.type as { name: string }).name;
      contact.defaultPhoneNbr = phone.value;
      if (phone.extension) contact.defaultPhoneExtension = phone.extension;
    }
    contact.defaultBillingFlag = index === 0 && random.chance(0.5);
    contact.defaultFlag = index === 0;
    // The serializer leaves out an empty list: no items, no key (amp-labs one-contact.json).
    if (items.length > 0) contact.communicationItems = items;
    contact.types = [];
    const enteredMs = context.startMs + random.next() * (context.endMs - context.startMs);
    contact._info = {
      lastUpdated: context.between(enteredMs, context.endMs),
      updatedBy: context.updatedBy(random.pick(['zAdmin', 'Portal', 'EmailConnector'])),
      communications_href: context.href(`company/contacts/${id}/communications`, context.drawDoubledSlash()),
    };
    contacts.push(contact);
  }
  return contacts;
}

/** The email of a duplicate: the original's default address, sometimes re-cased. */
function duplicateEmail(original: CwRecord): { value: string; domain?: string } | undefined {
  const items = (original.communicationItems ?? []) as Array<Record<string, unknown>>;
  const email = items.find((item) => item.communicationType === 'Email');
  if (!email) return undefined;
  const value = String(email.value);
  return { value: original.id % 2 === 0 ? value.toLowerCase() : value, domain: email.domain as string | undefined };
}
