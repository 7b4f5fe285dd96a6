import { exportReport } from '$lib/server/export/exportReport';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The analysis report as a download: /export/report.json?asOf=2024-08-15, /export/report.csv?table=sites.
export const GET: RequestHandler = async ({ request, url, params, locals }) =>
  exportReport((await services()).store, locals.viewer, request, url, params.format);
