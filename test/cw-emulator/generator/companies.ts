/**
 * Companies (`company/companies`): the MSP itself first, then its clients, prospects and vendors.
 * A company is drafted first (id, names, mail domain) so its contacts can point at it, and built
 * as a full record once its default contact and parent are known.
 */
import { CwRecord } from '../types.js';
import { asciiSlug, DAY_MS, GeneratorContext } from './context.js';
import { References } from './references.js';
import {
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  COMPANY_TRADES,
  PUNCTUATED_COMPANIES,
  STREETS,
  UNICODE_COMPANIES,
} from './words.js';

/** What is known about a company before its record is built. */
export interface CompanyDraft {
  id: number;
  identifier: string;
  name: string;
  /** The mail domain its contacts use. */
  domain: string;
  /** True when the name is in a non-Latin script or accented, so its people are likely to be too. */
  unicode: boolean;
  ref: Record<string, unknown>;
  /** The parent reference, set by the tree step; it may name a company that does not exist. */
  parent?: Record<string, unknown>;
  depth: number;
}

const STATUSES = [
  { id: 1, name: 'Active' },
  { id: 2, name: 'Inactive' },
  { id: 3, name: 'Not-Approved' },
  { id: 4, name: 'Credit Hold' },
];
const TYPES = [
  { id: 1, name: 'Client' },
  { id: 2, name: 'Prospect' },
  { id: 3, name: 'Vendor' },
  { id: 4, name: 'Partner' },
];
const TLDS = ['.example.com', '.example.net', '.example.org', '.example.co.uk', '.example.de'];

function companyName(context: GeneratorContext): { name: string; unicode: boolean } {
  const { random, options } = context;
  if (random.chance(options.rates.unicodeText)) return { name: random.pick(UNICODE_COMPANIES), unicode: true };
  if (random.chance(options.rates.punctuatedName)) return { name: random.pick(PUNCTUATED_COMPANIES), unicode: false };
  const suffix = random.pick(COMPANY_SUFFIXES);
  const name = `${random.pick(COMPANY_STEMS)} ${random.pick(COMPANY_TRADES)}${suffix ? ' ' + suffix : ''}`;
  return { name, unicode: false };
}

/**
 * Drafts every company. Ids ascend from 250 with occasional gaps, as deletions leave them;
 * the gaps are returned so orphans can point at a company that no longer exists.
 */
export function draftCompanies(
  context: GeneratorContext,
  refs: References,
): { drafts: CompanyDraft[]; gapIds: number[] } {
  const { random, options } = context;
  const drafts: CompanyDraft[] = [];
  const gapIds: number[] = [];
  const identifiers = new Set<string>();
  let id = 250;
  for (let index = 0; index < options.companies; index++) {
    const own = index === 0;
    const { name, unicode } = own ? { name: 'Brightdesk IT Services', unicode: false } : companyName(context);
    // Names repeat in real tenants ("Harbor Dental" in two towns); identifiers never do.
    let identifier = own ? 'Brightdesk' : asciiSlug(name).slice(0, 20) || `Company${id}`;
    if (identifiers.has(identifier.toLowerCase())) identifier = `${identifier.slice(0, 18)}${id}`.slice(0, 25);
    identifiers.add(identifier.toLowerCase());
    const slug = (asciiSlug(name).toLowerCase() || `company${id}`).slice(0, 24);
    const domain = own ? 'brightdesk-it.example.com' : `${slug}${id % 97}${random.pick(TLDS)}`;
    drafts.push({ id, identifier, name, domain, unicode, ref: refs.company(id, identifier, name), depth: 0 });
    const gap = random.chance(0.04) ? random.int(1, 4) : 0;
    for (let skipped = 1; skipped <= gap; skipped++) gapIds.push(id + skipped);
    id += 1 + gap;
  }
  return { drafts, gapIds };
}

/** Builds the full company record; `defaultContact` is the contact with defaultFlag, if any. */
export function buildCompany(
  context: GeneratorContext,
  draft: CompanyDraft,
  defaultContact?: Record<string, unknown>,
): CwRecord {
  const { random, options } = context;
  const [city, state, zip] = random.pick(CITIES);
  const enteredMs = context.startMs + random.next() * (context.endMs - context.startMs) * 0.3;
  const company: CwRecord = { id: draft.id, identifier: draft.identifier, name: draft.name };
  company.status = random.weighted(STATUSES, [90, 6, 2, 2]);
  company.types = draft.id === 250 ? [] : [random.weighted(TYPES, [80, 10, 6, 4])];
  company.addressLine1 = `${random.int(1, 9999)} ${random.pick(STREETS)}`;
  if (random.chance(0.2)) company.addressLine2 = `Suite ${random.int(100, 999)}`;
  company.city = city;
  company.state = state;
  company.zip = zip;
  company.country = { id: 1, name: 'United States' };
  company.phoneNumber = `${random.int(200, 989)}555${String(random.int(0, 9999)).padStart(4, '0')}`;
  if (random.chance(0.7)) company.website = `www.${draft.domain}`;
  if (defaultContact) company.defaultContact = defaultContact;
  company.dateAcquired = context.between(enteredMs, enteredMs + DAY_MS);
  if (draft.parent) company.parentCompany = draft.parent;
  if (random.chance(0.3)) company.numberOfEmployees = random.int(2, 500);
  company.leadFlag = false;
  company.unsubscribeFlag = false;
  company.billToCompany = draft.ref;
  const deleted = random.chance(options.rates.deletedCompany);
  company.deletedFlag = deleted;
  // A merge sets deletedFlag without bumping lastUpdated (api-notes §8.4), so a deleted
  // company's lastUpdated is always older than its dateDeleted.
  const deletedMs = deleted ? enteredMs + (0.5 + random.next() / 2) * (context.endMs - enteredMs) : context.endMs;
  if (deleted) {
    company.dateDeleted = context.between(deletedMs, deletedMs);
    company.deletedBy = 'zAdmin';
  }
  company.mobileGuid = guid(context);
  const doubled = context.drawDoubledSlash();
  company._info = {
    lastUpdated: context.between(enteredMs, deletedMs - 1000),
    updatedBy: context.updatedBy('zAdmin'),
    dateEntered: context.between(enteredMs, enteredMs + DAY_MS),
    enteredBy: 'zAdmin',
    contacts_href: context.href(`company/contacts?conditions=company/id=${draft.id}`, doubled),
    sites_href: context.href(`company/companies/${draft.id}/sites`, doubled),
    notes_href: context.href(`company/companies/${draft.id}/notes`, doubled),
  };
  return company;
}

/** A random version-4 GUID in the lower-case form ConnectWise sends. */
export function guid(context: GeneratorContext): string {
  let hex = '';
  for (let index = 0; index < 4; index++)
    hex += Math.floor(context.random.next() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
