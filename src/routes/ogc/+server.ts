import { landingPage } from '$lib/server/ogc/endpoints';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// OGC API – Features (public records only): the landing page. See src/lib/server/ogc.
export const GET: RequestHandler = async ({ request, url }) =>
  landingPage({ store: (await services()).store, request, url });
