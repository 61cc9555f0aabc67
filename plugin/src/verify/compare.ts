/*
 * Field comparison the way Salesforce stores values: datetimes by instant (the org answers
 * "2024-05-01T12:00:00.000+0000" for what was sent as "2024-05-01T12:00:00Z"), dates by day, numbers
 * by value, booleans by truth, ids by their first 15 characters, picklists by API value whichever
 * side holds a label, and text with line endings folded (an org may give back CRLF as LF).
 * Anything else must be equal as text.
 */
import type { DescribeField } from '../salesforce/orgContext.js';

export type Comparable = string | number | boolean | null | undefined;

const blank = (value: Comparable): boolean => value === null || value === undefined || value === '';

/** Whether the value the org holds is the value that was meant, for a field of the given type. */
export function sameValue(type: string | undefined, expected: Comparable, actual: Comparable): boolean {
  if (blank(expected) || blank(actual)) return blank(expected) && blank(actual);
  switch (type) {
    case 'datetime':
      return Date.parse(String(expected)) === Date.parse(String(actual));
    case 'date':
      return String(expected).slice(0, 10) === String(actual).slice(0, 10);
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return Number(expected) === Number(actual);
    case 'boolean':
      return String(expected).toLowerCase() === String(actual).toLowerCase();
    case 'id':
    case 'reference':
      return String(expected).slice(0, 15) === String(actual).slice(0, 15);
    default:
      return String(expected).replace(/\r\n/g, '\n') === String(actual).replace(/\r\n/g, '\n');
  }
}

type Picklist = Pick<DescribeField, 'type' | 'restrictedPicklist' | 'picklistValues'>;

const isPicklist = (field: Picklist | undefined): field is Picklist =>
  (field?.type === 'picklist' || field?.type === 'multipicklist') && (field.picklistValues?.length ?? 0) > 0;

/**
 * The API value a picklist entry stands for: the text itself when it is a value, the value of the
 * label it matches otherwise, and undefined when it is neither. A value wins over a label, since
 * what the org stores is always a value.
 */
export function picklistValueOf(field: Picklist, text: string): string | undefined {
  const entries = field.picklistValues ?? [];
  return entries.find((e) => e.value === text)?.value ?? entries.find((e) => e.label === text)?.value;
}

/** Both sides of a picklist comparison as API values (a multi-select one as its sorted set); undefined when unlisted. */
function foldPicklist(field: Picklist, value: Comparable): string | undefined {
  const parts = field.type === 'multipicklist' ? String(value).split(';') : [String(value)];
  const folded = parts.map((part) => picklistValueOf(field, part.trim()));
  return folded.includes(undefined) ? undefined : [...new Set(folded)].sort().join(';');
}

/**
 * Whether the org holds what was meant for a described field. A picklist compares by API value,
 * either side may be a label (a mapping shows labels, the org stores values), and a side that is
 * neither a value nor a label of the field is a difference. The one exception is an unrestricted
 * picklist holding exactly the unlisted text that was sent: the org keeps such a value as given,
 * so there is nothing a re-run could change. Every other type compares as sameValue does.
 */
export function sameFieldValue(field: Picklist | undefined, expected: Comparable, actual: Comparable): boolean {
  if (!isPicklist(field) || blank(expected) || blank(actual)) return sameValue(field?.type, expected, actual);
  const want = foldPicklist(field, expected);
  const got = foldPicklist(field, actual);
  if (want !== undefined && got !== undefined) return want === got;
  return field.restrictedPicklist !== true && String(expected) === String(actual);
}

/** The describe type of a field, following `Parent.CW_Id__c` style paths to the external id (text). */
export function fieldType(fields: DescribeField[], path: string): string | undefined {
  if (path.includes('.')) return 'string';
  return fields.find((f) => f.name === path)?.type;
}

/** Reads a dotted path (`Parent.CW_Id__c`) out of a query record. */
export function valueAt(record: Record<string, unknown>, path: string): Comparable {
  let value: unknown = record;
  for (const part of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[part];
  return value as Comparable;
}

/** Whether a queried record already holds every value of a row (audit fields aside). */
export function holdsRow(describe: { fields: DescribeField[] }, record: Record<string, unknown>, row: Record<string, Comparable>): boolean {
  return Object.entries(row).every(
    ([field, value]) => field === 'CreatedDate' || field === 'CreatedById' || sameValue(fieldType(describe.fields, field), value, valueAt(record, field))
  );
}
