import type { Position } from 'geojson';
import type { RoadNetwork } from '../network/roadNetwork';

/**
 * The course of a path: its edges' positions in travel order (an edge walked from its `to` end is reversed),
 * with `start` and `end` (e.g. the hub and the site, off the road) added when given.
 */
export function pathGeometry(
  net: RoadNetwork,
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
  push([net.nodeLon[nodes[0]], net.nodeLat[nodes[0]]]);
  edges.forEach((e, i) => {
    const edge = net.edges[e];
    const line = edge.from === nodes[i] ? edge.coords : [...edge.coords].reverse();
    for (const p of line) push(p);
  });
  if (end) push(end);
  if (out.length === 1) out.push(out[0]);
  return out;
}
