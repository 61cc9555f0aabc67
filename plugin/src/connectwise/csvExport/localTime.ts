/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */

/** How day and month are ordered in the exporting member's locale. */
export type DateOrder = 'MDY' | 'DMY' | 'YMD';

/** A parsed export date: a UTC instant, or a calendar date kept as midnight UTC like the API sends it. */
export interface ExportDate {
  value: string;
  dateOnly: boolean;
}

const PATTERN = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** The offset of a time zone from UTC at an instant, in minutes (east positive). */
function offsetMinutes(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const part = (type: string): number => Number(parts.find((candidate) => candidate.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in a time zone. The offset is looked up twice, so a time
 * next to a daylight-saving change lands on the right side of it; a wall time that does not
 * exist (skipped by the change) moves forward by the gap, as clocks do.
 */
export function zonedToUtc(wall: number, timeZone: string): number {
  const guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  return wall - offsetMinutes(guess, timeZone) * 60_000;
}

/**
 * Reads a date as ConnectWise list views export it: `3/14/2024 2:05 PM`, `14.03.2024 14:05`,
 * `2024-03-14 14:05:00`, or a date alone. Times are wall-clock times in `timeZone` and become
 * UTC with `Z`; a date alone stays that calendar date, at midnight UTC, and is not shifted.
 *
 * @returns Undefined for an empty cell; throws on text that is not a date.
 */
export function parseExportDate(text: string, timeZone: string, order: DateOrder): ExportDate | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = PATTERN.exec(trimmed);
  if (!match) throw new RangeError(`"${trimmed}" is not a date in the ${order} order`);
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ymd = match[1].length === 4 || order === 'YMD';
  const [year, month, day] = ymd ? [a, b, c] : order === 'MDY' ? [c, a, b] : [c, b, a];
  const fullYear = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > 31)
    throw new RangeError(`"${trimmed}" is not a date in the ${order} order`);
  if (match[4] === undefined) {
    return {
      value: new Date(Date.UTC(fullYear, month - 1, day)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      dateOnly: true,
    };
  }
  let hour = Number(match[4]);
  const meridiem = match[7]?.toUpperCase();
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  const wall = Date.UTC(fullYear, month - 1, day, hour, Number(match[5]), Number(match[6] ?? 0));
  return { value: new Date(zonedToUtc(wall, timeZone)).toISOString().replace(/\.\d{3}Z$/, 'Z'), dateOnly: false };
}
