import { oembedResponse } from '$lib/server/embed/oembed';
import { publicSituation } from '$lib/server/http/publicSituation';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// oEmbed for CMSs (docs/embed.md): the iframe of the public embed for an address of the map or an embed.
export const GET: RequestHandler = async ({ url }) =>
  oembedResponse(url, (await publicSituation((await services()).store)).scenario.name);
