/**
 * The seeded tenant generator: a believable MSP tenant of any size from 5 to 100,000 companies,
 * with the awkward cases a migration meets in real data spread through it at realistic rates.
 *
 * @example
 * const tenant = generateTenant({ seed: 42, companies: 200 });
 * tenant.tickets.length; // about 1,300
 */
import { CwRecord, Tenant } from './types.js';
import { generateBreadth } from './generator/breadth.js';
import { GeneratorContext } from './generator/context.js';
import { buildCompany, draftCompanies } from './generator/companies.js';
import { linkCompanyTree } from './generator/company-tree.js';
import { ContactIds, generateContacts } from './generator/contacts.js';
import { generateMembers } from './generator/members.js';
import { resolveOptions, TenantOptions } from './generator/options.js';
import { References } from './generator/references.js';
import { generateServiceSetup } from './generator/service-setup.js';
import { generateTickets } from './generator/tickets.js';

export type { TenantOptions, AwkwardRates } from './generator/options.js';
export { DEFAULT_RATES } from './generator/options.js';
export { salesforceUsersFor, type SalesforceUser } from './generator/salesforce-users.js';

/**
 * Generates a tenant. The same options always give the same tenant, record for record.
 *
 * Volumes: members about one per 12 companies (8 to 400), 5–8 contacts and 5–8 tickets per
 * company, 1–6 notes per ticket (adjustable through `options`); per company about 1.2 sites,
 * 0.9 notes, 2.6 configurations, 0.75 agreements with 1–4 additions each, 3 invoices and 0.1
 * projects; about 1.2 time entries per ticket; documents on 8% of tickets and 10–30% of
 * companies, agreements and projects; custom fields on companies, contacts, tickets,
 * configurations, agreements and projects. See generator/breadth.ts.
 */
export function generateTenant(options: TenantOptions): Tenant {
  const resolved = resolveOptions(options);
  const context = new GeneratorContext(resolved);
  const refs = new References(context);
  // Each step draws from its own stream, so changing one volume does not reshuffle the others.
  const members = generateMembers(context.forked(1));
  const setup = generateServiceSetup(context.forked(2), refs);
  const companyContext = context.forked(3);
  const { drafts, gapIds } = draftCompanies(companyContext, refs);
  linkCompanyTree(companyContext, refs, drafts, gapIds);

  const contactContext = context.forked(4);
  const ids: ContactIds = { contact: 1000, item: 1 };
  const [minContacts, maxContacts] = resolved.contactsPerCompany;
  const companies: CwRecord[] = [];
  const contacts: CwRecord[] = [];
  const contactsByCompany: CwRecord[][] = [];
  for (const draft of drafts) {
    const own = generateContacts(contactContext, refs, draft, ids, contactContext.random.int(minContacts, maxContacts));
    contactsByCompany.push(own);
    for (const contact of own) contacts.push(contact);
    companies.push(buildCompany(companyContext, draft, own.length > 0 ? refs.contact(own[0]) : undefined));
  }

  const { tickets, notes } = generateTickets(context.forked(5), refs, { drafts, contactsByCompany, members, setup });
  const breadth = generateBreadth(context.forked(6), refs, {
    members,
    boards: setup.boards,
    priorities: setup.priorities,
    companies,
    contactsByCompany,
    tickets,
  });
  return {
    members,
    boards: setup.boards,
    boardStatuses: setup.boardStatuses,
    priorities: setup.priorities,
    companies,
    contacts,
    tickets,
    ticketNotes: notes,
    ...breadth,
    companyInfo: {
      CompanyName: 'Brightdesk IT Services',
      Codebase: 'v4_6_release/',
      VersionCode: 'v2025.1',
      VersionNumber: 'v4.6.98765',
      CompanyID: resolved.companyId,
      IsCloud: true,
    },
  };
}
