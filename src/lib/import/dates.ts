import { westernDigits } from './text';

/** A date cell read: the ISO date, and how it was read when that is worth telling the user. */
export type DateReading = { date: string; excelSerial?: number; ambiguous?: boolean } | { error: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

// Excel counts days from 1899-12-30 (its 1900 leap-year bug makes day 60 the non-existent 1900-02-29, so
// every serial after it lines up with this epoch). Serials 20000–80000 are the years 1954–2119: a number in a
// date column in that range is a serial, anything else is not a date.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

function iso(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return t.toISOString().slice(0, 10);
}

/** Excel serial day → `YYYY-MM-DD` (the fraction, a time of day, is dropped). `43788` → `2019-11-17`. */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a date as humanitarian files write it: ISO (`2023-04-12`, with or without a time), an Excel serial
 * number (`43788`), day/month/year with `/`, `-` or `.` (day first, as OCHA and most of the world write
 * it; month first only when the day cannot be the first number), or with a month name (`17-Dec-2024`,
 * `12 April 2023`, `April 12, 2023`).
 *
 * @example parseDate('43788') // { date: '2019-11-17', excelSerial: 43788 }
 */
export function parseDate(raw: string): DateReading {
  const s = westernDigits(raw).trim();
  if (s === '') return { error: 'is empty' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) {
    const d = iso(+m[1], +m[2], +m[3]);
    return d ? { date: d } : { error: `"${raw}" is not a real calendar date` };
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Number(s);
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX)
      return { date: excelSerialToIso(serial), excelSerial: serial };
    return { error: `"${raw}" is neither a date nor an Excel date serial number` };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [+m[1], +m[2], +m[3]];
    const dayFirst = iso(y, b, a);
    const monthFirst = iso(y, a, b);
    if (dayFirst && monthFirst && a !== b) return { date: dayFirst, ambiguous: true };
    const d = dayFirst ?? monthFirst;
    return d ? { date: d } : { error: `"${raw}" is not a real calendar date` };
  }
  m = /^(\d{1,2})[\s/.-]*([A-Za-z]+)\.?[\s/.,-]*(\d{4})$/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const d = iso(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
    return d ? { date: d } : { error: `"${raw}" is not a real calendar date` };
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) {
    const d = iso(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
    return d ? { date: d } : { error: `"${raw}" is not a real calendar date` };
  }
  return { error: `"${raw}" is not a date (write it YYYY-MM-DD)` };
}

/**
 * A date written somewhere in free text, such as a title row ("DTM SUDAN: IDP Master List 17-Dec-2024").
 * Only unambiguous forms count: ISO dates and dates with a month name.
 */
export function dateInText(text: string): string | undefined {
  const s = westernDigits(text);
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(s);
  if (isoMatch) return iso(+isoMatch[1], +isoMatch[2], +isoMatch[3]);
  const named = /\b(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4})\b/.exec(s);
  if (named && MONTHS[named[2].toLowerCase()])
    return iso(+named[3], MONTHS[named[2].toLowerCase()], +named[1]);
  const us = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (us && MONTHS[us[1].toLowerCase()]) return iso(+us[3], MONTHS[us[1].toLowerCase()], +us[2]);
  return undefined;
}
