import { comparisonSources } from '$lib/server/compare/comparisonSources';
import { comparisonRequest } from '$lib/server/compare/comparisonRequest';
import { ParameterError } from '$lib/server/export/parameterError';
import { services } from '$lib/server/services';
import { LANG_PARAM } from '$lib/i18n/languages';
import type { PageServerLoad } from './$types';

/**
 * `/compare?from=&to=`: what changed between two dates, server-rendered (it reads without JavaScript and in
 * a link preview), from the records the visitor may see: public records only for anonymous visitors.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
  const { store } = await services();
  const analyzer = await store.analyzerFor(locals.viewer);
  const { scenario } = analyzer.situation;
  const base = {
    scenario: { name: scenario.name, disclaimer: scenario.disclaimer, timeRange: scenario.timeRange },
    signedIn: locals.viewer !== null,
    query: url.search,
  };
  // `?lang=` picks the page's language (hooks.server.ts): it is not a parameter of the comparison.
  const query = new URL(url);
  query.searchParams.delete(LANG_PARAM);
  try {
    const asked = await comparisonRequest(store, locals.viewer, query);
    const comparison = asked.compare();
    return {
      ...base,
      from: asked.from,
      to: asked.to,
      comparison,
      sources: comparisonSources(asked.analyzer.situation, comparison),
      problem: null,
    };
  } catch (e) {
    if (!(e instanceof ParameterError)) throw e;
    return {
      ...base,
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? '',
      comparison: null,
      sources: [],
      // The form names the field; the message says what is wrong with it (without the API's prefix).
      problem: { parameter: e.parameter, message: e.message.replace(/^parameter "[^"]*": /, '') },
    };
  }
};
