import { addDays } from '$lib/domain/calendarDays';

/**
 * The dates of the range `from`…`to` in the order the map's warm-up walks them after `date` was asked
 * (`verdictsWarmUp.ts`): from `date` (held in the range) back to `from`, where a reader looking at the latest
 * dates goes, then on to `to`. A day at a time, as the analyzer reuses the last date's work.
 */
export function walkOrder(from: string, to: string, date: string): string[] {
  const start = date < from ? from : date > to ? to : date;
  const order: string[] = [];
  for (let d = start; d >= from; d = addDays(d, -1)) order.push(d);
  for (let d = addDays(start, 1); d <= to; d = addDays(d, 1)) order.push(d);
  return order;
}
