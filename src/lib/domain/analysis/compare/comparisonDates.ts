import { isoDate, type Scenario } from '../../schemas';
import { AnalysisInputError } from '../errors';

/** A date of a comparison that cannot be used; `field` names which one (`from` or `to`). */
export class ComparisonDateError extends AnalysisInputError {
  constructor(
    readonly field: 'from' | 'to',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ComparisonDateError';
  }
}

/**
 * Checks the two dates of a comparison: each a real `YYYY-MM-DD` date inside the scenario's time range (both
 * ends included, as the map's time slider), and `from` not after `to`. The same date twice is allowed: it
 * compares a date with itself and finds nothing.
 */
export function checkComparisonDates(scenario: Pick<Scenario, 'timeRange'>, from: string, to: string): void {
  const { from: first, to: last } = scenario.timeRange;
  for (const [field, date] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const r = isoDate.safeParse(date);
    if (!r.success) throw new ComparisonDateError(field, `"${date}" ${r.error.issues[0].message}`);
    if (date < first || date > last)
      throw new ComparisonDateError(
        field,
        `${date} is outside the scenario's time range (${first} to ${last})`,
      );
  }
  if (from > to)
    throw new ComparisonDateError(
      'to',
      `${to} is before the first date ${from}: give the earlier date as from, the later as to`,
    );
}
