import { expect } from 'chai';
import { generateTenant, salesforceUsersFor } from './generator.js';
import { CwRecord, Tenant } from './types.js';

type Ref = { id: number; name?: string; identifier?: string };
const ref = (record: CwRecord, key: string): Ref | undefined => record[key] as Ref | undefined;
const share = (part: number, whole: number): number => part / whole;

/** The address a contact can be reached at: the default email item, joined with its domain when split. */
function defaultEmail(contact: CwRecord): string | undefined {
  const items = (contact.communicationItems ?? []) as Array<Record<string, unknown>>;
  const email = items.find((item) => item.communicationType === 'Email');
  if (!email) return undefined;
  const value = String(email.value);
  return value.includes('@') ? value : value + String(email.domain ?? '');
}
const VALID_EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[A-Za-z]{2,}$/;

/** Any null, except a custom field's `value`: 2025 tenants send `"value": null` for a field never set. */
function hasNull(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => !(key === 'value' && child === null) && hasNull(child));
}

describe('tenant generator', () => {
  let tenant: Tenant;
  before(function () {
    this.timeout(10_000);
    tenant = generateTenant({ seed: 2024, companies: 1500 });
  });

  it('gives the same tenant for the same seed and another for another seed', () => {
    const small = { seed: 9, companies: 25 };
    expect(JSON.stringify(generateTenant(small))).to.equal(JSON.stringify(generateTenant(small)));
    expect(JSON.stringify(generateTenant({ ...small, seed: 10 }))).not.to.equal(JSON.stringify(generateTenant(small)));
  });

  it('produces the requested volumes', () => {
    expect(tenant.companies).to.have.length(1500);
    expect(share(tenant.contacts.length, 1500)).to.be.within(5, 8);
    expect(share(tenant.tickets.length, 1500)).to.be.within(5, 8);
    expect(share(tenant.ticketNotes.length, tenant.tickets.length)).to.be.within(3, 4);
    const custom = generateTenant({
      seed: 1,
      companies: 10,
      contactsPerCompany: [1, 1],
      ticketsPerCompany: [2, 2],
      notesPerTicket: [6, 6],
    });
    expect([custom.contacts.length, custom.tickets.length, custom.ticketNotes.length]).to.deep.equal([10, 20, 120]);
  });

  it('lists every collection in ascending id order, with unique ids', () => {
    for (const [name, records] of Object.entries(tenant)) {
      if (!Array.isArray(records)) continue;
      // Documents are listed with the record they hang on; their ids are in `info`.
      const list = name === 'documents' ? tenant.documents!.map((entry) => entry.info) : (records as CwRecord[]);
      list.forEach((record, index) => {
        if (index > 0) expect(record.id, name).to.be.above(list[index - 1].id);
      });
    }
  });

  it('leaves null and empty properties out, as the serializer does', () => {
    const sample = [
      ...tenant.members,
      ...tenant.companies.slice(0, 300),
      ...tenant.contacts.slice(0, 1000),
      ...tenant.tickets.slice(0, 1000),
    ];
    expect(sample.filter(hasNull)).to.deep.equal([]);
    expect(
      tenant.contacts.some(
        (contact) => 'communicationItems' in contact && (contact.communicationItems as unknown[]).length === 0,
      ),
    ).to.equal(false);
  });

  it('keeps each ticket consistent: status on its board, closedFlag from the status, references that exist', () => {
    const statuses = new Map(tenant.boardStatuses.map((status) => [status.id, status]));
    const companies = new Set(tenant.companies.map((company) => company.id));
    const contacts = new Map(tenant.contacts.map((contact) => [contact.id, contact]));
    const members = new Set(tenant.members.map((member) => member.identifier));
    const priorities = new Set(tenant.priorities.map((priority) => priority.id));
    for (const ticket of tenant.tickets) {
      const status = statuses.get(ref(ticket, 'status')!.id)!;
      expect(ref(status, 'board')!.id, `ticket ${ticket.id}`).to.equal(ref(ticket, 'board')!.id);
      expect(ticket.closedFlag).to.equal(status.closedStatus);
      expect(ref(ticket, 'status')!.name).to.equal(status.name);
      expect(companies.has(ref(ticket, 'company')!.id)).to.equal(true);
      expect(priorities.has(ref(ticket, 'priority')!.id)).to.equal(true);
      const contact = ref(ticket, 'contact');
      if (contact) expect(ref(contacts.get(contact.id)!, 'company')!.id).to.equal(ref(ticket, 'company')!.id);
      const owner = ref(ticket, 'owner');
      if (owner) expect(members.has(owner.identifier)).to.equal(true);
      const info = ticket._info as Record<string, string>;
      expect(info.dateEntered <= info.lastUpdated && info.lastUpdated <= '2025-06-30T00:00:00Z').to.equal(true);
      expect(info.dateEntered).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (ticket.closedFlag) expect(ticket.closedDate).to.be.a('string');
    }
  });

  it('repeats status names across boards, each board with its own ids', () => {
    const news = tenant.boardStatuses.filter((status) => status.name === 'New');
    expect(news.length).to.equal(tenant.boards.length);
    expect(new Set(news.map((status) => ref(status, 'board')!.id)).size).to.equal(tenant.boards.length);
    expect(tenant.boardStatuses.some((status) => status.name === 'Completed' && status.closedStatus === true)).to.equal(
      true,
    );
    expect(tenant.priorities.map((priority) => priority.name)).to.include('Priority 1 - Emergency Response');
  });

  it('gives every note a ticket, and most tickets a first detail-description note', () => {
    const tickets = new Set(tenant.tickets.map((ticket) => ticket.id));
    const byTicket = new Map<number, CwRecord[]>();
    for (const note of tenant.ticketNotes) {
      expect(tickets.has(note.ticketId as number)).to.equal(true);
      byTicket.set(note.ticketId as number, [...(byTicket.get(note.ticketId as number) ?? []), note]);
      expect(Boolean(note.member) !== Boolean(note.contact), `note ${note.id} has one author`).to.equal(true);
    }
    const described = tenant.tickets.filter((ticket) =>
      byTicket.get(ticket.id)?.some((note) => note.detailDescriptionFlag === true),
    );
    expect(share(described.length, tenant.tickets.length)).to.be.within(0.95, 0.995);
    const firstIsDescription = tenant.tickets.filter(
      (ticket) => byTicket.get(ticket.id)![0].detailDescriptionFlag === true,
    );
    expect(share(firstIsDescription.length, tenant.tickets.length)).to.be.within(0.9, 0.99);
  });

  it('spreads the awkward cases at realistic rates', () => {
    const contacts = tenant.contacts.length;
    const emails = tenant.contacts.map(defaultEmail);
    const invalid = emails.filter((email) => email !== undefined && !VALID_EMAIL.test(email)).length;
    expect(share(invalid, contacts), 'invalid emails').to.be.within(0.015, 0.05);
    const counts = new Map<string, number>();
    for (const email of emails)
      if (email && VALID_EMAIL.test(email)) counts.set(email.toLowerCase(), (counts.get(email.toLowerCase()) ?? 0) + 1);
    const shared = emails.filter((email) => email && (counts.get(email.toLowerCase()) ?? 0) > 1).length;
    expect(share(shared, contacts), 'emails shared by contacts').to.be.within(0.02, 0.08);
    const names = new Map<string, number>();
    for (const contact of tenant.contacts) {
      const key =
        `${ref(contact, 'company')!.id}|${String(contact.firstName)}|${String(contact.lastName ?? '')}`.toLowerCase();
      names.set(key, (names.get(key) ?? 0) + 1);
    }
    const duplicates = [...names.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(share(duplicates, contacts), 'duplicate contacts').to.be.within(0.01, 0.05);
    expect(
      share(tenant.contacts.filter((contact) => !('communicationItems' in contact)).length, contacts),
    ).to.be.within(0.02, 0.08);

    const companyNames = tenant.companies.map((company) => String(company.name));
    expect(
      share(companyNames.filter((name) => /['",&]/.test(name)).length, 1500),
      'punctuated company names',
    ).to.be.within(0.03, 0.1);
    expect(
      share(companyNames.filter((name) => /[\u0080-\uffff]/.test(name)).length, 1500),
      'non-ASCII company names',
    ).to.be.within(0.02, 0.07);
    const text = tenant.ticketNotes.map((note) => String(note.text));
    expect(
      text.some((t) => /[\u0370-\u03ff]/.test(t)) && text.some((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t)),
    ).to.equal(true);
    expect(text.some((t) => /\p{Extended_Pictographic}/u.test(t))).to.equal(true);
    expect(share(text.filter((t) => t.includes('\n')).length, text.length), 'multi-line notes').to.be.above(0.2);
    expect(text.some((t) => t.includes('\r\n'))).to.equal(true);
    const long = text.filter((t) => t.length > 4000);
    expect(share(long.length, text.length), 'notes over 4,000 characters').to.be.within(0.01, 0.035);
    expect(long.some((t) => t.length > 20_000)).to.equal(true);
    expect(Math.max(...text.map((t) => t.length))).to.be.at.most(40_100);

    expect(
      share(tenant.tickets.filter((ticket) => !ticket.owner).length, tenant.tickets.length),
      'tickets without owner',
    ).to.be.within(0.08, 0.16);
    const members = tenant.members.length;
    expect(
      share(tenant.members.filter((member) => member.inactiveFlag).length, members),
      'inactive members',
    ).to.be.within(0.05, 0.22);
    const hrefs = JSON.stringify(tenant.tickets.slice(0, 2000)).match(/_href":"[^"]*"/g) ?? [];
    expect(share(hrefs.filter((href) => href.includes('3.0//')).length, hrefs.length), 'doubled slashes').to.be.within(
      0.02,
      0.1,
    );
    const updatedBy = tenant.contacts.map((contact) => String((contact._info as Record<string, string>).updatedBy));
    expect(share(updatedBy.filter((value) => value.endsWith(' ')).length, contacts), 'padded updatedBy').to.be.within(
      0.015,
      0.05,
    );
  });

  it('builds company trees several levels deep, with orphans and a cycle', () => {
    const byId = new Map(tenant.companies.map((company) => [company.id, company]));
    let orphans = 0;
    let cyclic = 0;
    let deepest = 0;
    for (const company of tenant.companies) {
      const seen = new Set<number>([company.id]);
      let depth = 0;
      let current: CwRecord | undefined = company;
      while (current) {
        const parent = ref(current, 'parentCompany');
        if (!parent) break;
        if (!byId.has(parent.id)) {
          if (current === company) orphans++;
          break;
        }
        if (seen.has(parent.id)) {
          cyclic++;
          break;
        }
        seen.add(parent.id);
        current = byId.get(parent.id);
        depth++;
      }
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).to.be.at.least(3);
    expect(share(orphans, 1500), 'orphans').to.be.within(0.003, 0.02);
    expect(cyclic).to.be.at.least(2);
    expect(share(tenant.companies.filter((company) => company.parentCompany).length, 1500)).to.be.within(0.12, 0.3);
  });

  it('lists Salesforce users that match most active members, some only ignoring case', () => {
    const users = salesforceUsersFor(tenant);
    const exact = new Set(users.map((user) => user.Email));
    const folded = new Set(users.map((user) => user.Email.toLowerCase()));
    const active = tenant.members.filter((member) => !member.inactiveFlag && member.primaryEmail);
    const matchedExactly = active.filter((member) => exact.has(String(member.primaryEmail))).length;
    const matchedFolded = active.filter((member) => folded.has(String(member.primaryEmail).toLowerCase())).length;
    expect(share(matchedFolded, active.length)).to.be.within(0.8, 0.97);
    expect(matchedFolded - matchedExactly).to.be.above(0);
    expect(new Set(users.map((user) => user.Username)).size).to.equal(users.length);
    for (const user of users) expect(user.Username).to.match(/^[^@\s]+@[^@\s]+\.[a-z]+\.cwmdemo$/);
  });

  // The whole tenant (time, configurations, invoices, custom fields…) roughly doubles the objects
  // of the service-desk core, and most of the time is the garbage collector moving them.
  it('generates 50,000 tickets with everything around them in seconds and well under 1 GB', function () {
    this.timeout(30_000);
    const started = Date.now();
    const big = generateTenant({ seed: 3, companies: 7700 });
    expect(big.tickets.length).to.be.above(48_000);
    expect(big.ticketNotes.length).to.be.above(150_000);
    expect(big.timeEntries!.length).to.be.above(40_000);
    expect(Date.now() - started).to.be.below(16_000);
    expect(process.memoryUsage().heapUsed).to.be.below(800_000_000);
  });
});
