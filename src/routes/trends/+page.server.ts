import { services } from '$lib/server/services';
import { trendsData } from '$lib/server/trends/trendsData';
import type { PageServerLoad } from './$types';

// Key figures over time (issue 11): server-rendered, so it reads without JavaScript. Public records only
// for anonymous visitors.
export const load: PageServerLoad = async ({ locals, url }) =>
  trendsData((await services()).store, locals.viewer, url);
