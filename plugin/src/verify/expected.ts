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
import { entitlementRow, serviceContractRow } from '../transform/agreements.js';
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
  const mapping = new DecisionResolver(decisions, fallbackOwnerId);
  const accountRecords = live.map((c) => ({
    sourceKind: 'company',
    sourceId: c.id,
    row: accountRow(c, { describe: describe('Account'), problems, setAuditFields: noAudit, landedParents: accounts, parentOf, customFields: mapping }),
  }));
  const contactRecords = source.contacts.map((c) => ({
    sourceKind: 'contact',
    sourceId: c.id,
    row: contactRow(c, { describe: describe('Contact'), problems, setAuditFields: noAudit, landedAccounts: accounts, customFields: mapping }),
  }));
  // Agreements load only under an account that landed; entitlements only under their contract.
  const agreements = source.agreements.filter((a) => a.company?.id != null && accounts.has(String(a.company.id)));
  const contractRecords = agreements.map((a) => ({
    sourceKind: 'agreement',
    sourceId: a.id,
    row: serviceContractRow(a, { describe: describe('ServiceContract'), problems, setAuditFields: noAudit, landedContacts: contacts, customFields: mapping }),
  }));
  const contracts = landed('ServiceContract');
  const entitlementRecords = org.describes.has('Entitlement')
    ? agreements
        .filter((a) => contracts.has(String(a.id)))
        .map((a) => ({
          sourceKind: 'agreement',
          sourceId: a.id,
          row: entitlementRow(a, { describe: describe('Entitlement'), problems, processFor: (sla, type) => mapping.processFor(sla, type) }),
        }))
    : [];
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
      customFields: mapping,
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
      ...(org.describes.has('ServiceContract')
        ? [{ object: 'ServiceContract', source: source.agreements.length, records: contractRecords }]
        : []),
      ...(org.describes.has('Entitlement') ? [{ object: 'Entitlement', source: source.agreements.length, records: entitlementRecords }] : []),
    ],
    comments,
  };
}
