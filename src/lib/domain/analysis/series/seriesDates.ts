import { addDays, daysBetween } from '../../calendarDays';
import { isoDate } from '../../schemas/common';
import { AnalysisInputError } from '../errors';

/** The most points a series may have (a daily series of more than two years and a half). */
export const MAX_SERIES_POINTS = 1_000;

/**
 * The dates of a series: `from`, then every `stepDays` days while on or before `to`, and `to` itself as the
 * last point when the steps do not land on it (so a series always ends on the date asked for).
 * Throws `AnalysisInputError` naming the argument that is wrong.
 *
 * @example
 * seriesDates('2024-03-01', '2024-03-20', 7) // ['2024-03-01', '2024-03-08', '2024-03-15', '2024-03-20']
 */
export function seriesDates(
  from: string,
  to: string,
  stepDays: number,
  maxPoints = MAX_SERIES_POINTS,
): string[] {
  if (!isoDate.safeParse(from).success)
    throw new AnalysisInputError(`from "${from}" is not a date written YYYY-MM-DD`);
  if (!isoDate.safeParse(to).success)
    throw new AnalysisInputError(`to "${to}" is not a date written YYYY-MM-DD`);
  if (to < from) throw new AnalysisInputError(`to (${to}) is before from (${from})`);
  if (!Number.isInteger(stepDays) || stepDays < 1)
    throw new AnalysisInputError(`step must be a whole number of days, at least 1, not ${stepDays}`);
  const days = daysBetween(from, to);
  const count = Math.floor(days / stepDays) + 1 + (days % stepDays === 0 ? 0 : 1);
  if (count > maxPoints)
    throw new AnalysisInputError(
      `${from} to ${to} every ${stepDays} days makes ${count} points; at most ${maxPoints}: take a longer step or a shorter range`,
    );
  const dates: string[] = [];
  for (let d = 0; d <= days; d += stepDays) dates.push(addDays(from, d));
  if (dates[dates.length - 1] !== to) dates.push(to);
  return dates;
}
