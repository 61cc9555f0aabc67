/**
 * The rest of a tenant, beyond the service desk core: board classification tables, SLAs,
 * company sites and notes, time, configurations, the catalog, agreements, invoices, projects,
 * the knowledge base, documents and custom fields. Volumes follow the companies at ratios a
 * mid-size MSP shows; each part draws from its own random stream.
 */
import { CwRecord, Tenant } from '../types.js';
import { generateAgreementTypes, generateAgreements } from './agreements.js';
import { generateBoardSetup } from './board-setup.js';
import { generateCatalog } from './catalog.js';
import { generateCompanyChildren } from './company-children.js';
import { generateConfigurationSetup, generateConfigurations } from './configurations.js';
import { GeneratorContext } from './context.js';
import { CustomFieldMaker, generateUserDefinedFields } from './custom-fields.js';
import { generateDocuments } from './documents.js';
import { generateInvoices } from './invoices.js';
import { generateKnowledgeBase } from './knowledge.js';
import { generateProjects } from './projects.js';
import { References } from './references.js';
import { generateSlas } from './slas.js';
import { generateTimeEntries } from './time-entries.js';

/** What the core steps produced, which the rest hangs on. */
export interface CoreTenant {
  members: CwRecord[];
  boards: CwRecord[];
  priorities: CwRecord[];
  companies: CwRecord[];
  contactsByCompany: CwRecord[][];
  tickets: CwRecord[];
}

type Breadth = Omit<Tenant, 'members' | 'boards' | 'boardStatuses' | 'priorities' | 'companies' | 'contacts' | 'tickets' | 'ticketNotes' | 'companyInfo'>;

/** Classifies tickets on their board's tables and links some to an SLA; edits the tickets in place. */
function classifyTickets(context: GeneratorContext, refs: References, core: CoreTenant, breadth: Breadth): void {
  const { random } = context;
  const byBoard = (records: CwRecord[] = [], key = 'board'): Map<number, CwRecord[]> => {
    const map = new Map<number, CwRecord[]>();
    for (const record of records) {
      const id = key === 'board' ? (record.board as { id: number }).id : (record[key] as number);
      map.set(id, [...(map.get(id) ?? []), record]);
    }
    return map;
  };
  const types = byBoard(breadth.boardTypes);
  const subTypes = byBoard(breadth.boardSubTypes);
  const items = byBoard(breadth.boardItems);
  const teams = byBoard(breadth.boardTeams, 'boardId');
  const slas = breadth.slas ?? [];
  for (const ticket of core.tickets) {
    const boardId = (ticket.board as { id: number }).id;
    const pick = (map: Map<number, CwRecord[]>, share: number): CwRecord | undefined => {
      const list = map.get(boardId);
      return list && random.chance(share) ? random.pick(list) : undefined;
    };
    const type = pick(types, 0.75);
    if (type) ticket.type = refs.lookup('boardType', type.id, String(type.name));
    const subType = type ? pick(subTypes, 0.6) : undefined;
    if (subType) ticket.subType = refs.lookup('boardSubType', subType.id, String(subType.name));
    const item = pick(items, 0.4);
    if (item) ticket.item = refs.lookup('boardItem', item.id, String(item.name));
    const team = pick(teams, 0.5);
    if (team) ticket.team = refs.lookup('boardTeam', team.id, String(team.name));
    if (slas.length > 0) {
      const sla = random.weighted(slas, [70, 10, 15, 5]);
      ticket.sla = refs.lookup('sla', sla.id, String(sla.name));
    }
  }
}

/** Generates everything beyond the core; adds custom fields and classification to the core records. */
export function generateBreadth(context: GeneratorContext, refs: References, core: CoreTenant): Breadth {
  const companies = core.companies.length;
  const technicians = core.members.slice(1);
  const setupContext = context.forked(11);
  const fields = new CustomFieldMaker(context.forked(12));
  const breadth: Breadth = {
    userDefinedFields: generateUserDefinedFields(setupContext),
    ...generateBoardSetup(setupContext, refs, core.boards, technicians),
    ...generateSlas(setupContext, refs, core.priorities),
    ...generateConfigurationSetup(setupContext),
    agreementTypes: generateAgreementTypes(setupContext),
    catalogItems: generateCatalog(setupContext, Math.min(400, 40 + Math.round(companies / 10))),
    ...generateKnowledgeBase(setupContext, refs, core.boards, Math.min(2000, 10 + Math.round(companies / 20))),
    companySites: [],
    companyNotes: [],
    configurations: [],
    agreements: [],
    agreementAdditions: [],
    invoices: [],
    projects: [],
    documents: [],
  };
  classifyTickets(context.forked(13), refs, core, breadth);
  const perCompany = context.forked(14);
  const ids = { site: 1, note: 1, configuration: 1000, agreement: 1, addition: 1, invoice: 1, project: 1 };
  const companyAgreements: Array<CwRecord | undefined> = [];
  core.companies.forEach((company, index) => {
    const contacts = core.contactsByCompany[index] ?? [];
    company.customFields = fields.fieldsFor('company', 0.5);
    for (const contact of contacts) contact.customFields = fields.fieldsFor('contact', 0.3);
    generateCompanyChildren(perCompany, refs, company, ids, breadth as Required<Breadth>);
    generateConfigurations(perCompany, refs, company, contacts, fields, ids, breadth.configurations!);
    const before = breadth.agreements!.length;
    const inputs = { company, contact: contacts[0], slas: breadth.slas ?? [], catalog: breadth.catalogItems ?? [], fields };
    generateAgreements(perCompany, refs, inputs, ids, breadth as Required<Breadth>);
    companyAgreements.push(breadth.agreements![before]);
    generateProjects(perCompany, refs, { company, contact: contacts[0], managers: technicians, fields }, ids, breadth.projects!);
  });
  // Invoices are numbered in date order across companies in a real tenant; here per company, which keeps ids ascending.
  const invoiceContext = context.forked(15);
  core.companies.forEach((company, index) => {
    const count = invoiceContext.random.weighted([0, 2, 4, 8], [30, 30, 25, 15]);
    generateInvoices(invoiceContext, refs, company, companyAgreements[index], count, ids, breadth.invoices!);
  });
  const ticketFields = context.forked(16);
  const ticketMaker = new CustomFieldMaker(ticketFields);
  for (const ticket of core.tickets) ticket.customFields = ticketMaker.fieldsFor('ticket', 0.35);
  breadth.timeEntries = generateTimeEntries(context.forked(17), refs, core.tickets, technicians);
  const documentContext = context.forked(18);
  const documentIds = { document: 1 };
  const documents = breadth.documents!;
  generateDocuments(documentContext, 'Company', core.companies, documentIds, documents);
  generateDocuments(documentContext, 'Configuration', breadth.configurations!, documentIds, documents);
  generateDocuments(documentContext, 'Agreement', breadth.agreements!, documentIds, documents);
  generateDocuments(documentContext, 'Project', breadth.projects!, documentIds, documents);
  generateDocuments(documentContext, 'Ticket', core.tickets, documentIds, documents);
  return breadth;
}
