import type { Position } from 'geojson';
import { KM_PER_DEGREE } from '../../geo/constants';
import { projectOnSegmentXY } from '../../geo/projectOnSegment';
import { segmentIntersectionInto } from '../../geo/segmentIntersection';
import { SegmentGrid } from './segmentGrid';

/** The roads' segments on a grid, each box grown by the tolerance: segment s is vertex `k[s]` of road `road[s]`. */
export interface RoadSegmentIndex {
  grid: SegmentGrid;
  road: Int32Array;
  k: Int32Array;
}

/**
 * Where each road must be cut so that roads join: its two ends, every point where it meets or crosses
 * another road, and every point of it within `toleranceKm` of another road's vertex (near-misses, which the
 * caller then snaps together). Positions are `segment index + t` along the road.
 */
export function findRoadSplits(
  roads: readonly Position[][],
  toleranceKm: number,
): { splits: number[][]; segments: RoadSegmentIndex } {
  const splits: number[][] = roads.map((r) => [0, r.length - 1]);
  const segments = roadSegmentIndex(roads, toleranceKm);
  const { grid, road: segRoad, k: segK } = segments;
  const box = grid.boxes;
  // A cut equal to the road's last one is left out: where roads share a vertex, the two segments of each on
  // either side meet the other's two there, and each of the four pairs cut both roads at that vertex again
  // (most of the cuts on the walks network). The caller sorts the cuts and drops repeats, so
  // the junctions are the same.
  const cut = (r: number, pos: number) => {
    const list = splits[r];
    if (list[list.length - 1] !== pos) list.push(pos);
  };
  // One projection gives both the distance and the place on the other segment (the arithmetic of
  // pointSegmentDistanceKm and projectOnSegment), with no answer object and point per near-miss.
  const distance = new Float64Array(1);
  const nearMiss = (
    p: Position,
    pk: number,
    c: Position,
    d: Position,
    rp: number,
    rs: number,
    ks: number,
  ) => {
    const cosLat = Math.cos((p[1] * Math.PI) / 180);
    const t = projectOnSegmentXY(p[0], p[1], cosLat, c[0], c[1], d[0], d[1], distance);
    if (distance[0] > toleranceKm) return;
    cut(rp, pk);
    cut(rs, ks + t);
  };
  // Where two segments meet, written here rather than returned as an object per pair that meets.
  const tu = new Float64Array(2);
  const examine = (i: number, j: number) => {
    const ri = segRoad[i];
    const ki = segK[i];
    const a = roads[ri][ki];
    const b = roads[ri][ki + 1];
    const rj = segRoad[j];
    const kj = segK[j];
    const c = roads[rj][kj];
    const d = roads[rj][kj + 1];
    if (segmentIntersectionInto(a, b, c, d, tu)) {
      cut(ri, ki + tu[0]);
      cut(rj, kj + tu[1]);
      return;
    }
    // Near-misses: a vertex of one within tolerance of the other joins them there.
    nearMiss(a, ki, c, d, ri, rj, kj);
    nearMiss(b, ki + 1, c, d, ri, rj, kj);
    nearMiss(c, kj, a, b, rj, ri, ki);
    nearMiss(d, kj + 1, a, b, rj, ri, ki);
  };
  // Candidate pairs from the grid: a pair is examined in the one cell that holds the lower-left corner of the
  // overlap of their boxes, so it is examined once. A grid beats a million tree queries here. Cells in order,
  // pairs in index order: the splits come out in the same order on every run.
  const { start, items, nx } = grid;
  for (let c = 0; c + 1 < start.length; c++) {
    const cx = c % nx;
    const cy = Math.floor(c / nx);
    const end = start[c + 1];
    for (let p = start[c]; p < end; p++) {
      // Segment i's road and box read once for all its pairs in the cell (3.2 million pairs at full grid size).
      const i = items[p];
      const ri = segRoad[i];
      const ix0 = box[4 * i];
      const iy0 = box[4 * i + 1];
      const ix1 = box[4 * i + 2];
      const iy1 = box[4 * i + 3];
      for (let q = p + 1; q < end; q++) {
        const j = items[q];
        if (segRoad[j] === ri) continue; // a road does not join itself
        const ox = Math.max(ix0, box[4 * j]);
        const oy = Math.max(iy0, box[4 * j + 1]);
        if (ox > Math.min(ix1, box[4 * j + 2]) || oy > Math.min(iy1, box[4 * j + 3])) continue;
        if (grid.column(ox) !== cx) continue;
        if (grid.row(oy) !== cy) continue;
        examine(i, j);
      }
    }
  }
  return { splits, segments };
}

/**
 * The roads' segments on a uniform grid (cells about one segment long), each box grown by `toleranceKm`: the
 * noding's candidate pairs, and the nearest-road searches of a network's build.
 */
export function roadSegmentIndex(roads: readonly Position[][], toleranceKm: number): RoadSegmentIndex {
  let count = 0;
  for (const r of roads) count += Math.max(0, r.length - 1);
  const road = new Int32Array(count);
  const k = new Int32Array(count);
  const box = new Float64Array(4 * count);
  // Each loop over the segments is a function of its own (this runs once per build, largely before the
  // optimising compiler takes over: see buildRoadNetwork).
  const maxLat = readSegments(roads, road, k, box);
  // Grow boxes by the tolerance; longitude scaled at the highest latitude, so no near-miss is lost.
  const dLat = toleranceKm / KM_PER_DEGREE;
  const dLon = dLat / Math.cos((Math.min(89, maxLat + dLat) * Math.PI) / 180);
  const span = growBoxes(box, dLon, dLat);
  return { grid: new SegmentGrid(box, count > 0 ? (3 * span) / count : 1), road, k };
}

/**
 * Each segment's road, number and box, read once from the position arrays (scattered on the heap); returns the
 * highest latitude of their vertices. Math.min and Math.max, not conditional expressions: V8 boxed every
 * coordinate this loop read when written with those (32 MB per build of the grid). The boxes can differ only
 * in the sign of a zero, which no comparison or cell number tells apart.
 */
function readSegments(
  roads: readonly Position[][],
  segRoad: Int32Array,
  segK: Int32Array,
  box: Float64Array,
): number {
  let maxLat = 0;
  let i4 = 0;
  for (let ri = 0, s = 0; ri < roads.length; ri++) {
    const r = roads[ri];
    if (r.length === 1) maxLat = Math.max(maxLat, Math.abs(r[0][1]));
    for (let k = 0; k + 1 < r.length; k++, s++, i4 += 4) {
      segRoad[s] = ri;
      segK[s] = k;
      const a = r[k];
      const b = r[k + 1];
      box[i4] = Math.min(a[0], b[0]);
      box[i4 + 1] = Math.min(a[1], b[1]);
      box[i4 + 2] = Math.max(a[0], b[0]);
      box[i4 + 3] = Math.max(a[1], b[1]);
      maxLat = Math.max(maxLat, Math.abs(a[1]), Math.abs(b[1]));
    }
  }
  return maxLat;
}

/** Grows each box by `dLon` and `dLat` on every side; returns the sum of the larger side of each. */
function growBoxes(box: Float64Array, dLon: number, dLat: number): number {
  let span = 0;
  for (let i = 0; i < box.length; i += 4) {
    const x0 = (box[i] -= dLon);
    const y0 = (box[i + 1] -= dLat);
    const x1 = (box[i + 2] += dLon);
    const y1 = (box[i + 3] += dLat);
    span += Math.max(x1 - x0, y1 - y0);
  }
  return span;
}
