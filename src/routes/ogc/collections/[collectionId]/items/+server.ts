import { items } from '$lib/server/ogc/endpoints';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ request, url, params }) =>
  items({ store: (await services()).store, request, url }, params.collectionId);
