/*
 * What the org should hold, worked out again from the work store and the confirmed decisions
 * with the same transforms the run used, without writing anything.
 */
import type { MappingDecision } from '../mapping/decisions.js';
import { DecisionResolver } from '../mapping/resolver.js';
import { plannedComments } from '../pipeline/comments.js';
import type { Source } from '../pipeline/source.js';
import { ProblemLog } from '../report/problems.js';
import type { OrgContext } from '../salesforce/orgContext.js';
import { accountRow, planHierarchy } from '../transform/accounts.js';
import { caseRow } from '../transform/cases.js';
import { contactRow } from '../transform/contacts.js';
import type { Row } from '../transform/rows.js';

export interface ExpectedRecord {
  sourceKind: string;
  sourceId: number;
  row: Row;
}

export interface ExpectedComment {
  noteId: number;
  ticketId: number;
  digest: string;
  body: string;
}

/** What one object should hold: verify reads it back and compares every field any of its rows sets. */
export interface ExpectedObject {
  object: string;
  /** Source records of the kind, skipped ones included. */
  source: number;
  /** Records the migration should have put in the org, each keyed by its CW_Id__c. */
  records: ExpectedRecord[];
  /** Which of the org's records are the migration's (SOQL, no WHERE keyword); default `CW_Id__c != null`. */
  where?: string;
}

export interface Expected {
  /** In the order verify reads them; add an object with one more entry. */
  objects: ExpectedObject[];
  comments: ExpectedComment[];
}

/** Every record and comment the migrated source should have become, by object. */
export function expectedState(
  source: Source,
  decisions: MappingDecision[],
  org: OrgContext,
  landed: (object: string) => Set<string>,
  fallbackOwnerId: string
): Expected {
  // The run already reported every problem; verification only needs the rows.
  const problems = new ProblemLog();
  const describe = (object: string): NonNullable<ReturnType<OrgContext['describes']['get']>> => org.describes.get(object)!;
  const noAudit = (): boolean => false;
  const live = source.companies.filter((c) => c.deletedFlag !== true);
  const { parentOf } = planHierarchy(live, problems);
  const accounts = landed('Account');
  const contacts = landed('Contact');
  const accountRecords = live.map((c) => ({
    sourceKind: 'company',
    sourceId: c.id,
    row: accountRow(c, { describe: describe('Account'), problems, setAuditFields: noAudit, landedParents: accounts, parentOf }),
  }));
  const contactRecords = source.contacts.map((c) => ({
    sourceKind: 'contact',
    sourceId: c.id,
    row: contactRow(c, { describe: describe('Contact'), problems, setAuditFields: noAudit, landedAccounts: accounts }),
  }));
  const mapping = new DecisionResolver(decisions, fallbackOwnerId);
  const cases: ExpectedRecord[] = [];
  const caseIds = new Map<string, string>();
  const overflow = new Map<number, string[]>();
  for (const ticket of source.tickets) {
    const result = caseRow(ticket, source.notesByTicket.get(ticket.id) ?? [], {
      describe: describe('Case'),
      problems,
      mapping,
      setAuditFields: noAudit,
      landedAccounts: accounts,
      landedContacts: contacts,
    });
    if (!result.row) continue;
    cases.push({ sourceKind: 'ticket', sourceId: ticket.id, row: result.row });
    caseIds.set(String(ticket.id), `ticket-${ticket.id}`);
    if (result.descriptionOverflow.length > 0) overflow.set(ticket.id, result.descriptionOverflow);
  }
  const comments = plannedComments(
    { org, problems },
    { cases: caseIds, notesByTicket: source.notesByTicket, descriptionOverflow: overflow, userForMember: (i) => mapping.userForMember(i) }
  ).map((c) => ({ noteId: c.noteId, ticketId: c.ticketId, digest: c.digest, body: String(c.row.CommentBody) }));
  return {
    objects: [
      { object: 'Account', source: source.companies.length, records: accountRecords },
      { object: 'Contact', source: source.contacts.length, records: contactRecords },
      { object: 'Case', source: source.tickets.length, records: cases },
    ],
    comments,
  };
}
