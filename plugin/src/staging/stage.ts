/*
 * `stage`: writes the mapping surface into the org. Every decision with its proposal, the target
 * options the screens offer (queues, users, entitlement processes, picklist values), and staged source records: the
 * in-org ledger of examples admins can look at beside each decision. Re-staging after a new
 * extract keeps what an admin decided and adds only new values.
 */
import { SfError, type Connection } from '@salesforce/core';
import type { ConnectWiseClientOptions } from '../connectwise/client.js';
import { ConnectWiseClient } from '../connectwise/client.js';
import { extract } from '../connectwise/extractor.js';
import { decisionKey, type MappingDecision } from '../mapping/decisions.js';
import { proposeDecisions } from '../mapping/proposals.js';
import { mergeDecisions } from '../mapping/snapshot.js';
import { Journal } from '../pipeline/journal.js';
import { checkPlaceholdersAllowed } from '../pipeline/placeholderUsers.js';
import { storedCompanyId } from '../pipeline/runJournals.js';
import { MIGRATED_KINDS, readSource, type Source } from '../pipeline/source.js';
import { sendCollections } from '../salesforce/collections.js';
import { picklistOptions, readOrgContext, type OrgContext } from '../salesforce/orgContext.js';
import { PROCESS_FIELD } from '../mapping/entitlementProposals.js';
import { CUSTOM_FIELD_OBJECTS, valueIsSet } from '../mapping/customFieldProposals.js';
import type { CwAgreement, CwCustomFieldValue, CwTicket } from '../transform/sourceTypes.js';
import { WorkStore } from '../store/workStore.js';
import { hasStagingObjects, preferOrgDecisions, readOrgDecisions, writeOrgDecisions } from './orgDecisions.js';

/** Org data storage a staged record takes, as Salesforce counts most records. */
export const STAGED_RECORD_KB = 2;
const PAYLOAD_LIMIT = 131_072;

export interface StageOptions {
  conn: Connection;
  connectwise?: ConnectWiseClientOptions;
  /** Which company's work store to use without credentials; found from the store when there is one. */
  cwCompanyId?: string;
  workDir: string;
  records: 'sample' | 'all' | 'none';
  sampleSize: number;
  unmatchedMembers: 'fallback' | 'placeholder';
  progress: (phase: string) => void;
}

export interface StageResult {
  decisions: number;
  openDecisions: number;
  targetOptions: number;
  stagedRecords: number;
  /** Org data storage the staged records take, in KB (about 2 KB each). */
  storageKb: number;
  failures: string[];
}

function targetOptions(org: OrgContext): Array<Record<string, string | boolean>> {
  const option = (kind: string, field: string, value: string, label: string, extra: Record<string, boolean> = {}): Record<string, string | boolean> => ({
    Option_Key__c: `${kind}:${field}:${value}`,
    Kind__c: kind,
    Target_Field__c: field,
    Value__c: value,
    Label__c: label,
    Active__c: true,
    ...extra,
  });
  return [
    ...org.queues.filter((q) => q.supportsCase).map((q) => option('Queue', 'Case.OwnerId', q.Id, q.Name)),
    ...org.users.filter((u) => u.IsActive).map((u) => option('User', 'Case.OwnerId', u.Id, u.Username)),
    ...org.caseStatuses.map((s) => option('Picklist Value', 'Case.Status', s.value, s.label, { Is_Closed__c: s.closed ?? false })),
    ...org.casePriorities.map((p) => option('Picklist Value', 'Case.Priority', p.value, p.label)),
    ...org.slaProcesses.map((p) => option('Entitlement Process', PROCESS_FIELD, p.Id, p.Name)),
    // Custom-field options map onto the values of the picklist they go to; fields themselves come
    // from the UI API's object info in the screens.
    ...CUSTOM_FIELD_OBJECTS.flatMap((object) =>
      (org.describes.get(object)?.fields ?? [])
        .filter((f) => f.custom === true && (f.type === 'picklist' || f.type === 'multipicklist'))
        .flatMap((f) => picklistOptions(org.describes.get(object)!, f.name).map((v) => option('Picklist Value', `${object}.${f.name}`, v.value, v.label)))
    ),
  ];
}

const KEYS_LIMIT = 255;

/** Decision keys for Decision_Keys__c: whole keys only, as many as fit. */
function joinKeys(keys: Array<string | undefined>): string {
  let joined = '';
  for (const key of keys) {
    if (key === undefined || key.endsWith(':')) continue;
    const next = joined ? `${joined};${key}` : key;
    if (next.length > KEYS_LIMIT) break;
    joined = next;
  }
  return joined;
}

/** The custom-field decisions a record uses: the field's, and the option's for list values. */
function customFieldKeys(object: string, record: { customFields?: CwCustomFieldValue[] | null }): string[] {
  return (record.customFields ?? [])
    .filter((f) => valueIsSet(f.value))
    .flatMap((f) => {
      const key = `customField:${object}:${f.id}`;
      const listed = f.entryMethod === 'List' || f.entryMethod === 'Option';
      return listed ? [key, `customFieldOption:${object}:${f.id}:${String(f.value)}`] : [key];
    });
}

function stagedRecord(kind: string, id: number, displayName: string, payload: unknown, keys: Array<string | undefined>): Record<string, string> {
  const text = JSON.stringify(payload);
  return {
    Staged_Key__c: `${kind}-${id}`,
    Kind__c: kind,
    CW_Id__c: String(id),
    Display_Name__c: displayName.slice(0, 255),
    // The ledger copy is for reading; a payload too long for it stays whole in the work store.
    Payload__c: text.length <= PAYLOAD_LIMIT ? text : `The payload has ${text.length} characters; it is kept whole in the work store.`,
    Status__c: 'Staged',
    Decision_Keys__c: joinKeys(keys),
  };
}

/** Member ids by identifier, as tickets name their owner. */
const memberIdsOf = (source: Source): Map<string, number> => new Map(source.members.map((m) => [String(m.identifier ?? '').toLowerCase(), m.id]));

function stagedTicket(t: CwTicket, memberIds: Map<string, number>): Record<string, string> {
  return stagedRecord('ticket', t.id, `#${t.id} ${t.summary ?? ''}`, t, [
    t.board?.id != null ? `board:${t.board.id}` : undefined,
    t.board?.id != null && t.status?.name ? `status:${t.board.id}:${t.status.name}` : undefined,
    t.priority?.id != null ? `priority:${t.priority.id}` : undefined,
    t.owner?.identifier ? `member:${memberIds.get(t.owner.identifier.toLowerCase()) ?? ''}` : undefined,
    ...customFieldKeys('Case', t),
  ]);
}

function stagedAgreement(a: CwAgreement): Record<string, string> {
  return stagedRecord('agreement', a.id, a.name ?? `Agreement ${a.id}`, a, [
    a.sla?.id != null ? `sla:${a.sla.id}` : undefined,
    a.type?.id != null ? `agreementType:${a.type.id}` : undefined,
    ...customFieldKeys('ServiceContract', a),
  ]);
}

/** Tickets and agreements to stage as examples, with the decisions each one uses. */
function stagedRecords(source: Source, records: StageOptions['records'], sampleSize: number): Array<Record<string, string>> {
  if (records === 'none') return [];
  const memberIds = memberIdsOf(source);
  const pick = <T>(all: T[]): T[] => (records === 'all' ? all : all.slice(0, sampleSize));
  return [...pick(source.tickets).map((t) => stagedTicket(t, memberIds)), ...pick(source.agreements).map(stagedAgreement)];
}

/**
 * Builds the staged record of a source record from its staged key (`ticket-123`), as a run stages
 * a record it could not load; undefined for a key the source has no record for. The source is
 * indexed once, for all the keys a run asks about.
 */
export function stagedRecordsOf(source: Source): (key: string) => Record<string, string> | undefined {
  const byId = <T extends { id: number }>(records: T[]): Map<number, T> => new Map(records.map((r) => [r.id, r]));
  const tickets = byId(source.tickets);
  const agreements = byId(source.agreements);
  const companies = byId(source.companies);
  const contacts = byId(source.contacts);
  const notes = new Map([...source.notesByTicket].flatMap(([ticketId, list]) => list.map((n) => [n.id, { ticketId, note: n }] as const)));
  const memberIds = memberIdsOf(source);
  return (key) => {
    const dash = key.indexOf('-');
    const kind = key.slice(0, dash);
    const id = Number(key.slice(dash + 1));
    const ticket = kind === 'ticket' ? tickets.get(id) : undefined;
    if (ticket) return stagedTicket(ticket, memberIds);
    const agreement = kind === 'agreement' ? agreements.get(id) : undefined;
    if (agreement) return stagedAgreement(agreement);
    const company = kind === 'company' ? companies.get(id) : undefined;
    if (company) return stagedRecord(kind, id, company.name ?? `Company ${id}`, company, []);
    const contact = kind === 'contact' ? contacts.get(id) : undefined;
    if (contact) return stagedRecord(kind, id, [contact.firstName, contact.lastName].filter(Boolean).join(' ') || `Contact ${id}`, contact, []);
    const note = kind === 'ticketNote' ? notes.get(id) : undefined;
    return note && stagedRecord(kind, id, `Note ${id} on ticket #${note.ticketId}`, note.note, []);
  };
}

export async function stageMapping(options: StageOptions): Promise<StageResult> {
  options.progress('Reading the org');
  const org = await readOrgContext(options.conn);
  checkPlaceholdersAllowed(org, options.unmatchedMembers);
  if (!(await hasStagingObjects(options.conn))) {
    throw new SfError('The org has no cw-migrate staging objects (CWM_Mapping_Decision__c).', 'PackageNotDeployed', [
      'Deploy the in-org package first: sf project deploy start --source-dir force-app --target-org <org>',
    ]);
  }
  const cwCompanyId = options.connectwise?.companyId ?? options.cwCompanyId ?? storedCompanyId(options.workDir, org.orgId);
  const store = WorkStore.open({ dir: options.workDir, cwCompanyId, orgId: org.orgId });
  try {
    if (options.connectwise) {
      options.progress('Extracting ConnectWise');
      await extract({ client: new ConnectWiseClient(options.connectwise), store, kinds: MIGRATED_KINDS });
    }
    const journal = new Journal(store.db);
    journal.setMeta('cwCompanyId', cwCompanyId);
    const source = readSource(store);
    const previous = preferOrgDecisions(journal.decisions(), await readOrgDecisions(options.conn));
    const proposed = proposeDecisions(source, org, { unmatchedMembers: options.unmatchedMembers, fallbackOwner: org.runningUser }, previous);
    const decisions: MappingDecision[] = mergeDecisions(previous, proposed);
    journal.saveDecisions(decisions);

    options.progress('Writing decisions');
    const failures: string[] = [];
    const note = (what: string, results: Array<{ success: boolean; error?: string }>, keys: string[]): void =>
      results.forEach((r, i) => (r.success ? undefined : failures.push(`${what} ${keys[i]}: ${r.error ?? 'unknown error'}`)));
    note('decision', await writeOrgDecisions(options.conn, decisions), decisions.map(decisionKey));
    const optionRows = targetOptions(org);
    options.progress('Writing target options');
    note(
      'option',
      await sendCollections(options.conn, { object: 'CWM_Target_Option__c', operation: 'upsert', externalIdField: 'Option_Key__c', rows: optionRows }),
      optionRows.map((o) => String(o.Option_Key__c))
    );
    const staged = stagedRecords(source, options.records, options.sampleSize);
    options.progress(`Writing ${staged.length} staged records (about ${staged.length * STAGED_RECORD_KB} KB of org data storage)`);
    note(
      'staged record',
      await sendCollections(options.conn, { object: 'CWM_Staged_Record__c', operation: 'upsert', externalIdField: 'Staged_Key__c', rows: staged }),
      staged.map((s) => s.Staged_Key__c)
    );
    return {
      decisions: decisions.length,
      openDecisions: decisions.filter((d) => d.status === 'Proposed').length,
      targetOptions: optionRows.length,
      stagedRecords: staged.length,
      storageKb: staged.length * STAGED_RECORD_KB,
      failures,
    };
  } finally {
    store.close();
  }
}
