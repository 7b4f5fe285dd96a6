import { hotspotsView } from '$lib/server/hotspots/hotspotsView';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

// Rendered on the server and complete without JavaScript: it must read in a newsroom's link preview and on a
// slow link. Public: anonymous visitors get public records only, staff what their role may see.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => ({
  view: await hotspotsView((await services()).store, locals.viewer, url),
  pageUrl: url.href,
});
