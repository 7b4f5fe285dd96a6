import { parseEmbedOptions } from '$lib/map/embedOptions';
import { embedView } from '$lib/server/embed/embedView';
import { services } from '$lib/server/services';
import type { PageServerLoad } from './$types';

// The embeddable map (docs/embed.md): its text summary is rendered here, from public records only, whoever
// is signed in; the map itself is drawn in the browser from `/embed/situation.json`.
export const load: PageServerLoad = async ({ url }) => {
  const options = parseEmbedOptions(url.searchParams);
  return { options, view: await embedView((await services()).store, options) };
};
