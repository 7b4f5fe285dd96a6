import type { Position } from 'geojson';
import { cumulativeKm } from '../../geo/cumulativeKm';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { haversineKm } from '../../geo/haversineKm';
import { projectOnSegment } from '../../geo/projectOnSegment';
import type { Place, PlanPlace, Situation } from '../../schemas';
import { usableAttachment } from '../access/usableAttachment';
import type { AnalysisContext } from '../context';
import { AnalysisInputError } from '../errors';
import { ABSENT } from '../hazards/evaluateEdgeHazards';
import { round3, roundPosition } from '../round';

/** Where a place joins the graph: a junction, or a point inside an edge reached from either end. */
export interface Anchor {
  node: number;
  /** Road km from the place's road position to the junction. */
  km: number;
}

export interface ResolvedPlace {
  place: PlanPlace;
  /** Empty when the place is off the network on the date. */
  anchors: Anchor[];
  /** The edge the place lies inside (a map position snapped mid-road), else -1. */
  edge: number;
  /** Km along `edge` from its `from` junction to the place's road position. */
  edgeKm: number;
}

/** `lon,lat` of a place given as a position, its id otherwise: how the place is named in errors and notes. */
export function placeLabel(p: Place): string {
  return typeof p === 'string' ? p : `${p.lon},${p.lat}`;
}

/**
 * Resolves a place on the as-of date: a site joins the road as the analysis attaches it, a crossing at its
 * junction, and a map position at the nearest point of the nearest road that exists that day (within the
 * site attachment distance), which may lie between two junctions.
 */
export function resolvePlace(ctx: AnalysisContext, situation: Situation, p: Place): ResolvedPlace {
  const { net } = ctx;
  if (typeof p === 'string') {
    const site = situation.sites.find((s) => s.properties.id === p);
    if (site) {
      const att = usableAttachment(ctx, p);
      const position = site.geometry.coordinates as [number, number];
      const node = att?.node;
      return {
        place: {
          id: p,
          kind: 'site',
          name: site.properties.name,
          position,
          roadPosition: node === undefined ? position : nodePosition(ctx, node),
          snapKm: round3(att?.attachKm ?? 0),
        },
        anchors: node === undefined ? [] : [{ node, km: 0 }],
        edge: -1,
        edgeKm: 0,
      };
    }
    const crossing = situation.crossings.find((c) => c.properties.id === p);
    if (crossing) {
      const node = net.crossingNode.get(p);
      const position = crossing.geometry.coordinates as [number, number];
      const roadPosition = node === undefined ? position : nodePosition(ctx, node);
      return {
        place: {
          id: p,
          kind: 'crossing',
          name: crossing.properties.name,
          position,
          roadPosition,
          snapKm: round3(haversineKm(position, roadPosition)),
        },
        anchors: node === undefined || !nodeHasRoad(ctx, node) ? [] : [{ node, km: 0 }],
        edge: -1,
        edgeKm: 0,
      };
    }
    throw new AnalysisInputError(`no site or crossing has the id "${p}"`);
  }
  return snapToRoad(ctx, [p.lon, p.lat]);
}

function nodePosition(ctx: AnalysisContext, n: number): [number, number] {
  return roundPosition([ctx.net.nodeLon[n], ctx.net.nodeLat[n]]) as [number, number];
}

function nodeHasRoad(ctx: AnalysisContext, n: number): boolean {
  const { net } = ctx;
  for (let k = net.adjStart[n]; k < net.adjStart[n + 1]; k++)
    if (ctx.hazards.status[net.adjEdge[k]] !== ABSENT) return true;
  return false;
}

function snapToRoad(ctx: AnalysisContext, p: [number, number]): ResolvedPlace {
  const { net } = ctx;
  const maxKm = ctx.options.siteAttachKm;
  let best = { seg: -1, t: 0, km: Infinity, point: p as Position };
  // A small box first (a click on a road), the whole attachment distance only when it finds nothing.
  for (const km of [2, maxKm]) {
    const box = expandBboxKm([p[0], p[1], p[0], p[1]], Math.min(km, maxKm));
    for (const s of net.segIndex.search(box[0], box[1], box[2], box[3])) {
      const e = net.segEdge[s];
      if (ctx.hazards.status[e] === ABSENT) continue;
      const line = net.edges[e].coords;
      const hit = projectOnSegment(p, line[net.segVertex[s]], line[net.segVertex[s] + 1]);
      if (hit.distanceKm < best.km || (hit.distanceKm === best.km && s < best.seg))
        best = { seg: s, t: hit.t, km: hit.distanceKm, point: hit.point };
    }
    if (best.seg >= 0) break;
  }
  const label = `${p[0]},${p[1]}`;
  if (best.seg < 0 || best.km > maxKm)
    return {
      place: { id: null, kind: 'point', name: label, position: p, roadPosition: p, snapKm: 0 },
      anchors: [],
      edge: -1,
      edgeKm: 0,
    };
  const e = net.segEdge[best.seg];
  const edge = net.edges[e];
  const v = net.segVertex[best.seg];
  const cum = cumulativeKm(edge.coords);
  const edgeKm = Math.min(edge.lengthKm, cum[v] + haversineKm(edge.coords[v], best.point));
  const roadPosition = roundPosition(best.point) as [number, number];
  const place: ResolvedPlace['place'] = {
    id: null,
    kind: 'point',
    name: label,
    position: p,
    roadPosition,
    snapKm: round3(best.km),
  };
  // At a junction the place is the junction itself; inside an edge it is reached from both ends.
  if (edgeKm <= 1e-9) return { place, anchors: [{ node: edge.from, km: 0 }], edge: -1, edgeKm: 0 };
  if (edgeKm >= edge.lengthKm - 1e-9)
    return { place, anchors: [{ node: edge.to, km: 0 }], edge: -1, edgeKm: 0 };
  return {
    place,
    anchors: [
      { node: edge.from, km: edgeKm },
      { node: edge.to, km: edge.lengthKm - edgeKm },
    ],
    edge: e,
    edgeKm,
  };
}
