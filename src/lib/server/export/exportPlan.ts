import { AnalysisInputError, planRoutes } from '$lib/domain/analysis';
import { planRequestSchema, type PlanRequest } from '$lib/domain/schemas';
import { visibleSensitivities, type Viewer } from '../auth/roles';
import type { Database } from '../db/client';
import { getPlan } from '../db/planRepository';
import type { SituationStore } from '../situation/situationStore';
import { attachment, isFormatOf, layerFormats } from './formats';
import { planGeojson } from './planGeojson';
import { planGpx } from './planGpx';
import { planKml } from './planKml';
import type { PlanExportOptions } from './planText';

const formats = { gpx: layerFormats.gpx, kml: layerFormats.kml, geojson: layerFormats.geojson } as const;

const problem = (status: number, message: string) =>
  new Response(JSON.stringify({ status, message }), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'private, no-store' },
  });

/**
 * A convoy plan as a download for drivers: `/plan/export.gpx?plan=<id>` (a saved plan) or
 * `?request=<the request as JSON>`, with `rank=N` for one route only. Signed-in accounts only, planned on the
 * records they may see; never cached. A bad request gets 400 naming the field.
 */
export async function exportPlan(
  deps: { store: SituationStore; db: Database },
  viewer: Viewer,
  url: URL,
  format: string,
): Promise<Response> {
  if (!viewer) return problem(401, 'sign in first: convoy plans are not public');
  if (!isFormatOf(formats, format))
    return problem(404, `no plan export as "${format}": use gpx, kml or geojson`);
  let request: PlanRequest;
  let name: string | undefined;
  let sensitivity: PlanExportOptions['sensitivity'] = 'restricted';
  const planId = url.searchParams.get('plan');
  if (planId) {
    const stored = /^[0-9a-f-]{36}$/.test(planId)
      ? await getPlan(deps.db, planId, visibleSensitivities(viewer))
      : null;
    if (!stored) return problem(404, `no plan "${planId}"`);
    request = stored.request;
    name = stored.name;
    sensitivity = stored.sensitivity;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(url.searchParams.get('request') ?? '');
    } catch {
      return problem(400, 'request: give the plan request as JSON, or plan=<id>');
    }
    const parsed = planRequestSchema.safeParse(json);
    if (!parsed.success)
      return problem(
        400,
        parsed.error.issues.map((i) => `request.${i.path.join('.')}: ${i.message}`).join('; '),
      );
    request = parsed.data;
  }
  const rankText = url.searchParams.get('rank');
  const rank = rankText === null ? undefined : Number(rankText);
  if (rank !== undefined && !(Number.isInteger(rank) && rank >= 1 && rank <= 4))
    return problem(400, 'rank: a route number from 1 to 4');
  let plan;
  try {
    plan = planRoutes(await deps.store.analyzerFor(viewer), request);
  } catch (e) {
    if (e instanceof AnalysisInputError) return problem(400, e.message);
    throw e;
  }
  const title = name ?? `Convoy plan ${plan.from.name} → ${plan.to.name}, ${plan.asOf}`;
  const o: PlanExportOptions = { title, sensitivity, rank };
  const body =
    format === 'gpx'
      ? planGpx(plan, o)
      : format === 'kml'
        ? planKml(plan, o)
        : JSON.stringify(planGeojson(plan, o));
  return new Response(body, {
    headers: {
      'content-type': formats[format as keyof typeof formats],
      'content-disposition': attachment(
        [
          'convoy-plan',
          plan.from.id ?? 'point',
          plan.to.id ?? 'point',
          plan.asOf,
          rank ? `route-${rank}` : undefined,
        ],
        format,
      ),
      'cache-control': 'private, no-store',
    },
  });
}
