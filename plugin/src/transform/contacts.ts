/*
 * Contact -> Contact. The default email and phone go to their fields; every other communication
 * item is kept in the description. An invalid email is kept there too, never dropped.
 */
import type { ProblemLog } from '../report/problems.js';
import type { ObjectDescribe } from '../salesforce/orgContext.js';
import { applyCustomFields, type CustomFieldMapping } from './customFields.js';
import { EXTERNAL_ID, RowBuilder, isoDateTime, missingReference, type Row, type SourceIds } from './rows.js';
import { present, type CwCommunicationItem, type CwContact } from './sourceTypes.js';

export interface ContactTransformContext {
  describe: ObjectDescribe;
  problems: ProblemLog;
  setAuditFields: (contact: CwContact) => boolean;
  /** Companies that landed as accounts, by ConnectWise id. */
  landedAccounts: Set<string>;
  /** The run's source ids, to say why a company is missing. */
  sourceIds?: SourceIds;
  /** Where custom-field values go; without it they are left out (tests of other fields). */
  customFields?: CustomFieldMapping;
}

/**
 * Salesforce's email check, approximated: one @, a dotted domain, no spaces. Quoted local parts
 * are rare enough in an MSP's contact list to report rather than support.
 */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(value: string): boolean {
  return EMAIL.test(value) && !value.includes('..');
}

/** The address an email item holds; an item without "@" but with a domain is the two joined. */
export function emailOf(item: CwCommunicationItem): string | undefined {
  const value = item.value?.trim();
  if (!value) return undefined;
  return !value.includes('@') && present(item.domain) ? `${value}@${item.domain.replace(/^@/, '')}` : value;
}

function pick(items: CwCommunicationItem[], test: (i: CwCommunicationItem) => boolean): CwCommunicationItem | undefined {
  const candidates = items.filter(test);
  return candidates.find((i) => i.defaultFlag === true) ?? candidates[0];
}

const isEmail = (i: CwCommunicationItem): boolean => i.communicationType === 'Email';
const isFax = (i: CwCommunicationItem): boolean => i.communicationType === 'Fax';
const isMobile = (i: CwCommunicationItem): boolean =>
  i.communicationType === 'Phone' && /cell|mobile/i.test(i.type?.name ?? '');
const isPhone = (i: CwCommunicationItem): boolean => i.communicationType === 'Phone' && !isMobile(i);

function phoneText(item: CwCommunicationItem): string | undefined {
  const value = item.value?.trim();
  if (!value) return undefined;
  return present(item.extension) ? `${value} x${item.extension}` : value;
}

/** One Contact row for one ConnectWise contact. */
export function contactRow(contact: CwContact, ctx: ContactTransformContext): Row {
  const b = new RowBuilder(ctx.describe, ctx.problems, { kind: 'contact', id: contact.id });
  const report = (field: string, reason: string): void =>
    ctx.problems.add({ outcome: 'adjusted', sourceKind: 'contact', sourceId: contact.id, object: 'Contact', field, reason });
  b.set(EXTERNAL_ID, String(contact.id));

  if (present(contact.lastName)) {
    b.set('FirstName', contact.firstName);
    b.set('LastName', contact.lastName);
  } else if (present(contact.firstName)) {
    b.set('LastName', contact.firstName);
    report('LastName', 'No last name in ConnectWise; the first name is used as the last name, which Salesforce requires.');
  } else {
    b.set('LastName', `ConnectWise contact ${contact.id}`);
    report('LastName', 'No name in ConnectWise; the last name is set to the contact id.');
  }
  b.set('Title', contact.title);

  const items = contact.communicationItems ?? [];
  const used = new Set<CwCommunicationItem>();
  const email = pick(items, isEmail);
  if (email) {
    used.add(email);
    const address = emailOf(email);
    if (address && isValidEmail(address)) {
      b.set('Email', address);
    } else if (address) {
      b.note(`Invalid email: ${address}`);
      report('Email', `"${address}" is not a valid email address; it is kept in the description, and Email is left empty.`);
    }
  }
  for (const [field, test] of [
    ['Phone', isPhone],
    ['MobilePhone', isMobile],
    ['Fax', isFax],
  ] as const) {
    const item = pick(items, test);
    if (item) {
      used.add(item);
      b.set(field, phoneText(item));
    }
  }
  for (const item of items.filter((i) => !used.has(i))) {
    const value = item.communicationType === 'Email' ? emailOf(item) : phoneText(item);
    if (value) b.note(`${item.type?.name ?? item.communicationType ?? 'Other'}: ${value}`);
  }

  const entered = isoDateTime(contact._info?.dateEntered);
  b.set('Original_Create_Date__c', entered);
  if (entered && ctx.setAuditFields(contact)) b.set('CreatedDate', entered);
  const companyId = contact.company?.id;
  if (companyId != null) {
    if (ctx.landedAccounts.has(String(companyId))) {
      b.set(`Account.${EXTERNAL_ID}`, String(companyId));
    } else {
      b.note(`Company: ${contact.company?.name ?? companyId} (id ${companyId})`);
      report('AccountId', `${missingReference('Company', companyId, ctx.sourceIds)}; the contact loads without an account.`);
    }
  }
  if (ctx.customFields) {
    applyCustomFields(b, contact.customFields, { object: 'Contact', describe: ctx.describe, mapping: ctx.customFields, problems: ctx.problems, source: { kind: 'contact', id: contact.id } });
  }
  return b.build();
}

/** Contacts that share an email with an earlier contact, for the report (they still load). */
export function flagDuplicateEmails(contacts: CwContact[], problems: ProblemLog): void {
  const firstWith = new Map<string, number>();
  for (const contact of contacts) {
    const item = pick(contact.communicationItems ?? [], isEmail);
    const address = item ? emailOf(item)?.toLowerCase() : undefined;
    // An invalid address already has its own line; "n/a" on ten contacts is no duplicate.
    if (!address || !isValidEmail(address)) continue;
    const first = firstWith.get(address);
    if (first === undefined) {
      firstWith.set(address, contact.id);
    } else {
      problems.add({
        outcome: 'flagged',
        sourceKind: 'contact',
        sourceId: contact.id,
        object: 'Contact',
        field: 'Email',
        reason: `Same email as contact ${first}, "${address}"; both load, review them for a merge.`,
      });
    }
  }
}
