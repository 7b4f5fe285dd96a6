import type { Position } from 'geojson';
import { SegmentGrid } from '../network/segmentGrid';
import { expandBoxKmInto } from '../../geo/expandBboxKm';
import { KM_PER_DEGREE } from '../../geo/constants';
import type { AnalysisContext } from '../context';

/** A corridor is matched to the road network where junctions and roads lie within this distance of it. */
export const CORRIDOR_MATCH_KM = 1;

/**
 * The pieces of a corridor with a seasonal road edge under them: piece i runs from `km[2i]` to `km[2i + 1]`
 * (km from the corridor's start) over edge `edge[i]`. Kept for the analyzer's life for every corridor, so
 * in two numeric lists rather than an object (and two boxed numbers) per piece.
 */
export interface RoadsUnder {
  readonly km: readonly number[];
  readonly edge: readonly number[];
}

/** Shared by every corridor with no seasonal road under it (most of them). */
export const NO_ROADS_UNDER: RoadsUnder = Object.freeze({ km: Object.freeze([]), edge: Object.freeze([]) });

/**
 * The road edge under each piece of a corridor, kept only where that edge's road closes in some month (only
 * those give stretches): the corridor is cut at its vertices and at the road junctions lying on it (between
 * two junctions it follows one edge); each piece gets the edge nearest its middle within CORRIDOR_MATCH_KM.
 * Static (network and corridor only), so cached per corridor by the caller.
 *
 * Most roads never close, so a corridor segment with no seasonal road near it is skipped: its pieces could
 * only match edges that give nothing. Its junction search is skipped too unless the next segment needs it: a
 * cut found from segment j lies on segment j, or at most a rounding step past its end, so it can only move
 * the bounds of pieces on segment j and on the next segment of non-zero length.
 *
 * Run once per corridor on the first analysis (every road is a corridor on a large network), so the loops
 * make no array per segment, junction or piece: boxes, candidate lists and cuts live in typed arrays, and the
 * projections and distances are written out with the arithmetic of `projectOnSegment`, `pointAtKm` and
 * `pointSegmentDistanceKm` (the same numbers).
 */
export function roadsUnder(
  ctx: AnalysisContext,
  coords: readonly Position[],
  cum: readonly number[],
): RoadsUnder {
  const { net } = ctx;
  const { seasonal, index: seasonalIndex, boxes: seasonalBoxes } = seasonalEdges(net);
  const segments = coords.length - 1;
  if (segments < 1) return NO_ROADS_UNDER;
  // Each corridor segment's search box. The indexes are searched once per run of RUN segments, around the
  // union of their boxes, and what they find is then tested against each segment's own box with the test the
  // indexes make (boxes touching count): each segment gets the same set as a search of its own would give,
  // for an eighth of the searches (a corridor has a segment every 1–2 km; most runs find nothing).
  const boxes = new Float64Array(4 * segments);
  for (let i = 0; i < segments; i++) segmentBoxInto(boxes, i, coords, CORRIDOR_MATCH_KM + 1e-6);
  const u = new Float64Array(4);
  // The small index of seasonal segments first (the same boxes as the network's): only where it finds one
  // are all the road segments there needed.
  const hasSeasonal = new Uint8Array(segments);
  let any = false;
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    unionOfBoxes(u, boxes, r0, r1, hasSeasonal, 0);
    const found = seasonalIndex.search(u[0], u[1], u[2], u[3]);
    if (found.length === 0) continue;
    for (let i = r0; i < r1; i++)
      for (const k of found)
        if (boxesMeet(seasonalBoxes, k, boxes, i)) {
          hasSeasonal[i] = 1;
          any = true;
          break;
        }
  }
  if (!any) return NO_ROADS_UNDER;
  // Road segments near each corridor segment with a seasonal road near it, searched once for all the pieces
  // on it (a superset of what a search around each piece's middle would find; the distance test picks the
  // same edge): segment i's are `nearItems[nearStart[i] .. nearStart[i + 1])`.
  const nearStart = new Int32Array(segments + 1);
  let nearItems = new Int32Array(256);
  let nearCount = 0;
  const c = net.segCoords;
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    unionOfBoxes(u, boxes, r0, r1, hasSeasonal, 1);
    const found = u[0] > u[2] ? NONE : net.segIndex.search(u[0], u[1], u[2], u[3]);
    for (let i = r0; i < r1; i++) {
      nearStart[i] = nearCount;
      if (hasSeasonal[i] === 0) continue;
      const w = boxes[4 * i];
      const s = boxes[4 * i + 1];
      const e = boxes[4 * i + 2];
      const n = boxes[4 * i + 3];
      for (const k of found) {
        const ax = c[4 * k];
        const ay = c[4 * k + 1];
        const bx = c[4 * k + 2];
        const by = c[4 * k + 3];
        // The network's segment box (buildRoadNetwork) against this segment's search box.
        if (
          (ax < bx ? ax : bx) <= e &&
          (ax > bx ? ax : bx) >= w &&
          (ay < by ? ay : by) <= n &&
          (ay > by ? ay : by) >= s
        ) {
          if (nearCount === nearItems.length) {
            const grown = new Int32Array(2 * nearItems.length);
            grown.set(nearItems);
            nearItems = grown;
          }
          nearItems[nearCount++] = k;
        }
      }
    }
  }
  nearStart[segments] = nearCount;
  // The junctions lying on the corridor near a segment that needs its cuts, searched the same way. The cuts
  // are the corridor's vertices and those junctions' projections, gathered here, then sorted and deduplicated.
  const needs = new Uint8Array(segments);
  for (let i = 0; i < segments; i++) {
    let next = i + 1;
    while (next < segments && cum[next + 1] === cum[next]) next++;
    if (hasSeasonal[i] === 1 || (next < segments && hasSeasonal[next] === 1)) {
      needs[i] = 1;
      segmentBoxInto(boxes, i, coords, CORRIDOR_MATCH_KM);
    }
  }
  let cuts = new Float64Array(cum.length + 16);
  let cutCount = 0;
  for (const km of cum) cuts[cutCount++] = km;
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    unionOfBoxes(u, boxes, r0, r1, needs, 1);
    if (u[0] > u[2]) continue;
    const found = net.nodeIndex.search(u[0], u[1], u[2], u[3]);
    for (let i = r0; i < r1; i++) {
      if (needs[i] === 0) continue;
      const a = coords[i];
      const b = coords[i + 1];
      for (const node of found) {
        const x = net.nodeLon[node];
        const y = net.nodeLat[node];
        if (x < boxes[4 * i] || x > boxes[4 * i + 2] || y < boxes[4 * i + 1] || y > boxes[4 * i + 3])
          continue;
        // projectOnSegment([x, y], a, b), written out.
        const k = Math.cos((y * Math.PI) / 180);
        const ax = (a[0] - x) * k;
        const ay = a[1] - y;
        const dx = (b[0] - a[0]) * k;
        const dy = b[1] - a[1];
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const px = ax + t * dx;
        const py = ay + t * dy;
        if (Math.sqrt(px * px + py * py) * KM_PER_DEGREE > CORRIDOR_MATCH_KM) continue;
        if (cutCount === cuts.length) {
          const grown = new Float64Array(2 * cuts.length);
          grown.set(cuts);
          cuts = grown;
        }
        cuts[cutCount++] = cum[i] + t * (cum[i + 1] - cum[i]);
      }
    }
  }
  // Ascending and distinct (the distances are finite and never -0, so a typed sort orders them as a sort of
  // numbers does).
  const sorted = cuts.subarray(0, cutCount).sort();
  const km: number[] = [];
  const edges: number[] = [];
  // The segment holding each piece's middle, as `segmentAtKm` finds it (the first whose end is not before
  // it): the middles ascend, so it only moves forward.
  let seg = 0;
  const lastSeg = Math.max(0, cum.length - 2);
  let from = sorted[0];
  for (let i = 1; i < cutCount; i++) {
    const to = sorted[i];
    if (to === from) continue;
    const lo = from;
    from = to;
    if (to - lo < 1e-9) continue;
    const mid = (lo + to) / 2;
    while (seg < lastSeg && cum[seg + 1] < mid) seg++;
    if (hasSeasonal[seg] === 0) continue;
    // pointAtKm(coords, cum, mid), written out.
    const span = cum[seg + 1] - cum[seg];
    const f = span > 0 ? Math.min(1, Math.max(0, (mid - cum[seg]) / span)) : 0;
    const a = coords[seg];
    const b = coords[seg + 1] ?? a;
    const edge = roadEdgeUnder(
      net,
      a[0] + f * (b[0] - a[0]),
      a[1] + f * (b[1] - a[1]),
      nearItems,
      nearStart[seg],
      nearStart[seg + 1],
    );
    if (edge !== undefined && seasonal[edge] === 1) {
      km.push(lo, to);
      edges.push(edge);
    }
  }
  // Copies of their exact length: a list grown by pushes keeps room for more.
  return edges.length === 0 ? NO_ROADS_UNDER : { km: km.slice(), edge: edges.slice() };
}

/** Corridor segments searched together in `roadsUnder`. */
const RUN = 8;

const NONE: readonly number[] = [];

/**
 * The box of corridor segment i (`bboxOf` of its two ends) grown by `km` as `expandBboxKm` grows it, written
 * into `boxes` at 4i.
 */
function segmentBoxInto(boxes: Float64Array, i: number, coords: readonly Position[], km: number): void {
  const a = coords[i];
  const b = coords[i + 1];
  const w = b[0] < a[0] ? b[0] : a[0];
  const e = b[0] > a[0] ? b[0] : a[0];
  const s = b[1] < a[1] ? b[1] : a[1];
  const n = b[1] > a[1] ? b[1] : a[1];
  expandBoxKmInto(SCRATCH, w, s, e, n, km);
  boxes.set(SCRATCH, 4 * i);
}
const SCRATCH = new Float64Array(4);

/**
 * The union of the boxes `[from, to)` (4 numbers each in `boxes`) whose flag is `flag` (all of them when
 * `flag` is 0), written into `u`; west > east when there are none.
 */
function unionOfBoxes(
  u: Float64Array,
  boxes: Float64Array,
  from: number,
  to: number,
  flags: Uint8Array,
  flag: 0 | 1,
): void {
  u[0] = Infinity;
  u[1] = Infinity;
  u[2] = -Infinity;
  u[3] = -Infinity;
  for (let i = from; i < to; i++) {
    if (flag === 1 && flags[i] === 0) continue;
    if (boxes[4 * i] < u[0]) u[0] = boxes[4 * i];
    if (boxes[4 * i + 1] < u[1]) u[1] = boxes[4 * i + 1];
    if (boxes[4 * i + 2] > u[2]) u[2] = boxes[4 * i + 2];
    if (boxes[4 * i + 3] > u[3]) u[3] = boxes[4 * i + 3];
  }
}

/** Whether box `k` of `a` and box `i` of `b` meet, touching included (the test of the box indexes). */
function boxesMeet(a: Float64Array, k: number, b: Float64Array, i: number): boolean {
  return (
    a[4 * k] <= b[4 * i + 2] &&
    a[4 * k + 2] >= b[4 * i] &&
    a[4 * k + 1] <= b[4 * i + 3] &&
    a[4 * k + 3] >= b[4 * i + 1]
  );
}

/**
 * 1 for each edge whose road is impassable in some month, and an index of those edges' segments (with the
 * boxes the network's segment index has), made once per network. The index is a grid, not a tree: its searches
 * only ask whether some seasonal segment is near (their order does not matter), and for the grid's quarter of
 * a million seasonal segments a tree took five times as long to build as the searches then took.
 */
const seasonalByNetwork = new WeakMap<
  AnalysisContext['net'],
  { seasonal: Uint8Array; index: SegmentGrid; boxes: Float64Array }
>();
function seasonalEdges(net: AnalysisContext['net']) {
  let found = seasonalByNetwork.get(net);
  if (!found) {
    const seasonal = new Uint8Array(net.edges.length);
    for (const e of net.edges) if (e.road.impassableMonths.length > 0) seasonal[e.index] = 1;
    const segEdge = net.segEdge;
    let count = 0;
    for (let s = 0; s < segEdge.length; s++) count += seasonal[segEdge[s]];
    const c = net.segCoords;
    // The boxes are kept (in index order) so that a search's results can be tested against smaller boxes.
    // Index loops with no array per segment: this runs once, largely before the optimising compiler takes
    // over, where a destructuring or a callback's box array allocated (33 MB at full grid size).
    const boxes = new Float64Array(4 * count);
    let span = 0;
    for (let s = 0, k = 0; s < segEdge.length; s++) {
      if (seasonal[segEdge[s]] === 0) continue;
      const ax = c[4 * s];
      const ay = c[4 * s + 1];
      const bx = c[4 * s + 2];
      const by = c[4 * s + 3];
      boxes[k++] = ax < bx ? ax : bx;
      boxes[k++] = ay < by ? ay : by;
      boxes[k++] = ax > bx ? ax : bx;
      boxes[k++] = ay > by ? ay : by;
      span += Math.max(boxes[k - 2] - boxes[k - 4], boxes[k - 1] - boxes[k - 3]);
    }
    // Cells about as wide as the searches' boxes (a run of corridor segments grown by CORRIDOR_MATCH_KM),
    // which keeps the grid small.
    const index = new SegmentGrid(boxes, count > 0 ? (12 * span) / count + 1e-6 : 1);
    seasonalByNetwork.set(net, (found = { seasonal, index, boxes }));
  }
  return found;
}

/**
 * The road edge nearest (px, py) within CORRIDOR_MATCH_KM among the road segments
 * `items[from .. to)`, if any. Called for every piece of every corridor, so it measures as
 * `pointSegmentDistanceKm` does (the same arithmetic) with the cosine of the point's latitude computed once.
 * Ties go to the lower edge index, whatever the order of candidates.
 */
function roadEdgeUnder(
  net: AnalysisContext['net'],
  px: number,
  py: number,
  items: Int32Array,
  from: number,
  to: number,
): number | undefined {
  const k = Math.cos((py * Math.PI) / 180);
  const c = net.segCoords;
  let best: number | undefined;
  let bestKm = Infinity;
  for (let j = from; j < to; j++) {
    const s = items[j];
    const ax = (c[4 * s] - px) * k;
    const ay = c[4 * s + 1] - py;
    const dx = (c[4 * s + 2] - c[4 * s]) * k;
    const dy = c[4 * s + 3] - c[4 * s + 1];
    const len2 = dx * dx + dy * dy;
    let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const x = ax + t * dx;
    const y = ay + t * dy;
    const d = Math.sqrt(x * x + y * y) * KM_PER_DEGREE;
    if (d > CORRIDOR_MATCH_KM) continue;
    const e = net.segEdge[s];
    if (d < bestKm || (d === bestKm && e < best!)) {
      bestKm = d;
      best = e;
    }
  }
  return best;
}
