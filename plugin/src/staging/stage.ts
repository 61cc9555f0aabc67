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
import { storedCompanyId } from '../pipeline/runJournals.js';
import { MIGRATED_KINDS, readSource, type Source } from '../pipeline/source.js';
import { sendCollections } from '../salesforce/collections.js';
import { picklistOptions, readOrgContext, type OrgContext } from '../salesforce/orgContext.js';
import { PROCESS_FIELD } from '../mapping/entitlementProposals.js';
import { CUSTOM_FIELD_OBJECTS } from '../mapping/customFieldProposals.js';
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

/** Tickets to stage as examples, with the decisions each one uses. */
function stagedTickets(source: Source, records: StageOptions['records'], sampleSize: number): Array<Record<string, string>> {
  if (records === 'none') return [];
  const memberIds = new Map(source.members.map((m) => [String(m.identifier ?? '').toLowerCase(), m.id]));
  const tickets = records === 'all' ? source.tickets : source.tickets.slice(0, sampleSize);
  return tickets.map((t) => {
    const keys = [
      t.board?.id != null ? `board:${t.board.id}` : undefined,
      t.board?.id != null && t.status?.name ? `status:${t.board.id}:${t.status.name}` : undefined,
      t.priority?.id != null ? `priority:${t.priority.id}` : undefined,
      t.owner?.identifier ? `member:${memberIds.get(t.owner.identifier.toLowerCase()) ?? ''}` : undefined,
    ].filter((k): k is string => k !== undefined && !k.endsWith(':'));
    const payload = JSON.stringify(t);
    return {
      Staged_Key__c: `ticket-${t.id}`,
      Kind__c: 'ticket',
      CW_Id__c: String(t.id),
      Display_Name__c: `#${t.id} ${t.summary ?? ''}`.slice(0, 255),
      // The ledger copy is for reading; a payload too long for it stays whole in the work store.
      Payload__c: payload.length <= PAYLOAD_LIMIT ? payload : `The payload has ${payload.length} characters; it is kept whole in the work store.`,
      Status__c: 'Staged',
      Decision_Keys__c: keys.join(';').slice(0, 255),
    };
  });
}

export async function stageMapping(options: StageOptions): Promise<StageResult> {
  options.progress('Reading the org');
  const org = await readOrgContext(options.conn);
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
    const staged = stagedTickets(source, options.records, options.sampleSize);
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
