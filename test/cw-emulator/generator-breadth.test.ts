import { expect } from 'chai';
import { generateTenant } from './generator.js';
import { CwRecord, Tenant } from './types.js';

type Ref = { id: number; name?: string };
const ref = (record: CwRecord, key: string): Ref | undefined => record[key] as Ref | undefined;
const ids = (records: CwRecord[] = []): Set<number> => new Set(records.map((record) => record.id));
const MIDNIGHT = /^\d{4}-\d\d-\d\dT00:00:00Z$/;

describe('tenant generator: everything beyond the service desk', () => {
  let tenant: Tenant;
  before(() => {
    tenant = generateTenant({ seed: 11, companies: 300 });
  });

  it('fills every collection the migration reads, at believable ratios', () => {
    const per = (records: unknown[] | undefined, whole: number): number => (records?.length ?? 0) / whole;
    const companies = tenant.companies.length;
    expect(per(tenant.companySites, companies)).to.be.within(1.05, 1.5);
    expect(per(tenant.companyNotes, companies)).to.be.within(0.5, 1.5);
    expect(per(tenant.configurations, companies)).to.be.within(1.5, 3.5);
    expect(per(tenant.agreements, companies)).to.be.within(0.5, 1);
    expect(per(tenant.agreementAdditions, tenant.agreements!.length)).to.be.within(1.5, 3.5);
    expect(per(tenant.invoices, companies)).to.be.within(2, 5);
    expect(per(tenant.timeEntries, tenant.tickets.length)).to.be.within(0.8, 1.6);
    expect(tenant.projects!.length).to.be.within(5, 60);
    expect(tenant.slas).to.have.length(4);
    expect(tenant.kbArticles!.length).to.equal(25);
    for (const name of ['boardTypes', 'boardSubTypes', 'boardItems', 'boardTeams', 'catalogItems', 'kbCategories',
      'kbSubCategories', 'configurationTypes', 'configurationStatuses', 'agreementTypes', 'slaPriorities', 'userDefinedFields'] as const) {
      expect(tenant[name]!.length, name).to.be.above(0);
    }
    const documented = new Set(tenant.documents!.map((entry) => entry.recordType));
    expect([...documented].sort()).to.deep.equal(['Agreement', 'Company', 'Configuration', 'Project', 'Ticket']);
  });

  it('points children and references at records that exist', () => {
    const boards = ids(tenant.boards);
    for (const type of tenant.boardTypes!) expect(boards.has(ref(type, 'board')!.id)).to.equal(true);
    for (const team of tenant.boardTeams!) expect(boards.has(team.boardId as number)).to.equal(true);
    const slas = ids(tenant.slas);
    for (const target of tenant.slaPriorities!) expect(slas.has(ref(target, 'sla')!.id)).to.equal(true);
    const companies = ids(tenant.companies);
    for (const site of tenant.companySites!) expect(companies.has(ref(site, 'company')!.id)).to.equal(true);
    const agreements = ids(tenant.agreements);
    for (const addition of tenant.agreementAdditions!) expect(agreements.has(addition.agreementId as number)).to.equal(true);
    const tickets = ids(tenant.tickets);
    const onTickets = tenant.timeEntries!.filter((entry) => entry.chargeToType === 'ServiceTicket');
    for (const entry of onTickets) expect(tickets.has(entry.chargeToId as number)).to.equal(true);
    expect(tenant.timeEntries!.some((entry) => entry.chargeToType === 'ChargeCode')).to.equal(true);
    const typesOfBoard = new Map(tenant.boardTypes!.map((type) => [type.id, ref(type, 'board')!.id]));
    for (const ticket of tenant.tickets.filter((candidate) => candidate.type)) {
      expect(typesOfBoard.get(ref(ticket, 'type')!.id)).to.equal(ref(ticket, 'board')!.id);
    }
  });

  it('sends date-only values as midnight UTC', () => {
    for (const agreement of tenant.agreements!) expect(agreement.startDate).to.match(MIDNIGHT);
    for (const invoice of tenant.invoices!) expect([invoice.date, invoice.dueDate].join(' ')).to.match(/^\S+T00:00:00Z \S+T00:00:00Z$/);
    for (const project of tenant.projects!) expect(project.estimatedStart).to.match(MIDNIGHT);
    const hoursOnly = tenant.timeEntries!.filter((entry) => entry.timeEnd === undefined);
    expect(hoursOnly.length).to.be.above(0);
    for (const entry of hoursOnly) expect(entry.timeStart).to.match(MIDNIGHT);
  });

  it('marks merged companies deleted without a newer lastUpdated', () => {
    const big = generateTenant({ seed: 4, companies: 200, rates: { deletedCompany: 0.1 } });
    const deleted = big.companies.filter((company) => company.deletedFlag === true);
    expect(deleted.length).to.be.above(3);
    for (const company of deleted) {
      expect(String((company._info as Record<string, string>).lastUpdated) < String(company.dateDeleted)).to.equal(true);
    }
  });

  it('carries custom fields of every type, scalar values, some unset by a missing key and some by null', () => {
    const definitions = tenant.userDefinedFields!;
    const types = new Set(definitions.map((definition) => definition.fieldTypeIdentifier));
    expect([...types].sort()).to.deep.equal(
      ['Button', 'Checkbox', 'Currency', 'Date', 'Hyperlink', 'IPAddress', 'Number', 'Password', 'Percent', 'Text', 'TextArea'],
    );
    const fields = [...tenant.companies, ...tenant.contacts, ...tenant.tickets, ...tenant.configurations!].flatMap(
      (record) => record.customFields as Array<Record<string, unknown>>,
    );
    const valueTypes = new Set(fields.filter((field) => field.value != null).map((field) => typeof field.value));
    expect([...valueTypes].sort()).to.deep.equal(['boolean', 'number', 'string']);
    expect(fields.some((field) => !('value' in field))).to.equal(true);
    expect(fields.some((field) => field.value === null)).to.equal(true);
    const byId = new Map(definitions.map((definition) => [definition.id, definition]));
    for (const field of fields) expect(byId.get(field.id as number)?.caption).to.equal(field.caption);
    for (const field of fields.filter((candidate) => candidate.type === 'Date' && candidate.value != null)) {
      expect(field.value).to.match(MIDNIGHT);
    }
  });

  it('attaches documents with awkward names and some links without bytes', () => {
    const infos = tenant.documents!.map((entry) => entry.info);
    expect(infos.some((info) => info.urlFlag === true && info.size === 0)).to.equal(true);
    expect(infos.some((info) => /[^\x20-\x7e]/.test(String(info.fileName)))).to.equal(true);
    expect(infos.some((info) => String(info.fileName).includes(' '))).to.equal(true);
  });
});
