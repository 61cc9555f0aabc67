/**
 * Date and datetime text as the Salesforce APIs write it: dates `2024-05-01`, datetimes `2024-05-01T12:00:00.000+0000`
 * (always UTC). Stored values use the same text, which also sorts correctly as plain strings.
 */

/** `2024-05-01T12:00:00.000+0000` for an instant. */
export function formatDateTime(instant: Date): string {
  return instant.toISOString().replace('Z', '+0000');
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses the date and datetime forms the APIs accept; undefined when the text is not one of them. */
export function parseDateTime(text: string): Date | undefined {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) return validDate(new Date(`${trimmed}T00:00:00.000Z`), trimmed.slice(0, 10));
  const m = DATE_TIME.exec(trimmed);
  if (!m) return undefined;
  const [, day, hh, mm, ss = '00', fraction = '', zone = 'Z'] = m;
  const millis = (fraction + '000').slice(1, 4).padEnd(3, '0');
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return validDate(new Date(`${day}T${hh}:${mm}:${ss}.${millis}${offset}`), undefined);
}

/** Normalises a date value (`YYYY-MM-DD`, or a datetime whose date part is used); undefined when invalid. */
export function parseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const day = trimmed.slice(0, 10);
  if (!DATE_ONLY.test(day)) return undefined;
  if (trimmed.length > 10 && !parseDateTime(trimmed)) return undefined;
  return validDate(new Date(`${day}T00:00:00.000Z`), day) ? day : undefined;
}

/** Rejects dates JavaScript silently rolls over (2024-02-31) by checking the calendar day survived parsing. */
function validDate(date: Date, day: string | undefined): Date | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  if (day && date.toISOString().slice(0, 10) !== day) return undefined;
  return date;
}
