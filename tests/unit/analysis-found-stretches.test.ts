import { describe, expect, it } from 'vitest';
import { FoundStretches } from '$lib/domain/analysis/corridors/foundStretches';
import { NO_STRETCHES, stretchListOf, type StretchList } from '$lib/domain/analysis/corridors/stretchList';
import type { KmInterval } from '$lib/domain/analysis/corridors/corridorIntervals';
import type { Reason } from '$lib/domain/schemas';
import { Rng } from '../../bench/prng';

/** Bounds (as they are, -0 kept apart) and reasons of a list, read back plainly. */
function plain(list: StretchList | undefined) {
  if (!list) return undefined;
  return Array.from({ length: list.reasons.length }, (_, i) => [
    Object.is(list.km[2 * i], -0) ? '-0' : list.km[2 * i],
    list.km[2 * i + 1],
    list.reasons[i],
  ]);
}

// The front-line stretches found along a corridor are collected in one set of arrays, reused from corridor to
// corridor, and then put in each line's list: each list must hold that line's stretches in the order found,
// as a list made from them as objects holds them.
describe('front-line stretches collected for one corridor after another', () => {
  it('give each wanted line the list of its stretches, in order', () => {
    const found = new FoundStretches();
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Rng(seed);
      const lineCount = 1 + rng.int(45);
      const wanted = Array.from({ length: lineCount }, () => rng.int(4) !== 0);
      const reasons = Array.from(
        { length: lineCount },
        (_, l) => ({ code: 'frontline_buffer', featureId: `f${l}`, detail: `line ${l}` }) as Reason,
      );
      const byLine: KmInterval[][] = Array.from({ length: lineCount }, () => []);
      // Up to 600 stretches, past the arrays' first size, of wanted lines interleaved as a corridor's
      // segments meet them; some corridors find none.
      const n = rng.int(5) === 0 ? 0 : rng.int(600);
      for (let i = 0; i < n; i++) {
        const l = rng.int(lineCount);
        if (!wanted[l]) continue;
        const from = rng.int(6) === 0 ? -0 : rng.range(0, 300);
        const to = from + rng.range(0, 4);
        found.add(from, to, l, reasons[l]);
        byLine[l].push({ fromKm: from, toKm: to, reason: reasons[l] });
      }
      const out: (StretchList | undefined)[] = new Array(lineCount).fill(undefined);
      found.listsInto(out, wanted);
      found.clear();
      for (let l = 0; l < lineCount; l++) {
        if (!wanted[l]) expect(out[l], `seed ${seed} line ${l}`).toBeUndefined();
        else if (byLine[l].length === 0) expect(out[l]).toBe(NO_STRETCHES);
        else expect(plain(out[l]), `seed ${seed} line ${l}`).toEqual(plain(stretchListOf(byLine[l])));
      }
    }
  });

  it('keeps no reason once cleared', () => {
    const found = new FoundStretches();
    const reason = { code: 'frontline_buffer', featureId: 'f', detail: 'd' } as Reason;
    for (let i = 0; i < 10; i++) found.add(i, i + 1, 0, reason);
    found.clear();
    const out: (StretchList | undefined)[] = [undefined];
    found.listsInto(out, [true]);
    expect(out[0]).toBe(NO_STRETCHES);
    expect((found as unknown as { reasons: unknown[] }).reasons.every((r) => r === undefined)).toBe(true);
  });
});
