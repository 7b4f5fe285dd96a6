import { exportComparison } from '$lib/server/compare/exportComparison';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The comparison of two dates as a download: /compare/export.json?from=2024-03-01&to=2024-08-20, or .csv.
export const GET: RequestHandler = async ({ request, url, params, locals }) =>
  exportComparison((await services()).store, locals.viewer, request, url, params.format);
