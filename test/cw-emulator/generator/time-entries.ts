/**
 * Time entries (`time/entries`, api-notes §6.10). Most ticket work is logged against the ticket
 * (`chargeToType` ServiceTicket, `chargeToId` the ticket id); a few entries go to charge codes
 * (internal time, no ticket). Entries logged as hours only have `timeStart` at midnight UTC and no
 * `timeEnd`, as the API returns them. Their notes are what `allNotes` shows as TimeEntryNote.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { References } from './references.js';

const WORK_TYPES = [
  { id: 1, name: 'Regular' },
  { id: 2, name: 'After Hours' },
  { id: 3, name: 'Travel' },
];
const WORK_ROLES = [
  { id: 11, name: 'System Engineer' },
  { id: 12, name: 'Help Desk Technician' },
];
const NOTES = [
  'Remoted in, cleared print queue, test page OK.',
  'Called user; walked through MFA re-registration.',
  'Replaced toner. Drove on site — traffic on I-95.',
  'Patched server; rebooted in maintenance window.\r\nAll services back.',
  'Reviewed logs, nothing conclusive; monitoring.',
  'Réinitialisé le mot de passe de l’utilisateur.',
];

/** Generates the time entries of every ticket, plus internal time on charge codes, in id order. */
export function generateTimeEntries(
  context: GeneratorContext,
  refs: References,
  tickets: CwRecord[],
  technicians: CwRecord[],
): CwRecord[] {
  const { random } = context;
  const entries: CwRecord[] = [];
  let id = 500_000;
  if (technicians.length === 0) return entries;
  for (const ticket of tickets) {
    const count = random.chance(0.6) ? random.int(1, 3) : 0;
    const info = ticket._info as Record<string, string>;
    const from = Date.parse(info.dateEntered);
    const to = Math.max(from + 3_600_000, Date.parse(info.lastUpdated));
    for (let index = 0; index < count; index++) {
      const member = ticket.owner ? (ticket.owner as { id: number }) : refs.member(random.pick(technicians));
      entries.push(entry(context, id++, ticket, member as Record<string, unknown>, from, to));
    }
    // Internal time now and then, booked to a charge code rather than a ticket.
    if (random.chance(0.03)) {
      const member = refs.member(random.pick(technicians));
      const chargeCode = entry(context, id++, undefined, member, from, to);
      entries.push(chargeCode);
    }
  }
  return entries;
}

function entry(
  context: GeneratorContext,
  id: number,
  ticket: CwRecord | undefined,
  member: Record<string, unknown>,
  fromMs: number,
  toMs: number,
): CwRecord {
  const { random } = context;
  const startMs = fromMs + random.next() * (toMs - fromMs);
  const hours = random.int(1, 16) / 4;
  const hoursOnly = random.chance(0.08);
  const record: CwRecord = { id };
  if (ticket) record.company = ticket.company;
  record.chargeToId = ticket ? ticket.id : random.int(1, 4);
  record.chargeToType = ticket ? 'ServiceTicket' : 'ChargeCode';
  record.member = member;
  record.locationId = 2;
  record.businessUnitId = 10;
  record.workType = random.pick(WORK_TYPES);
  record.workRole = random.pick(WORK_ROLES);
  record.timeStart = hoursOnly ? `${isoSeconds(startMs).slice(0, 10)}T00:00:00Z` : isoSeconds(startMs);
  if (!hoursOnly) record.timeEnd = isoSeconds(startMs + hours * 3_600_000);
  record.hoursDeduct = 0;
  record.actualHours = hours;
  record.billableOption = ticket ? random.weighted(['Billable', 'DoNotBill', 'NoCharge'], [6, 2, 2]) : 'DoNotBill';
  if (random.chance(0.75)) record.notes = random.pick(NOTES);
  if (random.chance(0.1)) record.internalNotes = 'Billing: check against agreement hours.';
  record.addToDetailDescriptionFlag = ticket !== undefined && random.chance(0.5);
  record.addToInternalAnalysisFlag = ticket !== undefined && !record.addToDetailDescriptionFlag;
  record.addToResolutionFlag = false;
  record.hoursBilled = record.billableOption === 'Billable' ? hours : 0;
  record.enteredBy = String(member.identifier ?? 'zAdmin');
  record.dateEntered = isoSeconds(startMs + hours * 3_600_000);
  record.status = startMs < toMs - 30 * 86_400_000 ? 'Billed' : 'Open';
  if (ticket) record.ticket = { id: ticket.id, summary: ticket.summary };
  record._info = {
    lastUpdated: isoSeconds(Math.min(context.endMs, startMs + hours * 3_600_000 + random.int(0, 86_400) * 1000)),
    updatedBy: context.updatedBy(String(member.identifier ?? 'zAdmin')),
  };
  return record;
}
