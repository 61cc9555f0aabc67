/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** The kinds a folder of exports can fill, and what recognises each file (see README.md). */
export type ExportKind = 'companies' | 'contacts' | 'tickets' | 'members';

/**
 * The column captions assumed for each kind, by the field they feed. Each field lists the
 * captions it answers to, compared ignoring case and surrounding spaces; the first is the one
 * the README shows. None of these come from a real export: they are the captions of the
 * ConnectWise PSA screens and list views, to be checked against a user's own files.
 */
export const CAPTIONS = {
  companies: {
    identifier: ['Company ID', 'Company Identifier'],
    name: ['Company Name', 'Company'],
    status: ['Status', 'Company Status'],
    type: ['Type', 'Company Type'],
    addressLine1: ['Address Line 1', 'Address 1'],
    addressLine2: ['Address Line 2', 'Address 2'],
    city: ['City'],
    state: ['State', 'State/Province'],
    zip: ['Zip', 'Zip Code', 'Postal Code'],
    country: ['Country'],
    phoneNumber: ['Phone', 'Phone Number'],
    faxNumber: ['Fax', 'Fax Number'],
    website: ['Website', 'Web Site'],
    parentCompany: ['Parent Company', 'Parent'],
    dateEntered: ['Date Entered', 'Entered'],
    lastUpdated: ['Last Update', 'Last Updated'],
  },
  contacts: {
    firstName: ['First Name'],
    lastName: ['Last Name'],
    company: ['Company', 'Company Name'],
    companyIdentifier: ['Company ID'],
    title: ['Title'],
    email: ['Email', 'Default Email', 'E-mail'],
    phone: ['Phone', 'Default Phone', 'Direct'],
    mobile: ['Mobile', 'Cell'],
    inactive: ['Inactive', 'Inactive Flag'],
    lastUpdated: ['Last Update', 'Last Updated'],
  },
  tickets: {
    id: ['Ticket #', 'Ticket Number', 'Ticket'],
    summary: ['Summary Description', 'Summary'],
    company: ['Company', 'Company Name'],
    companyIdentifier: ['Company ID'],
    contact: ['Contact', 'Contact Name'],
    board: ['Board', 'Service Board'],
    status: ['Status'],
    priority: ['Priority'],
    type: ['Type'],
    subType: ['Subtype', 'Sub Type'],
    item: ['Item'],
    owner: ['Resources', 'Assigned To', 'Owner'],
    dateEntered: ['Date Entered', 'Entered'],
    enteredBy: ['Entered By'],
    lastUpdated: ['Last Update', 'Last Updated'],
    requiredDate: ['Due Date', 'Required Date'],
    closedDate: ['Closed Date', 'Date Closed'],
    closedFlag: ['Closed', 'Closed Flag'],
  },
  members: {
    identifier: ['Member ID', 'Member Identifier'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    primaryEmail: ['Email', 'Email Address', 'Primary Email'],
    title: ['Title'],
    inactive: ['Inactive', 'Inactive Flag'],
  },
} as const satisfies Record<ExportKind, Record<string, readonly string[]>>;

/** A caption reduced for comparison. */
export function captionKey(caption: string): string {
  return caption.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Which kind a file holds, from its header row: a ticket number means tickets, a member id
 * members, a company id with a company name but no first name companies, and a first and last
 * name contacts. Undefined when the header fits none.
 */
export function recogniseKind(headers: readonly string[]): ExportKind | undefined {
  const has = (field: readonly string[]): boolean =>
    headers.some((header) => field.some((caption) => captionKey(caption) === captionKey(header)));
  if (has(CAPTIONS.tickets.id) && has(CAPTIONS.tickets.summary)) return 'tickets';
  if (has(CAPTIONS.members.identifier)) return 'members';
  if (has(CAPTIONS.contacts.firstName) && has(CAPTIONS.contacts.lastName)) return 'contacts';
  if (has(CAPTIONS.companies.identifier) && has(CAPTIONS.companies.name)) return 'companies';
  return undefined;
}

/** For each field of a kind, the index of its column in the header; and the headers no field took. */
export function locateColumns(
  kind: ExportKind,
  headers: readonly string[],
): { columns: Map<string, number>; unmapped: string[] } {
  const keys = headers.map(captionKey);
  const columns = new Map<string, number>();
  const used = new Set<number>();
  for (const [field, captions] of Object.entries(CAPTIONS[kind]) as Array<[string, readonly string[]]>) {
    for (const caption of captions) {
      const index = keys.findIndex((key, at) => key === captionKey(caption) && !used.has(at));
      if (index >= 0) {
        columns.set(field, index);
        used.add(index);
        break;
      }
    }
  }
  return { columns, unmapped: headers.filter((_header, index) => !used.has(index) && headers[index].trim() !== '') };
}
