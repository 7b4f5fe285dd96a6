import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { hypot2 } from '$lib/domain/geo/hypot2';

// hypot2 stands for Math.hypot in the corridors' buffer stretches, whose bounds reports show: it must give
// the very same number, not one a rounding away.
describe('hypot2', () => {
  it('gives Math.hypot to the last bit', () => {
    const rand = mulberry32(5);
    // Magnitudes from 1e-12 to 1e12, values of one size or of very different sizes, near-equal pairs.
    const value = () => (rand() - 0.5) * 10 ** Math.floor(rand() * 25 - 12);
    for (let n = 0; n < 200_000; n++) {
      const x = value();
      const y = n % 5 === 0 ? x * (1 + rand() * 1e-9) : value();
      expect(Object.is(hypot2(x, y), Math.hypot(x, y))).toBe(true);
    }
    const special = [0, -0, 1, -3, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308];
    for (const x of special)
      for (const y of special) expect(Object.is(hypot2(x, y), Math.hypot(x, y))).toBe(true);
  });
});
