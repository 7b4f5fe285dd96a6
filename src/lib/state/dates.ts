// Calendar dates `YYYY-MM-DD` as the as-of control moves them: the domain's day numbers, in UTC.

export { addDays, dateOfDay, dayNumber } from '$lib/domain/calendarDays';

/** `date` brought inside [from, to]. */
export function clampDate(date: string, from: string, to: string): string {
  if (date < from) return from;
  if (date > to) return to;
  return date;
}

// Dates for people are written by the one formatter of the interface, in its language.
export { formatDate } from '$lib/i18n/format';
