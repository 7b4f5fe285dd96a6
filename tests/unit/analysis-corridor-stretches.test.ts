import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { sweepPieces, type Piece } from '$lib/domain/analysis/corridors/evaluateCorridor';
import type { KmInterval } from '$lib/domain/analysis/corridors/corridorIntervals';
import { stretchListOf } from '$lib/domain/analysis/corridors/stretchList';
import { TypedStretchWriter, type TypedStretches } from '$lib/domain/analysis/corridors/typedStretches';
import { sortReasons } from '$lib/domain/analysis/reasons';
import type { Reason } from '$lib/domain/schemas';

/**
 * The sweep as plainly as it can be written: every piece between two distinct bounds looks at every stretch,
 * sorts the reasons of those covering its middle, and joins the piece before it when they are the same.
 */
function plainPieces(total: number, spread: readonly KmInterval[]): Piece[] {
  const bounds = [...new Set([0, total, ...spread.flatMap((s) => [s.fromKm, s.toKm])])]
    .filter((k) => k >= 0 && k <= total)
    .sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    if (to - from < 1e-9) continue;
    const mid = (from + to) / 2;
    const reasons = sortReasons(spread.filter((s) => s.fromKm <= mid && s.toKm >= mid).map((s) => s.reason));
    const last = pieces[pieces.length - 1];
    if (last && JSON.stringify(last.reasons) === JSON.stringify(reasons)) last.to = to;
    else pieces.push({ from, to, reasons });
  }
  return pieces;
}

/**
 * Stretches as a corridor's parts give them: runs of one hazard along consecutive segments sharing one reason
 * object (or another where a run changes hazard), overlapping runs of other hazards, a few reasons equal field
 * by field but distinct objects, bounds
 * met more than once, and some outside the line.
 */
function randomParts(seed: number): { total: number; parts: KmInterval[][] } {
  const rand = mulberry32(seed);
  const total = 1 + rand() * 50;
  const codes: Reason['code'][] = [
    'frontline_buffer',
    'incident_nearby',
    'seasonal_closure',
    'contested_area',
  ];
  const reasons: Reason[] = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => ({
    code: codes[Math.floor(rand() * codes.length)],
    featureId: `f${Math.floor(rand() * 4)}`,
    detail: 'd',
  }));
  const grid = Array.from({ length: 12 }, (_, i) => (total * i) / 10 - total / 10);
  const km = () => (rand() < 0.4 ? grid[Math.floor(rand() * grid.length)] : rand() * total);
  const parts: KmInterval[][] = [];
  for (let p = Math.floor(rand() * 4); p > 0; p--) {
    const part: KmInterval[] = [];
    for (let run = Math.floor(rand() * 5); run > 0; run--) {
      let reason = reasons[Math.floor(rand() * reasons.length)];
      let at = km();
      for (let n = 1 + Math.floor(rand() * 30); n > 0; n--) {
        // Now and then the hazard changes where the last one ends.
        if (rand() < 0.15) reason = reasons[Math.floor(rand() * reasons.length)];
        const next = rand() < 0.1 ? at : at + rand() * 3;
        part.push({ fromKm: at, toKm: next, reason });
        at = rand() < 0.7 ? next : next - rand();
      }
    }
    parts.push(part);
  }
  return { total, parts };
}

describe('sweepPieces', () => {
  it('gives the pieces and reasons of the plain sweep, from one list or from parts', () => {
    let shared = 0;
    let large = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { total, parts } = randomParts(seed);
      const spread = parts.flat();
      const expected = plainPieces(total, spread);
      expect(sweepPieces(total, spread), `seed ${seed}`).toEqual(expected);
      const cut = Math.floor(parts.length / 2);
      expect(
        sweepPieces(total, parts.slice(cut).flat(), parts.slice(0, cut).map(stretchListOf)),
        `seed ${seed}`,
      ).toEqual(expected);
      if (expected.some((p) => p.reasons.length > 0)) shared++;
      if (spread.length > 64) large++;
    }
    // The cases the fast paths are for occur: covered pieces, and lists long enough to be sorted another way.
    expect(shared).toBeGreaterThan(200);
    expect(large).toBeGreaterThan(20);
  });
});

describe('TypedStretchWriter', () => {
  it('gives each line the stretches pushed for it, unchanged by the lines written after it', () => {
    const rand = mulberry32(3);
    const writer = new TypedStretchWriter();
    const lines: { kept: TypedStretches; pushed: number[] }[] = [];
    // Lines of every size, some larger than a block of its own and many more than fill one block.
    for (let line = 0; line < 2000; line++) {
      const count = rand() < 0.2 ? 0 : rand() < 0.003 ? 15000 : Math.floor(rand() * 80);
      const pushed: number[] = [];
      for (let i = 0; i < count; i++) {
        const [from, to, ref] = [rand() * 100, rand() * 100, Math.floor(rand() * 1e6)];
        writer.push(from, to, ref);
        pushed.push(from, to, ref);
      }
      lines.push({ kept: writer.done(), pushed });
    }
    let large = 0;
    for (const [n, { kept, pushed }] of lines.entries()) {
      expect(kept.km.length, `line ${n}`).toBe(2 * kept.count);
      expect(kept.ref.length, `line ${n}`).toBe(kept.count);
      expect(3 * kept.count, `line ${n}`).toBe(pushed.length);
      let wrong = 0;
      for (let i = 0; i < kept.count; i++)
        if (
          kept.km[2 * i] !== pushed[3 * i] ||
          kept.km[2 * i + 1] !== pushed[3 * i + 1] ||
          kept.ref[i] !== pushed[3 * i + 2]
        )
          wrong++;
      expect(wrong, `line ${n}`).toBe(0);
      if (kept.count > 10000) large++;
    }
    expect(large).toBeGreaterThan(1);
  });
});
