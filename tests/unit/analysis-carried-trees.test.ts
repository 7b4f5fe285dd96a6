import { describe, expect, it } from 'vitest';
import { CarriedMemo, SearchTrees } from '$lib/domain/analysis/access/carriedTrees';
import { mulberry32 } from '../../bench/prng';

describe('carried tree memos', () => {
  it('take the last values of unchanged nodes until settled, then only their own', () => {
    const last = new CarriedMemo<string>(undefined, undefined);
    last.set(1, 'one');
    last.set(2, 'two');
    last.settle();
    const memo = new CarriedMemo<string>(last, (n) => n === 2);
    expect(memo.get(1)).toBe('one');
    expect(memo.get(2)).toBeUndefined();
    memo.set(3, 'three');
    memo.settle();
    // Node 1 was taken before settling and is kept; the last analysis' values are no longer read.
    last.set(4, 'four');
    expect(memo.get(1)).toBe('one');
    expect(memo.get(3)).toBe('three');
    expect(memo.get(4)).toBeUndefined();
    // What the next analysis can take: the values this one took or made, not node 2 it never asked for again.
    const next = new CarriedMemo<string>(memo, () => false);
    expect([1, 2, 3, 4].map((n) => next.get(n))).toEqual(['one', undefined, 'three', undefined]);
  });

  it('carry a settled analysis to the next one, but not the one before it', () => {
    const unchanged = () => false;
    const first = new SearchTrees('hubs', undefined, unchanged);
    first.paths.set(1, { km: 1 } as never);
    first.blockagesOf('t').set(1, []);
    first.settle();

    const second = new SearchTrees('hubs', first, unchanged);
    expect(second.paths.get(1)).toEqual({ km: 1 });
    second.best.set(5, { attachKm: 0 } as never);
    second.settle();

    const third = new SearchTrees('hubs', second, unchanged);
    // What the second analysis read or made is carried; node 7, made by the first alone, is not.
    first.paths.set(7, { km: 7 } as never);
    expect(third.paths.get(1)).toEqual({ km: 1 });
    expect(third.best.get(5)).toEqual({ attachKm: 0 });
    expect(third.paths.get(7)).toBeUndefined();
    // The second never asked for tree `t`'s explanations, so they end with it.
    expect(third.blockagesOf('t').get(1)).toBeUndefined();
    expect(new SearchTrees('other hubs', second, unchanged).paths.get(1)).toBeUndefined();
  });

  it("read along a line of analyses as a new map per analysis, taking the last one's, would", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(seed);
      const size = Math.floor(rand() * 120);
      let memo: CarriedMemo<{ n: number }> | undefined;
      let last = new Map<number, { n: number }>();
      for (let analysis = 0; analysis < 8; analysis++) {
        const changedNodes = new Set(Array.from({ length: 30 }, () => Math.floor(rand() * 150)));
        const changed = rand() < 0.8 ? (n: number) => changedNodes.has(n) : undefined;
        memo = new CarriedMemo(memo, changed, seed % 2 === 0 ? size : 0);
        const now = new Map<number, { n: number }>();
        const plainGet = (n: number) => {
          if (now.has(n)) return now.get(n);
          const v = changed && !changed(n) ? last.get(n) : undefined;
          if (v !== undefined) now.set(n, v);
          return v;
        };
        for (let i = 0; i < 200; i++) {
          const node = Math.floor(rand() * 150);
          if (rand() < 0.3) {
            const v = { n: i };
            memo.set(node, v);
            now.set(node, v);
          } else
            expect(memo.get(node), `seed ${seed} analysis ${analysis} node ${node}`).toBe(plainGet(node));
        }
        memo.settle();
        last = now;
      }
    }
  });
});
