import { exportPlan } from '$lib/server/export/exportPlan';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// A convoy plan as GPX, KML or GeoJSON for signed-in accounts: /plan/export.gpx?plan=<id> or ?request=<json>.
export const GET: RequestHandler = async ({ url, params, locals }) => {
  const s = await services();
  return exportPlan({ store: s.store, db: s.database.db }, locals.viewer, url, params.format);
};
