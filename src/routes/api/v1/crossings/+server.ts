import { preflightResponse, publicApiResponse } from '$lib/server/publicApi/respond';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// Public access API (public records only, whoever asks): see src/lib/server/publicApi and docs/api.md.
export const GET: RequestHandler = async ({ request, url }) =>
  publicApiResponse((await services()).store, request, url, 'crossings');
export const OPTIONS: RequestHandler = () => preflightResponse();
