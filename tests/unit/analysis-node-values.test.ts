import { describe, expect, it } from 'vitest';
import { NodeValues } from '$lib/domain/analysis/access/nodeValues';
import { mulberry32 } from '../../bench/prng';

describe('values by junction', () => {
  it('read and write as a Map keyed by junction does, sized first or grown', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rand = mulberry32(seed);
      const size = Math.floor(rand() * 200);
      const values = new NodeValues<{ n: number }>(seed % 2 === 0 ? size : 0);
      const map = new Map<number, { n: number }>();
      for (let i = 0; i < 300; i++) {
        const node = Math.floor(rand() * 400);
        if (rand() < 0.5) {
          const v = { n: i };
          values.set(node, v);
          map.set(node, v);
        } else expect(values.get(node), `seed ${seed} node ${node}`).toBe(map.get(node));
      }
      expect(values.size).toBe(map.size);
      expect([...values.keys()]).toEqual([...map.keys()].sort((a, b) => a - b));
    }
  });
});
