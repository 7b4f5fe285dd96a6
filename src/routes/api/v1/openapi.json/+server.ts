import { openApiResponse } from '$lib/server/publicApi/openapi';
import { preflightResponse } from '$lib/server/publicApi/respond';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The OpenAPI 3.1 document of the public access API.
export const GET: RequestHandler = async ({ request, url }) =>
  openApiResponse((await services()).store, request, url);
export const OPTIONS: RequestHandler = () => preflightResponse();
