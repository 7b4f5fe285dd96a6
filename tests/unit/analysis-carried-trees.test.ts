import { describe, expect, it } from 'vitest';
import { CarriedMemo, SearchTrees } from '$lib/domain/analysis/access/carriedTrees';

describe('carried tree memos', () => {
  it('take the last values of unchanged nodes until settled, then only their own', () => {
    const last = new Map([
      [1, 'one'],
      [2, 'two'],
    ]);
    const memo = new CarriedMemo<string>(last, (n) => n === 2);
    expect(memo.get(1)).toBe('one');
    expect(memo.get(2)).toBeUndefined();
    memo.set(3, 'three');
    memo.settle();
    // Node 1 was taken before settling and is kept; the last analysis' map is no longer read.
    last.set(4, 'four');
    expect(memo.get(1)).toBe('one');
    expect(memo.get(3)).toBe('three');
    expect(memo.get(4)).toBeUndefined();
    expect([...memo.now.keys()].sort()).toEqual([1, 3]);
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
    first.paths.now.set(7, { km: 7 } as never);
    expect(third.paths.get(1)).toEqual({ km: 1 });
    expect(third.best.get(5)).toEqual({ attachKm: 0 });
    expect(third.paths.get(7)).toBeUndefined();
    // The second never asked for tree `t`'s explanations, so they end with it.
    expect(third.blockagesOf('t').get(1)).toBeUndefined();
    expect(new SearchTrees('other hubs', second, unchanged).paths.get(1)).toBeUndefined();
  });
});
