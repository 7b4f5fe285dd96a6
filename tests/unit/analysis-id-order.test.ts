import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { orderById } from '$lib/domain/analysis/idOrder';
import { compareStrings } from '$lib/domain/analysis/sortById';

// The analyzer lists segments in the order of a stable sort of all edges by id; orderById must give exactly
// that order, from edges listed by road then piece ("r#0", "r#1", ... "r#10"), whatever the ids hold.

/** The plain way: every index sorted by id (Array's sort is stable). */
function sortedIndexes(ids: readonly string[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => compareStrings(ids[a], ids[b]));
}

/** Roads' pieces as the network lists them: by road in the given order, then by piece number. */
function piecesOf(roads: readonly { id: string; pieces: number }[]): { ids: string[]; groups: string[] } {
  const ids: string[] = [];
  const groups: string[] = [];
  for (const road of roads)
    for (let n = 0; n < road.pieces; n++) {
      ids.push(`${road.id}#${n}`);
      groups.push(road.id);
    }
  return { ids, groups };
}

function order(ids: readonly string[], groups: readonly string[]): number[] {
  return Array.from(
    orderById(
      ids.length,
      (i) => ids[i],
      (i) => groups[i],
    ),
  );
}

describe('orderById', () => {
  it('gives the order of a full sort on roads in id order, with up to 150 pieces each', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(seed);
      const names = new Set<string>();
      const count = 1 + Math.floor(rand() * 60);
      while (names.size < count) names.add(`road-${Math.floor(rand() * 100000)}`);
      const roads = [...names]
        .sort(compareStrings)
        .map((id) => ({ id, pieces: 1 + Math.floor(rand() * (rand() < 0.1 ? 150 : 25)) }));
      const { ids, groups } = piecesOf(roads);
      expect(order(ids, groups), `seed ${seed}`).toEqual(sortedIndexes(ids));
    }
  });

  it('gives the order of a full sort on tricky ids: characters before "#", prefixes, repeats, any order', () => {
    // Characters around '#' (0x23) and digits, so that road ids can sort between another road's pieces.
    const alphabet = [' ', '!', '"', '#', '$', '0', '1', '2', '9', 'a', 'b'];
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      const roads: { id: string; pieces: number }[] = [];
      const count = Math.floor(rand() * 12);
      for (let r = 0; r < count; r++) {
        let id = rand() < 0.5 && roads.length > 0 ? roads[Math.floor(rand() * roads.length)].id : 'r';
        const extra = Math.floor(rand() * 3);
        for (let k = 0; k < extra; k++) id += alphabet[Math.floor(rand() * alphabet.length)];
        roads.push({ id, pieces: 1 + Math.floor(rand() * (rand() < 0.2 ? 90 : 14)) });
      }
      if (rand() < 0.5) roads.sort((a, b) => compareStrings(a.id, b.id));
      const { ids, groups } = piecesOf(roads);
      expect(order(ids, groups), `seed ${seed}`).toEqual(sortedIndexes(ids));
    }
  });

  it('keeps the list order of equal ids, as a stable sort does', () => {
    const ids = ['b#1', 'a#0', 'b#1', 'a#0', 'a#10', 'a#2', 'a#10'];
    const groups = ['b', 'a', 'b', 'a', 'a', 'a', 'a'];
    expect(order(ids, groups)).toEqual([1, 3, 4, 6, 5, 0, 2]);
    // Equal ids within one run of a group.
    expect(order(['a#1', 'a#0', 'a#1'], ['a', 'a', 'a'])).toEqual([1, 0, 2]);
    expect(order([], [])).toEqual([]);
  });
});
