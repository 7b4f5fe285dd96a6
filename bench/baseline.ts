/**
 * The naive baseline: the segment-vs-hazard work of the analysis done with Turf alone, the way one would
 * write it without spatial indexes: every road against every active hazard with `booleanIntersects`, and
 * `lineSplit` where they meet to find the stretch. Hazards are filtered by date and property first (that
 * is not a spatial optimisation), buffers and circles are built once. It runs on a sample of roads and is
 * scaled linearly to the whole network, and it says so.
 */
import { booleanIntersects, buffer, circle, lineSplit } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { crossingStatusOn, isInWindow, isValidOn } from '../src/lib/domain/asOf';
import type { Situation } from '../src/lib/domain/schemas';

export interface NaiveParams {
  frontlineBufferKm: number;
  incidentWindowDays: number;
  incidentRadiusKm: number;
  constraintRadiusKm: number;
  crosslineToleranceKm: number;
}

type Status = 'open' | 'at_risk' | 'blocked';
interface Hazard {
  id: string;
  status: Exclude<Status, 'open'>;
  geometry: Feature<LineString | Polygon | MultiPolygon>;
}

export interface NaiveResult {
  /** Roads in the sample, and in the whole network. */
  sample: number;
  total: number;
  hazards: number;
  /** Building buffers and circles once (not scaled). */
  prepMs: number;
  /** The all-pairs loop over the sample. */
  sampleMs: number;
  /** prepMs + sampleMs × total / sample: an estimate, not a measurement of the whole network. */
  estimatedFullMs: number;
  /** Status the naive method found for each sampled road id. */
  statusByRoad: Map<string, Status>;
}

const toFeature = <G extends Geometry>(geometry: G): Feature<G> => ({
  type: 'Feature',
  geometry,
  properties: {},
});

/** Active hazards on `asOf`, as Turf features (buffers and circles built here). */
function hazardsOn(situation: Situation, asOf: string, p: NaiveParams): Hazard[] {
  const out: Hazard[] = [];
  const denying = new Set(situation.scenario.actors.filter((a) => a.deniesAccess).map((a) => a.id));
  for (const f of situation.frontlines) {
    if (!isValidOn(f.properties, asOf)) continue;
    out.push({ id: f.properties.id, status: 'blocked', geometry: toFeature(f.geometry as LineString) });
    const zone = buffer(toFeature(f.geometry), p.frontlineBufferKm, { units: 'kilometers' });
    if (zone) out.push({ id: f.properties.id, status: 'at_risk', geometry: zone as Feature<Polygon> });
  }
  for (const a of situation.areas) {
    if (!isValidOn(a.properties, asOf)) continue;
    const { confidence, actorId } = a.properties;
    if (confidence === 'assessed' && denying.has(actorId))
      out.push({ id: a.properties.id, status: 'blocked', geometry: toFeature(a.geometry) });
    else if (confidence === 'contested')
      out.push({ id: a.properties.id, status: 'at_risk', geometry: toFeature(a.geometry) });
  }
  for (const i of situation.incidents) {
    const { severity, date } = i.properties;
    if (severity === 0 || !isInWindow(date, asOf, p.incidentWindowDays)) continue;
    out.push({
      id: i.properties.id,
      status: severity === 3 ? 'blocked' : 'at_risk',
      geometry: circle(i.geometry.coordinates, p.incidentRadiusKm, { units: 'kilometers', steps: 32 }),
    });
  }
  for (const c of situation.constraints) {
    const { severity } = c.properties;
    if (severity === 0 || !isValidOn(c.properties, asOf)) continue;
    const zone = buffer(toFeature(c.geometry), p.constraintRadiusKm, { units: 'kilometers', steps: 8 });
    if (zone)
      out.push({
        id: c.properties.id,
        status: severity === 3 ? 'blocked' : 'at_risk',
        geometry: zone as Feature<Polygon>,
      });
  }
  for (const c of situation.crossings) {
    const status = crossingStatusOn(c, asOf)?.status;
    if (!isValidOn(c.properties, asOf) || status === undefined || status === 'open') continue;
    out.push({
      id: c.properties.id,
      status: status === 'closed' ? 'blocked' : 'at_risk',
      geometry: circle(c.geometry.coordinates, p.crosslineToleranceKm, { units: 'kilometers', steps: 16 }),
    });
  }
  return out;
}

/** Every `step`-th road, so the sample spreads over the whole extent. */
export function sampleRoads(situation: Situation, size: number): Situation['roads'] {
  const step = Math.max(1, Math.floor(situation.roads.length / size));
  const out: Situation['roads'] = [];
  for (let i = 0; i < situation.roads.length && out.length < size; i += step) out.push(situation.roads[i]);
  return out;
}

/** Runs the naive all-pairs method over `sample` roads and scales the time to the whole network. */
export function naiveBaseline(
  situation: Situation,
  asOf: string,
  params: NaiveParams,
  sample: Situation['roads'],
): NaiveResult {
  const t0 = performance.now();
  const hazards = hazardsOn(situation, asOf, params);
  const t1 = performance.now();
  const month = Number(asOf.slice(5, 7));
  const statusByRoad = new Map<string, Status>();
  for (const road of sample) {
    const line = toFeature(road.geometry);
    let status: Status = road.properties.impassableMonths.includes(month) ? 'blocked' : 'open';
    for (const h of hazards) {
      if (!booleanIntersects(line, h.geometry)) continue;
      // Where along the road the hazard lies: the pieces give the stretches of the report.
      lineSplit(line, h.geometry as Feature<LineString | Polygon>);
      if (h.status === 'blocked') status = 'blocked';
      else if (status === 'open') status = 'at_risk';
    }
    statusByRoad.set(road.properties.id, status);
  }
  const t2 = performance.now();
  const sampleMs = t2 - t1;
  return {
    sample: sample.length,
    total: situation.roads.length,
    hazards: hazards.length,
    prepMs: t1 - t0,
    sampleMs,
    estimatedFullMs: t1 - t0 + (sampleMs * situation.roads.length) / sample.length,
    statusByRoad,
  };
}
