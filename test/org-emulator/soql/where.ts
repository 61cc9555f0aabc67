import type { Condition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { formatDateTime, parseDate, parseDateTime } from '../datetime.js';
import { toId18 } from '../ids.js';
import type { OrgContext } from '../org-context.js';
import type { ObjectSchema } from '../schema/schema.js';
import type { FieldDescribe } from '../schema/types.js';
import type { StoredRecord } from '../store/table.js';
import { dateLiteralRange } from './date-literals.js';
import { SoqlError, soqlError } from './errors.js';
import { resolvePath } from './paths.js';

export type Predicate = (record: StoredRecord) => boolean;
/** Runs a semi-join subquery and returns the values of its single selected field. */
export type SubqueryRunner = (query: unknown) => unknown[];

type Token = { kind: 'cond'; cond: Condition } | { kind: 'op'; op: string } | { kind: 'open' } | { kind: 'close' };

/**
 * Compiles a WHERE tree from soql-parser-js. The parser returns a right-leaning chain with parenthesis counts on
 * the conditions, so the chain is flattened to tokens and re-parsed with SOQL precedence (NOT > AND > OR).
 */
export function compileWhere(
  org: OrgContext,
  soql: string,
  obj: ObjectSchema,
  where: WhereClause,
  subquery: SubqueryRunner,
): Predicate {
  const tokens: Token[] = [];
  flatten(where, tokens);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'op' && t.op.toUpperCase() === op;
  const parseOr = (): Predicate => {
    const parts = [parseAnd()];
    while (isOp(peek(), 'OR')) {
      at++;
      parts.push(parseAnd());
    }
    return parts.length === 1 ? parts[0] : (r): boolean => parts.some((p) => p(r));
  };
  const parseAnd = (): Predicate => {
    const parts = [parseNot()];
    while (isOp(peek(), 'AND')) {
      at++;
      parts.push(parseNot());
    }
    return parts.length === 1 ? parts[0] : (r): boolean => parts.every((p) => p(r));
  };
  const parseNot = (): Predicate => {
    const token = tokens[at++];
    if (isOp(token, 'NOT')) {
      const inner = parseNot();
      return (r): boolean => !inner(r);
    }
    if (token?.kind === 'open') {
      const inner = parseOr();
      if (tokens[at++]?.kind !== 'close') throw new SoqlError('MALFORMED_QUERY', 'unexpected token in WHERE clause');
      return inner;
    }
    if (token?.kind === 'cond') return compileCondition(org, soql, obj, token.cond, subquery);
    throw new SoqlError('MALFORMED_QUERY', 'unexpected token in WHERE clause');
  };
  return parseOr();
}

function flatten(node: WhereClause | undefined, out: Token[]): void {
  if (!node) return;
  const left = node.left as (Condition & { openParen?: number; closeParen?: number }) | null;
  if (left) {
    for (let i = 0; i < (left.openParen ?? 0); i++) out.push({ kind: 'open' });
    out.push({ kind: 'cond', cond: left });
    for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({ kind: 'close' });
  }
  if ('operator' in node && node.operator) out.push({ kind: 'op', op: node.operator });
  if ('right' in node && node.right) flatten(node.right, out);
}

const TEXT = new Set([
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
const NUMBER = new Set(['int', 'double', 'currency', 'percent']);

function compileCondition(
  org: OrgContext,
  soql: string,
  obj: ObjectSchema,
  cond: Condition,
  subquery: SubqueryRunner,
): Predicate {
  const c = cond as unknown as {
    operator: string;
    field?: string;
    fn?: unknown;
    value?: string | string[];
    literalType?: string | string[];
    valueQuery?: unknown;
  };
  if (!c.field || c.fn)
    throw soqlError(
      'MALFORMED_QUERY',
      soql,
      'WHERE',
      'The emulator supports field comparisons only in WHERE (no functions).',
    );
  const path = resolvePath(org, soql, obj, c.field);
  const op = String(c.operator).toUpperCase();
  const read = (r: StoredRecord): unknown => normalise(path.field, path.read(r));
  if (c.valueQuery) {
    const values = new Set(subquery(c.valueQuery).map((v) => normalise(path.field, v)));
    return op === 'NOT IN' ? (r): boolean => !values.has(read(r)) : (r): boolean => values.has(read(r));
  }
  const rawValues = Array.isArray(c.value) ? c.value : [c.value ?? ''];
  const types = Array.isArray(c.literalType) ? c.literalType : rawValues.map(() => String(c.literalType));
  const literals = rawValues.map((v, i) => literal(soql, path.field, types[i] ?? 'STRING', v));
  if (op === 'IN' || op === 'NOT IN') {
    const set = new Set(literals.map((l) => (l.range ? undefined : l.value)));
    return op === 'IN' ? (r): boolean => set.has(read(r)) : (r): boolean => !set.has(read(r));
  }
  if (op === 'INCLUDES' || op === 'EXCLUDES') {
    const wanted = literals.map((l) => String(l.value).split(';'));
    const test = (r: StoredRecord): boolean => {
      const have = new Set(String(read(r) ?? '').split(';'));
      return wanted.some((all) => all.every((v) => have.has(v)));
    };
    return op === 'INCLUDES' ? test : (r): boolean => !test(r);
  }
  const { value, range } = literals[0];
  if (op === 'LIKE') {
    const regex = likeToRegex(String(value));
    return (r): boolean => {
      const v = read(r);
      return v !== null && regex.test(String(v));
    };
  }
  if (range) return rangeTest(op, path.field, range, read);
  if (value === null) {
    if (op === '=') return (r): boolean => read(r) === null;
    if (op === '!=' || op === '<>') return (r): boolean => read(r) !== null;
    return () => false;
  }
  return (r): boolean => {
    const v = read(r);
    if (op === '!=' || op === '<>') return v !== value;
    if (v === null) return false;
    const cmp = compareValues(v, value);
    return { '=': cmp === 0, '<': cmp < 0, '<=': cmp <= 0, '>': cmp > 0, '>=': cmp >= 0 }[op] ?? false;
  };
}

/** Comparable form of a stored value: text ignores case like SOQL, ids are 18 characters, blank is null. */
function normalise(field: FieldDescribe, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (TEXT.has(field.type)) return String(value).toLowerCase();
  if (field.type === 'id' || field.type === 'reference') return toId18(String(value)) ?? String(value);
  return value;
}

export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

type Literal = {
  value: unknown;
  range?: { start: string; end: string };
};

// eslint-disable-next-line complexity -- one case per literal type the parser produces
function literal(soql: string, field: FieldDescribe, type: string, raw: string): Literal {
  const mustBe = (kind: string, quoted: boolean): SoqlError =>
    soqlError(
      'INVALID_FIELD',
      soql,
      raw,
      `value of filter criterion for field '${field.name}' must be of type ${kind} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    );
  switch (type) {
    case 'NULL':
      return { value: null };
    case 'STRING': {
      const text = unquote(raw);
      if (NUMBER.has(field.type)) throw mustBe(field.type === 'int' ? 'int' : 'double', false);
      if (field.type === 'boolean') throw mustBe('boolean', false);
      if (field.type === 'date' || field.type === 'datetime')
        throw mustBe(field.type === 'date' ? 'date' : 'dateTime', false);
      if (field.type === 'id' || field.type === 'reference') {
        const id = toId18(text);
        if (!id && text !== '')
          throw soqlError('INVALID_QUERY_FILTER_OPERATOR', soql, raw, `invalid ID field: ${text}`);
        return { value: id ?? null };
      }
      return { value: normalise(field, text) };
    }
    case 'INTEGER':
    case 'DECIMAL':
    case 'DECIMAL_WITH_EXPONENT':
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      if (!NUMBER.has(field.type)) throw mustBe(field.type === 'boolean' ? 'boolean' : 'string', TEXT.has(field.type));
      return { value: Number(raw.replace(/^[A-Z]{3}/, '')) };
    case 'BOOLEAN':
      if (field.type !== 'boolean') throw mustBe(field.type, TEXT.has(field.type));
      return { value: raw.toUpperCase() === 'TRUE' };
    case 'DATE': {
      if (field.type !== 'date')
        throw mustBe(field.type === 'datetime' ? 'dateTime' : field.type, TEXT.has(field.type));
      return { value: parseDate(raw) ?? raw };
    }
    case 'DATETIME': {
      const instant = parseDateTime(raw);
      if (field.type !== 'datetime' || !instant)
        throw mustBe(field.type === 'date' ? 'date' : field.type, TEXT.has(field.type));
      return { value: formatDateTime(instant) };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      const range = dateLiteralRange(raw);
      if (!range) throw soqlError('MALFORMED_QUERY', soql, raw, `unexpected token: '${raw}'`);
      if (field.type === 'date') return { value: null, range: { start: day(range.start), end: day(range.end) } };
      if (field.type === 'datetime')
        return { value: null, range: { start: formatDateTime(range.start), end: formatDateTime(range.end) } };
      throw mustBe(field.type, TEXT.has(field.type));
    }
    default:
      throw soqlError('MALFORMED_QUERY', soql, raw, `unexpected token: '${raw}'`);
  }
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

function rangeTest(
  op: string,
  _field: FieldDescribe,
  range: { start: string; end: string },
  read: (r: StoredRecord) => unknown,
): Predicate {
  return (r): boolean => {
    const v = read(r);
    if (v === null) return op === '!=' || op === '<>';
    const s = String(v);
    switch (op) {
      case '=':
        return s >= range.start && s < range.end;
      case '!=':
      case '<>':
        return s < range.start || s >= range.end;
      case '<':
        return s < range.start;
      case '<=':
        return s < range.end;
      case '>':
        return s >= range.end;
      case '>=':
        return s >= range.start;
      default:
        return false;
    }
  };
}

/** Strips the quotes of a SOQL string literal and resolves its backslash escapes. */
export function unquote(raw: string): string {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return body.replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[ch] ?? ch);
}

/** LIKE with `%` and `_` wildcards (escapable with a backslash), case-insensitive, matching the whole value. */
function likeToRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i]);
    else if (ch === '%') out += '.*';
    else if (ch === '_') out += '.';
    else out += escapeRegex(ch);
  }
  return new RegExp(`^${out}$`, 'is');
}

const escapeRegex = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
