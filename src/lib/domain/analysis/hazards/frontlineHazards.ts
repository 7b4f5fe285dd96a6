import { haversineKm } from '../../geo/haversineKm';
import type { AnalysisParams } from '../../schemas';
import type { ActiveCrossing, ActiveFrontline } from '../activeLayers';
import { edgeLineCrossings, edgesNearLines } from '../network/edgeQueries';
import type { RoadNetwork } from '../network/roadNetwork';
import { formatKm } from '../reasons';
import type { EdgeReasons } from './edgeReasons';
import type { HazardCache } from './hazardCache';

/**
 * A front line puts every road within `frontlineBufferKm` at risk (touching the buffer counts) and blocks
 * every road edge that crosses it, unless an open (or restricted) crossline crossing sits at an end of that
 * edge within `crosslineToleranceKm` of each point where it crosses. Such edges are recorded in `crossline`
 * with the crossing ids: passing them is crossline access.
 */
export function addFrontlineHazards(
  net: RoadNetwork,
  line: ActiveFrontline,
  label: string,
  params: AnalysisParams,
  crosslineCrossingsAt: (node: number) => readonly ActiveCrossing[],
  cache: HazardCache,
  out: EdgeReasons,
  crossline: Map<number, string[]>,
): void {
  const d = params.frontlineBufferKm;
  const buffered = cache.get(line.geometryKey, `frontline-buffer:${d}`, () =>
    edgesNearLines(net, line.lines, d),
  );
  out.add(buffered, {
    code: 'frontline_buffer',
    featureId: line.id,
    detail: `within ${formatKm(d)} of front line ${label}`,
  });

  const hits = cache.get(line.geometryKey, 'frontline-crossings', () => edgeLineCrossings(net, line.lines));
  const byEdge = new Map<number, (typeof hits)[number]['point'][]>();
  for (const h of hits) byEdge.set(h.edge, [...(byEdge.get(h.edge) ?? []), h.point]);
  const tol = params.crosslineToleranceKm;
  for (const [edge, points] of byEdge) {
    const e = net.edges[edge];
    const candidates = [
      ...crosslineCrossingsAt(e.from),
      ...(e.to !== e.from ? crosslineCrossingsAt(e.to) : []),
    ];
    const via = new Set<string>();
    let allCovered = true;
    for (const p of points) {
      const c = candidates.find((c) => {
        const node = net.crossingNode.get(c.feature.properties.id)!;
        const atNode = haversineKm([net.nodeLon[node], net.nodeLat[node]], p);
        return Math.min(haversineKm(c.feature.geometry.coordinates, p), atNode) <= tol;
      });
      if (c) via.add(c.feature.properties.id);
      else allCovered = false;
    }
    if (allCovered) crossline.set(edge, [...via].sort());
    else
      out.add([edge], {
        code: 'frontline_crossing',
        featureId: line.id,
        detail: `crosses front line ${label} with no open crossline crossing within ${formatKm(tol)}`,
      });
  }
}
