// Calendar dates `YYYY-MM-DD` as the as-of control moves them: in UTC, so a day is always a day.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The date `n` days after day 0 of the epoch. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** `date` brought inside [from, to]. */
export function clampDate(date: string, from: string, to: string): string {
  if (date < from) return from;
  if (date > to) return to;
  return date;
}

// Dates for people are written by the one formatter of the interface, in its language.
export { formatDate } from '$lib/i18n/format';
