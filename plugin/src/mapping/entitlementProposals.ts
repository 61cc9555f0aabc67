/*
 * SLAs and agreement types to entitlement processes. A process is metadata the admin deploys, so
 * the tool only maps to processes that exist; where none fits, the proposal is to load the
 * agreements' entitlements without a process, which the admin can change later in Salesforce.
 */
import type { OrgContext, OrgSlaProcess } from '../salesforce/orgContext.js';
import type { CwAgreement, CwAgreementType, CwSla } from '../transform/sourceTypes.js';
import type { DecisionKind, MappingDecision } from './decisions.js';
import { countBy, normaliseName } from './proposals.js';

/** The field these decisions fill in. */
export const PROCESS_FIELD = 'Entitlement.SlaProcessId';

/** Words that say what kind of thing a name is, not which one: "Standard SLA" is "Standard". */
const GENERIC_WORDS = new Set([
  'sla',
  'slas',
  'process',
  'entitlement',
  'support',
  'service',
  'agreement',
  'contract',
  'plan',
  'level',
  'the',
]);

function distinctiveWords(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word));
}

interface ProcessMatch {
  process?: OrgSlaProcess;
  confidence: number;
  reason: string;
}

/** The process whose name matches: exactly, then once generic words are set aside, then by a shared word. */
export function matchProcess(name: string, processes: OrgSlaProcess[], entitlementsEnabled: boolean): ProcessMatch {
  if (!entitlementsEnabled) {
    return {
      confidence: 0.9,
      reason: 'Entitlement Management is off in the org, so agreements load as service contracts without entitlements.',
    };
  }
  const exact = processes.find((p) => normaliseName(p.Name) === normaliseName(name));
  if (exact) return { process: exact, confidence: 1, reason: 'An active case entitlement process has the same name.' };
  const words = distinctiveWords(name).join(' ');
  const core = words ? processes.filter((p) => distinctiveWords(p.Name).join(' ') === words) : [];
  if (core.length === 1) {
    return {
      process: core[0],
      confidence: 0.85,
      reason: 'The names match once words like "SLA" and "process" are set aside.',
    };
  }
  const shared = processes.filter((p) => distinctiveWords(p.Name).some((w) => distinctiveWords(name).includes(w)));
  if (shared.length === 1) {
    return { process: shared[0], confidence: 0.6, reason: 'The only active process that shares a word with the name.' };
  }
  return {
    confidence: 0.9,
    reason:
      'No active case entitlement process has a similar name; its entitlements load without a process. Deploy a process and stage again to map it.',
  };
}

function decision(
  kind: DecisionKind,
  sourceKey: string,
  sourceLabel: string,
  recordCount: number,
  match: ProcessMatch,
): MappingDecision {
  return {
    kind,
    sourceKey,
    sourceLabel,
    recordCount,
    targetField: PROCESS_FIELD,
    status: 'Proposed',
    proposedTarget: match.process?.Id,
    proposedLabel: match.process?.Name,
    confidence: match.confidence,
    reason: match.reason,
  };
}

/** One decision per SLA, counting the agreements that use it. */
export function proposeSlas(slas: CwSla[], agreements: CwAgreement[], org: OrgContext): MappingDecision[] {
  const used = countBy(agreements, (a) => (a.sla?.id == null ? undefined : String(a.sla.id)));
  return slas.map((sla) => {
    const label = sla.name ?? `SLA ${sla.id}`;
    return decision(
      'sla',
      String(sla.id),
      label,
      used.get(String(sla.id)) ?? 0,
      matchProcess(label, org.slaProcesses, org.entitlementsEnabled),
    );
  });
}

/**
 * One decision per agreement type: the process of agreements that name no SLA. Types no
 * agreement uses are left out, as they decide nothing.
 */
export function proposeAgreementTypes(
  types: CwAgreementType[],
  agreements: CwAgreement[],
  org: OrgContext,
): MappingDecision[] {
  const used = countBy(agreements, (a) => (a.type?.id == null ? undefined : String(a.type.id)));
  return types
    .filter((type) => used.has(String(type.id)))
    .map((type) => {
      const label = type.name ?? `Agreement type ${type.id}`;
      return decision(
        'agreementType',
        String(type.id),
        label,
        used.get(String(type.id)) ?? 0,
        matchProcess(label, org.slaProcesses, org.entitlementsEnabled),
      );
    });
}
