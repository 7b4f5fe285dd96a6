import type { Scenario } from '$lib/domain/schemas';

/**
 * The date the change feed analyses on: today (UTC) brought inside the scenario's time range, the range the
 * map's time slider covers (both ends included). A scenario that ended in the past is watched on its last day;
 * one that has not started yet, on its first.
 *
 * @example feedAsOf({ timeRange: { from: '2023-04-15', to: '2025-12-31' } }, new Date('2026-03-01')) // '2025-12-31'
 */
export function feedAsOf(scenario: Pick<Scenario, 'timeRange'>, now: Date = new Date()): string {
  const today = now.toISOString().slice(0, 10);
  const { from, to } = scenario.timeRange;
  return today < from ? from : today > to ? to : today;
}
