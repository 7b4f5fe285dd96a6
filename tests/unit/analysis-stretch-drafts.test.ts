import { describe, expect, it } from 'vitest';
import {
  NO_STRETCHES,
  stretchListFrom,
  stretchListOf,
  type StretchList,
} from '$lib/domain/analysis/corridors/stretchList';
import type { Reason } from '$lib/domain/schemas';
import { Rng } from '../../bench/prng';

/** Bounds and reasons of a list, read back plainly. */
function plain(list: StretchList) {
  return Array.from({ length: list.reasons.length }, (_, i) => [
    list.km[2 * i],
    list.km[2 * i + 1],
    list.reasons[i],
  ]);
}

// A corridor's front-line stretches are collected as bounds side by side and reasons beside them, then made
// into a stretch list: it must hold what a list made from the same stretches as objects holds.
describe('stretch lists made from collected bounds', () => {
  it('hold the bounds and reasons of the same stretches as objects, in order', () => {
    const reasons: Reason[] = ['frontline_buffer', 'frontline_crossing'].map((code, k) => ({
      code,
      featureId: `f${k}`,
      detail: `line ${k}`,
    })) as Reason[];
    for (let seed = 1; seed <= 300; seed++) {
      const rng = new Rng(seed);
      const n = 1 + rng.int(40);
      const km: number[] = [];
      const why: Reason[] = [];
      const objects = [];
      for (let i = 0; i < n; i++) {
        // Whole, fractional, negative zero and tiny bounds, as a clamp or a touch gives them.
        const from = rng.int(4) === 0 ? rng.int(5) : rng.int(6) === 0 ? -0 : rng.range(0, 300);
        const to = from + (rng.int(3) === 0 ? 1e-9 : rng.range(0, 5));
        const reason = rng.pick(reasons);
        km.push(from, to);
        why.push(reason);
        objects.push({ fromKm: from, toKm: to, reason });
      }
      const list = stretchListFrom(km, why);
      const expected = stretchListOf(objects);
      expect(plain(list)).toEqual(plain(expected));
      for (let i = 0; i < 2 * n; i++) expect(Object.is(list.km[i], km[i])).toBe(true);
    }
  });

  it('gives the shared empty list for no stretch', () => {
    expect(stretchListFrom([], [])).toBe(NO_STRETCHES);
  });
});
