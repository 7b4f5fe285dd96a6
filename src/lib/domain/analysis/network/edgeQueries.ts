import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { expandBboxKm, expandBoxKmInto } from '../../geo/expandBboxKm';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import { segmentDistanceKm } from '../../geo/segmentDistanceKm';
import { createPolygonIndex, type PolygonIndex } from '../../geo/createPolygonIndex';
import { segmentIntersection } from '../../geo/segmentIntersection';
import type { RoadNetwork } from './roadNetwork';

// Every query goes through the segment index first (bbox pre-check), then runs the exact test only on the
// candidates, and stops testing an edge as soon as one of its segments matches.

// A segment's ends are read from its edge's line where they are used, not returned as a pair: these loops
// test hundreds of thousands of candidate segments per analysis, and each pair was an array.
function segmentLine(net: RoadNetwork, s: number): Position[] {
  return net.edges[net.segEdge[s]].coords;
}

/**
 * The table marking the edges a query found, shared by every query (one at a time; each clears its marks
 * before returning): a set of them cost a hashed look-up per candidate segment.
 */
function foundTable(net: RoadNetwork): Uint8Array {
  if (FOUND.length < net.edges.length) FOUND = new Uint8Array(net.edges.length);
  return FOUND;
}

/** The found edges ascending, their marks cleared. */
function sortedClearing(out: number[], found: Uint8Array): number[] {
  for (let i = 0; i < out.length; i++) found[out[i]] = 0;
  return Array.from(Int32Array.from(out).sort());
}

/**
 * Segment `s`'s ends read from the packed copy (the same numbers as its edge's line) into `a` and `b`, two
 * positions reused by every test rather than read through the edge.
 */
function readSegment(net: RoadNetwork, s: number, a: Position, b: Position): void {
  const xy = net.segCoords;
  a[0] = xy[4 * s];
  a[1] = xy[4 * s + 1];
  b[0] = xy[4 * s + 2];
  b[1] = xy[4 * s + 3];
}

/** Edges with a point within `km` of `p`. */
export function edgesNearPoint(net: RoadNetwork, p: Position, km: number): number[] {
  const box = expandBboxKm([p[0], p[1], p[0], p[1]], km);
  const found = foundTable(net);
  const out: number[] = [];
  const segEdge = net.segEdge;
  const a = SEG_A;
  const b = SEG_B;
  // As in edgesInsidePolygons: each segment tested in the search's filter, which keeps none, and the edges
  // found marked in the shared table rather than kept in a set.
  net.segIndex.search(box[0], box[1], box[2], box[3], (s) => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    readSegment(net, s, a, b);
    if (pointSegmentDistanceKm(p, a, b) <= km) {
      found[e] = 1;
      out.push(e);
    }
    return false;
  });
  return sortedClearing(out, found);
}

/** Edges with a point within `km` of any of `lines` (0 km: edges that meet them). */
export function edgesNearLines(net: RoadNetwork, lines: readonly Position[][], km: number): number[] {
  const found = foundTable(net);
  const out: number[] = [];
  const segEdge = net.segEdge;
  const a = SEG_A;
  const b = SEG_B;
  const box = LINE_BOX;
  // The line's segment being tested: read by the filter below, one function for every segment of the lines
  // (a front line's buffer tests tens of thousands of road segments, most of them again for the next piece
  // of the line, where the edge found already ends the test).
  let c: Position = [0, 0];
  let d: Position = c;
  const test = (s: number): boolean => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    readSegment(net, s, a, b);
    if (segmentDistanceKm(a, b, c, d) <= km) {
      found[e] = 1;
      out.push(e);
    }
    return false;
  };
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      c = line[i];
      d = line[i + 1];
      expandBoxKmInto(
        box,
        c[0] < d[0] ? c[0] : d[0],
        c[1] < d[1] ? c[1] : d[1],
        c[0] < d[0] ? d[0] : c[0],
        c[1] < d[1] ? d[1] : c[1],
        km,
      );
      net.segIndex.search(box[0], box[1], box[2], box[3], test);
    }
  return sortedClearing(out, found);
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

/**
 * Edges with a part inside `polygons` (rings: exterior then holes; a hole is outside). `index` is theirs,
 * when the caller has it already (the one kept per geometry).
 */
export function edgesInsidePolygons(
  net: RoadNetwork,
  polygons: readonly Position[][][],
  index: PolygonIndex = createPolygonIndex(polygons),
): number[] {
  // The edges found, marked in the shared table: each area tests every road segment in its box, hundreds of
  // thousands per area.
  const found = foundTable(net);
  const out: number[] = [];
  const a = SEG_A;
  const b = SEG_B;
  const segEdge = net.segEdge;
  // Each segment is tested in the search's filter, which keeps none, so that no list of the segments in the
  // area's box (most of the network's, for a large area) is made.
  const test = (s: number): boolean => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    readSegment(net, s, a, b);
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
  return sortedClearing(out, found);
}

let FOUND = new Uint8Array(0);
const SEG_A: Position = [0, 0];
const SEG_B: Position = [0, 0];
/** The box of the segment of a line being searched around (edgesNearLines). */
const LINE_BOX = new Float64Array(4);
