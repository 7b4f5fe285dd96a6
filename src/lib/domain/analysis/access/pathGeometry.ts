import type { Position } from 'geojson';
import type { RoadNetwork } from '../network/roadNetwork';

/**
 * The course of a path: its edges' positions in travel order (an edge walked from its `to` end is reversed),
 * with `start` and `end` (e.g. the hub and the site, off the road) added when given. `edgeCoords` gives
 * the (rounded) positions of an edge.
 */
export function pathGeometry(
  net: RoadNetwork,
  edgeCoords: (edge: number) => Position[],
  edges: readonly number[],
  nodes: readonly number[],
  start?: Position,
  end?: Position,
): Position[] {
  const out: Position[] = [];
  const push = (p: Position) => {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  };
  if (start) push(start);
  edges.forEach((e, i) => {
    const line = edgeCoords(e);
    if (net.edges[e].from === nodes[i]) for (let k = 0; k < line.length; k++) push(line[k]);
    else for (let k = line.length - 1; k >= 0; k--) push(line[k]);
  });
  if (end) push(end);
  if (out.length === 0) out.push([net.nodeLon[nodes[0]], net.nodeLat[nodes[0]]]);
  if (out.length === 1) out.push(out[0]);
  return out;
}
