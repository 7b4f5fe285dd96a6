import type { Position } from 'geojson';
import type { RoadNetwork } from '../network/roadNetwork';

/** The first `count` positions of `coordinates`: what a path's start and first `edges` edges give. */
export interface CoursePrefix {
  coordinates: readonly Position[];
  count: number;
  edges: number;
}

/**
 * The course of a path: its edges' positions in travel order (an edge walked from its `to` end is read
 * backwards), with `start` and `end` (e.g. the hub and the site, off the road) added when given. `edgeCoords`
 * gives the (rounded) positions of an edge. Consecutive repeated positions are dropped.
 *
 * `edgeHasRepeats`, when given, says whether an edge's positions hold two equal ones in a row: where they do
 * not, only an edge's first position (in travel order) can repeat the one before it, and the rest are copied
 * without reading them: comparing read both numbers of each of the 1.6 million positions of the full-size
 * grid's best paths, arrays scattered on the heap.
 *
 * `from`, when given, is a course made before from the same `start` along the same first `from.edges` edges
 * (walked the same way): its first `from.count` positions are what those give here, and are copied. `counts`,
 * when given, receives at `i` the number of positions `start` and the first `i` edges give (`i` up to
 * `edges.length`): a later path along the same first edges may start from this course (treeCourses.ts).
 */
export function pathGeometry(
  net: RoadNetwork,
  edgeCoords: (edge: number) => Position[],
  edges: readonly number[],
  nodes: readonly number[],
  start?: Position,
  end?: Position,
  edgeHasRepeats?: (edge: number) => boolean,
  from?: CoursePrefix,
  counts?: Int32Array,
): Position[] {
  // Sized once for every position the path can have and cut to what it kept: grown by push instead, the
  // arrays of 5,000 sites' long paths were allocated about three times over (47 MB at full grid size).
  // Each edge's line is looked up once: paths average under three positions per edge, so the lookups (and
  // the edge objects read for their direction) cost more than the copying.
  const first = from ? from.edges : 0;
  const lines = new Array<Position[]>(edges.length);
  let bound = (from ? from.count : start ? 1 : 0) + (end ? 1 : 0);
  for (let i = first; i < edges.length; i++) bound += (lines[i] = edgeCoords(edges[i])).length;
  const out: Position[] = new Array<Position>(bound);
  let count = 0;
  let last: Position | undefined;
  const push = (p: Position) => {
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    out[count++] = p;
    last = p;
  };
  if (from) {
    // What `start` and the first `from.edges` edges give, read from one array instead of an edge line each.
    const made = from.coordinates;
    for (; count < from.count; count++) out[count] = made[count];
    if (count > 0) last = out[count - 1];
  } else if (start) push(start);
  for (let i = first; i < edges.length; i++) {
    if (counts) counts[i] = count;
    const line = lines[i];
    const forward = net.edgeFrom[edges[i]] === nodes[i];
    if (line.length > 0 && edgeHasRepeats && !edgeHasRepeats(edges[i])) {
      // Each position differs from the one before it in the line, which is (or equals) the last kept.
      if (forward) {
        push(line[0]);
        for (let k = 1; k < line.length; k++) out[count++] = line[k];
      } else {
        push(line[line.length - 1]);
        for (let k = line.length - 2; k >= 0; k--) out[count++] = line[k];
      }
      if (line.length > 1) last = out[count - 1];
    } else if (forward) for (let k = 0; k < line.length; k++) push(line[k]);
    else for (let k = line.length - 1; k >= 0; k--) push(line[k]);
  }
  if (counts) counts[edges.length] = count;
  if (end) push(end);
  out.length = count;
  if (out.length === 0) out.push([net.nodeLon[nodes[0]], net.nodeLat[nodes[0]]]);
  if (out.length === 1) out.push(out[0]);
  return out;
}
