/*
 * A connected slice of the tenant for a sample run: a few companies (with their parents, so the
 * hierarchy holds), their contacts, agreements, tickets and the tickets' notes. Members, boards, statuses
 * and priorities stay whole, since every decision is needed either way.
 */
import type { CwCompany } from '../transform/sourceTypes.js';
import type { Source } from './source.js';

/** The `size` companies with the most tickets, their ancestors, and everything hanging off them. */
export function sampleSlice(source: Source, size: number): Source {
  const ticketCount = new Map<number, number>();
  for (const t of source.tickets) if (t.company?.id != null) ticketCount.set(t.company.id, (ticketCount.get(t.company.id) ?? 0) + 1);
  const live = source.companies.filter((c) => c.deletedFlag !== true);
  const chosen = [...live].sort((a, b) => (ticketCount.get(b.id) ?? 0) - (ticketCount.get(a.id) ?? 0) || a.id - b.id).slice(0, size);
  const byId = new Map(source.companies.map((c) => [c.id, c]));
  const companies = new Map<number, CwCompany>();
  for (const company of chosen) {
    let current: CwCompany | undefined = company;
    while (current && !companies.has(current.id)) {
      companies.set(current.id, current);
      current = current.parentCompany?.id != null ? byId.get(current.parentCompany.id) : undefined;
    }
  }
  const inSlice = (companyId: number | null | undefined): boolean => companyId != null && chosen.some((c) => c.id === companyId);
  const tickets = source.tickets.filter((t) => inSlice(t.company?.id));
  const ticketIds = new Set(tickets.map((t) => t.id));
  return {
    ...source,
    companies: source.companies.filter((c) => companies.has(c.id)),
    contacts: source.contacts.filter((c) => inSlice(c.company?.id)),
    agreements: source.agreements.filter((a) => inSlice(a.company?.id)),
    tickets,
    notesByTicket: new Map([...source.notesByTicket].filter(([ticketId]) => ticketIds.has(ticketId))),
  };
}
