import { publicSituation } from '$lib/server/http/publicSituation';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

// The embed builder (docs/embed.md): what its controls offer comes from the public scenario only.
export const load: PageServerLoad = async ({ url }) => {
  const { scenario } = await publicSituation((await services()).store);
  return {
    origin: url.origin,
    scenarioName: scenario.name,
    defaultAsOf: scenario.defaultAsOf,
    timeRange: scenario.timeRange,
  };
};
