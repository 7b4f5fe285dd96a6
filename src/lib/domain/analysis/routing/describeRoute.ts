import type { Position } from 'geojson';
import { cumulativeKm } from '../../geo/cumulativeKm';
import { lineSliceKm } from '../../geo/lineSliceKm';
import { pointAtKm } from '../../geo/pointAtKm';
import type { PlanRoute, PlanStretch, Reason, RouteCrossing, RouteHazard, TravelParams } from '../../schemas';
import type { AnalysisContext } from '../context';
import { sortReasons, statusByRank, statusOfCode, statusOfReasons, statusRank } from '../reasons';
import { round3, roundPosition } from '../round';
import { crossingParties } from './crossingParties';
import type { ResolvedPlace } from './resolvePlace';
import type { Piece } from './searchLeg';
import { drivingHours, withStops } from './travelTime';

const NO_REASONS: Reason[] = [];

/**
 * A route as the planner shows it: its stretches (runs of the same status and reasons, km from the start),
 * the crossings on it with who must agree, the hazards it passes, and an estimate of the travel time.
 * `pieces` are the edges walked in order; `cost` the real (unpenalised) cost per edge.
 */
export function describeRoute(
  ctx: AnalysisContext,
  pieces: readonly Piece[],
  places: readonly ResolvedPlace[],
  cost: Float64Array,
  travel: TravelParams,
): PlanRoute {
  const { net } = ctx;
  const from = places[0];
  const to = places[places.length - 1];
  // Junctions in travel order with the km where the route meets them.
  const junctions: { node: number; km: number }[] = [];
  const addJunction = (node: number, km: number) => {
    if (junctions.at(-1)?.node !== node) junctions.push({ node, km });
  };
  const junctionAt = (p: Piece, atKm: number) => {
    const e = net.edges[p.edge];
    return atKm === 0 ? e.from : atKm === e.lengthKm ? e.to : -1;
  };
  let km = from.place.snapKm;
  const walked = pieces.map((p) => {
    const len = Math.abs(p.endKm - p.startKm);
    const start = km;
    km += len;
    return { ...p, len, fromKm: start, toKm: km };
  });
  if (walked.length === 0 && from.anchors.length > 0 && from.edge < 0) addJunction(from.anchors[0].node, km);
  for (const w of walked) {
    const a = junctionAt(w, w.startKm);
    if (a >= 0) addJunction(a, w.fromKm);
    const b = junctionAt(w, w.endKm);
    if (b >= 0) addJunction(b, w.toKm);
  }
  // A closed crossing counts against the route only where it is passed, not where the route starts or ends.
  const passed = new Set<string>();
  junctions.forEach((j, i) => {
    if ((i === 0 && from.edge < 0) || (i === junctions.length - 1 && to.edge < 0)) return;
    for (const c of ctx.crossingsAt.get(j.node) ?? []) passed.add(c.feature.properties.id);
  });
  const reasonsOf = (e: number) =>
    (ctx.hazards.reasons.get(e) ?? NO_REASONS).filter(
      (r) => r.code !== 'crossing_closed' || passed.has(r.featureId),
    );

  const month = ctx.layers.month;
  const stretches: PlanStretch[] = [];
  const hazards = new Map<string, RouteHazard>();
  const all: Reason[] = [];
  let worst = 0;
  let hours = 0;
  let routeCost = from.place.snapKm + to.place.snapKm;
  const edgeCum = new Map<number, number[]>();
  for (const w of walked) {
    const edge = net.edges[w.edge];
    const reasons = reasonsOf(w.edge);
    const status = statusOfReasons(reasons);
    worst = Math.max(worst, statusRank[status]);
    routeCost += edge.lengthKm > 0 ? (cost[w.edge] / edge.lengthKm) * w.len : 0;
    const h = drivingHours(travel, edge.road.class, w.len, month);
    hours += h;
    all.push(...reasons);
    for (const r of reasons) {
      const key = `${r.featureId}|${r.code}`;
      const had = hazards.get(key);
      if (had) had.toKm = round3(w.toKm);
      else
        hazards.set(key, {
          featureId: r.featureId,
          code: r.code,
          status: statusOfCode(r.code),
          detail: r.detail,
          fromKm: round3(w.fromKm),
          toKm: round3(w.toKm),
          position: [0, 0],
        });
    }
    let coords: Position[];
    if (w.startKm === 0 && w.endKm === edge.lengthKm) coords = ctx.edgeCoords(w.edge);
    else if (w.endKm === 0 && w.startKm === edge.lengthKm) coords = [...ctx.edgeCoords(w.edge)].reverse();
    else {
      let cum = edgeCum.get(w.edge);
      if (!cum) edgeCum.set(w.edge, (cum = cumulativeKm(edge.coords)));
      const part = lineSliceKm(edge.coords, cum, Math.min(w.startKm, w.endKm), Math.max(w.startKm, w.endKm));
      coords = (w.endKm < w.startKm ? part.reverse() : part).map(roundPosition);
    }
    const key = JSON.stringify(reasons);
    const last = stretches.at(-1);
    if (last && last.status === status && JSON.stringify(last.reasons) === key) {
      last.toKm = w.toKm;
      last.lengthKm += w.len;
      last.hours += withStops(travel, h);
      if (!last.roadIds.includes(edge.roadId)) last.roadIds.push(edge.roadId);
      for (const p of coords) pushPosition(last.geometry.coordinates, p);
    } else {
      const line: Position[] = [];
      for (const p of coords) pushPosition(line, p);
      stretches.push({
        status,
        fromKm: w.fromKm,
        toKm: w.toKm,
        lengthKm: w.len,
        hours: withStops(travel, h),
        roadIds: [edge.roadId],
        reasons,
        geometry: { type: 'LineString', coordinates: line },
      });
    }
  }
  for (const s of stretches) {
    s.fromKm = round3(s.fromKm);
    s.toKm = round3(s.toKm);
    s.lengthKm = round3(s.lengthKm);
    s.hours = round2(s.hours);
    if (s.geometry.coordinates.length === 1) s.geometry.coordinates.push(s.geometry.coordinates[0]);
  }

  const crossings = routeCrossings(ctx, walked, junctions, from, to);
  const gapHours = (from.place.snapKm + to.place.snapKm) / travel.offRoadKmh;
  const totalHours = withStops(travel, hours + gapHours);
  const line: Position[] = [];
  pushPosition(line, roundPosition(from.place.position));
  for (const s of stretches) for (const p of s.geometry.coordinates) pushPosition(line, p);
  pushPosition(line, roundPosition(to.place.position));
  if (line.length === 1) line.push(line[0]);
  const lineKm = cumulativeKm(line);
  for (const h of hazards.values())
    h.position = roundPosition(pointAtKm(line, lineKm, h.fromKm)) as [number, number];
  return {
    rank: 0,
    status: statusByRank[worst],
    lengthKm: round3(km + to.place.snapKm),
    cost: round3(routeCost),
    travel: {
      hours: round2(totalHours),
      days: round2(totalHours / travel.drivingHoursPerDay),
      rainySeason: travel.rainyMonths.includes(month),
    },
    stretches,
    crossings,
    hazards: [...hazards.values()].sort(
      (a, b) => a.fromKm - b.fromKm || (a.featureId < b.featureId ? -1 : 1),
    ),
    reasons: sortReasons(all),
    geometry: { type: 'LineString', coordinates: line },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function pushPosition(line: Position[], p: Position): void {
  const last = line.at(-1);
  if (!last || last[0] !== p[0] || last[1] !== p[1]) line.push(p);
}

/**
 * The crossings a route meets, in travel order: at the junctions it passes, and crossline passages on the
 * edges it drives. A crossing at the junction where the route starts or ends (a camp beside a border post)
 * is listed when the place is that crossing, or when the route passes no other crossing of its kind (it
 * must then cross there); otherwise the route only starts beside it.
 */
function routeCrossings(
  ctx: AnalysisContext,
  walked: readonly { edge: number; fromKm: number; toKm: number }[],
  junctions: readonly { node: number; km: number }[],
  from: ResolvedPlace,
  to: ResolvedPlace,
): RouteCrossing[] {
  const byId = new Map(ctx.layers.crossings.map((c) => [c.feature.properties.id, c]));
  const met: { id: string; km: number; end: ResolvedPlace | null }[] = [];
  junctions.forEach((j, i) => {
    const end = i === 0 && from.edge < 0 ? from : i === junctions.length - 1 && to.edge < 0 ? to : null;
    for (const c of ctx.crossingsAt.get(j.node) ?? [])
      met.push({ id: c.feature.properties.id, km: j.km, end });
  });
  for (const w of walked)
    for (const id of ctx.hazards.crossline.get(w.edge) ?? [])
      met.push({ id, km: (w.fromKm + w.toKm) / 2, end: null });
  met.sort((a, b) => a.km - b.km);
  const kindOf = (id: string) => byId.get(id)?.feature.properties.kind;
  const interiorKinds = new Set(met.filter((m) => m.end === null).map((m) => kindOf(m.id)));
  const out: RouteCrossing[] = [];
  for (const m of met) {
    const c = byId.get(m.id);
    if (!c || out.some((o) => o.id === m.id)) continue;
    const p = c.feature.properties;
    if (m.end && m.end.place.id !== m.id && interiorKinds.has(p.kind)) continue;
    out.push({
      id: m.id,
      name: p.name,
      kind: p.kind,
      status: c.status,
      since: c.since,
      km: round3(m.km),
      position: roundPosition(c.feature.geometry.coordinates) as [number, number],
      countries: p.countries,
      parties: crossingParties(ctx, c),
    });
  }
  return out;
}
