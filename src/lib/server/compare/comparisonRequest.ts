import { checkComparisonDates, compareWithAnalyzer, ComparisonDateError } from '$lib/domain/analysis/compare';
import { addDays, daysBetween } from '$lib/domain/calendarDays';
import type { DateComparison, Scenario } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { paramNames, parseParams } from '../export/exportReport';
import { checkKnownParameters, ParameterError } from '../export/parameterError';
import type { SituationStore } from '../situation/situationStore';

/** The query parameters of `/compare` and its downloads: the two dates and any analysis parameter. */
export const comparisonParameters: readonly string[] = ['from', 'to', ...paramNames];

/** How far back the first date is when the link gives none: about three months before the second. */
const DEFAULT_SPAN_DAYS = 91;

/** The dates a comparison opens on without `from`/`to`: the scenario's default date and ~3 months before. */
export function defaultComparisonDates(scenario: Pick<Scenario, 'defaultAsOf' | 'timeRange'>): {
  from: string;
  to: string;
} {
  const to = scenario.defaultAsOf;
  const back = addDays(to, -DEFAULT_SPAN_DAYS);
  const from = daysBetween(scenario.timeRange.from, back) < 0 ? scenario.timeRange.from : back;
  return { from, to };
}

/**
 * What a request asks to compare (`?from=&to=` and analysis parameters by name), checked, with the analyzer
 * of the records the viewer may see (the public's holds public records only). A wrong date or parameter
 * throws a `ParameterError` naming it (`from`, `to`, or the parameter); nothing is analysed yet.
 */
export async function comparisonRequest(store: SituationStore, viewer: Viewer, url: URL) {
  checkKnownParameters(url, comparisonParameters);
  const params = parseParams(url);
  const analyzer = await store.analyzerFor(viewer);
  const scenario = analyzer.situation.scenario;
  const defaults = defaultComparisonDates(scenario);
  const from = url.searchParams.get('from') ?? defaults.from;
  const to = url.searchParams.get('to') ?? defaults.to;
  try {
    checkComparisonDates(scenario, from, to);
  } catch (e) {
    if (e instanceof ComparisonDateError) throw new ParameterError(e.field, e.message.replace(/^\w+: /, ''));
    throw e;
  }
  return {
    analyzer,
    scenario,
    from,
    to,
    compare: (): DateComparison => compareWithAnalyzer(analyzer, from, to, params),
  };
}
