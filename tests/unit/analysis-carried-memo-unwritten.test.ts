import { describe, expect, it } from 'vitest';
import { CarriedMemo } from '$lib/domain/analysis/access/carriedTrees';
import { mulberry32 } from '../../bench/prng';

// A memo makes its arrays only when it is first written (the explaining searches' path summaries never
// are): a line of analyses, some of which only read and some of which read nothing, must still read as a
// new map per analysis that takes the last one's values of unchanged nodes.
describe('carried tree memos never written', () => {
  it('read along a line of analyses, some without a write, as a new map per analysis would', () => {
    let carried = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(seed);
      const size = seed % 3 === 0 ? 0 : Math.floor(rand() * 150);
      let memo: CarriedMemo<{ n: number }> | undefined;
      let last = new Map<number, { n: number }>();
      for (let analysis = 0; analysis < 10; analysis++) {
        const changedNodes = new Set(Array.from({ length: 30 }, () => Math.floor(rand() * 150)));
        const changed = rand() < 0.8 ? (n: number) => changedNodes.has(n) : undefined;
        memo = new CarriedMemo(memo, changed, size);
        const now = new Map<number, { n: number }>();
        const plainGet = (n: number) => {
          if (now.has(n)) return now.get(n);
          const v = changed && !changed(n) ? last.get(n) : undefined;
          if (v !== undefined) now.set(n, v);
          return v;
        };
        // Some analyses write nothing, some only read, the rest read and write.
        const mode = rand();
        const steps = mode < 0.2 ? 0 : 200;
        const writeShare = mode < 0.45 ? 0 : 0.3;
        for (let i = 0; i < steps; i++) {
          const node = Math.floor(rand() * 150);
          if (rand() < writeShare) {
            const v = { n: i };
            memo.set(node, v);
            now.set(node, v);
          } else {
            const known = now.has(node);
            const expected = plainGet(node);
            if (expected !== undefined && !known) carried++;
            expect(memo.get(node), `seed ${seed} analysis ${analysis} node ${node}`).toBe(expected);
          }
        }
        memo.settle();
        last = now;
      }
    }
    // The walk must carry values across analyses for the test to test it.
    expect(carried).toBeGreaterThan(100);
  });
});
