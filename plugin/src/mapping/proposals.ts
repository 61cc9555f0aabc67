/*
 * Proposals an admin would trust: every one carries a confidence and a reason in plain words.
 * Nothing here writes anything; it only looks at the source and the org context.
 */
import type {
  CwAgreement,
  CwAgreementType,
  CwBoard,
  CwBoardStatus,
  CwCompany,
  CwContact,
  CwMember,
  CwPriority,
  CwSla,
  CwTicket,
  CwUserDefinedField,
} from '../transform/sourceTypes.js';
import { present } from '../transform/sourceTypes.js';
import type { OrgContext, OrgUser, PicklistOption } from '../salesforce/orgContext.js';
import { decisionKey, isOpen, type MappingDecision } from './decisions.js';
import { proposeAgreementTypes, proposeSlas } from './entitlementProposals.js';
import { proposeCustomFieldOptions, proposeCustomFields, type CustomFieldCarrier } from './customFieldProposals.js';

export interface ProposalSource {
  members: CwMember[];
  boards: CwBoard[];
  boardStatuses: CwBoardStatus[];
  priorities: CwPriority[];
  tickets: CwTicket[];
  companies?: CwCompany[];
  contacts?: CwContact[];
  slas?: CwSla[];
  agreementTypes?: CwAgreementType[];
  agreements?: CwAgreement[];
  userDefinedFields?: CwUserDefinedField[];
}

export interface ProposalPolicy {
  /** What an unmatched member becomes: the fallback owner, or an inactive placeholder user. */
  unmatchedMembers: 'fallback' | 'placeholder';
  /** The user unmatched members map to; defaults to the running user. */
  fallbackOwner: OrgUser;
}

/** The migrated records that carry custom fields, with the object each kind becomes. */
export function customFieldCarriers(source: ProposalSource): CustomFieldCarrier[] {
  return [
    { object: 'Account', records: source.companies ?? [] },
    { object: 'Contact', records: source.contacts ?? [] },
    { object: 'Case', records: source.tickets },
    { object: 'ServiceContract', records: source.agreements ?? [] },
  ];
}

/**
 * All decisions the tenant needs, in a stable order: members, boards, statuses, priorities, SLAs,
 * agreement types, custom fields and their options. Options are proposed for the field a custom
 * field is mapped to: the one already decided in `previous`, or else the proposed one.
 */
export function proposeDecisions(
  source: ProposalSource,
  org: OrgContext,
  policy: ProposalPolicy,
  previous: MappingDecision[] = []
): MappingDecision[] {
  const agreements = source.agreements ?? [];
  const carriers = customFieldCarriers(source);
  const definitions = source.userDefinedFields ?? [];
  const fields = proposeCustomFields(carriers, definitions, org);
  const made = new Map(previous.filter((d) => !isOpen(d)).map((d) => [decisionKey(d), d]));
  const fieldsAsDecided = fields.map((d) => made.get(decisionKey(d)) ?? d);
  return [
    ...proposeMembers(source, org, policy),
    ...proposeBoards(source, org),
    ...proposeStatuses(source, org),
    ...proposePriorities(source, org),
    ...proposeSlas(source.slas ?? [], agreements, org),
    ...proposeAgreementTypes(source.agreementTypes ?? [], agreements, org),
    ...fields,
    ...proposeCustomFieldOptions(fieldsAsDecided, carriers, definitions, org),
  ];
}

/** Lower-case letters and digits only: "Help Desk", "help-desk" and "HELP_DESK" compare equal. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function proposeMembers(source: ProposalSource, org: OrgContext, policy: ProposalPolicy): MappingDecision[] {
  const tickets = countBy(source.tickets, (t) => t.owner?.identifier?.toLowerCase() ?? undefined);
  return source.members.map((member) => {
    const base = {
      kind: 'member' as const,
      sourceKey: String(member.id),
      sourceLabel: [member.firstName, member.lastName].filter(present).join(' ') || (member.identifier ?? ''),
      sourceContext: member.identifier ?? undefined,
      recordCount: tickets.get(member.identifier?.toLowerCase() ?? '') ?? 0,
      status: 'Proposed' as const,
    };
    const match = matchUser(member, org.users);
    if (match) return { ...base, proposedTarget: match.user.Id, proposedLabel: match.user.Username, ...match.why };
    if (policy.unmatchedMembers === 'placeholder') {
      return { ...base, confidence: 0.9, reason: 'No Salesforce user has this email; create an inactive placeholder user.' };
    }
    return {
      ...base,
      proposedTarget: policy.fallbackOwner.Id,
      proposedLabel: policy.fallbackOwner.Username,
      confidence: 0.9,
      reason: `No active Salesforce user has this email; records owned by the member go to the fallback owner ${policy.fallbackOwner.Username}.`,
    };
  });
}

function matchUser(
  member: CwMember,
  users: OrgUser[]
): { user: OrgUser; why: { confidence: number; reason: string } } | undefined {
  const emails = [member.primaryEmail, member.officeEmail].filter(present).map((e) => e.trim());
  const active = users.filter((u) => u.IsActive);
  for (const email of emails) {
    const exact = active.find((u) => u.Email === email);
    if (exact) return { user: exact, why: { confidence: 1, reason: `Email ${email} matches the user exactly.` } };
    const folded = active.find((u) => u.Email?.toLowerCase() === email.toLowerCase());
    if (folded) {
      return { user: folded, why: { confidence: 0.95, reason: `Email ${email} matches the user ignoring case.` } };
    }
  }
  const name = normaliseName(`${member.firstName ?? ''}${member.lastName ?? ''}`);
  const byName = name ? active.filter((u) => normaliseName(`${u.FirstName ?? ''}${u.LastName ?? ''}`) === name) : [];
  if (byName.length === 1) {
    return { user: byName[0], why: { confidence: 0.7, reason: 'No email match; the only active user with the same name.' } };
  }
  return undefined;
}

function proposeBoards(source: ProposalSource, org: OrgContext): MappingDecision[] {
  const tickets = countBy(source.tickets, (t) => (t.board?.id == null ? undefined : String(t.board.id)));
  return source.boards.map((board) => {
    const label = board.name ?? `Board ${board.id}`;
    const queue = org.queues.find((q) => q.supportsCase && normaliseName(q.Name) === normaliseName(label));
    const base = {
      kind: 'board' as const,
      sourceKey: String(board.id),
      sourceLabel: label,
      recordCount: tickets.get(String(board.id)) ?? 0,
      status: 'Proposed' as const,
    };
    if (queue) {
      return { ...base, proposedTarget: queue.Id, proposedLabel: queue.Name, confidence: 1, reason: 'A case queue has the same name.' };
    }
    return { ...base, confidence: 0.9, reason: 'No case queue has this name; create a queue for the board.' };
  });
}

/** Case status names an MSP commonly uses for the standard Salesforce values. */
const STATUS_SYNONYMS: Record<string, string> = {
  new: 'New',
  open: 'New',
  inprogress: 'Working',
  working: 'Working',
  assigned: 'Working',
  acknowledged: 'Working',
  onhold: 'Working',
  reopened: 'Working',
  scheduled: 'Working',
  waitingonclient: 'Working',
  waitingoncustomer: 'Working',
  waitingonvendor: 'Working',
  customerresponded: 'Working',
  escalated: 'Escalated',
  escalation: 'Escalated',
  closed: 'Closed',
  completed: 'Closed',
  resolved: 'Closed',
  cancelled: 'Closed',
};

function proposeStatuses(source: ProposalSource, org: OrgContext): MappingDecision[] {
  const boardNames = new Map(source.boards.map((b) => [b.id, b.name ?? `Board ${b.id}`]));
  const closedByKey = new Map<string, boolean>();
  for (const s of source.boardStatuses) {
    if (s.board?.id != null && present(s.name)) closedByKey.set(`${s.board.id}:${s.name}`, s.closedStatus === true);
  }
  const keyOf = (t: CwTicket): string | undefined =>
    t.board?.id != null && present(t.status?.name) ? `${t.board.id}:${t.status.name}` : undefined;
  const tickets = countBy(source.tickets, keyOf);
  // A ticket's closed flag speaks for statuses the board list does not carry.
  for (const t of source.tickets) {
    const key = keyOf(t);
    if (key && !closedByKey.has(key)) closedByKey.set(key, t.closedFlag === true);
  }
  return [...closedByKey.entries()].map(([key, closed]) => {
    const [boardId, ...nameParts] = key.split(':');
    const name = nameParts.join(':');
    const proposal = proposeStatus(name, closed, org.caseStatuses);
    return {
      kind: 'status' as const,
      sourceKey: key,
      sourceLabel: name,
      sourceContext: boardNames.get(Number(boardId)) ?? `Board ${boardId}`,
      recordCount: tickets.get(key) ?? 0,
      status: 'Proposed' as const,
      proposedTarget: proposal.option.value,
      proposedLabel: proposal.option.label,
      confidence: proposal.confidence,
      reason: proposal.reason,
    };
  });
}

function proposeStatus(
  name: string,
  closed: boolean,
  options: PicklistOption[]
): { option: PicklistOption; confidence: number; reason: string } {
  const meaning = closed ? 'closed' : 'open';
  const fits = options.filter((o) => (o.closed ?? false) === closed);
  const exact = options.find((o) => normaliseName(o.value) === normaliseName(name) || normaliseName(o.label) === normaliseName(name));
  if (exact && (exact.closed ?? false) === closed) {
    return { option: exact, confidence: 1, reason: `Same name, and both are ${meaning}.` };
  }
  const synonym = STATUS_SYNONYMS[normaliseName(name)];
  const viaSynonym = fits.find((o) => o.value === synonym);
  if (viaSynonym) return { option: viaSynonym, confidence: 0.8, reason: `"${name}" usually means ${viaSynonym.value}; both are ${meaning}.` };
  const fallback = closed ? fits[0] : fits.find((o) => o.defaultValue) ?? fits[0];
  if (fallback) {
    return { option: fallback, confidence: 0.5, reason: `No value with a similar name; ${fallback.value} is the first ${meaning} value.` };
  }
  return { option: options[0], confidence: 0.1, reason: `The org has no ${meaning} case status.` };
}

function proposePriorities(source: ProposalSource, org: OrgContext): MappingDecision[] {
  const tickets = countBy(source.tickets, (t) => (t.priority?.id == null ? undefined : String(t.priority.id)));
  const ranked = [...source.priorities].sort((a, b) => (a.sortOrder ?? a.id) - (b.sortOrder ?? b.id));
  const options = org.casePriorities;
  return ranked.map((priority, rank) => {
    const label = priority.name ?? `Priority ${priority.id}`;
    const proposal = proposePriority(label, rank, ranked.length, options);
    return {
      kind: 'priority' as const,
      sourceKey: String(priority.id),
      sourceLabel: label,
      recordCount: tickets.get(String(priority.id)) ?? 0,
      status: 'Proposed' as const,
      proposedTarget: proposal.option.value,
      proposedLabel: proposal.option.label,
      confidence: proposal.confidence,
      reason: proposal.reason,
    };
  });
}

const PRIORITY_WORDS: Array<[RegExp, string]> = [
  [/emergency|critical|urgent|high|p1\b|priority 1/i, 'High'],
  [/normal|medium|moderate|quick|priority [23]/i, 'Medium'],
  [/low|maintenance|schedule|do not respond|priority [4-9]/i, 'Low'],
];

function proposePriority(
  label: string,
  rank: number,
  total: number,
  options: PicklistOption[]
): { option: PicklistOption; confidence: number; reason: string } {
  const exact = options.find((o) => normaliseName(o.value) === normaliseName(label));
  if (exact) return { option: exact, confidence: 1, reason: 'Same name.' };
  for (const [pattern, value] of PRIORITY_WORDS) {
    const option = pattern.test(label) ? options.find((o) => o.value === value) : undefined;
    if (option) return { option, confidence: 0.8, reason: `The name reads as ${value}.` };
  }
  // Spread the ranks evenly over the org's values, most urgent first.
  const option = options[Math.min(options.length - 1, Math.floor((rank * options.length) / Math.max(total, 1)))];
  return { option, confidence: 0.6, reason: `Rank ${rank + 1} of ${total} by sort order.` };
}
