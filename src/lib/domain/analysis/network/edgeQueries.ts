import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import { segmentDistanceKm } from '../../geo/segmentDistanceKm';
import { createPolygonIndex } from '../../geo/createPolygonIndex';
import { segmentIntersection } from '../../geo/segmentIntersection';
import type { RoadNetwork } from './roadNetwork';

// Every query goes through the segment index first (bbox pre-check), then runs the exact test only on the
// candidates, and stops testing an edge as soon as one of its segments matches.

// A segment's ends are read from its edge's line where they are used, not returned as a pair: these loops
// test hundreds of thousands of candidate segments per analysis, and each pair was an array.
function segmentLine(net: RoadNetwork, s: number): Position[] {
  return net.edges[net.segEdge[s]].coords;
}

function sorted(set: Set<number>): number[] {
  return [...set].sort((a, b) => a - b);
}

/** Edges with a point within `km` of `p`. */
export function edgesNearPoint(net: RoadNetwork, p: Position, km: number): number[] {
  const box = expandBboxKm([p[0], p[1], p[0], p[1]], km);
  const found = new Set<number>();
  for (const s of net.segIndex.search(box[0], box[1], box[2], box[3])) {
    const e = net.segEdge[s];
    if (found.has(e)) continue;
    const road = segmentLine(net, s);
    const a = road[net.segVertex[s]];
    const b = road[net.segVertex[s] + 1];
    if (pointSegmentDistanceKm(p, a, b) <= km) found.add(e);
  }
  return sorted(found);
}

/** Edges with a point within `km` of any of `lines` (0 km: edges that meet them). */
export function edgesNearLines(net: RoadNetwork, lines: readonly Position[][], km: number): number[] {
  const found = new Set<number>();
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const c = line[i];
      const d = line[i + 1];
      const box = expandBboxKm(bboxOf([c, d]), km);
      for (const s of net.segIndex.search(box[0], box[1], box[2], box[3])) {
        const e = net.segEdge[s];
        if (found.has(e)) continue;
        const road = segmentLine(net, s);
        const a = road[net.segVertex[s]];
        const b = road[net.segVertex[s] + 1];
        if (segmentDistanceKm(a, b, c, d) <= km) found.add(e);
      }
    }
  return sorted(found);
}

/** Every point where an edge crosses or touches one of `lines`, in edge then line order. */
export function edgeLineCrossings(
  net: RoadNetwork,
  lines: readonly Position[][],
): { edge: number; point: Position }[] {
  const out: { edge: number; point: Position; s: number; t: number }[] = [];
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const c = line[i];
      const d = line[i + 1];
      const box = bboxOf([c, d]);
      for (const s of net.segIndex.search(box[0], box[1], box[2], box[3])) {
        const road = segmentLine(net, s);
        const a = road[net.segVertex[s]];
        const b = road[net.segVertex[s] + 1];
        const hit = segmentIntersection(a, b, c, d);
        if (hit)
          out.push({
            edge: net.segEdge[s],
            s,
            t: hit.t,
            point: [a[0] + hit.t * (b[0] - a[0]), a[1] + hit.t * (b[1] - a[1])],
          });
      }
    }
  out.sort((x, y) => x.s - y.s || x.t - y.t);
  return out.map(({ edge, point }) => ({ edge, point }));
}

/** Edges with a part inside `polygons` (rings: exterior then holes; a hole is outside). */
export function edgesInsidePolygons(net: RoadNetwork, polygons: readonly Position[][][]): number[] {
  const index = createPolygonIndex(polygons);
  // The edges found, marked in a table reused by every call (cleared from `out` before returning) rather than
  // kept in a set: each area tests every road segment in its box, hundreds of thousands per area.
  if (FOUND.length < net.edges.length) FOUND = new Uint8Array(net.edges.length);
  const found = FOUND;
  const out: number[] = [];
  // A segment's ends are read from the packed copy (the same numbers) into two positions reused by every test,
  // rather than through its edge's line.
  const xy = net.segCoords;
  const a = SEG_A;
  const b = SEG_B;
  const segEdge = net.segEdge;
  // Each segment is tested in the search's filter, which keeps none, so that no list of the segments in the
  // area's box (most of the network's, for a large area) is made.
  const test = (s: number): boolean => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    a[0] = xy[4 * s];
    a[1] = xy[4 * s + 1];
    b[0] = xy[4 * s + 2];
    b[1] = xy[4 * s + 3];
    if (index.meetsInside(a, b)) {
      found[e] = 1;
      out.push(e);
    }
    return false;
  };
  for (const rings of polygons) {
    const box = bboxOf(rings[0] ?? []);
    net.segIndex.search(box[0], box[1], box[2], box[3], test);
  }
  for (const e of out) found[e] = 0;
  return Array.from(Int32Array.from(out).sort());
}

let FOUND = new Uint8Array(0);
const SEG_A: Position = [0, 0];
const SEG_B: Position = [0, 0];
