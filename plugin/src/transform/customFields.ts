/*
 * ConnectWise custom-field values onto a target row, as the custom-field decisions say: into a
 * field of their own, converted to its type, or as "Caption: value" lines in the object's
 * ConnectWise Custom Fields text. A value its field cannot take is kept in those lines and
 * reported, never dropped.
 */
import { CUSTOM_FIELDS_FIELD, valueIsSet } from '../mapping/customFieldProposals.js';
import type { ProblemLog } from '../report/problems.js';
import type { DescribeField, ObjectDescribe } from '../salesforce/orgContext.js';
import type { RowBuilder, Value } from './rows.js';
import type { CwCustomFieldValue } from './sourceTypes.js';

/** The custom-field decisions as the transforms ask for them. */
export interface CustomFieldMapping {
  /** The field (API name on `object`) a custom field's values go to; undefined when it is skipped. */
  fieldFor(object: string, customFieldId: number): string | undefined;
  /** The picklist value a list option becomes: a value, `asIs` (load it unchanged) or `skip`. */
  optionFor(object: string, customFieldId: number, option: string): string | { asIs: true } | { skip: true };
}

/** How a value reads in the text lines: dates without time, checkboxes as Yes or No. */
export function customFieldText(element: CwCustomFieldValue): string {
  const { value } = element;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (element.type === 'Date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00/.test(value))
    return value.slice(0, 10);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const NUMBER_TYPES = new Set(['double', 'int', 'long', 'currency', 'percent']);

/** The value converted to the field's type, or why it cannot be. */
function convert(element: CwCustomFieldValue, field: DescribeField): { value: Value } | { why: string } {
  const raw = element.value;
  const text = customFieldText(element);
  if (field.type === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw };
    if (/^(true|yes)$/i.test(text)) return { value: true };
    if (/^(false|no)$/i.test(text)) return { value: false };
    return { why: `"${text}" is not a yes/no value` };
  }
  if (NUMBER_TYPES.has(field.type)) {
    const number = typeof raw === 'number' ? raw : Number(text.replace(/[,\s%$]/g, ''));
    if (!Number.isFinite(number)) return { why: `"${text}" is not a number` };
    if ((field.type === 'int' || field.type === 'long') && !Number.isInteger(number))
      return { why: `${number} is not a whole number` };
    return { value: number };
  }
  if (field.type === 'date' || field.type === 'datetime') {
    const time = Date.parse(String(raw));
    if (Number.isNaN(time)) return { why: `"${text}" is not a date` };
    const iso = new Date(time).toISOString();
    return { value: field.type === 'date' ? iso.slice(0, 10) : iso };
  }
  return { value: text };
}

export interface CustomFieldContext {
  object: string;
  describe: ObjectDescribe;
  mapping: CustomFieldMapping;
  problems: ProblemLog;
  source: { kind: string; id: number };
}

/** Sets the custom-field values of one record on its row. */
export function applyCustomFields(
  b: RowBuilder,
  elements: CwCustomFieldValue[] | null | undefined,
  ctx: CustomFieldContext,
): void {
  const lines: string[] = [];
  const report = (field: string, reason: string): void =>
    ctx.problems.add({
      outcome: 'adjusted',
      sourceKind: ctx.source.kind,
      sourceId: ctx.source.id,
      object: ctx.object,
      field,
      reason,
    });
  for (const element of elements ?? []) {
    if (!valueIsSet(element.value)) continue;
    const fieldName = ctx.mapping.fieldFor(ctx.object, element.id);
    if (!fieldName) continue;
    const caption = element.caption ?? `Custom field ${element.id}`;
    const line = `${caption}: ${customFieldText(element)}`;
    const field = ctx.describe.fields.find((f) => f.name === fieldName);
    if (fieldName === CUSTOM_FIELDS_FIELD || !field) {
      if (!field && fieldName !== CUSTOM_FIELDS_FIELD)
        report(fieldName, `${ctx.object} has no field ${fieldName}; "${caption}" is kept in ${CUSTOM_FIELDS_FIELD}.`);
      lines.push(line);
      continue;
    }
    if (field.type === 'picklist' || field.type === 'multipicklist') {
      const option = ctx.mapping.optionFor(ctx.object, element.id, String(element.value));
      if (typeof option === 'string') b.set(fieldName, option);
      else if ('asIs' in option) b.set(fieldName, String(element.value));
      continue;
    }
    const converted = convert(element, field);
    if ('value' in converted) {
      b.set(fieldName, converted.value);
    } else {
      report(
        fieldName,
        `${converted.why}, so ${fieldName} (${field.type}) cannot take it; it is kept in ${CUSTOM_FIELDS_FIELD}.`,
      );
      lines.push(line);
    }
  }
  if (lines.length > 0) b.set(CUSTOM_FIELDS_FIELD, lines.join('\n'));
}
