import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { BandedPolygon } from '$lib/domain/analysis/corridors/bandedPolygon';
import { createPolygonIndex } from '$lib/domain/geo/createPolygonIndex';

/**
 * Seeded (multi)polygons, some with holes, overlapping on a small area. With `grid`, vertices are rounded
 * to a coarse lattice, so that many edges are horizontal or vertical and points and segments fall on the
 * rings' latitudes, vertices and edges.
 */
function polygonsOf(rand: () => number, grid: boolean): Position[][][] {
  const snap = (v: number) => (grid ? Math.round(v * 4) / 4 : v);
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    const cx = rand() * 4;
    const cy = rand() * 4;
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

describe('BandedPolygon', () => {
  it('finds the inside parts of segments and points as the polygon index does', () => {
    let parts = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(900 + seed);
      const grid = seed % 2 === 0;
      const polygons = polygonsOf(rand, grid);
      const index = createPolygonIndex(polygons);
      const banded = new BandedPolygon(polygons);
      const vertices = polygons.flat(2);
      const out = { t: new Float64Array(2) };
      const free = () => (grid ? Math.round((rand() * 8 - 2) * 8) / 8 : rand() * 8 - 2);
      for (let q = 0; q < 300; q++) {
        // Free segments, and segments from or to ring vertices (touching the rings at a point or more).
        const a: Position = q % 4 === 0 ? vertices[Math.floor(rand() * vertices.length)] : [free(), free()];
        const b: Position =
          q % 8 === 0
            ? vertices[Math.floor(rand() * vertices.length)]
            : q % 3 === 0
              ? [a[0] + (rand() - 0.5) * 3, a[1]]
              : [a[0] + (rand() - 0.5) * 3, a[1] + (rand() - 0.5) * 3];
        const count = banded.insideIntervalsInto(a, b, out);
        const pairs = Array.from({ length: count }, (_, k) => [out.t[2 * k], out.t[2 * k + 1]]);
        expect(pairs, `seed ${seed}: ${a.join(',')} to ${b.join(',')}`).toEqual(index.insideIntervals(a, b));
        parts += count;
        expect(banded.containsXY(a[0], a[1])).toBe(index.contains(a));
        expect(banded.containsXY(b[0], a[1])).toBe(index.contains([b[0], a[1]]));
      }
    }
    expect(parts).toBeGreaterThan(3000);
  });

  it('finds nothing inside an empty geometry', () => {
    const banded = new BandedPolygon([]);
    expect(banded.insideIntervalsInto([0, 0], [1, 1], { t: new Float64Array(0) })).toBe(0);
    expect(banded.containsXY(0, 0)).toBe(false);
  });
});
