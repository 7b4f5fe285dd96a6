import { exportLayer } from '$lib/server/export/exportLayer';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// One layer as a download: /export/sites.csv?asOf=2024-08-15 (see README, "Exports").
export const GET: RequestHandler = async ({ request, url, params, locals }) =>
  exportLayer((await services()).store, locals.viewer, request, url, params.layer, params.format);
