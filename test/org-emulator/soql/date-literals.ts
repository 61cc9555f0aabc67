/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH...) as half-open UTC ranges [start, end).
 * The emulated org's time zone is GMT, so "today" is the UTC calendar day.
 */
export type DateRange = {
  start: Date;
  end: Date;
};

const DAY = 86_400_000;

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY);
const monthStart = (d: Date, add: number): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const yearStart = (d: Date, add: number): Date => new Date(Date.UTC(d.getUTCFullYear() + add, 0, 1));
// Weeks start on Sunday in the default (en_US) locale.
const weekStart = (d: Date, add: number): Date => addDays(startOfDay(d), -d.getUTCDay() + 7 * add);
const quarterStart = (d: Date, add: number): Date =>
  new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3 * add, 1));

/** The range a literal stands for, or undefined when the literal is not one the emulator knows. */
export function dateLiteralRange(literal: string, now = new Date()): DateRange | undefined {
  const today = startOfDay(now);
  const [name, nText] = literal.toUpperCase().split(':');
  const n = Number(nText ?? 0);
  const fixed: Record<string, () => DateRange> = {
    YESTERDAY: () => ({ start: addDays(today, -1), end: today }),
    TODAY: () => ({ start: today, end: addDays(today, 1) }),
    TOMORROW: () => ({ start: addDays(today, 1), end: addDays(today, 2) }),
    LAST_WEEK: () => ({ start: weekStart(now, -1), end: weekStart(now, 0) }),
    THIS_WEEK: () => ({ start: weekStart(now, 0), end: weekStart(now, 1) }),
    NEXT_WEEK: () => ({ start: weekStart(now, 1), end: weekStart(now, 2) }),
    LAST_MONTH: () => ({ start: monthStart(now, -1), end: monthStart(now, 0) }),
    THIS_MONTH: () => ({ start: monthStart(now, 0), end: monthStart(now, 1) }),
    NEXT_MONTH: () => ({ start: monthStart(now, 1), end: monthStart(now, 2) }),
    LAST_QUARTER: () => ({ start: quarterStart(now, -1), end: quarterStart(now, 0) }),
    THIS_QUARTER: () => ({ start: quarterStart(now, 0), end: quarterStart(now, 1) }),
    NEXT_QUARTER: () => ({ start: quarterStart(now, 1), end: quarterStart(now, 2) }),
    LAST_YEAR: () => ({ start: yearStart(now, -1), end: yearStart(now, 0) }),
    THIS_YEAR: () => ({ start: yearStart(now, 0), end: yearStart(now, 1) }),
    NEXT_YEAR: () => ({ start: yearStart(now, 1), end: yearStart(now, 2) }),
    LAST_90_DAYS: () => ({ start: addDays(today, -90), end: addDays(today, 1) }),
    NEXT_90_DAYS: () => ({ start: addDays(today, 1), end: addDays(today, 91) }),
    // "Last n days" includes today; "next n days" starts tomorrow (SOQL date formats reference).
    LAST_N_DAYS: () => ({ start: addDays(today, -n), end: addDays(today, 1) }),
    NEXT_N_DAYS: () => ({ start: addDays(today, 1), end: addDays(today, n + 1) }),
    N_DAYS_AGO: () => ({ start: addDays(today, -n), end: addDays(today, -n + 1) }),
    LAST_N_WEEKS: () => ({ start: weekStart(now, -n), end: weekStart(now, 0) }),
    NEXT_N_WEEKS: () => ({ start: weekStart(now, 1), end: weekStart(now, n + 1) }),
    LAST_N_MONTHS: () => ({ start: monthStart(now, -n), end: monthStart(now, 0) }),
    NEXT_N_MONTHS: () => ({ start: monthStart(now, 1), end: monthStart(now, n + 1) }),
    LAST_N_YEARS: () => ({ start: yearStart(now, -n), end: yearStart(now, 0) }),
    NEXT_N_YEARS: () => ({ start: yearStart(now, 1), end: yearStart(now, n + 1) }),
  };
  return fixed[name]?.();
}
