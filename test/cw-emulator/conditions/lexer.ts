/**
 * Tokens of the ConnectWise `conditions` language (api-notes §4.1): field paths, quoted strings,
 * bracketed datetimes, numbers, keywords, operators and parentheses.
 */

export type Token =
  | { kind: 'field'; text: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'datetime'; value: number; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'keyword'; word: Keyword; at: number }
  | { kind: 'operator'; op: ComparisonOperator; at: number }
  | { kind: 'open' | 'close' | 'comma'; at: number };

export type Keyword = 'and' | 'or' | 'not' | 'like' | 'contains' | 'in' | 'true' | 'false' | 'null';
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

const KEYWORDS = new Set<string>(['and', 'or', 'not', 'like', 'contains', 'in', 'true', 'false', 'null']);

/** A conditions string the server cannot read; the server answers it with a 400. */
export class ConditionsSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ConditionsSyntaxError';
  }
}

/** The message ConnectWise gives for a literal of the wrong form (connectwise-rest README). */
export function literalHint(expected: string, found: string): string {
  return withLiteralRules(`Expected a ${expected} value, not a ${found}.`);
}

/** A message followed by the rules for writing literals, as the server words them. */
export function withLiteralRules(lead: string): string {
  return (
    `${lead} String values should be enclosed with double or single quotes; ` +
    'DateTime values should be enclosed in square brackets; numbers should consist of only digits, and optionally a ' +
    'decimal point and a negation sign; boolean values should be indicated with the keywords true or false; null ' +
    'values should be indicated by the keyword null.'
  );
}

/**
 * Reads a quoted string starting at `start` (the quote). A backslash escapes the next character,
 * the way some clients send `'O\'Brien'`; how ConnectWise itself escapes is undocumented, so the
 * dependable form is to wrap a value in the quote kind it does not contain.
 */
function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index];
    if (char === '\\' && index + 1 < source.length) {
      value += source[++index];
    } else if (char === quote) {
      return { value, end: index + 1 };
    } else {
      value += char;
    }
  }
  throw new ConditionsSyntaxError(`Unterminated string starting at position ${start}.`);
}

function readDatetime(source: string, start: number): Token {
  const end = source.indexOf(']', start);
  if (end < 0) throw new ConditionsSyntaxError(`Unterminated datetime starting at position ${start}.`);
  const text = source.slice(start + 1, end).trim();
  // ConnectWise reads a datetime without a zone as UTC here; real servers may use server time.
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const value = Date.parse(withZone.includes('T') ? withZone : `${withZone}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(value)) {
    throw new ConditionsSyntaxError(`'${text}' is not a valid DateTime value.`);
  }
  return { kind: 'datetime', value, text, at: start };
}

/** Splits a conditions string into tokens. */
// eslint-disable-next-line complexity -- one flat pass reads best here; splitting it would scatter the record's shape.
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (/\s/.test(char)) {
      index++;
    } else if (char === '"' || char === "'") {
      const { value, end } = readString(source, index);
      tokens.push({ kind: 'string', value, at: index });
      index = end;
    } else if (char === '[') {
      tokens.push(readDatetime(source, index));
      index = source.indexOf(']', index) + 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', at: index });
      index++;
    } else if ('=!<>'.includes(char)) {
      const two = source.slice(index, index + 2);
      const op = two === '!=' || two === '<=' || two === '>=' ? two : two === '<>' ? '!=' : char;
      if (op === '!') throw new ConditionsSyntaxError(`Unexpected '!' at position ${index}.`);
      tokens.push({ kind: 'operator', op: op as ComparisonOperator, at: index });
      index += op.length === 2 || two === '<>' ? 2 : 1;
    } else if (/[-\d]/.test(char) && /^-?\d/.test(source.slice(index, index + 2))) {
      const match = /^-?\d+(\.\d+)?/.exec(source.slice(index)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]), at: index });
      index += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_/.]*/.exec(source.slice(index)) as RegExpExecArray;
      const lower = match[0].toLowerCase();
      tokens.push(
        KEYWORDS.has(lower)
          ? { kind: 'keyword', word: lower as Keyword, at: index }
          : { kind: 'field', text: match[0], at: index },
      );
      index += match[0].length;
    } else {
      throw new ConditionsSyntaxError(`Unexpected character '${char}' at position ${index}.`);
    }
  }
  return tokens;
}
