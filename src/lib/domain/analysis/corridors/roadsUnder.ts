import type { Position } from 'geojson';
import { SegmentGrid } from '../network/segmentGrid';
import { BOX_MAX_LAT, expandBoxKmInto } from '../../geo/expandBboxKm';
import { KM_PER_DEGREE } from '../../geo/constants';
import { projectOnSegmentXY } from '../../geo/projectOnSegment';
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
 * make no array per segment, junction or piece: boxes, candidate lists and cuts live in typed arrays shared
 * by every corridor, the grids are searched segment by segment by walking their cells (no list of results),
 * the projections and distances come from `projectOnSegmentXY` (numbers in, no point or answer made), and
 * `pointAtKm` is written out with its arithmetic (the same numbers).
 */
export function roadsUnder(
  ctx: AnalysisContext,
  coords: readonly Position[],
  cum: readonly number[],
): RoadsUnder {
  const { net } = ctx;
  const grids = gridsOf(net);
  const { seasonalGrid, nodeGrid, nodeXYCos } = grids;
  const segments = coords.length - 1;
  if (segments < 1) return NO_ROADS_UNDER;
  // Whether a seasonal road segment lies near each corridor segment, in a scratch array shared by every
  // corridor (as are the cuts below: this runs for every corridor, and they were most of its garbage). The
  // small grid of seasonal segments is searched for one meeting the segment's box grown by the match distance
  // (plus a hair); the first one met answers, so this walks the cells under the box itself.
  //
  // The box is grown in longitude by one margin for the whole corridor, wide enough for any of its segments,
  // rather than by a cosine per segment: a wider box may flag a segment that the segment's own box would not,
  // but every piece there then finds no seasonal edge (the nearest one would lie in the segment's own box), as
  // before, and the junctions it adds cut only pieces on that segment and the next, which need flags of their
  // own to be kept (see below).
  const hasSeasonal = (FLAGS = FLAGS.length >= segments ? FLAGS : new Uint8Array(2 * segments));
  const grow = CORRIDOR_MATCH_KM + 1e-6;
  const dLat = grow / KM_PER_DEGREE;
  const dLon = lonMarginDeg(coords, grow);
  let any = false;
  for (let i = 0; i < segments; i++) {
    const a = coords[i];
    const b = coords[i + 1];
    BOX[0] = (b[0] < a[0] ? b[0] : a[0]) - dLon;
    BOX[1] = (b[1] < a[1] ? b[1] : a[1]) - dLat;
    BOX[2] = (b[0] > a[0] ? b[0] : a[0]) + dLon;
    BOX[3] = (b[1] > a[1] ? b[1] : a[1]) + dLat;
    const near = someMeets(seasonalGrid, BOX);
    hasSeasonal[i] = near ? 1 : 0;
    if (near) any = true;
  }
  if (!any) return NO_ROADS_UNDER;
  // The junctions lying on the corridor near a segment that needs its cuts. The cuts are the corridor's
  // vertices and those junctions' projections, gathered here, then sorted and deduplicated. A cut found from
  // segment j lies on segment j, or at most a rounding step past its end, so it can only move the bounds of
  // pieces on segment j and on the next segment of non-zero length: only those segments need the search.
  // Each segment's cuts follow its start, so they come nearly in order (see `sortCuts`).
  if (CUTS.length < cum.length + 16) CUTS = new Float64Array(2 * cum.length + 16);
  CUT_COUNT = 0;
  for (let i = 0; i < segments; i++) {
    pushCut(cum[i]);
    let next = i + 1;
    while (next < segments && cum[next + 1] === cum[next]) next++;
    if (hasSeasonal[i] === 0 && (next >= segments || hasSeasonal[next] === 0)) continue;
    if (nodeGrid.items.length === 0) continue;
    const a = coords[i];
    const b = coords[i + 1];
    // The box grown by the corridor's margins, as for the flags: it holds every junction within
    // CORRIDOR_MATCH_KM of the segment (the segment's own box grown as `expandBboxKm` grows it does), and the
    // distance test below decides, so a wider box changes no cut.
    const w = (b[0] < a[0] ? b[0] : a[0]) - dLon;
    const s = (b[1] < a[1] ? b[1] : a[1]) - dLat;
    const e = (b[0] > a[0] ? b[0] : a[0]) + dLon;
    const n = (b[1] > a[1] ? b[1] : a[1]) + dLat;
    const { start, nx } = nodeGrid;
    const cx0 = nodeGrid.column(w);
    const cx1 = nodeGrid.column(e);
    const cy1 = nodeGrid.row(n);
    // A junction is a point: it lies in one cell alone, so none is met twice. The cells of a row are stored
    // one after another, so a row's cells under the box are one run of the grid's items.
    for (let cy = nodeGrid.row(s); cy <= cy1; cy++)
      for (let k = start[cy * nx + cx0], end = start[cy * nx + cx1 + 1]; k < end; k++) {
        const x = nodeXYCos[3 * k];
        const y = nodeXYCos[3 * k + 1];
        if (x < w || x > e || y < s || y > n) continue;
        const t = projectOnSegmentXY(x, y, nodeXYCos[3 * k + 2], a[0], a[1], b[0], b[1], DISTANCE);
        if (DISTANCE[0] > CORRIDOR_MATCH_KM) continue;
        pushCut(cum[i] + t * (cum[i + 1] - cum[i]));
      }
  }
  pushCut(cum[segments]);
  const cutCount = CUT_COUNT;
  sortCuts(cutCount);
  const sorted = CUTS;
  const km: number[] = [];
  const edges: number[] = [];
  // The segment holding each piece's middle, as `segmentAtKm` finds it (the first whose end is not before
  // it): the middles ascend, so it only moves forward.
  let seg = 0;
  HINT = -1;
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
    POINT[0] = a[0] + f * (b[0] - a[0]);
    POINT[1] = a[1] + f * (b[1] - a[1]);
    const edge = seasonalEdgeAt(net, grids);
    if (edge !== undefined) {
      km.push(lo, to);
      edges.push(edge);
    }
  }
  // Copies of their exact length: a list grown by pushes keeps room for more.
  return edges.length === 0 ? NO_ROADS_UNDER : { km: km.slice(), edge: edges.slice() };
}

/** Scratch arrays of `roadsUnder`, grown as needed and shared by every corridor (one at a time). */
let FLAGS = new Uint8Array(64);
let CUTS = new Float64Array(256);
let CUT_COUNT = 0;

/** Appends `km` to the cuts, growing their array when full. */
function pushCut(km: number): void {
  if (CUT_COUNT === CUTS.length) {
    const grown = new Float64Array(2 * CUTS.length);
    grown.set(CUTS);
    CUTS = grown;
  }
  CUTS[CUT_COUNT++] = km;
}

/**
 * Sorts the first `count` cuts ascending, by insertion: each segment's cuts come after its start and lie on
 * it, so few of them move, and not far, where the typed array's sort did its whole work on every corridor.
 * Should they move a lot all the same (many junctions on one long segment), the typed array's sort finishes.
 * The distances are finite and never -0, so either orders them as a sort of numbers does.
 */
function sortCuts(count: number): void {
  let moved = 0;
  for (let j = 1; j < count; j++) {
    const x = CUTS[j];
    let m = j - 1;
    while (m >= 0 && CUTS[m] > x) {
      CUTS[m + 1] = CUTS[m];
      m--;
    }
    CUTS[m + 1] = x;
    moved += j - 1 - m;
    if (moved > 8 * count) {
      CUTS.subarray(0, count).sort();
      return;
    }
  }
}

/**
 * The longitude margin, in degrees, that grows every segment's box of the corridor by at least `km` as
 * `expandBboxKm` grows it: that takes the cosine at the segment's latitude farthest from the equator (plus the
 * latitude margin, at most BOX_MAX_LAT), and the corridor's farthest latitude gives the least of them. The cosine is
 * taken a hair smaller, so that no rounding makes the margin narrower than a segment's own.
 */
function lonMarginDeg(coords: readonly Position[], km: number): number {
  let top = 0;
  for (const p of coords) {
    const y = Math.abs(p[1]);
    if (y > top) top = y;
  }
  const lat = Math.min(BOX_MAX_LAT, top + km / KM_PER_DEGREE);
  return km / (KM_PER_DEGREE * (Math.cos((lat * Math.PI) / 180) - 1e-12));
}

/**
 * Boxes (west, south, east, north) and the point of a piece (longitude, latitude, the cosine of its latitude)
 * handed to the functions below in typed arrays rather than as arguments: a double passed to a function that
 * is not inlined is boxed as a heap number, and these calls, a few per corridor segment and piece, made some
 * 280 MB of such garbage in a first analysis at full size.
 */
const BOX = new Float64Array(4);
const SCRATCH = new Float64Array(4);
const POINT = new Float64Array(3);
const DISTANCE = new Float64Array(1);

/**
 * Whether some item of `grid` has a box meeting the box (west, south, east, north) in `box` (touching counts,
 * as in the grid's search): the cells under the box are walked and the first item met answers. An item
 * meeting the box lies in one of those cells, since the grid places it in every cell its box covers.
 */
function someMeets(grid: SegmentGrid, box: Float64Array): boolean {
  if (grid.items.length === 0) return false;
  const w = box[0];
  const s = box[1];
  const e = box[2];
  const n = box[3];
  const { start, items, nx } = grid;
  const b = grid.boxes;
  // The item that answered last is tested first (consecutive boxes along a corridor usually meet the same
  // road): an item meeting the box is what the walk below would find, so it answers the same.
  const last = LAST_MET;
  if (last >= 0 && 4 * last < b.length) {
    const ax = b[4 * last];
    const bx = b[4 * last + 2];
    const ay = b[4 * last + 1];
    const by = b[4 * last + 3];
    const meets =
      (ax < bx ? ax : bx) <= e &&
      (ax < bx ? bx : ax) >= w &&
      (ay < by ? ay : by) <= n &&
      (ay < by ? by : ay) >= s;
    if (meets) return true;
  }
  const cx0 = grid.column(w);
  const cx1 = grid.column(e);
  const cy1 = grid.row(n);
  for (let cy = grid.row(s); cy <= cy1; cy++)
    for (let k = start[cy * nx + cx0], end = start[cy * nx + cx1 + 1]; k < end; k++) {
      const j = items[k];
      const ax = b[4 * j];
      const bx = b[4 * j + 2];
      if ((ax < bx ? ax : bx) > e || (ax < bx ? bx : ax) < w) continue;
      const ay = b[4 * j + 1];
      const by = b[4 * j + 3];
      if ((ay < by ? ay : by) <= n && (ay < by ? by : ay) >= s) {
        LAST_MET = j;
        return true;
      }
    }
  return false;
}

/** The item of the grid that last answered `someMeets` (-1 before any). */
let LAST_MET = -1;

/**
 * Cells about as wide as the smallest search box (a corridor segment's box grown by CORRIDOR_MATCH_KM on
 * each side), so that a search walks a few cells of a few items each.
 */
const CELL_DEG = (2 * CORRIDOR_MATCH_KM) / KM_PER_DEGREE;

/**
 * Per network, made once: 1 for each edge whose road is impassable in some month; a grid of those edges'
 * segments (their two ends, copied from the network's packed segments, with each one's index there); the
 * network's segments on a grid (its own index when that is one); and a grid of the junctions, with their
 * coordinates and the cosine of each one's latitude in the grid's order. Grids rather than trees:
 * `roadsUnder` walks their cells itself, testing and collecting into typed arrays with no list per search (at
 * full size, every corridor made a dozen lists of results).
 */
interface Grids {
  seasonal: Uint8Array;
  seasonalGrid: SegmentGrid;
  seasonalSeg: Int32Array;
  segmentGrid: SegmentGrid;
  nodeGrid: SegmentGrid;
  nodeXYCos: Float64Array;
}
const gridsByNetwork = new WeakMap<AnalysisContext['net'], Grids>();
function gridsOf(net: AnalysisContext['net']): Grids {
  let found = gridsByNetwork.get(net);
  if (!found) {
    // Each loop is a function of its own: this runs once, largely before the optimising compiler takes over,
    // and one function holding every loop was compiled while its first loop ran, then thrown back to the
    // interpreter (which boxes every double it reads) as each later loop met code with no type feedback yet.
    const seasonal = seasonalEdges(net.edges);
    const c = net.segCoords;
    const { ends, seasonalSeg } = seasonalSegments(net.segEdge, seasonal, c);
    const nodeGrid = new SegmentGrid(nodePoints(net.nodeLon, net.nodeLat, net.nodeCount), CELL_DEG);
    found = {
      seasonal,
      seasonalGrid: new SegmentGrid(ends, CELL_DEG),
      seasonalSeg,
      segmentGrid:
        net.segIndex instanceof SegmentGrid && net.segIndex.boxes === c
          ? net.segIndex
          : new SegmentGrid(c, CELL_DEG),
      nodeGrid,
      nodeXYCos: nodesInCellOrder(nodeGrid.items, net.nodeLon, net.nodeLat),
    };
    gridsByNetwork.set(net, found);
  }
  return found;
}

/** 1 for each edge whose road is impassable in some month. */
function seasonalEdges(edges: AnalysisContext['net']['edges']): Uint8Array {
  const seasonal = new Uint8Array(edges.length);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.road.impassableMonths.length > 0) seasonal[e.index] = 1;
  }
  return seasonal;
}

/**
 * The seasonal edges' segments: their two ends, copied from the network's packed segments `c`, and each one's
 * index there. Index loops with no array per segment, where a destructuring or a callback's box array
 * allocated (33 MB at full grid size). The grid takes a segment's two ends as its box, so the ends serve both
 * the search and the measure.
 */
function seasonalSegments(
  segEdge: Int32Array,
  seasonal: Uint8Array,
  c: Float64Array,
): { ends: Float64Array; seasonalSeg: Int32Array } {
  const count = seasonalSegmentCount(segEdge, seasonal);
  const ends = new Float64Array(4 * count);
  const seasonalSeg = new Int32Array(count);
  for (let s = 0, k = 0; s < segEdge.length; s++) {
    if (seasonal[segEdge[s]] === 0) continue;
    ends[4 * k] = c[4 * s];
    ends[4 * k + 1] = c[4 * s + 1];
    ends[4 * k + 2] = c[4 * s + 2];
    ends[4 * k + 3] = c[4 * s + 3];
    seasonalSeg[k++] = s;
  }
  return { ends, seasonalSeg };
}

function seasonalSegmentCount(segEdge: Int32Array, seasonal: Uint8Array): number {
  let count = 0;
  for (let s = 0; s < segEdge.length; s++) count += seasonal[segEdge[s]];
  return count;
}

/** Each junction as a box for a grid: a point's box is the point twice. */
function nodePoints(lon: Float64Array, lat: Float64Array, count: number): Float64Array {
  const points = new Float64Array(4 * count);
  for (let i = 0; i < count; i++) {
    points[4 * i] = points[4 * i + 2] = lon[i];
    points[4 * i + 1] = points[4 * i + 3] = lat[i];
  }
  return points;
}

/**
 * Each junction's longitude, latitude and the cosine its projections use, in the order of the grid's cells
 * (`items`): a search reads them one after another rather than scattered over the network's arrays (a junction
 * lies in one cell alone).
 */
function nodesInCellOrder(items: Int32Array, lon: Float64Array, lat: Float64Array): Float64Array {
  const xyCos = new Float64Array(3 * items.length);
  for (let k = 0; k < items.length; k++) {
    const node = items[k];
    xyCos[3 * k] = lon[node];
    xyCos[3 * k + 1] = lat[node];
    xyCos[3 * k + 2] = Math.cos((lat[node] * Math.PI) / 180);
  }
  return xyCos;
}

/**
 * The road edge nearest the point (px, py) in POINT within CORRIDOR_MATCH_KM (ties to the lower edge index), if it is seasonal.
 * Any segment's distance bounds the nearest's, and every segment that near lies in the point's box grown by
 * it (plus a hair, so that rounding loses none): so the segment nearest the previous piece, or one beside it on
 * its road, usually a few metres away where the corridor follows that road, leaves a tiny box to search.
 * Without such a bound, the small grid of seasonal segments is searched first: the nearest of them, with its
 * distance d, is the answer unless some other segment is nearer, or as near with a lower edge index, and such
 * a segment lies within d. A box wider than needed changes no answer (every segment it adds is farther than the
 * bound), so the bounded boxes are grown with the point's own cosine and a margin (`boundBoxInto`) rather than
 * with a cosine of their own.
 */
function seasonalEdgeAt(net: AnalysisContext['net'], grids: Grids): number | undefined {
  const px = POINT[0];
  const py = POINT[1];
  POINT[2] = Math.cos((py * Math.PI) / 180);
  const { seasonalGrid, seasonalSeg, seasonal, segmentGrid } = grids;
  const segEdge = net.segEdge;
  const bound = hintKm(segmentGrid.boxes);
  if (bound <= CORRIDOR_MATCH_KM) {
    boundBoxInto(SCRATCH, bound);
    // The answer is a seasonal segment whose box meets this box (the seasonal grid holds the same ends, tested
    // alike): when the small grid of those has none there, no edge is, and the network's many segments in the
    // box need not be measured (most pieces lie on roads that never close). The nearest of the hint's
    // segments is then the next hint, so that it keeps following the road.
    if (!someMeets(seasonalGrid, SCRATCH)) {
      HINT = HINT_NEAREST;
      return undefined;
    }
    const best = nearestIn(segmentGrid, SCRATCH, segEdge);
    if (best < 0) return undefined;
    HINT = best;
    return seasonal[segEdge[best]] === 1 ? segEdge[best] : undefined;
  }
  // No segment near the hint bounds the nearest: one within a few dozen metres is looked for first (the
  // corridor usually lies on a road). The box holds every segment that near, so one found that near is the
  // nearest of all, as the bounded search above would find it.
  boundBoxInto(SCRATCH, NEAR_TRY_KM);
  const near = nearestIn(segmentGrid, SCRATCH, segEdge);
  if (near >= 0 && NEAREST_KM[0] <= NEAR_TRY_KM) {
    HINT = near;
    return seasonal[segEdge[near]] === 1 ? segEdge[near] : undefined;
  }
  expandBoxKmInto(FULL_BOX, px, py, px, py, CORRIDOR_MATCH_KM + 1e-6);
  const found = nearestIn(seasonalGrid, FULL_BOX, segEdge, seasonalSeg);
  if (found < 0) return undefined;
  const segment = seasonalSeg[found];
  HINT = segment;
  boundBoxInto(SCRATCH, NEAREST_KM[0]);
  const edge = segEdge[segment];
  return beaten(segmentGrid, segEdge, seasonal, NEAREST_KM[0], edge) ? undefined : edge;
}
const FULL_BOX = new Float64Array(4);

/** The distance within which the nearest segment is looked for first when the hint gives no bound. */
const NEAR_TRY_KM = 0.05;
const NEAREST_KM = new Float64Array(1);

/**
 * The segment nearest the previous piece of the corridor, if any (-1 before its first piece). Pieces follow
 * one another along the corridor, so it, or the one before or after it in the network's packed segments (the
 * road's next segments), is usually the nearest again.
 */
let HINT = -1;

/** The nearest of the hint segment and those beside it, as `hintKm` last found it. */
let HINT_NEAREST = -1;

/**
 * The least distance from the point in POINT to the hint segment and those beside it, or Infinity with no
 * hint; the segment at that distance goes to HINT_NEAREST. The hint segment is measured first: a piece of a
 * corridor drawn along its road lies on it (within a rounding step), and then the segments beside it are not
 * measured. Any distance to a segment bounds the nearest one's, so the answers of `seasonalEdgeAt` do not
 * depend on which bound this gives, only the size of the box it searches.
 */
function hintKm(c: Float64Array): number {
  if (HINT < 0) return Infinity;
  const px = POINT[0];
  const py = POINT[1];
  const k = POINT[2];
  const h = HINT;
  projectOnSegmentXY(px, py, k, c[4 * h], c[4 * h + 1], c[4 * h + 2], c[4 * h + 3], DISTANCE);
  let bound = DISTANCE[0];
  HINT_NEAREST = h;
  if (bound <= ON_ROAD_KM) return bound;
  const last = c.length / 4 - 1;
  for (let j = h > 0 ? h - 1 : 0, end = h < last ? h + 1 : last; j <= end; j++) {
    if (j === h) continue;
    projectOnSegmentXY(px, py, k, c[4 * j], c[4 * j + 1], c[4 * j + 2], c[4 * j + 3], DISTANCE);
    if (DISTANCE[0] < bound) {
      bound = DISTANCE[0];
      HINT_NEAREST = j;
    }
  }
  return bound;
}

/** A distance to the hint segment within which the point is taken to lie on it (a tenth of a millimetre). */
const ON_ROAD_KM = 1e-7;

/**
 * A box holding the box of the point (px, py) in POINT grown by `km` and a hair as `expandBboxKm` grows it,
 * written into `out`. That takes the cosine at the latitude |py| + dLat (at most BOX_MAX_LAT); this one takes a
 * lower bound of it from `k` in POINT, the cosine at py (a cosine falls by no more than its angle grows, in
 * radians: dLat · π/180 < 0.02 dLat), less a margin for rounding. Near the poles, where that bound is no use,
 * the box is grown as `expandBboxKm` does.
 */
function boundBoxInto(out: Float64Array, km: number): void {
  const px = POINT[0];
  const py = POINT[1];
  const k = POINT[2];
  const grow = km + 1e-6;
  const dLat = grow / KM_PER_DEGREE;
  const low = k - 0.02 * dLat - 1e-9;
  if (low < 0.01) {
    expandBoxKmInto(out, px, py, px, py, grow);
    return;
  }
  const dLon = grow / (KM_PER_DEGREE * low);
  out[0] = px - dLon;
  out[1] = py - dLat;
  out[2] = px + dLon;
  out[3] = py + dLat;
}

/**
 * The item of `grid` nearest the point (px, py) in POINT within CORRIDOR_MATCH_KM, ties to the lower edge index
 * (the edge of item j is `segEdge[seg[j]]`, or `segEdge[j]` when the grid holds the network's own segments),
 * or -1; its distance is written into NEAREST_KM[0]. `k` in POINT is the cosine of py's latitude and (w, s, e,
 * n) in `box` the box searched. The cells under the box are walked, a row's cells as one run of the grid's
 * items (they are stored one after another), and each segment whose box meets it is measured as
 * `pointSegmentDistanceKm` does (the same arithmetic). A segment spanning several cells is measured in each
 * (the same distance again).
 */
function nearestIn(grid: SegmentGrid, box: Float64Array, segEdge: Int32Array, seg?: Int32Array): number {
  const px = POINT[0];
  const py = POINT[1];
  const k = POINT[2];
  const w = box[0];
  const s = box[1];
  const e = box[2];
  const n = box[3];
  let best = -1;
  let bestEdge = -1;
  let bestKm = Infinity;
  if (grid.items.length > 0) {
    const c = grid.boxes;
    const { start, items, nx } = grid;
    const cx0 = grid.column(w);
    const cx1 = grid.column(e);
    const cy1 = grid.row(n);
    for (let cy = grid.row(s); cy <= cy1; cy++)
      for (let q = start[cy * nx + cx0], end = start[cy * nx + cx1 + 1]; q < end; q++) {
        const j = items[q];
        const x0 = c[4 * j];
        const y0 = c[4 * j + 1];
        const x1 = c[4 * j + 2];
        const y1 = c[4 * j + 3];
        if ((x0 < x1 ? x0 : x1) > e || (x0 < x1 ? x1 : x0) < w) continue;
        if ((y0 < y1 ? y0 : y1) > n || (y0 < y1 ? y1 : y0) < s) continue;
        projectOnSegmentXY(px, py, k, x0, y0, x1, y1, DISTANCE);
        const d = DISTANCE[0];
        if (d > CORRIDOR_MATCH_KM) continue;
        const edge = segEdge[seg === undefined ? j : seg[j]];
        if (d < bestKm || (d === bestKm && edge < bestEdge)) {
          bestKm = d;
          bestEdge = edge;
          best = j;
        }
      }
  }
  NEAREST_KM[0] = bestKm;
  return best;
}

/**
 * Whether a segment of `grid` on a road that never closes is nearer the point (px, py, with the cosine k) in
 * POINT than `bestKm`, or as near with an edge index below `best`: the cells under the box in SCRATCH are
 * walked as in `nearestIn`, and the first such segment answers. (A seasonal segment cannot be: `best` is the
 * nearest of those.)
 */
function beaten(
  grid: SegmentGrid,
  segEdge: Int32Array,
  seasonal: Uint8Array,
  bestKm: number,
  best: number,
): boolean {
  const px = POINT[0];
  const py = POINT[1];
  const k = POINT[2];
  const w = SCRATCH[0];
  const s = SCRATCH[1];
  const e = SCRATCH[2];
  const n = SCRATCH[3];
  const c = grid.boxes;
  const { start, items, nx } = grid;
  const cx0 = grid.column(w);
  const cx1 = grid.column(e);
  const cy1 = grid.row(n);
  for (let cy = grid.row(s); cy <= cy1; cy++)
    for (let q = start[cy * nx + cx0], end = start[cy * nx + cx1 + 1]; q < end; q++) {
      const j = items[q];
      const x0 = c[4 * j];
      const y0 = c[4 * j + 1];
      const x1 = c[4 * j + 2];
      const y1 = c[4 * j + 3];
      if ((x0 < x1 ? x0 : x1) > e || (x0 < x1 ? x1 : x0) < w) continue;
      if ((y0 < y1 ? y0 : y1) > n || (y0 < y1 ? y1 : y0) < s) continue;
      const edge = segEdge[j];
      if (seasonal[edge] === 1) continue;
      projectOnSegmentXY(px, py, k, x0, y0, x1, y1, DISTANCE);
      const d = DISTANCE[0];
      if (d < bestKm || (d === bestKm && edge < best)) return true;
    }
  return false;
}
