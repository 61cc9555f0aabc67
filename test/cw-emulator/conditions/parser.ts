/**
 * Parses a `conditions` string into a tree. `and` binds tighter than `or`, as in SQL, which the
 * canonical example in the connectwise-rest README relies on; parentheses group; `not` may
 * prefix a clause or an operator (`name not like "Test%"`, `id not in (1,2)`).
 */
import { ComparisonOperator, ConditionsSyntaxError, literalHint, Token, tokenize, withLiteralRules } from './lexer.js';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'datetime'; value: number; text: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

export type Condition =
  | { type: 'and' | 'or'; left: Condition; right: Condition }
  | { type: 'not'; operand: Condition }
  | { type: 'compare'; field: string; op: ComparisonOperator; value: Literal }
  | { type: 'like' | 'contains'; field: string; pattern: string }
  | { type: 'in'; field: string; values: Literal[] };

class Parser {
  private position = 0;

  public constructor(private readonly tokens: Token[]) {}

  public parseAll(): Condition {
    const condition = this.parseOr();
    const extra = this.tokens[this.position];
    if (extra) throw new ConditionsSyntaxError(`Unexpected ${describe(extra)} at position ${extra.at}.`);
    return condition;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'keyword' && token.word === word;
  }

  private parseOr(): Condition {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.position++;
      left = { type: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      this.position++;
      left = { type: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Condition {
    const token = this.peek();
    if (!token) throw new ConditionsSyntaxError('The conditions end where a clause was expected.');
    if (token.kind === 'keyword' && token.word === 'not') {
      this.position++;
      return { type: 'not', operand: this.parseUnary() };
    }
    if (token.kind === 'open') {
      this.position++;
      const inner = this.parseOr();
      if (this.peek()?.kind !== 'close')
        throw new ConditionsSyntaxError(`Missing ')' for '(' at position ${token.at}.`);
      this.position++;
      return inner;
    }
    if (token.kind !== 'field')
      throw new ConditionsSyntaxError(`Expected a field name at position ${token.at}, found ${describe(token)}.`);
    this.position++;
    return this.parseClause(token.text);
  }

  private parseClause(field: string): Condition {
    let negated = false;
    if (this.isKeyword('not')) {
      negated = true;
      this.position++;
    }
    const token = this.peek();
    if (!token) throw new ConditionsSyntaxError(`Expected an operator after '${field}'.`);
    this.position++;
    let clause: Condition;
    if (token.kind === 'operator' && !negated) {
      clause = { type: 'compare', field, op: token.op, value: this.parseLiteral() };
    } else if (token.kind === 'keyword' && (token.word === 'like' || token.word === 'contains')) {
      const value = this.parseLiteral();
      if (value.type !== 'string') throw new ConditionsSyntaxError(literalHint('string', value.type));
      clause = { type: token.word, field, pattern: value.value };
    } else if (token.kind === 'keyword' && token.word === 'in') {
      clause = { type: 'in', field, values: this.parseList() };
    } else {
      throw new ConditionsSyntaxError(
        `Expected an operator after '${field}' at position ${token.at}, found ${describe(token)}.`,
      );
    }
    return negated ? { type: 'not', operand: clause } : clause;
  }

  private parseList(): Literal[] {
    if (this.peek()?.kind !== 'open') throw new ConditionsSyntaxError("Expected '(' after 'in'.");
    this.position++;
    const values: Literal[] = [this.parseLiteral()];
    while (this.peek()?.kind === 'comma') {
      this.position++;
      values.push(this.parseLiteral());
    }
    if (this.peek()?.kind !== 'close') throw new ConditionsSyntaxError("Expected ')' to close the 'in' list.");
    this.position++;
    return values;
  }

  private parseLiteral(): Literal {
    const token = this.peek();
    if (!token) throw new ConditionsSyntaxError('The conditions end where a value was expected.');
    this.position++;
    switch (token.kind) {
      case 'string':
        return { type: 'string', value: token.value };
      case 'datetime':
        return { type: 'datetime', value: token.value, text: token.text };
      case 'number':
        return { type: 'number', value: token.value };
      case 'keyword':
        if (token.word === 'true' || token.word === 'false') return { type: 'boolean', value: token.word === 'true' };
        if (token.word === 'null') return { type: 'null' };
        break;
      default:
        break;
    }
    // An unquoted word where a value belongs is the commonest mistake: `name = Fred`.
    throw new ConditionsSyntaxError(
      withLiteralRules(`Unexpected ${describe(token)} at position ${token.at} where a value was expected.`),
    );
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'field':
      return `'${token.text}'`;
    case 'keyword':
      return `'${token.word}'`;
    case 'operator':
      return `'${token.op}'`;
    case 'string':
      return 'a string';
    case 'datetime':
      return 'a datetime';
    case 'number':
      return 'a number';
    default:
      return `'${token.kind === 'open' ? '(' : token.kind === 'close' ? ')' : ','}'`;
  }
}

/** Parses a conditions string; throws {@link ConditionsSyntaxError} when it cannot be read. */
export function parseConditions(source: string): Condition {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ConditionsSyntaxError('The conditions are empty.');
  return new Parser(tokens).parseAll();
}
