import { error } from '@sveltejs/kit';
import { AnalysisInputError, parseStep, withEventPhrases } from '$lib/domain/analysis';
import { analysisParamsSchema, isoDate, totalsKeys, type TotalsKey } from '$lib/domain/schemas';
import { eventPhrases } from '$lib/i18n/eventPhrases';
import { getLocale } from '$lib/paraglide/runtime';
import type { Viewer } from '../auth/roles';
import { seriesBetween } from '../publicApi/computed';
import { API_MAX_SERIES_POINTS } from '../publicApi/respond';
import type { SituationStore } from '../situation/situationStore';

/**
 * What `/trends` shows: the series of what the viewer may see (public records only for anonymous visitors),
 * over the scenario's range or the dates asked (`?from=&to=&step=`), with the figure chosen (`?figure=`).
 * A wrong parameter is a 400 naming it.
 */
export async function trendsData(store: SituationStore, viewer: Viewer, url: URL) {
  const analyzer = await store.analyzerFor(viewer);
  const { scenario } = analyzer.situation;
  const figureRaw = url.searchParams.get('figure') ?? 'peopleCutOff';
  if (!(totalsKeys as readonly string[]).includes(figureRaw))
    error(400, `figure "${figureRaw}" is not one of ${totalsKeys.join(', ')}`);
  const date = (name: string, fallback: string) => {
    const v = url.searchParams.get(name) || fallback;
    if (!isoDate.safeParse(v).success) error(400, `${name} "${v}" is not a date written YYYY-MM-DD`);
    return v;
  };
  const from = date('from', scenario.timeRange.from);
  const to = date('to', scenario.timeRange.to);
  let series;
  try {
    const stepDays = parseStep(url.searchParams.get('step') || '7d');
    series = seriesBetween(analyzer, from, to, stepDays, API_MAX_SERIES_POINTS);
  } catch (e) {
    if (e instanceof AnalysisInputError) error(400, e.message);
    throw e;
  }
  // The series is computed once, in English, and shared with the API; the page's events are written again
  // in the request's language (with the default parameters the series was computed with).
  if (getLocale() !== 'en')
    series = withEventPhrases(analyzer.situation, series, analysisParamsSchema.parse({}), eventPhrases());
  return {
    scenario: { name: scenario.name, disclaimer: scenario.disclaimer, timeRange: scenario.timeRange },
    figure: figureRaw as TotalsKey,
    series,
    publicOnly: viewer === null,
  };
}
