import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { sameReasons } from '$lib/domain/analysis/reasons';
import type { Reason } from '$lib/domain/schemas';

// A report or a search is kept when its reasons are the same as last time's; two lists are the same exactly
// when they write the same JSON, which is what this compares `sameReasons` with.
describe('sameReasons', () => {
  it('says two lists are the same exactly when they write the same JSON', () => {
    const codes = ['contested_area', 'frontline_buffer', 'seasonal_closure'] as const;
    let same = 0;
    let differ = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rand = mulberry32(9100 + seed);
      const pick = (): Reason => ({
        code: codes[Math.floor(rand() * codes.length)],
        featureId: `f${Math.floor(rand() * 3)}`,
        detail: `d${Math.floor(rand() * 2)}`,
      });
      const a = Array.from({ length: Math.floor(rand() * 4) }, pick);
      // Mostly a copy (new objects, some reasons shared), sometimes one reason short or with one field
      // changed, else a list drawn anew.
      const draw = rand();
      const b = a.map((r) => (rand() < 0.5 ? r : { ...r }));
      if (draw < 0.15) b.pop();
      else if (draw < 0.45 && b.length > 0) {
        const k = Math.floor(rand() * b.length);
        const field = (['code', 'featureId', 'detail'] as const)[Math.floor(rand() * 3)];
        // Another draw's value, which is sometimes the same one.
        b[k] = { ...a[k], [field]: pick()[field] };
      } else if (draw < 0.6) b.splice(0, b.length, ...Array.from({ length: Math.floor(rand() * 4) }, pick));
      const expected = JSON.stringify(a) === JSON.stringify(b);
      expect(sameReasons(a, b), `seed ${seed}`).toBe(expected);
      expect(sameReasons(b, a), `seed ${seed}, swapped`).toBe(expected);
      if (expected) same++;
      else differ++;
    }
    expect(same).toBeGreaterThan(100);
    expect(differ).toBeGreaterThan(100);
  });

  it('holds a list the same only as itself or an equal list, and undefined only as undefined', () => {
    const r: Reason = { code: 'contested_area', featureId: 'a1', detail: 'held by the RSF' };
    const list = [r];
    expect(sameReasons(list, list)).toBe(true);
    expect(sameReasons(undefined, undefined)).toBe(true);
    expect(sameReasons(list, undefined)).toBe(false);
    expect(sameReasons(undefined, [])).toBe(false);
    expect(sameReasons([], [])).toBe(true);
    expect(sameReasons([r, { ...r, featureId: 'a2' }], [{ ...r, featureId: 'a2' }, r])).toBe(false);
  });
});
