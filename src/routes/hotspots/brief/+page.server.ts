import { error } from '@sveltejs/kit';
import { hotspotsView } from '$lib/server/hotspots/hotspotsView';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

// The printable one-page brief of a date (A4 or Letter): what /hotspots shows, cut to fit one page. Rendered
// on the server, no JavaScript; public like /hotspots (anonymous visitors: public records only).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
  const paper = url.searchParams.get('paper') ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter')
    error(400, `paper "${paper}" is not a4 or letter (parameter "paper")`);
  return { view: await hotspotsView((await services()).store, locals.viewer, url), paper };
};
