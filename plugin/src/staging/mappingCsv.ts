/*
 * The mapping decisions as a spreadsheet: one CSV row per decision, for admins who would rather
 * decide in Excel than in the Mapping Workspace. Reading a file back checks every row against the
 * org's targets, so a bad row is reported by its line and nothing half-applies.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  decisionKey,
  KIND_LABEL,
  resolvedTarget,
  targetsAreIds,
  type DecisionKind,
  type DecisionStatus,
  type MappingDecision,
} from '../mapping/decisions.js';
import { CUSTOM_FIELD_OBJECTS } from '../mapping/customFieldProposals.js';
import { sameId, type OrgContext } from '../salesforce/orgContext.js';

/** The columns, in file order; an import needs the first ones and reads the rest for nothing. */
export const CSV_COLUMNS = [
  'Kind',
  'Source Key',
  'Source Label',
  'Context',
  'Record Count',
  'Status',
  'Target',
  'Target Label',
  'Proposed Target',
  'Proposed Label',
  'Confidence',
  'Reason',
] as const;
const REQUIRED_COLUMNS = ['Kind', 'Source Key', 'Status', 'Target'] as const;

const CSV_REASON = 'Decided in the mapping CSV.';
const STATUSES: DecisionStatus[] = ['Proposed', 'Confirmed', 'Create', 'Skip'];

/**
 * What each kind may become besides a target, as the Mapping Workspace offers it: a board can get
 * a new queue or be left behind; a member can become a placeholder user or keep no owner of its
 * own (its cases go to the board's queue); statuses and priorities always need a value. SLAs,
 * agreement types and custom fields can be left out but not created: processes and fields are
 * metadata. A custom-field option marked Create loads as it is.
 */
const ALLOWED: Record<DecisionKind, DecisionStatus[]> = {
  board: ['Proposed', 'Confirmed', 'Create', 'Skip'],
  member: ['Proposed', 'Confirmed', 'Create', 'Skip'],
  status: ['Proposed', 'Confirmed'],
  priority: ['Proposed', 'Confirmed'],
  sla: ['Proposed', 'Confirmed', 'Skip'],
  agreementType: ['Proposed', 'Confirmed', 'Skip'],
  customField: ['Proposed', 'Confirmed', 'Skip'],
  customFieldOption: ['Proposed', 'Confirmed', 'Create', 'Skip'],
};

/** A target the org offers: the value a decision stores, and what a person reads. */
export interface TargetOption {
  value: string;
  label: string;
  /**
   * Where the option belongs, for kinds whose options depend on the decision's target field: the
   * object of a field option, the field of a picklist value.
   */
  field?: string;
}

/** The targets a decision of each kind may take, read from the org. */
export type MappingTargets = Record<DecisionKind, TargetOption[]>;

/** One bad line of an imported file. */
export interface BadRow {
  /** Line in the file, 1 being the header. */
  line: number;
  kind: string;
  sourceKey: string;
  reason: string;
}

export interface CsvImport {
  /** Every decision the file changes, as it will be saved; none when any row is bad. */
  changed: MappingDecision[];
  /** Rows that say what the decision already says. */
  unchanged: number;
  badRows: BadRow[];
}


/**
 * Active users, case queues, active Case status and priority values, active entitlement
 * processes, the custom fields of the objects custom fields map to, and their picklist values.
 */
export function mappingTargets(org: OrgContext): MappingTargets {
  const users = org.users.filter((u) => u.IsActive).map((u) => ({ value: u.Id, label: u.Username }));
  const processes = org.slaProcesses.map((p) => ({ value: p.Id, label: p.Name }));
  const fields = CUSTOM_FIELD_OBJECTS.flatMap((object) =>
    (org.describes.get(object)?.fields ?? []).filter((f) => f.custom === true && f.updateable).map((f) => ({ object, f }))
  );
  return {
    member: users,
    board: org.queues.filter((q) => q.supportsCase).map((q) => ({ value: q.Id, label: q.Name })),
    status: org.caseStatuses.map((s) => ({ value: s.value, label: s.label })),
    priority: org.casePriorities.map((p) => ({ value: p.value, label: p.label })),
    sla: processes,
    agreementType: processes,
    customField: fields.map(({ object, f }) => ({ value: `${object}.${f.name}`, label: f.label ?? f.name, field: object })),
    customFieldOption: fields.flatMap(({ object, f }) =>
      (f.picklistValues ?? []).filter((v) => v.active).map((v) => ({ value: v.value, label: v.label, field: `${object}.${f.name}` }))
    ),
  };
}

/** The options that fit one decision: those of its kind and, where options belong to a field, of its field. */
function optionsFor(targets: MappingTargets, decision: Pick<MappingDecision, 'kind' | 'targetField'>): TargetOption[] {
  return targets[decision.kind].filter((o) => o.field === undefined || o.field === decision.targetField);
}

function labelOf(targets: MappingTargets, decision: MappingDecision, value: string | undefined): string {
  if (!value) return '';
  const ids = targetsAreIds(decision.kind);
  return optionsFor(targets, decision).find((o) => (ids ? sameId(o.value, value) : o.value === value))?.label ?? '';
}

/** The CSV text for a list of decisions, with a byte-order mark so Excel reads it as UTF-8. */
export function decisionsToCsv(decisions: MappingDecision[], targets: MappingTargets): string {
  const rows = decisions.map((d) => {
    const target = d.status === 'Confirmed' ? resolvedTarget(d) : undefined;
    return [
      KIND_LABEL[d.kind],
      d.sourceKey,
      d.sourceLabel,
      d.sourceContext ?? '',
      d.recordCount,
      d.status,
      target ?? '',
      labelOf(targets, d, target),
      d.proposedTarget ?? '',
      d.proposedLabel ?? '',
      d.confidence,
      d.reason,
    ];
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true });
}

/** "Source Key", "source_key" and "sourceKey" all name the same column. */
const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');

/** Matches a written target to an option: by value (ids in either length) or by label, ignoring case. */
function findTarget(kind: DecisionKind, written: string, options: TargetOption[]): TargetOption[] {
  const isId = targetsAreIds(kind);
  const byValue = options.filter((o) =>
    isId ? /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(written) && sameId(o.value, written) : o.value === written,
  );
  if (byValue.length > 0) return byValue;
  const folded = written.toLowerCase();
  const byLabel = options.filter((o) => o.label.toLowerCase() === folded);
  if (byLabel.length > 0) return byLabel;
  return isId ? [] : options.filter((o) => o.value.toLowerCase() === folded);
}

const TARGET_WORDS: Record<DecisionKind, string> = {
  member: 'an active user (id or username)',
  board: 'a case queue (id or name)',
  status: 'an active Case Status value',
  priority: 'an active Case Priority value',
  sla: 'an active case entitlement process (id or name)',
  agreementType: 'an active case entitlement process (id or name)',
  customField: 'a custom field of the object (Object.Field__c or label)',
  customFieldOption: "an active value of the option's picklist field",
};

/** Decides one row: the decision it leads to, or why it is bad. */
function decideRow(
  row: Record<string, string>,
  current: MappingDecision,
  targets: MappingTargets,
): { decision: MappingDecision } | { reason: string } {
  const status = STATUSES.find((s) => s.toLowerCase() === row.status.toLowerCase());
  if (!status) return { reason: `Status "${row.status}" is not one of ${STATUSES.join(', ')}.` };
  if (!ALLOWED[current.kind].includes(status)) {
    return { reason: `${KIND_LABEL[current.kind]} decisions cannot be ${status}; they take ${ALLOWED[current.kind].join(', ')}.` };
  }
  if (status === 'Proposed' && row.target) {
    return {
      reason: `Status is Proposed but Target is "${row.target}": set Status to Confirmed to use the target, or clear it.`,
    };
  }
  if (status !== 'Confirmed') {
    return { decision: { ...current, status, confirmedTarget: undefined } };
  }
  const written = row.target || current.proposedTarget;
  if (!written) return { reason: 'Status is Confirmed but there is no target and no proposal to confirm.' };
  const matches = findTarget(current.kind, written, optionsFor(targets, current));
  if (matches.length === 0) return { reason: `Target "${written}" is not ${TARGET_WORDS[current.kind]} in the org.` };
  if (matches.length > 1)
    return { reason: `Target "${written}" names ${matches.length} targets in the org; use the id.` };
  return { decision: { ...current, status, confirmedTarget: matches[0].value } };
}

function sameDecision(a: MappingDecision, b: MappingDecision): boolean {
  if (a.status !== b.status) return false;
  if (a.status !== 'Confirmed') return true;
  const [x, y] = [resolvedTarget(a) ?? '', resolvedTarget(b) ?? ''];
  return targetsAreIds(a.kind) ? sameId(x, y) : x === y;
}

/**
 * Reads a decisions CSV and checks every row: a known kind and source key, once only; a status
 * the kind allows; and, for Confirmed, a target the org offers (an empty Target confirms the
 * proposal). Target Label and the other columns are for reading and are not imported.
 *
 * @param text the file's content
 * @param decisions the decisions as they stand
 * @param targets what the org offers, from {@link mappingTargets}
 */
/**
 * The file's field separator: a comma, or a semicolon where the header uses those instead, as
 * Excel saves CSV in locales whose decimal separator is a comma.
 */
function delimiterOf(text: string): ',' | ';' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

export function readDecisionsCsv(text: string, decisions: MappingDecision[], targets: MappingTargets): CsvImport {
  let records: Array<{ record: Record<string, string>; raw: string; info: { lines: number } }>;
  const delimiter = delimiterOf(text);
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map(columnKey),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
      raw: true,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      changed: [],
      unchanged: 0,
      badRows: [{ line, kind: '', sourceKey: '', reason: `The file is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const header: string[][] = parse(text, { bom: true, delimiter, to_line: 1 });
  const present = new Set((header[0] ?? []).map(columnKey));
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(columnKey(c)));
  if (missing.length > 0) {
    return {
      changed: [],
      unchanged: 0,
      badRows: [
        {
          line: 1,
          kind: '',
          sourceKey: '',
          reason: `The header has no ${missing.map((c) => `"${c}"`).join(', ')} column.`,
        },
      ],
    };
  }

  const byKey = new Map(decisions.map((d) => [decisionKey(d), d]));
  const kinds = new Map(Object.entries(KIND_LABEL).map(([kind, label]) => [label.toLowerCase(), kind as DecisionKind]));
  const seenOn = new Map<string, number>();
  const result: CsvImport = { changed: [], unchanged: 0, badRows: [] };
  for (const { record, raw, info } of records) {
    // The parser counts to a record's last line; a quoted value may have spanned several.
    const line = info.lines - (raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0);
    const row = {
      kind: record.kind ?? '',
      sourceKey: record.sourcekey ?? '',
      status: record.status ?? '',
      target: record.target ?? '',
    };
    const bad = (reason: string): void =>
      void result.badRows.push({ line, kind: row.kind, sourceKey: row.sourceKey, reason });
    const kind = kinds.get(row.kind.toLowerCase());
    if (!kind) {
      bad(`Kind "${row.kind}" is not one of ${Object.values(KIND_LABEL).join(', ')}.`);
      continue;
    }
    const key = decisionKey({ kind, sourceKey: row.sourceKey });
    const current = byKey.get(key);
    if (!current) {
      bad(`No ${kind} decision has source key "${row.sourceKey}".`);
      continue;
    }
    if (seenOn.has(key)) {
      bad(`The same decision is on line ${seenOn.get(key)!} already.`);
      continue;
    }
    seenOn.set(key, line);
    const outcome = decideRow(row, current, targets);
    if ('reason' in outcome) bad(outcome.reason);
    else if (sameDecision(current, outcome.decision)) result.unchanged++;
    // A decision a --skip-board flag made was for one run only; from here on it is the admin's.
    else
      result.changed.push(
        current.fromFlag ? { ...outcome.decision, fromFlag: undefined, reason: CSV_REASON } : outcome.decision,
      );
  }
  // All or nothing: a file with a bad row changes no decision.
  return result.badRows.length > 0 ? { ...result, changed: [] } : result;
}
