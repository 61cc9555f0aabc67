/**
 * Service tickets (`service/tickets`). Tickets are numbered in the order they came in across all
 * companies, so ids and `_info.dateEntered` rise together as they do in a real tenant; each
 * ticket's status belongs to its board, and `closedFlag` always agrees with that status.
 */
import { CwRecord } from '../types.js';
import { DAY_MS, GeneratorContext, isoSeconds } from './context.js';
import { CompanyDraft } from './companies.js';
import { generateNotes } from './notes.js';
import { References } from './references.js';
import { ServiceSetup } from './service-setup.js';
import { AWKWARD_SUMMARIES, TICKET_SUMMARIES } from './words.js';

/** Everything ticket generation reads from the earlier steps. */
export interface TicketInputs {
  drafts: CompanyDraft[];
  /** Per company (same index as drafts): its contacts. */
  contactsByCompany: CwRecord[][];
  members: CwRecord[];
  setup: ServiceSetup;
}

const SOURCES = [
  { id: 1, name: 'Email' },
  { id: 2, name: 'Phone' },
  { id: 3, name: 'Portal' },
  { id: 4, name: 'RMM' },
];
const LEVELS = ['Low', 'Medium', 'High'];

/** Which company each ticket belongs to, in arrival order: every company gets its share, shuffled. */
function arrivalOrder(context: GeneratorContext, companies: number): Int32Array {
  const { random, options } = context;
  const [min, max] = options.ticketsPerCompany;
  const counts = Array.from({ length: companies }, () => random.int(min, max));
  const order = new Int32Array(counts.reduce((sum, count) => sum + count, 0));
  let position = 0;
  counts.forEach((count, company) => order.fill(company, position, (position += count)));
  for (let index = order.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

function summaryFor(context: GeneratorContext): string {
  const { random, options } = context;
  if (random.chance(options.rates.unicodeText + options.rates.punctuatedName)) return random.pick(AWKWARD_SUMMARIES);
  return random.pick(TICKET_SUMMARIES);
}

/** Open tickets are young; nearly everything older than a month is closed. */
function closedShare(ageDays: number): number {
  if (ageDays > 30) return 0.94;
  return ageDays > 7 ? 0.6 : 0.2;
}

/** Generates tickets and their notes. */
// eslint-disable-next-line complexity -- one flat pass reads best here; splitting it would scatter the record's shape.
export function generateTickets(
  context: GeneratorContext,
  refs: References,
  inputs: TicketInputs,
): { tickets: CwRecord[]; notes: CwRecord[] } {
  const { random, options } = context;
  const { boards, boardStatuses, priorities } = inputs.setup;
  const statusesByBoard = new Map<number, CwRecord[]>(boards.map((board) => [board.id, []]));
  for (const status of boardStatuses) statusesByBoard.get((status.board as { id: number }).id)?.push(status);
  const boardWeights = boards.map((_board, index) => (index === 0 ? 8 : 8 / (index + 1)));
  const technicians = inputs.members.slice(1);
  const order = arrivalOrder(context, inputs.drafts.length);
  const span = context.endMs - context.startMs;
  const tickets: CwRecord[] = [];
  const notes: CwRecord[] = [];
  const noteIds = { next: 1000 };
  let id = 10_000;
  for (let index = 0; index < order.length; index++) {
    const draft = inputs.drafts[order[index]];
    const contacts = inputs.contactsByCompany[order[index]];
    const enteredMs = context.startMs + ((index + random.next()) / order.length) * span;
    const board = random.weighted(boards, boardWeights);
    const statuses = statusesByBoard.get(board.id) ?? [];
    const closed = random.chance(closedShare((context.endMs - enteredMs) / DAY_MS));
    const candidates = statuses.filter(
      (status) => status.closedStatus === closed && (status.inactive !== true || random.chance(0.05)),
    );
    const status = random.pick(candidates.length > 0 ? candidates : statuses);
    const contact =
      contacts.length > 0 && !random.chance(options.rates.ticketWithoutContact) ? random.pick(contacts) : undefined;
    const owner =
      technicians.length > 0 && !random.chance(options.rates.ticketWithoutOwner) ? random.pick(technicians) : undefined;
    const closedMs = Math.min(context.endMs, enteredMs + random.int(1, 14 * 24) * 3_600_000);
    const lastUpdatedMs = status.closedStatus ? closedMs : enteredMs + random.next() * (context.endMs - enteredMs);

    const ticket: CwRecord = { id, summary: summaryFor(context), recordType: 'ServiceTicket' };
    ticket.board = refs.board(board);
    ticket.status = refs.status(status, board.id);
    ticket.company = draft.ref;
    if (contact) {
      ticket.contact = refs.contact(contact);
      ticket.contactName = (ticket.contact as { name: string }).name;
      if (contact.defaultPhoneNbr) ticket.contactPhoneNumber = contact.defaultPhoneNbr;
      const email = ((contact.communicationItems ?? []) as Array<Record<string, unknown>>).find(
        (item) => item.communicationType === 'Email',
      );
      if (email) ticket.contactEmailAddress = email.value;
    }
    ticket.priority = refs.priority(random.weighted(priorities, [3, 12, 60, 15, 7, 3]));
    ticket.severity = random.weighted(LEVELS, [6, 3, 1]);
    ticket.impact = random.weighted(LEVELS, [6, 3, 1]);
    if (owner) {
      ticket.owner = refs.member(owner);
      ticket.resources = random.chance(0.2)
        ? `${String(owner.identifier)}, ${String(random.pick(technicians).identifier)}`
        : owner.identifier;
    }
    const source = random.pick(SOURCES);
    ticket.source = refs.lookup('source', source.id, source.name);
    ticket.closedFlag = status.closedStatus === true;
    if (ticket.closedFlag) {
      ticket.closedDate = isoSeconds(closedMs);
      ticket.closedBy = owner ? owner.identifier : 'zAdmin';
    }
    ticket.approved = true;
    ticket.customerUpdatedFlag = random.chance(0.1);
    ticket.isInSla = random.chance(0.85);
    ticket.billTime = 'NoDefault';
    const doubled = context.drawDoubledSlash();
    ticket._info = {
      lastUpdated: isoSeconds(lastUpdatedMs),
      updatedBy: context.updatedBy(owner ? String(owner.identifier) : 'zAdmin'),
      dateEntered: isoSeconds(enteredMs),
      enteredBy: contact ? 'EmailConnector' : owner ? String(owner.identifier) : 'zAdmin',
      notes_href: context.href(`service/tickets/${id}/notes`, doubled),
      timeentries_href: context.href(`service/tickets/${id}/timeentries`, doubled),
      documents_href: context.href(`system/documents?recordType=Ticket&recordId=${id}`, doubled),
    };
    tickets.push(ticket);
    generateNotes(context, refs, { ticket, contact, owner, technicians, enteredMs, lastUpdatedMs }, noteIds, notes);
    id += random.chance(0.02) ? random.int(2, 6) : 1;
  }
  return { tickets, notes };
}
