/*
 * ConnectWise custom fields to Salesforce fields. Each custom field on a migrated record gets a
 * decision: a field of the target object with the same name and a type that can hold its values,
 * or, where none fits, the object's "ConnectWise Custom Fields" long text field, which keeps every
 * value as a "Caption: value" line so nothing is lost. Fields are metadata: the tool never makes
 * one. A list field mapped to a picklist gets a decision per option as well.
 */
import type { DescribeField, ObjectDescribe, OrgContext } from '../salesforce/orgContext.js';
import type { CwCustomFieldValue, CwUserDefinedField } from '../transform/sourceTypes.js';
import { resolvedTarget, type MappingDecision } from './decisions.js';
import { normaliseName } from './proposals.js';

/** The long text field on every target object that keeps custom-field values without a field of their own. */
export const CUSTOM_FIELDS_FIELD = 'CW_Custom_Fields__c';
/** Fields of the in-org package; a custom field is never mapped onto them. */
const PACKAGE_FIELDS = new Set(['CW_Id__c', 'Original_Create_Date__c', 'CW_Board__c', CUSTOM_FIELDS_FIELD]);

/** The objects ConnectWise custom fields can map to: what companies, contacts, tickets and agreements become. */
export const CUSTOM_FIELD_OBJECTS = ['Account', 'Contact', 'Case', 'ServiceContract'] as const;

/** Records of one migrated kind with the object they become. */
export interface CustomFieldCarrier {
  object: string;
  records: Array<{ customFields?: CwCustomFieldValue[] | null }>;
}

/** Field types (describe `type`) that can hold each ConnectWise custom-field type. */
const FITS: Record<string, readonly string[]> = {
  Text: ['string', 'textarea', 'email', 'phone', 'url'],
  TextArea: ['textarea', 'string'],
  Number: ['double', 'int', 'long', 'currency', 'percent'],
  Currency: ['currency', 'double'],
  Percent: ['percent', 'double'],
  Date: ['date', 'datetime'],
  Checkbox: ['boolean'],
  Hyperlink: ['url', 'string', 'textarea'],
  IPAddress: ['string', 'textarea'],
};
/** Types that hold nothing worth moving: a button has no value and a password is never shown. */
const NOT_MIGRATED: Record<string, string> = {
  Button: 'A button field holds no value; there is nothing to migrate.',
  Password: 'ConnectWise never returns password values, and secrets do not belong in a migration.',
};

/** Whether a field of this describe type can hold values of a ConnectWise custom field. */
export function fieldFits(field: DescribeField, type: string, entryMethod: string | undefined): boolean {
  const listed = entryMethod === 'List' || entryMethod === 'Option';
  if (listed && (field.type === 'picklist' || field.type === 'multipicklist')) return true;
  return (FITS[type] ?? ['string', 'textarea']).includes(field.type);
}

/** A value counts as set when it is not missing, null or blank. */
export function valueIsSet(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function fieldName(field: DescribeField): string {
  return normaliseName(field.name.replace(/__c$/i, '').replace(/^cw_/i, ''));
}

interface SeenField {
  object: string;
  element: CwCustomFieldValue;
  recordCount: number;
}

/** Every custom field that migrated records carry, once per target object, with how many records set it. */
function seenFields(carriers: CustomFieldCarrier[]): SeenField[] {
  const seen = new Map<string, SeenField>();
  for (const { object, records } of carriers) {
    for (const record of records) {
      for (const element of record.customFields ?? []) {
        const key = `${object}:${element.id}`;
        const entry = seen.get(key) ?? { object, element, recordCount: 0 };
        if (valueIsSet(element.value)) entry.recordCount++;
        seen.set(key, entry);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.object.localeCompare(b.object) || a.element.id - b.element.id);
}

function proposeField(
  caption: string,
  type: string,
  entryMethod: string | undefined,
  describe: ObjectDescribe,
): Partial<MappingDecision> {
  const notMigrated = NOT_MIGRATED[type];
  if (notMigrated) return { confidence: 1, reason: notMigrated };
  const candidates = describe.fields.filter((f) => f.custom === true && f.updateable && !PACKAGE_FIELDS.has(f.name));
  const wanted = normaliseName(caption);
  const byLabel = candidates.filter((f) => normaliseName(f.label ?? '') === wanted);
  const byName = candidates.filter((f) => fieldName(f) === wanted);
  const named = byLabel.length > 0 ? byLabel : byName;
  const fitting = named.find((f) => fieldFits(f, type, entryMethod));
  const catchAll = describe.fields.find((f) => f.name === CUSTOM_FIELDS_FIELD && f.updateable);
  const keep = catchAll
    ? {
        proposedTarget: `${describe.name}.${CUSTOM_FIELDS_FIELD}`,
        proposedLabel: catchAll.label ?? CUSTOM_FIELDS_FIELD,
      }
    : {};
  if (fitting) {
    const how = byLabel.includes(fitting) ? 'label' : 'API name';
    return {
      proposedTarget: `${describe.name}.${fitting.name}`,
      proposedLabel: fitting.label ?? fitting.name,
      confidence: how === 'label' ? 1 : 0.9,
      reason: `${fitting.name} has the same ${how} and its type (${fitting.type}) holds ${type} values.`,
    };
  }
  if (named.length > 0) {
    return {
      ...keep,
      confidence: 0.5,
      reason: `${named[0].name} has the same name, but a ${named[0].type} field cannot hold ${type} values; until you choose, the values are kept as text in ${CUSTOM_FIELDS_FIELD}.`,
    };
  }
  if (!catchAll) {
    return {
      confidence: 0,
      reason: `No ${describe.name} field fits and the org lacks ${CUSTOM_FIELDS_FIELD}; deploy the cw-migrate package or choose a field.`,
    };
  }
  return {
    ...keep,
    confidence: 0.8,
    reason: `No ${describe.name} field has this name; the values are kept as "${caption}: value" lines in ${CUSTOM_FIELDS_FIELD}. Add a field and stage again to give it one of its own.`,
  };
}

/** One decision per custom field and target object. */
export function proposeCustomFields(
  carriers: CustomFieldCarrier[],
  definitions: CwUserDefinedField[],
  org: OrgContext,
): MappingDecision[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  return seenFields(carriers).flatMap(({ object, element, recordCount }) => {
    const describe = org.describes.get(object);
    if (!describe) return [];
    const definition = byId.get(element.id);
    const caption = definition?.caption ?? element.caption ?? `Custom field ${element.id}`;
    const type = definition?.fieldTypeIdentifier ?? element.type ?? 'Text';
    const entryMethod = definition?.entryTypeIdentifier ?? element.entryMethod ?? undefined;
    return [
      {
        kind: 'customField' as const,
        sourceKey: `${object}:${element.id}`,
        sourceLabel: caption,
        sourceContext: `${type}${entryMethod === 'List' || entryMethod === 'Option' ? ' list' : ''}`,
        recordCount,
        targetField: object,
        status: 'Proposed' as const,
        confidence: 0,
        reason: '',
        ...proposeField(caption, type, entryMethod, describe),
      },
    ];
  });
}

/** The describe of the field a custom-field decision points at ("Case.Root_Cause__c"). */
export function targetFieldDescribe(org: OrgContext, target: string | undefined): DescribeField | undefined {
  if (!target) return undefined;
  const [object, field] = target.split('.');
  return org.describes.get(object)?.fields.find((f) => f.name === field);
}

/**
 * One decision per option of every list field whose decision (as made, or else as proposed) maps
 * it to a picklist: the picklist value each option becomes.
 */
export function proposeCustomFieldOptions(
  fieldDecisions: MappingDecision[],
  carriers: CustomFieldCarrier[],
  definitions: CwUserDefinedField[],
  org: OrgContext,
): MappingDecision[] {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  return fieldDecisions.flatMap((decision) => {
    const target = decision.status === 'Proposed' ? decision.proposedTarget : resolvedTarget(decision);
    const field = targetFieldDescribe(org, target);
    if (!target || !field || (field.type !== 'picklist' && field.type !== 'multipicklist')) return [];
    const [object, id] = decision.sourceKey.split(':');
    const records = carriers.find((c) => c.object === object)?.records ?? [];
    const used = new Map<string, number>();
    for (const record of records) {
      const element = record.customFields?.find((e) => String(e.id) === id);
      if (element && valueIsSet(element.value))
        used.set(String(element.value), (used.get(String(element.value)) ?? 0) + 1);
    }
    // Options the definition lists, and values records hold that it no longer lists.
    const optionValues = new Set([
      ...(byId.get(Number(id))?.options ?? []).map((o) => o.optionValue ?? '').filter((v) => v !== ''),
      ...used.keys(),
    ]);
    const values = (field.picklistValues ?? []).filter((v) => v.active);
    return [...optionValues].map((option): MappingDecision => {
      const base = {
        kind: 'customFieldOption' as const,
        sourceKey: `${object}:${id}:${option}`,
        sourceLabel: option,
        sourceContext: decision.sourceLabel,
        recordCount: used.get(option) ?? 0,
        targetField: target,
        status: 'Proposed' as const,
      };
      const same = values.find(
        (v) => normaliseName(v.value) === normaliseName(option) || normaliseName(v.label) === normaliseName(option),
      );
      if (same)
        return {
          ...base,
          proposedTarget: same.value,
          proposedLabel: same.label,
          confidence: 1,
          reason: 'The picklist has a value with the same name.',
        };
      if (field.restrictedPicklist) {
        return {
          ...base,
          confidence: 0.3,
          reason: `${target} is a restricted picklist without this value; choose a value, or add it to the field and mark this Create.`,
        };
      }
      return {
        ...base,
        confidence: 0.8,
        reason: `${target} has no such value; the option loads as it is (the picklist is not restricted).`,
      };
    });
  });
}
