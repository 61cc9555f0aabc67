/**
 * Reads a field path (`company/identifier`, `_info/lastUpdated`) out of a record the way the
 * server does: names match case-insensitively (clients send `LastUpdated`), a path through an
 * array reads every element (`communicationItems/value`, `types/name`), and the `_info` values
 * every record carries can be named directly (`lastUpdated` means `_info/lastUpdated`).
 */

const INFO_ALIASES = new Set(['lastupdated', 'dateentered', 'enteredby', 'updatedby']);

function property(target: Record<string, unknown>, name: string): unknown {
  if (name in target) return target[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(target)) {
    if (key.toLowerCase() === lower) return target[key];
  }
  return undefined;
}

function collect(value: unknown, segments: string[], from: number, into: unknown[]): void {
  if (from === segments.length) {
    into.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const element of value) collect(element, segments, from, into);
    if (value.length === 0) into.push(undefined);
    return;
  }
  if (value === null || typeof value !== 'object') {
    into.push(undefined);
    return;
  }
  collect(property(value as Record<string, unknown>, segments[from]), segments, from + 1, into);
}

/** Splits a path once, resolving the `_info` aliases for records that lack the top-level field. */
export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Every value the path reaches in the record; `[undefined]` when it reaches nothing. */
export function readPath(record: Record<string, unknown>, segments: string[]): unknown[] {
  const values: unknown[] = [];
  if (
    segments.length === 1 &&
    INFO_ALIASES.has(segments[0].toLowerCase()) &&
    property(record, segments[0]) === undefined
  ) {
    collect(record, ['_info', segments[0]], 0, values);
  } else {
    collect(record, segments, 0, values);
  }
  return values;
}
