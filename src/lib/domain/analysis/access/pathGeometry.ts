import type { Position } from 'geojson';
import type { RoadNetwork } from '../network/roadNetwork';

/**
 * The course of a path: its edges' positions in travel order (an edge walked from its `to` end is read
 * backwards), with `start` and `end` (e.g. the hub and the site, off the road) added when given. `edgeCoords`
 * gives the (rounded) positions of an edge. Consecutive repeated positions are dropped.
 */
export function pathGeometry(
  net: RoadNetwork,
  edgeCoords: (edge: number) => Position[],
  edges: readonly number[],
  nodes: readonly number[],
  start?: Position,
  end?: Position,
): Position[] {
  // Sized once for every position the path can have and cut to what it kept: grown by push instead, the
  // arrays of 5,000 sites' long paths were allocated about three times over (47 MB at full grid size).
  let bound = (start ? 1 : 0) + (end ? 1 : 0);
  for (let i = 0; i < edges.length; i++) bound += edgeCoords(edges[i]).length;
  const out: Position[] = new Array<Position>(bound);
  let count = 0;
  let last: Position | undefined;
  const push = (p: Position) => {
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    out[count++] = p;
    last = p;
  };
  if (start) push(start);
  for (let i = 0; i < edges.length; i++) {
    const line = edgeCoords(edges[i]);
    if (net.edges[edges[i]].from === nodes[i]) for (let k = 0; k < line.length; k++) push(line[k]);
    else for (let k = line.length - 1; k >= 0; k--) push(line[k]);
  }
  if (end) push(end);
  out.length = count;
  if (out.length === 0) out.push([net.nodeLon[nodes[0]], net.nodeLat[nodes[0]]]);
  if (out.length === 1) out.push(out[0]);
  return out;
}
