/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** A value the ConnectWise `conditions` language can compare a field with. */
export type ConditionValue = string | number | boolean | null | Date;

/** The comparison operators of the ConnectWise `conditions` language. */
export type ConditionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'like' | 'not like';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Quotes a string literal. ConnectWise takes single or double quotes but documents no escape,
 * so the value goes inside the quote character it does not contain; only a value holding both
 * kinds falls back to backslash escapes (`"Say \"hi\" to O'Brien"`).
 *
 * @example
 * quoteString("O'Brien") // "\"O'Brien\""
 * quoteString('The "Acme" Shop') // "'The \"Acme\" Shop'"
 */
export function quoteString(value: string): string {
  if (!value.includes('"')) {
    return `"${value}"`;
  }
  if (!value.includes("'")) {
    return `'${value}'`;
  }
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Normalises a time to the form ConnectWise uses everywhere: UTC, whole seconds, `Z`.
 *
 * @param value A Date or anything `Date` parses; a value without a zone is read as UTC, since
 * ConnectWise speaks UTC and a naive time is ambiguous on the server side.
 * @example
 * toConnectWiseTime('2024-01-02T03:04:05.678Z') // '2024-01-02T03:04:05Z'
 */
export function toConnectWiseTime(value: Date | string): string {
  const naive = typeof value === 'string' && /T/.test(value) && !/(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const text = naive ? `${value}Z` : value;
  const date = value instanceof Date ? value : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new TypeError(`Not a date: ${String(value)}`);
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Formats a datetime literal for a condition: the ConnectWise time in brackets.
 *
 * @example
 * dateTimeLiteral('2024-01-02T03:04:05.678Z') // '[2024-01-02T03:04:05Z]'
 */
export function dateTimeLiteral(value: Date | string): string {
  return `[${toConnectWiseTime(value)}]`;
}

/** Formats any supported value as a `conditions` literal. */
export function conditionLiteral(value: ConditionValue): string {
  if (value === null) {
    return 'null';
  }
  if (value instanceof Date) {
    return dateTimeLiteral(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`Not a finite number: ${value}`);
    }
    return String(value);
  }
  return quoteString(value);
}

function checkField(field: string): string {
  if (!FIELD.test(field)) {
    throw new TypeError(`Not a ConnectWise field path: ${field}`);
  }
  return field;
}

/**
 * Builds one comparison, e.g. `condition('company/name', '=', "O'Brien")` gives
 * `company/name = "O'Brien"`.
 */
export function condition(field: string, operator: ConditionOperator, value: ConditionValue): string {
  return `${checkField(field)} ${operator} ${conditionLiteral(value)}`;
}

/** Builds `field in (…)` (or `not in`) from a non-empty list of numbers or strings. */
export function inList(field: string, values: ReadonlyArray<number | string>, negate = false): string {
  if (values.length === 0) {
    throw new TypeError(`An empty list cannot be matched on ${field}`);
  }
  return `${checkField(field)} ${negate ? 'not in' : 'in'} (${values.map(conditionLiteral).join(',')})`;
}

/**
 * Joins conditions with `and`, skipping empty ones and parenthesising each part when there is
 * more than one, so an `or` inside a part keeps its meaning. Returns undefined when nothing is
 * left, which callers pass straight on as "no conditions".
 */
export function allOf(...parts: Array<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => Boolean(part?.trim()));
  if (present.length <= 1) {
    return present[0];
  }
  return present.map((part) => `(${part})`).join(' and ');
}
