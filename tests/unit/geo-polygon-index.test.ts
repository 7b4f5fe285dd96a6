import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { containsByCount } from '../helpers/containsByCount';
import { createPolygonIndex } from '$lib/domain/geo/createPolygonIndex';
import { pointInPolygons } from '$lib/domain/geo/pointInPolygons';
import { segmentIntersection } from '$lib/domain/geo/segmentIntersection';

/**
 * Seeded (multi)polygons, some with holes, overlapping on a small area, and now and then a comb (long
 * vertical sides and many short teeth, so that edges of very different heights share the bands). With
 * `grid`, vertices are rounded to a coarse lattice, so that many edges are horizontal or vertical and points
 * and segments fall on the rings' latitudes, vertices and edges.
 */
function polygonsOf(rand: () => number, grid: boolean): Position[][][] {
  const snap = (v: number) => (grid ? Math.round(v * 4) / 4 : v);
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    const cx = rand() * 4;
    const cy = rand() * 4;
    if (rand() < 0.2) {
      const teeth = 2 + Math.floor(rand() * 12);
      const top: Position[] = [];
      for (let j = 0; j < teeth; j++) {
        const x = cx + (3 * j) / teeth;
        top.push([snap(x), snap(cy + 3)], [snap(x + 1.5 / teeth), snap(cy + 3 - rand() * 2)]);
      }
      const pts: Position[] = [[snap(cx), snap(cy)], [snap(cx + 3), snap(cy)], ...top.reverse()];
      return [[...pts, pts[0]]];
    }
    const ring = (r: number): Position[] => {
      const k = 3 + Math.floor(rand() * 30);
      const pts = Array.from({ length: k }, (_, j): Position => {
        const a = (2 * Math.PI * j) / k;
        const d = r * (0.5 + rand() / 2);
        return [snap(cx + d * Math.cos(a)), snap(cy + d * Math.sin(a))];
      });
      return [...pts, pts[0]];
    };
    return rand() < 0.4 ? [ring(2), ring(0.4)] : [ring(2)];
  });
}

/** AB cut at every ring edge whose box meets its own, each piece tested at its middle, adjacent pieces joined. */
function insideIntervalsPlain(polygons: Position[][][], a: Position, b: Position): [number, number][] {
  const cuts = [0, 1];
  for (const ring of polygons.flat())
    for (let i = 1; i < ring.length; i++) {
      const c = ring[i - 1];
      const d = ring[i];
      if (Math.max(c[0], d[0]) < Math.min(a[0], b[0]) || Math.min(c[0], d[0]) > Math.max(a[0], b[0]))
        continue;
      if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1]))
        continue;
      const hit = segmentIntersection(a, b, c, d);
      if (hit) cuts.push(hit.t);
    }
  cuts.sort((x, y) => x - y);
  const out: [number, number][] = [];
  for (let i = 1; i < cuts.length; i++) {
    const [t0, t1] = [cuts[i - 1], cuts[i]];
    const tm = (t0 + t1) / 2;
    if (t1 - t0 < 1e-12 || !containsByCount(polygons, [a[0] + tm * (b[0] - a[0]), a[1] + tm * (b[1] - a[1])]))
      continue;
    const last = out[out.length - 1];
    if (last && t0 - last[1] < 1e-12) last[1] = t1;
    else out.push([t0, t1]);
  }
  return out;
}

describe('createPolygonIndex', () => {
  it('finds the points and the parts of segments inside as a plain test over every ring edge does', () => {
    let parts = 0;
    let inside = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(900 + seed);
      const grid = seed % 2 === 0;
      const polygons = polygonsOf(rand, grid);
      const index = createPolygonIndex(polygons);
      const vertices = polygons.flat(2);
      const out = { t: new Float64Array(2) };
      const free = () => (grid ? Math.round((rand() * 8 - 2) * 8) / 8 : rand() * 8 - 2);
      for (let q = 0; q < 300; q++) {
        // Free segments, and segments from or to ring vertices (touching the rings at a point or more),
        // some of them horizontal.
        const a: Position = q % 4 === 0 ? vertices[Math.floor(rand() * vertices.length)] : [free(), free()];
        const b: Position =
          q % 8 === 0
            ? vertices[Math.floor(rand() * vertices.length)]
            : q % 3 === 0
              ? [a[0] + (rand() - 0.5) * 3, a[1]]
              : [a[0] + (rand() - 0.5) * 3, a[1] + (rand() - 0.5) * 3];
        const where = `seed ${seed}: ${a.join(',')} to ${b.join(',')}`;
        const expected = insideIntervalsPlain(polygons, a, b);
        expect(index.insideIntervals(a, b), where).toEqual(expected);
        const count = index.insideIntervalsInto(a, b, out);
        expect(
          Array.from({ length: count }, (_, k) => [out.t[2 * k], out.t[2 * k + 1]]),
          where,
        ).toEqual(expected);
        expect(index.meetsInside(a, b), where).toBe(expected.length > 0);
        parts += count;
        for (const p of [a, b, [b[0], a[1]]]) {
          const plain = containsByCount(polygons, p);
          expect(index.contains(p), `seed ${seed}: ${p.join(',')}`).toBe(plain);
          if (plain) inside++;
        }
      }
    }
    expect(parts).toBeGreaterThan(3000);
    expect(inside).toBeGreaterThan(10000);
  });

  it('agrees with pointInPolygons away from the rings, holes and several polygons included', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const polygons = polygonsOf(rand, false);
      const index = createPolygonIndex(polygons);
      for (let q = 0; q < 300; q++) {
        const p: Position = [rand() * 8 - 2, rand() * 8 - 2];
        expect(index.contains(p), `seed ${seed}: ${p.join(',')}`).toBe(pointInPolygons(p, polygons));
      }
    }
  });

  it('finds nothing inside an empty geometry', () => {
    const index = createPolygonIndex([]);
    expect(index.insideIntervalsInto([0, 0], [1, 1], { t: new Float64Array(0) })).toBe(0);
    expect(index.contains([0, 0])).toBe(false);
    expect(index.meetsInside([0, 0], [1, 1])).toBe(false);
  });
});
