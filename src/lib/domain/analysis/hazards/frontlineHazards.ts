import type { Position } from 'geojson';
import { haversineKm } from '../../geo/haversineKm';
import type { AnalysisParams, Reason } from '../../schemas';
import type { ActiveCrossing, ActiveFrontline } from '../activeLayers';
import { edgeLineCrossings, edgesNearLines } from '../network/edgeQueries';
import type { RoadNetwork } from '../network/roadNetwork';
import { formatKm } from '../reasons';
import type { HazardCache } from './hazardCache';

/**
 * What one front line does to the road edges, on the roads, parameters and crossing statuses of a date. Kept
 * per line while its geometry and label stay the same, so that a re-analysis after a line moves looks only at
 * the edges of that line (evaluateEdgeHazards.ts). Nothing in it is changed once made.
 */
export interface FrontlineContribution {
  /** What it was made from: the line's geometry object and label. */
  readonly geometryKey: object;
  readonly label: string;
  /** Edges of roads in force within the buffer, each once, and the reason they get. */
  readonly buffered: readonly number[];
  readonly bufferReason: Reason;
  /** Edges of roads in force that cross the line with no open crossline crossing, and their reason. */
  readonly crossing: readonly number[];
  readonly crossingReason: Reason;
  /** Edges of roads in force that pass the line at open crossline crossings, with the crossing ids. */
  readonly crosslineEdges: readonly number[];
  readonly crosslineVia: readonly string[][];
}

/**
 * A front line puts every road within `frontlineBufferKm` at risk (touching the buffer counts) and blocks
 * every road edge that crosses it, unless an open (or restricted) crossline crossing sits at an end of that
 * edge within `crosslineToleranceKm` of each point where it crosses. Such edges are listed in
 * `crosslineEdges` with the crossing ids: passing them is crossline access. Only edges for which `inForce`
 * holds count.
 */
export function frontlineContribution(
  net: RoadNetwork,
  line: ActiveFrontline,
  label: string,
  params: AnalysisParams,
  crosslineCrossingsAt: (node: number) => readonly ActiveCrossing[],
  cache: HazardCache,
  inForce: (edge: number) => boolean,
): FrontlineContribution {
  const d = params.frontlineBufferKm;
  const near = cache.get(line.geometryKey, `frontline-buffer:${d}`, () => edgesNearLines(net, line.lines, d));
  const buffered = near.filter(inForce);

  const hits = cache.get(line.geometryKey, 'frontline-crossings', () => edgeLineCrossings(net, line.lines));
  // The points where each edge crosses, edges in the order of their first crossing: a list per edge, pushed to
  // (a list copied at each point cost a copy per point).
  const groupOf = new Map<number, number>();
  const groupEdges: number[] = [];
  const groupPoints: Position[][] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    const g = groupOf.get(h.edge);
    if (g === undefined) {
      groupOf.set(h.edge, groupEdges.length);
      groupEdges.push(h.edge);
      groupPoints.push([h.point]);
    } else groupPoints[g].push(h.point);
  }
  const tol = params.crosslineToleranceKm;
  const crossing: number[] = [];
  const crosslineEdges: number[] = [];
  const crosslineVia: string[][] = [];
  for (let g = 0; g < groupEdges.length; g++) {
    const edge = groupEdges[g];
    if (!inForce(edge)) continue;
    const e = net.edges[edge];
    const atFrom = crosslineCrossingsAt(e.from);
    const atTo = e.to !== e.from ? crosslineCrossingsAt(e.to) : NONE;
    // Most crossing edges have no crossline crossing at either end: every point is then uncovered.
    if (atFrom.length === 0 && atTo.length === 0) {
      crossing.push(edge);
      continue;
    }
    const candidates = [...atFrom, ...atTo];
    const via = new Set<string>();
    let allCovered = true;
    for (const p of groupPoints[g]) {
      const c = candidates.find((c) => {
        const node = net.crossingNode.get(c.feature.properties.id)!;
        const atNode = haversineKm([net.nodeLon[node], net.nodeLat[node]], p);
        return Math.min(haversineKm(c.feature.geometry.coordinates, p), atNode) <= tol;
      });
      if (c) via.add(c.feature.properties.id);
      else allCovered = false;
    }
    if (allCovered) {
      crosslineEdges.push(edge);
      crosslineVia.push([...via].sort());
    } else crossing.push(edge);
  }
  return {
    geometryKey: line.geometryKey,
    label,
    buffered,
    bufferReason: {
      code: 'frontline_buffer',
      featureId: line.id,
      detail: `within ${formatKm(d)} of front line ${label}`,
    },
    crossing,
    crossingReason: {
      code: 'frontline_crossing',
      featureId: line.id,
      detail: `crosses front line ${label} with no open crossline crossing within ${formatKm(tol)}`,
    },
    crosslineEdges,
    crosslineVia,
  };
}

/** No crossings at a junction. */
const NONE: readonly ActiveCrossing[] = [];
