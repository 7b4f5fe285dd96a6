import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mulberry32 } from '../../bench/prng';
import { segmentIntersection, segmentIntersectionInto } from '$lib/domain/geo/segmentIntersection';

/** Where AB and CD meet, worked out plainly (the parameters along each, clamped to 0…1), or null. */
function plainIntersection(a: Position, b: Position, c: Position, d: Position) {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / den;
  if (t < -1e-12 || t > 1 + 1e-12 || u < -1e-12 || u > 1 + 1e-12) return null;
  return { t: Math.min(1, Math.max(0, t)), u: Math.min(1, Math.max(0, u)) };
}

describe('segmentIntersectionInto', () => {
  it('meets where the plain formula meets, with the same parameters, and leaves them alone elsewhere', () => {
    const rand = mulberry32(11);
    // Points on a coarse lattice often share ends or lie on one line; others fall anywhere.
    const point = (): Position =>
      rand() < 0.5 ? [Math.floor(rand() * 4), Math.floor(rand() * 4)] : [4 * rand(), 4 * rand()];
    const tu = new Float64Array(2);
    let met = 0;
    for (let n = 0; n < 5000; n++) {
      const [a, b, c, d] = [point(), point(), point(), point()];
      const plain = plainIntersection(a, b, c, d);
      tu[0] = tu[1] = -7;
      const meets = segmentIntersectionInto(a, b, c, d, tu);
      expect(meets).toBe(plain !== null);
      if (plain) {
        met++;
        expect([tu[0], tu[1]]).toEqual([plain.t, plain.u]);
      } else expect([tu[0], tu[1]]).toEqual([-7, -7]);
      expect(segmentIntersection(a, b, c, d)).toEqual(plain);
    }
    expect(met).toBeGreaterThan(500);
  });
});
