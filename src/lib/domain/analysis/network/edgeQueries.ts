import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { expandBboxKm, expandBoxKmInto } from '../../geo/expandBboxKm';
import { projectOnSegmentXY } from '../../geo/projectOnSegment';
import { segmentDistanceKm } from '../../geo/segmentDistanceKm';
import { createPolygonIndex, type PolygonIndex } from '../../geo/createPolygonIndex';
import { insertionSortNumbers } from '../../geo/insertionSortNumbers';
import { segmentIntersection } from '../../geo/segmentIntersection';
import type { RoadNetwork } from './roadNetwork';
import { SegmentGrid } from './segmentGrid';

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
  // Many edges found close together in numbering (an area's, a front line's buffer): the marks between the
  // least and the greatest are read in order, which costs less than copying and sorting the edges.
  if (out.length >= DENSE_MIN) {
    let lo = out[0];
    let hi = out[0];
    for (let i = 1; i < out.length; i++) {
      const e = out[i];
      if (e < lo) lo = e;
      else if (e > hi) hi = e;
    }
    if (hi - lo < DENSE_SPAN * out.length) {
      const sorted: number[] = [];
      for (let e = lo; e <= hi; e++)
        if (found[e] === 1) {
          found[e] = 0;
          sorted.push(e);
        }
      return sorted;
    }
  }
  for (let i = 0; i < out.length; i++) found[out[i]] = 0;
  // A few edges (an incident's): sorted in place, with no copy.
  if (out.length < DENSE_MIN) {
    insertionSortNumbers(out, 0, out.length);
    return out;
  }
  return Array.from(Int32Array.from(out).sort());
}

/**
 * The fewest edges found, and the most marks read per edge found, for which `sortedClearing` reads the marks
 * rather than sorting; fewer are sorted in place.
 */
const DENSE_MIN = 64;
const DENSE_SPAN = 16;

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
  const xy = net.segCoords;
  const x = p[0];
  const y = p[1];
  // The distance of pointSegmentDistanceKm, with its cosine of the point's latitude made once for every
  // candidate rather than once each (it was most of the test), and the segment's ends read where they lie.
  const cosLat = Math.cos((y * Math.PI) / 180);
  const distance = NEAR_DISTANCE;
  // As in edgesInsidePolygons: each segment tested in the search's filter, which keeps none, and the edges
  // found marked in the shared table rather than kept in a set.
  net.segIndex.search(box[0], box[1], box[2], box[3], (s) => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    projectOnSegmentXY(x, y, cosLat, xy[4 * s], xy[4 * s + 1], xy[4 * s + 2], xy[4 * s + 3], distance);
    if (distance[0] <= km) {
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
  const xy = net.segCoords;
  const a = SEG_A;
  const b = SEG_B;
  // The line's segments are searched around a few at a time (a chunk), each grown by `km` into its own box:
  // the search of the chunk's box reads each road segment near it once, where a search per line segment read
  // it again for every line segment near it (a front line's buffer is wider than its segments are long, so
  // tens of them), and that reading was most of the time. A road segment is then tested, as before, against
  // each line segment whose grown box it meets until one is within `km`: the edges found are the same.
  const boxes = CHUNK_BOXES;
  const ends = CHUNK_ENDS;
  let count = 0;
  const test = (s: number): boolean => {
    const e = segEdge[s];
    if (found[e] === 1) return false;
    const ax = xy[4 * s];
    const ay = xy[4 * s + 1];
    const bx = xy[4 * s + 2];
    const by = xy[4 * s + 3];
    const loX = ax < bx ? ax : bx;
    const hiX = ax < bx ? bx : ax;
    const loY = ay < by ? ay : by;
    const hiY = ay < by ? by : ay;
    let read = false;
    for (let k = 0; k < count; k++) {
      // The test of the index's search for that line segment's box alone.
      if (loX > boxes[4 * k + 2] || hiX < boxes[4 * k] || loY > boxes[4 * k + 3] || hiY < boxes[4 * k + 1])
        continue;
      if (!read) {
        readSegment(net, s, a, b);
        read = true;
      }
      if (segmentDistanceKm(a, b, ends[2 * k], ends[2 * k + 1]) <= km) {
        found[e] = 1;
        out.push(e);
        return false;
      }
    }
    return false;
  };
  const box = LINE_BOX;
  for (const line of lines)
    for (let i = 0; i + 1 < line.length;) {
      // The chunk: the next line segments while its box stays within three times a grown segment's width
      // and height, and at most CHUNK of them.
      count = 0;
      let west = Infinity;
      let south = Infinity;
      let east = -Infinity;
      let north = -Infinity;
      for (; i + 1 < line.length && count < CHUNK; i++) {
        const c = line[i];
        const d = line[i + 1];
        expandBoxKmInto(
          box,
          c[0] < d[0] ? c[0] : d[0],
          c[1] < d[1] ? c[1] : d[1],
          c[0] < d[0] ? d[0] : c[0],
          c[1] < d[1] ? d[1] : c[1],
          km,
        );
        const w = box[0] < west ? box[0] : west;
        const s = box[1] < south ? box[1] : south;
        const e = box[2] > east ? box[2] : east;
        const n = box[3] > north ? box[3] : north;
        // A wider chunk would read many road segments near none of its line segments.
        if (count > 0 && (e - w > 3 * (box[2] - box[0]) || n - s > 3 * (box[3] - box[1]))) break;
        boxes.set(box, 4 * count);
        ends[2 * count] = c;
        ends[2 * count + 1] = d;
        count++;
        west = w;
        south = s;
        east = e;
        north = n;
      }
      net.segIndex.search(west, south, east, north, test);
    }
  return sortedClearing(out, found);
}

/** Every point where an edge crosses or touches one of `lines`, in edge then line order. */
export function edgeLineCrossings(
  net: RoadNetwork,
  lines: readonly Position[][],
): { edge: number; point: Position }[] {
  // The hits as found, in parallel lists (an object each was made and then copied), then put in segment order
  // and, along a segment, in the order of its parameter.
  const hitSegment: number[] = [];
  const hitT: number[] = [];
  const hitPoint: Position[] = [];
  let c: Position = [0, 0];
  let d: Position = c;
  const test = (s: number): boolean => {
    const road = segmentLine(net, s);
    const a = road[net.segVertex[s]];
    const b = road[net.segVertex[s] + 1];
    const hit = segmentIntersection(a, b, c, d);
    if (hit) {
      hitSegment.push(s);
      hitT.push(hit.t);
      hitPoint.push([a[0] + hit.t * (b[0] - a[0]), a[1] + hit.t * (b[1] - a[1])]);
    }
    return false;
  };
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      c = line[i];
      d = line[i + 1];
      net.segIndex.search(
        c[0] < d[0] ? c[0] : d[0],
        c[1] < d[1] ? c[1] : d[1],
        c[0] < d[0] ? d[0] : c[0],
        c[1] < d[1] ? d[1] : c[1],
        test,
      );
    }
  // A stable sort of the hits' numbers, as found: equal segments and parameters keep that order.
  const order = Array.from({ length: hitSegment.length }, (_, k) => k).sort(
    (x, y) => hitSegment[x] - hitSegment[y] || hitT[x] - hitT[y],
  );
  return order.map((k) => ({ edge: net.segEdge[hitSegment[k]], point: hitPoint[k] }));
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
  const inside = (s: number): boolean => {
    readSegment(net, s, a, b);
    return index.meetsInside(a, b);
  };
  const grid = net.segIndex instanceof SegmentGrid ? net.segIndex : undefined;
  // Without the grid, each segment is tested in the search's filter, which keeps none, so that no list of the
  // segments in the area's box (most of the network's, for a large area) is made.
  const test = (s: number): boolean => {
    const e = segEdge[s];
    if (found[e] === 0 && inside(s)) {
      found[e] = 1;
      out.push(e);
    }
    return false;
  };
  for (const rings of polygons) {
    const box = bboxOf(rings[0] ?? []);
    if (grid) findByBlocks(grid, segEdge, box, index, inside, found, out);
    else net.segIndex.search(box[0], box[1], box[2], box[3], test);
  }
  return sortedClearing(out, found);
}

/** Cells a side of the blocks of the grid that `findByBlocks` decides at once (4: fastest of 4, 8 and 16). */
const BLOCK = 4;
/**
 * Degrees a block's box is grown by before asking whether a ring edge meets it: far more than the rounding
 * of the tests (below 1e-13 degrees), far less than any road or ring.
 */
const MARGIN = 1e-9;

/**
 * The edges of the segments of `grid` whose box meets `box` for which `inside` holds (those the search of
 * the box gives), marked in `found` and added to `out` unless found already. The segments are taken a block of
 * cells at a time: when no ring edge meets the box of a block's segments (grown by MARGIN), that box lies
 * wholly inside or wholly outside the polygons, and so does every segment in it, which no ring cuts; the test
 * of its first segment is then the answer for all. Most blocks of a large area are such; the segments of the
 * others are tested one by one.
 */
function findByBlocks(
  grid: SegmentGrid,
  segEdge: Int32Array,
  box: readonly number[],
  index: PolygonIndex,
  inside: (s: number) => boolean,
  found: Uint8Array,
  out: number[],
): void {
  const [minX, minY, maxX, maxY] = box;
  const { boxes, start, items, nx } = grid;
  const cx0 = grid.column(minX);
  const cx1 = grid.column(maxX);
  const cy0 = grid.row(minY);
  const cy1 = grid.row(maxY);
  for (let by = cy0; by <= cy1; by += BLOCK)
    for (let bx = cx0; bx <= cx1; bx += BLOCK) {
      // The block's segments meeting the box whose edge is not found yet (one met in several cells of the
      // block is listed once per cell), and their box.
      let n = 0;
      let w = Infinity;
      let s = Infinity;
      let e = -Infinity;
      let north = -Infinity;
      for (let cy = by, yEnd = Math.min(by + BLOCK - 1, cy1); cy <= yEnd; cy++)
        for (let cx = bx, xEnd = Math.min(bx + BLOCK - 1, cx1); cx <= xEnd; cx++)
          for (let k = start[cy * nx + cx], end = start[cy * nx + cx + 1]; k < end; k++) {
            const i = items[k];
            const ax = boxes[4 * i];
            const bxx = boxes[4 * i + 2];
            const loX = ax < bxx ? ax : bxx;
            const hiX = ax < bxx ? bxx : ax;
            if (loX > maxX || hiX < minX) continue;
            const ay = boxes[4 * i + 1];
            const byy = boxes[4 * i + 3];
            const loY = ay < byy ? ay : byy;
            const hiY = ay < byy ? byy : ay;
            if (loY > maxY || hiY < minY) continue;
            if (found[segEdge[i]] === 1) continue;
            if (n === BLOCK_SEGMENTS.length) BLOCK_SEGMENTS = growInt32(BLOCK_SEGMENTS);
            BLOCK_SEGMENTS[n++] = i;
            if (loX < w) w = loX;
            if (hiX > e) e = hiX;
            if (loY < s) s = loY;
            if (hiY > north) north = hiY;
          }
      if (n === 0) continue;
      const segments = BLOCK_SEGMENTS;
      // One region: the first segment's answer is every one's.
      const one = n > 1 && !index.edgeBoxMeets(w - MARGIN, s - MARGIN, e + MARGIN, north + MARGIN);
      if (one && !inside(segments[0])) continue;
      for (let j = 0; j < n; j++) {
        const edge = segEdge[segments[j]];
        if (found[edge] === 1 || !(one || inside(segments[j]))) continue;
        found[edge] = 1;
        out.push(edge);
      }
    }
}

/** The segments of the block being read (findByBlocks), grown as needed. */
let BLOCK_SEGMENTS: Int32Array = new Int32Array(1024);

function growInt32(a: Int32Array): Int32Array {
  const grown = new Int32Array(2 * a.length);
  grown.set(a);
  return grown;
}

let FOUND = new Uint8Array(0);
/** The distance written by the test of edgesNearPoint. */
const NEAR_DISTANCE = new Float64Array(1);
const SEG_A: Position = [0, 0];
const SEG_B: Position = [0, 0];
/** The box of the segment of a line being searched around (edgesNearLines). */
const LINE_BOX = new Float64Array(4);
/** The most line segments searched around at once (edgesNearLines). */
const CHUNK = 16;
/** The grown boxes of the chunk's line segments, 4 numbers each, and their ends, 2 each (edgesNearLines). */
const CHUNK_BOXES = new Float64Array(4 * CHUNK);
const CHUNK_ENDS: Position[] = new Array<Position>(2 * CHUNK).fill(SEG_A);
