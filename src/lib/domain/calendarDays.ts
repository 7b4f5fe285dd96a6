// Calendar dates `YYYY-MM-DD` as day numbers (days since 1970-01-01, in UTC, so a day is always a day), worked
// out in integers. The analysis moves dates thousands of times per date asked (findings that expire, windows of
// incidents, the walk of a range): through `Date`, each move parsed a string into an object and wrote it out
// again. The arithmetic is the proleptic Gregorian calendar's (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms", days_from_civil and civil_from_days), and reads a date as `Date.parse` of its midnight UTC does,
// so every caller keeps its answers: month 01–12, day 01–31 in any month (the 30th of February is the 1st of
// March, as `Date.parse` has it), anything else NaN.

const ZERO = 48; // '0'

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; NaN when it is not one. */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  let y = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN; // NaN fails both
  // The year from March, so that the leap day is the year's last.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * The `YYYY-MM-DD` date of day number `day` (a fraction of a day is the day it falls in; years outside
 * 0000–9999 as `Date` writes them; not a number throws, as `Date` does).
 */
export function dateOfDay(day: number): string {
  const z = Math.floor(day) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (!(y >= 0 && y <= 9999)) return new Date(day * 86_400_000).toISOString().slice(0, 10);
  return `${y < 1000 ? `${y}`.padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier; NaN when either is not a date). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
