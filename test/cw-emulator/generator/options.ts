/**
 * What the tenant generator can be asked for, and the defaults that make a believable mid-size MSP.
 */

/** How often each awkward case appears. Each is a share in [0, 1] of the records it applies to. */
export interface AwkwardRates {
  /** Company and person names with apostrophes, quotes, commas or ampersands. */
  punctuatedName: number;
  /** Names, summaries and note text in accented Latin, Greek, CJK, Hangul or with emoji. */
  unicodeText: number;
  /** Members who have left (inactiveFlag true, with an inactiveDate). */
  inactiveMember: number;
  /** Members whose primaryEmail is in mixed case, so it matches a Salesforce user only case-insensitively. */
  memberEmailMixedCase: number;
  /** Companies with a parent company. */
  childCompany: number;
  /** Companies whose parent id belongs to no company (the parent was deleted or merged away). */
  orphanCompany: number;
  /** Companies that sit in a parent cycle (A under B under A). */
  companyInCycle: number;
  /** Companies soft-deleted by a merge (deletedFlag true). */
  deletedCompany: number;
  /** Contacts that repeat an earlier contact of the same company (same person entered twice). */
  duplicateContact: number;
  /** Contacts whose email is a shared mailbox other contacts use too. */
  sharedEmail: number;
  /** Contacts whose email cannot be a valid address. */
  invalidEmail: number;
  /** Contacts with no communicationItems at all (the key is left out). */
  contactWithoutCommunication: number;
  /** Tickets with no owner. */
  ticketWithoutOwner: number;
  /** Tickets with no contact. */
  ticketWithoutContact: number;
  /** Tickets that have no detail-description note (so no description). */
  ticketWithoutDescription: number;
  /** Notes longer than 4,000 characters. */
  longNote: number;
  /** Of the long notes, the share that runs to 20,000–40,000 characters. */
  veryLongNoteShare: number;
  /** Records whose `_info` links contain a doubled slash after `apis/3.0`. */
  doubledSlashHref: number;
  /** Records whose `_info.updatedBy` is padded with trailing spaces. */
  paddedUpdatedBy: number;
}

/** Options for {@link generateTenant}. Only `seed` and `companies` are required. */
export interface TenantOptions {
  /** Same seed and options, same tenant. */
  seed: number;
  /** Number of companies (5 to 100,000). The other volumes follow from it. */
  companies: number;
  /** Number of members; by default about one per 12 companies, at least 8 and at most 400. */
  members?: number;
  /** Contacts per company, inclusive range. Default [5, 8]. */
  contactsPerCompany?: readonly [number, number];
  /** Tickets per company, inclusive range. Default [5, 8]. */
  ticketsPerCompany?: readonly [number, number];
  /** Notes per ticket, inclusive range. Default [1, 6]. */
  notesPerTicket?: readonly [number, number];
  /** The tenant's "now": no timestamp is later. Default 2025-06-30T00:00:00Z. */
  asOf?: string;
  /** How many years of history the tenant holds. Default 4. */
  historyYears?: number;
  /** Base of the `_info` links. Default a fictitious cloud host. */
  hrefBase?: string;
  /** The company id the tenant answers to on `/login/companyinfo`. Default `cwmigrate`. */
  companyId?: string;
  /** Overrides for the awkward-case rates. */
  rates?: Partial<AwkwardRates>;
}

export const DEFAULT_RATES: AwkwardRates = {
  punctuatedName: 0.06,
  unicodeText: 0.04,
  inactiveMember: 0.12,
  memberEmailMixedCase: 0.1,
  childCompany: 0.2,
  orphanCompany: 0.01,
  companyInCycle: 0.002,
  deletedCompany: 0.005,
  duplicateContact: 0.02,
  sharedEmail: 0.02,
  invalidEmail: 0.03,
  contactWithoutCommunication: 0.04,
  ticketWithoutOwner: 0.12,
  ticketWithoutContact: 0.05,
  ticketWithoutDescription: 0.02,
  longNote: 0.02,
  veryLongNoteShare: 0.1,
  doubledSlashHref: 0.05,
  paddedUpdatedBy: 0.03,
};

/** Options with every default filled in. */
export interface ResolvedOptions extends Required<Omit<TenantOptions, 'rates'>> {
  rates: AwkwardRates;
}

/** Fills in defaults and rejects volumes the generator was not built for. */
export function resolveOptions(options: TenantOptions): ResolvedOptions {
  if (!Number.isInteger(options.companies) || options.companies < 1 || options.companies > 100_000) {
    throw new Error(`companies must be an integer from 1 to 100000, got ${options.companies}`);
  }
  return {
    seed: options.seed,
    companies: options.companies,
    members: options.members ?? Math.min(400, Math.max(8, Math.round(options.companies / 12))),
    contactsPerCompany: options.contactsPerCompany ?? [5, 8],
    ticketsPerCompany: options.ticketsPerCompany ?? [5, 8],
    notesPerTicket: options.notesPerTicket ?? [1, 6],
    asOf: options.asOf ?? '2025-06-30T00:00:00Z',
    historyYears: options.historyYears ?? 4,
    hrefBase: options.hrefBase ?? 'https://api-na.cwm.example.test/v4_6_release/apis/3.0',
    companyId: options.companyId ?? 'cwmigrate',
    rates: { ...DEFAULT_RATES, ...options.rates },
  };
}
