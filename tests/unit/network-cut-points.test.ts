import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mulberry32 } from '../../bench/prng';
import { latAt, lonAt, pointAt, sortCuts } from '$lib/domain/analysis/network/cutPoints';

// The build sorts every road's cuts in one typed array and works out the cut points' places without making
// a position per point. These tests hold both to the plain way: a Set and a comparator sort per road, and the
// position at a cut.

/** Cut lists as the noding leaves them: ends, repeats (roads sharing vertices), vertices and points between. */
function randomCuts(rand: () => number): number[][] {
  const roads: number[][] = [];
  const count = Math.floor(rand() * 40);
  for (let r = 0; r < count; r++) {
    const last = 1 + Math.floor(rand() * 12);
    const list = [0, last];
    const extra = Math.floor(rand() * 15);
    for (let i = 0; i < extra; i++) {
      const pos = rand() < 0.5 ? Math.floor(rand() * (last + 1)) : rand() * last;
      list.push(pos);
      if (rand() < 0.3) list.push(pos);
    }
    roads.push(list);
  }
  return roads;
}

/** The segments of the pieces between consecutive cuts: one per road vertex strictly inside a piece, plus one. */
function piecesSegments(sorted: number[]): number {
  let n = 0;
  for (let i = 1; i < sorted.length; i++)
    n += Math.max(0, Math.ceil(sorted[i]) - Math.floor(sorted[i - 1]) - 1) + 1;
  return n;
}

describe('sortCuts', () => {
  it('keeps each road’s cuts sorted without repeats, as a Set and a comparator sort do', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const splits = randomCuts(mulberry32(seed));
      const copy = splits.map((l) => [...l]);
      const { first, pos, segments } = sortCuts(splits);
      let expectedSegments = 0;
      expect(first.length).toBe(splits.length + 1);
      for (let r = 0; r < splits.length; r++) {
        const plain = [...new Set(splits[r])].sort((a, b) => a - b);
        expect([...pos.subarray(first[r], first[r + 1])]).toEqual(plain);
        expectedSegments += piecesSegments(plain);
      }
      expect(segments).toBe(expectedSegments);
      expect(splits).toEqual(copy);
    }
  });
});

describe('cut point places', () => {
  it('are the numbers of the position at the cut, the line’s own vertex on a vertex', () => {
    const rand = mulberry32(7);
    for (let n = 0; n < 300; n++) {
      const line: Position[] = Array.from({ length: 2 + Math.floor(rand() * 8) }, () => [
        21 + 17 * rand(),
        9 + 13 * rand(),
      ]);
      const pos = rand() < 0.4 ? Math.floor(rand() * line.length) : rand() * (line.length - 1);
      const k = Math.min(Math.floor(pos), line.length - 2);
      const t = pos - k;
      const plain =
        t === 0
          ? line[k]
          : t === 1
            ? line[k + 1]
            : [
                line[k][0] + t * (line[k + 1][0] - line[k][0]),
                line[k][1] + t * (line[k + 1][1] - line[k][1]),
              ];
      const p = pointAt(line, pos);
      expect(p).toEqual(plain);
      if (Number.isInteger(pos)) expect(p).toBe(line[pos]);
      expect(lonAt(line, pos)).toBe(plain[0]);
      expect(latAt(line, pos)).toBe(plain[1]);
    }
  });
});
