import type { Position } from 'geojson';
import { KM_PER_DEGREE } from '../../geo/constants';
import { pointSegmentDistanceKm } from '../../geo/pointSegmentDistanceKm';
import { projectOnSegment } from '../../geo/projectOnSegment';
import { segmentIntersectionXY } from '../../geo/segmentIntersection';
import { SegmentGrid } from './segmentGrid';

/**
 * Where each road must be cut so that roads join: its two ends, every point where it meets or crosses
 * another road, and every point of it within `toleranceKm` of another road's vertex (near-misses, which the
 * caller then snaps together). Positions are `segment index + t` along the road.
 * Also returns every segment's two ends packed (`ends`, four numbers per segment; road r's segment k is
 * segment `segmentStart[r] + k`), read here once: the position arrays are scattered on the heap, and each read
 * of one through its road's array cost more than the arithmetic on it, in the pairs here and in the build.
 */
export function findRoadSplits(
  roads: readonly Position[][],
  toleranceKm: number,
): {
  splits: number[][];
  segments: { grid: SegmentGrid; road: Int32Array; k: Int32Array; start: Int32Array; ends: Float64Array };
} {
  const splits: number[][] = roads.map((r) => [0, r.length - 1]);
  const segmentStart = new Int32Array(roads.length + 1);
  for (let ri = 0; ri < roads.length; ri++)
    segmentStart[ri + 1] = segmentStart[ri] + Math.max(0, roads[ri].length - 1);
  const count = segmentStart[roads.length];
  const segRoad = new Int32Array(count);
  const segK = new Int32Array(count);
  // Candidate pairs from a uniform grid (cells about one segment long): each segment, grown by the
  // tolerance, goes into the cells it overlaps; a pair is examined in the one cell that holds the lower-left
  // corner of the overlap of their boxes, so it is examined once. A grid beats a million tree queries here.
  // The grid reads the segments' ends and grows their boxes itself: a copy of the grown boxes was as large
  // as the ends, and both were more memory outside the heap, which brought a full collection sooner.
  const n = segRoad.length;
  const ends = new Float64Array(4 * n);
  let span = 0;
  // Each segment's road, number and ends, read once from the position arrays, and the highest latitude
  // found in the same pass.
  let maxLat = 0;
  let i4 = 0;
  for (let ri = 0, s = 0; ri < roads.length; ri++) {
    const r = roads[ri];
    if (r.length === 1) maxLat = Math.max(maxLat, Math.abs(r[0][1]));
    if (r.length < 2) continue;
    // Each vertex read once (a segment's end is the next one's start).
    let bx = r[0][0];
    let by = r[0][1];
    for (let k = 0; k + 1 < r.length; k++, s++, i4 += 4) {
      segRoad[s] = ri;
      segK[s] = k;
      const ax = bx;
      const ay = by;
      const b = r[k + 1];
      bx = b[0];
      by = b[1];
      ends[i4] = ax;
      ends[i4 + 1] = ay;
      ends[i4 + 2] = bx;
      ends[i4 + 3] = by;
      maxLat = Math.max(maxLat, Math.abs(ay), Math.abs(by));
    }
  }
  // Boxes grown by the tolerance; longitude scaled at the highest latitude, so no near-miss is lost.
  const dLat = toleranceKm / KM_PER_DEGREE;
  const dLon = dLat / Math.cos((Math.min(89, maxLat + dLat) * Math.PI) / 180);
  for (let i = 0; i < 4 * n; i += 4) {
    const ax = ends[i];
    const ay = ends[i + 1];
    const bx = ends[i + 2];
    const by = ends[i + 3];
    const x0 = (ax < bx ? ax : bx) - dLon;
    const y0 = (ay < by ? ay : by) - dLat;
    const x1 = (ax > bx ? ax : bx) + dLon;
    const y1 = (ay > by ? ay : by) + dLat;
    span += Math.max(x1 - x0, y1 - y0);
  }
  const grid = new SegmentGrid(ends, n > 0 ? (3 * span) / n : 1, dLon, dLat);
  // A cut equal to the road's last one is left out: where roads share a vertex, the two segments of each on
  // either side meet the other's two there, and each of the four pairs cut both roads at that vertex again
  // (most of the cuts on the walks network). The caller sorts the cuts and drops repeats, so
  // the junctions are the same.
  const cut = (r: number, pos: number) => {
    const list = splits[r];
    if (list[list.length - 1] !== pos) list.push(pos);
  };
  const nearMiss = (
    p: Position,
    pk: number,
    c: Position,
    d: Position,
    rp: number,
    rs: number,
    ks: number,
  ) => {
    if (pointSegmentDistanceKm(p, c, d) > toleranceKm) return;
    cut(rp, pk);
    cut(rs, ks + projectOnSegment(p, c, d).t);
  };
  const examine = (i: number, j: number) => {
    const ri = segRoad[i];
    const ki = segK[i];
    const rj = segRoad[j];
    const kj = segK[j];
    const hit = segmentIntersectionXY(
      ends[4 * i],
      ends[4 * i + 1],
      ends[4 * i + 2],
      ends[4 * i + 3],
      ends[4 * j],
      ends[4 * j + 1],
      ends[4 * j + 2],
      ends[4 * j + 3],
    );
    if (hit) {
      cut(ri, ki + hit.t);
      cut(rj, kj + hit.u);
      return;
    }
    // Near-misses: a vertex of one within tolerance of the other joins them there.
    const a = roads[ri][ki];
    const b = roads[ri][ki + 1];
    const c = roads[rj][kj];
    const d = roads[rj][kj + 1];
    nearMiss(a, ki, c, d, ri, rj, kj);
    nearMiss(b, ki + 1, c, d, ri, rj, kj);
    nearMiss(c, kj, a, b, rj, ri, ki);
    nearMiss(d, kj + 1, a, b, rj, ri, ki);
  };
  // Cells in order, pairs in index order: the splits come out in the same order on every run.
  const { start, items, nx } = grid;
  for (let c = 0; c + 1 < start.length; c++) {
    const cx = c % nx;
    const cy = Math.floor(c / nx);
    const end = start[c + 1];
    for (let p = start[c]; p < end; p++) {
      // Segment i's road and grown box worked out once for all its pairs in the cell (3.2 million pairs at
      // full grid size); those of j with the same arithmetic as the grid's.
      const i = items[p];
      const ri = segRoad[i];
      const iax = ends[4 * i];
      const iay = ends[4 * i + 1];
      const ibx = ends[4 * i + 2];
      const iby = ends[4 * i + 3];
      const ix0 = (iax < ibx ? iax : ibx) - dLon;
      const iy0 = (iay < iby ? iay : iby) - dLat;
      const ix1 = (iax > ibx ? iax : ibx) + dLon;
      const iy1 = (iay > iby ? iay : iby) + dLat;
      for (let q = p + 1; q < end; q++) {
        const j = items[q];
        if (segRoad[j] === ri) continue; // a road does not join itself
        const jax = ends[4 * j];
        const jay = ends[4 * j + 1];
        const jbx = ends[4 * j + 2];
        const jby = ends[4 * j + 3];
        const ox = Math.max(ix0, (jax < jbx ? jax : jbx) - dLon);
        const oy = Math.max(iy0, (jay < jby ? jay : jby) - dLat);
        if (
          ox > Math.min(ix1, (jax > jbx ? jax : jbx) + dLon) ||
          oy > Math.min(iy1, (jay > jby ? jay : jby) + dLat)
        )
          continue;
        if (grid.column(ox) !== cx) continue;
        if (grid.row(oy) !== cy) continue;
        examine(i, j);
      }
    }
  }
  return { splits, segments: { grid, road: segRoad, k: segK, start: segmentStart, ends } };
}
