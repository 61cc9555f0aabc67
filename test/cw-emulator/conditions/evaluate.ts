/**
 * Evaluates a parsed `conditions` tree against records, with the semantics of the SQL the server
 * translates it into: comparisons with a missing value are unknown (neither true nor false, so
 * `status/name != "Closed"` skips tickets without a status), string comparisons ignore case and
 * trailing spaces (SQL Server's default collation), and a literal of the wrong type for the
 * field is a 400, not an empty result.
 */
import { readPath, splitPath } from './fields.js';
import { ConditionsSyntaxError, literalHint } from './lexer.js';
import { Condition, Literal, parseConditions } from './parser.js';

/** true, false, or unknown (null), as SQL's three-valued logic has it. */
type Truth = boolean | null;
type Predicate = (record: Record<string, unknown>) => Truth;

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

function foldString(value: string): string {
  return value.replace(/ +$/, '').toLowerCase();
}

function literalKind(literal: Literal): string {
  return literal.type === 'number' ? 'numeric' : literal.type;
}

/** Compares one field value with one literal: negative, zero or positive, or null when unknown. */
function compareValue(value: unknown, literal: Literal, field: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && ISO_DATETIME.test(value)) {
    if (literal.type !== 'datetime') throw new ConditionsSyntaxError(literalHint('datetime', literalKind(literal)));
    return Date.parse(value) - literal.value;
  }
  if (typeof value === 'string') {
    if (literal.type !== 'string') throw new ConditionsSyntaxError(literalHint('string', literalKind(literal)));
    const left = foldString(value);
    const right = foldString(literal.value);
    return left === right ? 0 : left < right ? -1 : 1;
  }
  if (typeof value === 'number') {
    if (literal.type !== 'number') throw new ConditionsSyntaxError(literalHint('numeric', literalKind(literal)));
    return value - literal.value;
  }
  if (typeof value === 'boolean') {
    if (literal.type !== 'boolean') throw new ConditionsSyntaxError(literalHint('boolean', literalKind(literal)));
    return value === literal.value ? 0 : value ? 1 : -1;
  }
  throw new ConditionsSyntaxError(`${field} is an object; name one of its fields, e.g. ${field}/id.`);
}

function test(op: string, order: number): boolean {
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/** Over the values a path reached: true if any is true, else unknown if any is unknown. */
function anyOf(values: unknown[], check: (value: unknown) => Truth): Truth {
  let result: Truth = false;
  for (const value of values) {
    const truth = check(value);
    if (truth === true) return true;
    if (truth === null) result = null;
  }
  return result;
}

function likePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*');
  return new RegExp(`^${escaped}$`, 'i');
}

function text(value: unknown): string | null {
  if (value === undefined || value === null || typeof value === 'object') return null;
  return String(value);
}

function compile(condition: Condition): Predicate {
  switch (condition.type) {
    case 'and': {
      const left = compile(condition.left);
      const right = compile(condition.right);
      return (record) => {
        const a = left(record);
        if (a === false) return false;
        const b = right(record);
        if (b === false) return false;
        return a === null || b === null ? null : true;
      };
    }
    case 'or': {
      const left = compile(condition.left);
      const right = compile(condition.right);
      return (record) => {
        const a = left(record);
        if (a === true) return true;
        const b = right(record);
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    }
    case 'not': {
      const operand = compile(condition.operand);
      return (record) => {
        const truth = operand(record);
        return truth === null ? null : !truth;
      };
    }
    case 'compare': {
      const path = splitPath(condition.field);
      const { op, value: literal, field } = condition;
      if (literal.type === 'null') {
        if (op !== '=' && op !== '!=') throw new ConditionsSyntaxError('null can only be compared with = or !=.');
        return (record) =>
          anyOf(readPath(record, path), (value) => (value === undefined || value === null) === (op === '='));
      }
      return (record) =>
        anyOf(readPath(record, path), (value) => {
          const order = compareValue(value, literal, field);
          return order === null ? null : test(op, order);
        });
    }
    case 'like':
    case 'contains': {
      const path = splitPath(condition.field);
      const pattern = condition.type === 'like' ? likePattern(condition.pattern) : null;
      const needle = condition.pattern.toLowerCase();
      return (record) =>
        anyOf(readPath(record, path), (value) => {
          const haystack = text(value);
          if (haystack === null) return null;
          return pattern ? pattern.test(haystack) : haystack.toLowerCase().includes(needle);
        });
    }
    case 'in': {
      const path = splitPath(condition.field);
      const { values: literals, field } = condition;
      return (record) =>
        anyOf(readPath(record, path), (value) => {
          let result: Truth = false;
          for (const literal of literals) {
            if (literal.type === 'null') continue;
            const order = compareValue(value, literal, field);
            if (order === 0) return true;
            if (order === null) result = null;
          }
          return result;
        });
    }
  }
}

/**
 * Compiles a conditions string into a filter. Throws {@link ConditionsSyntaxError} for text the
 * server would reject; the filter itself throws it for a literal of the wrong type.
 */
export function compileConditions(source: string): (record: Record<string, unknown>) => boolean {
  const predicate = compile(parseConditions(source));
  return (record) => predicate(record) === true;
}

/**
 * A filter over an array element, for `childConditions` and `customFieldConditions`: the record
 * passes when one element of the array at `arrayPath` satisfies the conditions.
 */
export function compileElementConditions(
  source: string,
  arrayPath: string,
): (record: Record<string, unknown>) => boolean {
  const predicate = compile(parseConditions(source));
  const path = splitPath(arrayPath);
  return (record) =>
    readPath(record, path).some(
      (element) =>
        element !== null && typeof element === 'object' && predicate(element as Record<string, unknown>) === true,
    );
}
