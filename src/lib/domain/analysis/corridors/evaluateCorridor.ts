import type { Position } from 'geojson';
import { bboxOf } from '../../geo/bboxOf';
import { createBoxIndex } from '../../geo/createBoxIndex';
import { cumulativeKm } from '../../geo/cumulativeKm';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { pointAtKm, segmentAtKm } from '../../geo/pointAtKm';
import { KM_PER_DEGREE } from '../../geo/constants';
import { projectOnSegment } from '../../geo/projectOnSegment';
import type { CorridorFeature, CorridorReport, Reason, Stretch } from '../../schemas';
import type { AnalysisContext } from '../context';
import { ABSENT } from '../hazards/evaluateEdgeHazards';
import { compareReasons, monthNames, statusOfReasons } from '../reasons';
import { round3, roundPosition } from '../round';
import { corridorIntervalParts, NO_INTERVALS, type KmInterval } from './corridorIntervals';

/** A corridor is matched to the road network where junctions and roads lie within this distance of it. */
export const CORRIDOR_MATCH_KM = 1;

/**
 * Status and stretches of a corridor (DESIGN.md §3): hazards are evaluated along its own geometry
 * (`corridorIntervals`); the road edge under each piece (between road junctions on the corridor) gives
 * seasonal closures.
 * Consecutive pieces with the same status and reasons are merged; the corridor's status is its worst stretch.
 */
export function evaluateCorridor(ctx: AnalysisContext, corridor: CorridorFeature): CorridorReport {
  const coords = corridor.geometry.coordinates;
  // What the last analysis of this corridor found, and what is static about it (distances, road pieces).
  const last = ctx.cache.get(corridor.geometry, 'corridor-last', () => lastOf(ctx, coords));
  const { cum } = last;
  const parts = corridorIntervalParts(ctx, corridor, coords, cum);

  // Seasonal closures from the road edge under each piece (valid on the date). The last analysis' list is
  // kept while it matches (same bounds, same shared reason), so an unchanged one costs no new objects.
  const month = ctx.layers.month;
  const prev = last.seasonal;
  let fresh: KmInterval[] | undefined;
  let k = 0;
  for (const m of last.roads) {
    if (ctx.hazards.status[m.edge] === ABSENT) continue;
    const e = ctx.net.edges[m.edge];
    if (!e.road.impassableMonths.includes(month)) continue;
    const reason = seasonalReason(ctx, e, month);
    if (!fresh && k < prev.length) {
      const p = prev[k];
      if (p.fromKm === m.fromKm && p.toKm === m.toKm && p.reason === reason) {
        k++;
        continue;
      }
    }
    fresh ??= prev.slice(0, k);
    fresh.push({ fromKm: m.fromKm, toKm: m.toKm, reason });
    k++;
  }
  const seasonal: readonly KmInterval[] =
    fresh ?? (k === prev.length ? prev : k === 0 ? NO_INTERVALS : prev.slice(0, k));

  // The report depends only on these stretches (and the corridor): when they are those of the last analysis,
  // so is the report. Each part comes from a cache, so the same array means the same stretches; parts that
  // are new arrays are compared by content.
  if (last.report && (last.seasonal === seasonal || sameIntervals(last.seasonal, seasonal))) {
    let same = last.parts.length === parts.length;
    for (let i = 0; same && i < parts.length; i++)
      same = last.parts[i] === parts[i] || sameIntervals(last.parts[i], parts[i]);
    // A front line or siege more or less: compare the stretches themselves.
    if (!same && last.parts.length !== parts.length) same = sameIntervals(last.parts.flat(), parts.flat());
    if (same) {
      last.parts = parts;
      return last.report;
    }
  }
  const spread: KmInterval[] = parts.flat();
  spread.push(...seasonal);
  // The parts are kept only once the report is made: a failure never leaves an old report under new stretches.
  const report = stretchesReport(corridor, coords, cum, spread, last);
  last.parts = parts;
  last.seasonal = seasonal;
  last.report = report;
  return report;
}

/** What is kept per corridor between analyses. */
interface CorridorMemo {
  /** Cumulative km at each vertex, and the seasonal road under each piece (static). */
  cum: number[];
  roads: { fromKm: number; toKm: number; edge: number }[];
  /** The corridor's positions rounded for the report, made on first use. */
  rounded: Position[] | undefined;
  parts: (readonly KmInterval[])[];
  seasonal: readonly KmInterval[];
  report: CorridorReport | undefined;
}

/**
 * The seasonal closure reason of an edge's road in a month, made once per road and month. Asked for every
 * seasonal piece of every corridor on each analysis, so it is also kept by edge index and month (no key to
 * build on each call).
 */
const seasonalReasons = new WeakMap<
  object,
  { byRoad: Map<string, Reason>; byMonth: Map<number, (Reason | undefined)[]> }
>();
function seasonalReason(
  ctx: AnalysisContext,
  e: AnalysisContext['net']['edges'][number],
  month: number,
): Reason {
  let memo = seasonalReasons.get(ctx.cache);
  if (!memo) seasonalReasons.set(ctx.cache, (memo = { byRoad: new Map(), byMonth: new Map() }));
  let byEdge = memo.byMonth.get(month);
  if (!byEdge) memo.byMonth.set(month, (byEdge = []));
  const known = byEdge[e.index];
  if (known) return known;
  const key = `${e.roadId}\u0000${month}`;
  let reason = memo.byRoad.get(key);
  if (!reason)
    memo.byRoad.set(
      key,
      (reason = {
        code: 'seasonal_closure',
        featureId: e.roadId,
        detail: `${e.road.class} road "${e.road.name}" is impassable in ${monthNames[month - 1]}`,
      }),
    );
  byEdge[e.index] = reason;
  return reason;
}

function lastOf(ctx: AnalysisContext, coords: readonly Position[]): CorridorMemo {
  const cum = cumulativeKm(coords);
  return {
    cum,
    roads: roadsUnder(ctx, coords, cum),
    rounded: undefined,
    parts: [],
    seasonal: NO_INTERVALS,
    report: undefined,
  };
}

function sameIntervals(a: readonly KmInterval[], b: readonly KmInterval[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.fromKm !== y.fromKm ||
      x.toKm !== y.toKm ||
      x.reason.code !== y.reason.code ||
      x.reason.featureId !== y.reason.featureId ||
      x.reason.detail !== y.reason.detail
    )
      return false;
  }
  return true;
}

/** A piece of a line between two bounds of its hazards' stretches, with the reasons that cover it. */
export interface Piece {
  from: number;
  to: number;
  reasons: Reason[];
}

/**
 * Cuts a line of length `total` at every bound of `spread` and gives each piece the reasons of the stretches
 * covering it (sorted), merging neighbours with the same status and reasons. Pieces cover [0, total].
 *
 * Called for every corridor whose stretches changed, and a seasonal corridor has a bound at every junction
 * near it: the bounds are sorted in a typed array, the covering stretches are kept in one list compacted in
 * place, and each piece's reasons are sorted in one scratch list; a new array is made only for a piece that
 * starts (a neighbour with the same reasons only moves the current piece's end).
 */
export function sweepPieces(total: number, spread: readonly KmInterval[]): Piece[] {
  // Nothing along the line: one open piece (most corridors of a large network).
  if (spread.length === 0) return total >= 1e-9 ? [{ from: 0, to: total, reasons: [] }] : [];
  const all = new Float64Array(2 * spread.length + 2);
  all[0] = 0;
  all[1] = total;
  for (let i = 0; i < spread.length; i++) {
    all[2 + 2 * i] = spread[i].fromKm;
    all[3 + 2 * i] = spread[i].toKm;
  }
  all.sort();
  // Distinct bounds within [0, total], ascending (a typed array sorts NaN last and -0 before 0; `+ 0` makes
  // -0 the 0 a set of numbers would keep).
  const bounds: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const k = all[i] + 0;
    if (k >= 0 && k <= total && (bounds.length === 0 || bounds[bounds.length - 1] !== k)) bounds.push(k);
  }
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  // Sweep: intervals sorted by start; an interval covers a piece when it starts before and ends after it.
  const byStart = [...spread].sort((a, b) => a.fromKm - b.fromKm);
  let next = 0;
  const active: KmInterval[] = [];
  const reasons: Reason[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    if (to - from < 1e-9) continue;
    const mid = (from + to) / 2;
    while (next < byStart.length && byStart[next].fromKm <= mid) active.push(byStart[next++]);
    // Those that ended before the middle leave, in order.
    let kept = 0;
    for (let j = 0; j < active.length; j++) if (active[j].toKm >= mid) active[kept++] = active[j];
    active.length = kept;
    // The covering reasons sorted and without duplicates (as sortReasons gives them), in the scratch list.
    reasons.length = kept;
    for (let j = 0; j < kept; j++) reasons[j] = active[j].reason;
    if (kept > 1) {
      reasons.sort(compareReasons);
      let distinct = 1;
      for (let j = 1; j < kept; j++)
        if (compareReasons(reasons[distinct - 1], reasons[j]) !== 0) reasons[distinct++] = reasons[j];
      reasons.length = distinct;
    }
    // Neighbours with the same reasons (compared field by field, so with the same status) make one piece.
    if (current && sameReasons(current.reasons, reasons)) current.to = to;
    else {
      if (current) pieces.push(current);
      current = { from, to, reasons: reasons.slice() };
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function sameReasons(a: readonly Reason[], b: readonly Reason[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i].code !== b[i].code || a[i].featureId !== b[i].featureId || a[i].detail !== b[i].detail)
      return false;
  return true;
}

function stretchesReport(
  corridor: CorridorFeature,
  coords: readonly Position[],
  cum: readonly number[],
  spread: readonly KmInterval[],
  memo: CorridorMemo,
): CorridorReport {
  const total = cum[cum.length - 1];
  // The vertices inside a stretch are the corridor's own, rounded once per corridor; only its two ends are
  // interpolated (as lineSliceKm does).
  const rounded = (memo.rounded ??= coords.map(roundPosition));
  const stretches: Stretch[] = sweepPieces(total, spread).map((piece) => {
    const fromKm = round3(piece.from);
    const toKm = round3(piece.to);
    return {
      status: statusOfReasons(piece.reasons),
      fromKm,
      toKm,
      lengthKm: round3(toKm - fromKm),
      reasons: piece.reasons,
      geometry: { type: 'LineString', coordinates: sliceRounded(coords, rounded, cum, piece.from, piece.to) },
    };
  });
  if (stretches.length === 0)
    stretches.push({
      status: 'open',
      fromKm: 0,
      toKm: 0,
      lengthKm: 0,
      reasons: [],
      geometry: { type: 'LineString', coordinates: [...rounded] },
    });

  const sum = (status: string) =>
    round3(stretches.filter((s) => s.status === status).reduce((k, s) => k + s.lengthKm, 0));
  const p = corridor.properties;
  return {
    id: p.id,
    name: p.name,
    status: statusOfReasons(stretches.flatMap((s) => s.reasons)),
    lengthKm: round3(total),
    blockedKm: sum('blocked'),
    atRiskKm: sum('at_risk'),
    fromSiteId: p.fromSiteId ?? null,
    toSiteId: p.toSiteId ?? null,
    stretches,
  };
}

/** `lineSliceKm(coords, cum, fromKm, toKm).map(roundPosition)`, taking the inner vertices from `rounded`. */
function sliceRounded(
  coords: readonly Position[],
  rounded: readonly Position[],
  cum: readonly number[],
  fromKm: number,
  toKm: number,
): Position[] {
  const out: Position[] = [roundPosition(pointAtKm(coords, cum, fromKm))];
  // First vertex strictly after fromKm (binary search), then every vertex before toKm.
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] <= fromKm) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < coords.length && cum[i] < toKm; i++) out.push(rounded[i]);
  out.push(roundPosition(pointAtKm(coords, cum, toKm)));
  return out;
}

/**
 * The road edge under each piece of a corridor, kept only where that edge's road closes in some month (only
 * those give stretches): the corridor is cut at its vertices and at the road junctions lying on it (between
 * two junctions it follows one edge); each piece gets the edge nearest its middle within CORRIDOR_MATCH_KM.
 * Static (network and corridor only), so cached per corridor.
 *
 * Most roads never close, so a corridor segment with no seasonal road near it is skipped: its pieces could
 * only match edges that give nothing. Its junction search is skipped too unless the next segment needs it: a
 * cut found from segment j lies on segment j, or at most a rounding step past its end, so it can only move
 * the bounds of pieces on segment j and on the next segment of non-zero length.
 */
function roadsUnder(
  ctx: AnalysisContext,
  coords: readonly Position[],
  cum: readonly number[],
): { fromKm: number; toKm: number; edge: number }[] {
  const { net } = ctx;
  const { seasonal, index: seasonalIndex, boxes: seasonalBoxes } = seasonalEdges(net);
  const segments = coords.length - 1;
  if (segments < 1) return [];
  // Each corridor segment's search box. The indexes are searched once per run of RUN segments, around the
  // union of their boxes, and what they find is then tested against each segment's own box with the test the
  // indexes make (boxes touching count): each segment gets the same set as a search of its own would give,
  // for an eighth of the searches (a corridor has a segment every 1–2 km; most runs find nothing).
  const boxes = new Float64Array(4 * segments);
  for (let i = 0; i < segments; i++)
    boxes.set(expandBboxKm(bboxOf([coords[i], coords[i + 1]]), CORRIDOR_MATCH_KM + 1e-6), 4 * i);
  // The small index of seasonal segments first (the same boxes as the network's): only where it finds one
  // are all the road segments there needed.
  const hasSeasonal = new Uint8Array(segments);
  let any = false;
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    const u = unionOfBoxes(boxes, r0, r1, hasSeasonal, 0);
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
  if (!any) return [];
  // Road segments near each corridor segment with a seasonal road near it, searched once for all the pieces
  // on it (a superset of what a search around each piece's middle would find; the distance test picks the
  // same edge).
  const near: number[][] = [];
  const c = net.segCoords;
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    const u = unionOfBoxes(boxes, r0, r1, hasSeasonal, 1);
    if (u[0] > u[2]) continue;
    const found = net.segIndex.search(u[0], u[1], u[2], u[3]);
    for (let i = r0; i < r1; i++) {
      if (hasSeasonal[i] === 0) continue;
      const list: number[] = [];
      for (const s of found) {
        const ax = c[4 * s];
        const ay = c[4 * s + 1];
        const bx = c[4 * s + 2];
        const by = c[4 * s + 3];
        // The network's segment box (buildRoadNetwork) against this segment's search box.
        if (
          (ax < bx ? ax : bx) <= boxes[4 * i + 2] &&
          (ax > bx ? ax : bx) >= boxes[4 * i] &&
          (ay < by ? ay : by) <= boxes[4 * i + 3] &&
          (ay > by ? ay : by) >= boxes[4 * i + 1]
        )
          list.push(s);
      }
      near[i] = list;
    }
  }
  // The junctions lying on the corridor near a segment that needs its cuts, searched the same way.
  const total = cum[cum.length - 1];
  const legBounds = new Set<number>([0, total]);
  const needs = new Uint8Array(segments);
  for (let i = 0; i < segments; i++) {
    let next = i + 1;
    while (next < segments && cum[next + 1] === cum[next]) next++;
    if (hasSeasonal[i] === 1 || (next < segments && hasSeasonal[next] === 1)) {
      needs[i] = 1;
      boxes.set(expandBboxKm(bboxOf([coords[i], coords[i + 1]]), CORRIDOR_MATCH_KM), 4 * i);
    }
  }
  for (let r0 = 0; r0 < segments; r0 += RUN) {
    const r1 = Math.min(segments, r0 + RUN);
    const u = unionOfBoxes(boxes, r0, r1, needs, 1);
    if (u[0] > u[2]) continue;
    const found = net.nodeIndex.search(u[0], u[1], u[2], u[3]);
    for (let i = r0; i < r1; i++) {
      if (needs[i] === 0) continue;
      for (const n of found) {
        const x = net.nodeLon[n];
        const y = net.nodeLat[n];
        if (x < boxes[4 * i] || x > boxes[4 * i + 2] || y < boxes[4 * i + 1] || y > boxes[4 * i + 3])
          continue;
        const pr = projectOnSegment([x, y], coords[i], coords[i + 1]);
        if (pr.distanceKm <= CORRIDOR_MATCH_KM) legBounds.add(cum[i] + pr.t * (cum[i + 1] - cum[i]));
      }
    }
  }
  const cuts = [...new Set([...cum, ...legBounds])].sort((a, b) => a - b);
  const out: { fromKm: number; toKm: number; edge: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1] - cuts[i] < 1e-9) continue;
    const mid = (cuts[i] + cuts[i + 1]) / 2;
    const seg = segmentAtKm(cum, mid);
    if (hasSeasonal[seg] === 0) continue;
    const edge = roadEdgeUnder(ctx, pointAtKm(coords, cum, mid), near[seg]);
    if (edge !== undefined && seasonal[edge] === 1) out.push({ fromKm: cuts[i], toKm: cuts[i + 1], edge });
  }
  return out;
}

/** Corridor segments searched together in `roadsUnder`. */
const RUN = 8;

/**
 * The union of the boxes `[from, to)` (4 numbers each in `boxes`) whose flag is `flag` (all of them when
 * `flag` is 0); west > east when there are none.
 */
function unionOfBoxes(
  boxes: Float64Array,
  from: number,
  to: number,
  flags: Uint8Array,
  flag: 0 | 1,
): [number, number, number, number] {
  const u: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = from; i < to; i++) {
    if (flag === 1 && flags[i] === 0) continue;
    if (boxes[4 * i] < u[0]) u[0] = boxes[4 * i];
    if (boxes[4 * i + 1] < u[1]) u[1] = boxes[4 * i + 1];
    if (boxes[4 * i + 2] > u[2]) u[2] = boxes[4 * i + 2];
    if (boxes[4 * i + 3] > u[3]) u[3] = boxes[4 * i + 3];
  }
  return u;
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
 * boxes the network's segment index has), made once per network.
 */
const seasonalByNetwork = new WeakMap<
  AnalysisContext['net'],
  { seasonal: Uint8Array; index: ReturnType<typeof createBoxIndex>; boxes: Float64Array }
>();
function seasonalEdges(net: AnalysisContext['net']) {
  let found = seasonalByNetwork.get(net);
  if (!found) {
    const seasonal = new Uint8Array(net.edges.length);
    for (const e of net.edges) if (e.road.impassableMonths.length > 0) seasonal[e.index] = 1;
    const segs: number[] = [];
    for (let s = 0; s < net.segEdge.length; s++) if (seasonal[net.segEdge[s]] === 1) segs.push(s);
    const c = net.segCoords;
    // The boxes are kept (in index order) so that a search's results can be tested against smaller boxes.
    const boxes = new Float64Array(4 * segs.length);
    segs.forEach((s, k) => {
      const [ax, ay, bx, by] = [c[4 * s], c[4 * s + 1], c[4 * s + 2], c[4 * s + 3]];
      boxes[4 * k] = ax < bx ? ax : bx;
      boxes[4 * k + 1] = ay < by ? ay : by;
      boxes[4 * k + 2] = ax > bx ? ax : bx;
      boxes[4 * k + 3] = ay > by ? ay : by;
    });
    const index = createBoxIndex(segs.length, (k) => [
      boxes[4 * k],
      boxes[4 * k + 1],
      boxes[4 * k + 2],
      boxes[4 * k + 3],
    ]);
    seasonalByNetwork.set(net, (found = { seasonal, index, boxes }));
  }
  return found;
}

/**
 * The road edge nearest `p` within CORRIDOR_MATCH_KM among the road segments `candidates`, if any. Called for
 * every piece of every corridor, so it measures as `pointSegmentDistanceKm` does (the same arithmetic) with the
 * cosine of `p`'s latitude computed once. Ties go to the lower edge index, whatever the order of candidates.
 */
function roadEdgeUnder(ctx: AnalysisContext, p: Position, candidates: readonly number[]): number | undefined {
  const { net } = ctx;
  const k = Math.cos((p[1] * Math.PI) / 180);
  const [px, py] = p;
  let best: number | undefined;
  let bestKm = Infinity;
  for (const s of candidates) {
    const c = net.segCoords;
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
