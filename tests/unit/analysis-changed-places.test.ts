import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { withChangedPlaces } from '$lib/domain/analysis/changedPlaces';

// The analyzer makes a re-analysis' segments from the last ones and the edges whose hazards changed
// (withChangedPlaces): the list must be the one made from scratch, entries coming, going and changing
// anywhere, and the last list must stay as it was (a report already returned holds it).

/** The plain way: every place's entry, the last one's or the changed one's, in place order. */
function plainList(
  prev: readonly string[],
  prevPlaces: readonly number[],
  changed: readonly number[],
  entryAt: (place: number) => string | undefined,
  count: number,
): { list: string[]; places: number[] } {
  const at = new Map<number, string | undefined>(prevPlaces.map((p, i) => [p, prev[i]]));
  for (const p of changed) at.set(p, entryAt(p));
  const list: string[] = [];
  const places: number[] = [];
  for (let p = 0; p < count; p++) {
    const entry = at.get(p);
    if (entry !== undefined) {
      list.push(entry);
      places.push(p);
    }
  }
  return { list, places };
}

describe('withChangedPlaces', () => {
  it('gives the list made from scratch, the last list unchanged', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      const count = 1 + Math.floor(rand() * (seed % 10 === 0 ? 3000 : 200));
      const fill = rand();
      const prevPlaces: number[] = [];
      for (let p = 0; p < count; p++) if (rand() < fill) prevPlaces.push(p);
      const prev = prevPlaces.map((p) => `old ${p}`);
      // Few changes or many, in runs or scattered, each place possibly more than once.
      const changes = Math.floor(rand() * Math.min(count, seed % 3 === 0 ? count : 20));
      const changed = Int32Array.from({ length: changes }, () => Math.floor(rand() * count)).sort();
      // A changed place's entry: gone, kept, or new (coming where there was none, or replacing one).
      const kind = new Map<number, number>();
      for (const p of changed) kind.set(p, Math.floor(rand() * 3));
      const entryAt = (p: number) =>
        kind.get(p) === 0 ? undefined : kind.get(p) === 1 && prevPlaces.includes(p) ? `old ${p}` : `new ${p}`;
      const prevCopy = [...prev];
      const places = new Int32Array(count).fill(-1);
      const list = withChangedPlaces(prev, Int32Array.from(prevPlaces), changed, entryAt, places);
      const plain = plainList(prev, prevPlaces, [...changed], entryAt, count);
      expect(list, `seed ${seed}`).toEqual(plain.list);
      expect(Array.from(places.subarray(0, list.length)), `seed ${seed}`).toEqual(plain.places);
      expect(prev, `seed ${seed}`).toEqual(prevCopy);
    }
  });
});
