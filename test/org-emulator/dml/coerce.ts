import { formatDateTime, parseDate, parseDateTime } from '../datetime.js';
import { toId18 } from '../ids.js';
import type { FieldDescribe } from '../schema/types.js';
import { dmlError, type DmlFailure } from './errors.js';

/** Where a value came from: JSON bodies carry types, Bulk CSV cells are always text. */
export type InputSource = 'json' | 'csv';

const TEXT_TYPES = new Set([
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'combobox',
  'email',
  'phone',
  'url',
  'encryptedstring',
]);
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent']);
// Close to what the platform accepts: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/**
 * Converts one input value to the stored form of the field, enforcing type, length, email shape and restricted
 * picklists with the error codes and messages a real org uses. `null` passes through (required checks come later).
 */
// eslint-disable-next-line complexity -- one flat switch over the describe field types
export function coerceValue(field: FieldDescribe, value: unknown, source: InputSource): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') throw typeError(field, JSON.stringify(value), 'json', 'START_OBJECT');
  if (TEXT_TYPES.has(field.type)) return coerceText(field, String(value));
  if (NUMBER_TYPES.has(field.type)) return coerceNumber(field, value, source);
  switch (field.type) {
    case 'boolean':
      return coerceBoolean(field, value, source);
    case 'date': {
      const day = typeof value === 'string' ? parseDate(value) : undefined;
      if (day === undefined) throw typeError(field, value, source);
      return day;
    }
    case 'datetime': {
      const instant = typeof value === 'string' ? parseDateTime(value) : undefined;
      if (!instant) throw typeError(field, value, source);
      return formatDateTime(instant);
    }
    case 'time': {
      const m = typeof value === 'string' ? /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?$/.exec(value) : null;
      if (!m) throw typeError(field, value, source);
      return `${m[1]}:${m[2]}:${m[3] ?? '00'}.${(m[4] ?? '0').padEnd(3, '0')}Z`;
    }
    case 'reference':
    case 'id': {
      const id = typeof value === 'string' ? toId18(value) : undefined;
      if (!id)
        throw dmlError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(value)}`, [field.name]);
      return id;
    }
    default:
      return value;
  }
}

function coerceText(field: FieldDescribe, text: string): string {
  if (field.length > 0 && [...text].length > field.length) {
    throw dmlError('STRING_TOO_LONG', `${field.label}: data value too large: ${text} (max length=${field.length})`, [
      field.name,
    ]);
  }
  if (field.type === 'email' && text !== '' && !EMAIL.test(text)) {
    throw dmlError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
  }
  if ((field.type === 'picklist' || field.type === 'multipicklist') && field.restrictedPicklist && text !== '') {
    const allowed = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
    const values = field.type === 'multipicklist' ? text.split(';') : [text];
    const bad = values.find((v) => !allowed.has(v));
    if (bad !== undefined) {
      throw dmlError(
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${bad}`,
        [field.name],
      );
    }
  }
  return text;
}

function coerceNumber(field: FieldDescribe, value: unknown, source: InputSource): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || typeof value === 'boolean') throw typeError(field, value, source);
  if (field.type === 'int' && !Number.isInteger(n)) throw typeError(field, value, source);
  const integerDigits = field.type === 'int' ? field.digits || 9 : field.precision - field.scale;
  if (integerDigits > 0 && Math.abs(Math.trunc(n)).toString().length > integerDigits) {
    throw dmlError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${String(value)}`,
      [field.name],
    );
  }
  // The platform rounds to the field's scale on save (half up), so 1.005 into scale 2 comes back as 1.01.
  if (field.type === 'int') return n;
  const factor = 10 ** field.scale;
  return Math.round((n + Number.EPSILON) * factor) / factor;
}

function coerceBoolean(field: FieldDescribe, value: unknown, source: InputSource): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw typeError(field, value, source);
}

/** JSON bodies fail in the parser (JSON_PARSER_ERROR); Bulk cells fail per row (INVALID_TYPE_ON_FIELD_IN_RECORD). */
function typeError(field: FieldDescribe, value: unknown, source: InputSource, token = 'VALUE_STRING'): DmlFailure {
  if (source === 'json') {
    const javaType =
      {
        boolean: 'boolean',
        int: 'int',
        double: 'double',
        currency: 'double',
        percent: 'double',
        date: 'date',
        datetime: 'datetime',
      }[field.type] ?? field.type;
    return dmlError(
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${javaType} from ${token} value ${String(value)} or request may be missing a required field`,
      [field.name],
    );
  }
  return dmlError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(value)}`, [
    field.name,
  ]);
}
