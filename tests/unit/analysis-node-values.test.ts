import { describe, expect, it } from 'vitest';
import { StampedValues } from '$lib/domain/analysis/access/nodeValues';
import { mulberry32 } from '../../bench/prng';

describe('stamped values by junction', () => {
  it('read and write as a Map of junction to value and stamp does, sized first or grown', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rand = mulberry32(seed);
      const size = Math.floor(rand() * 200);
      const values = new StampedValues<{ n: number }>(seed % 2 === 0 ? size : 0);
      const map = new Map<number, { value: { n: number }; stamp: number }>();
      let stamp = values.nextStamp();
      for (let i = 0; i < 300; i++) {
        const node = Math.floor(rand() * 400);
        const r = rand();
        if (r < 0.05) stamp = values.nextStamp();
        else if (r < 0.45) {
          const v = { n: i };
          values.put(node, v, stamp);
          map.set(node, { value: v, stamp });
        } else if (r < 0.55 && map.has(node)) {
          values.restamp(node, stamp);
          map.get(node)!.stamp = stamp;
        } else {
          expect(values.stampAt(node), `seed ${seed} node ${node}`).toBe(map.get(node)?.stamp ?? 0);
          if (map.has(node)) expect(values.valueAt(node)).toBe(map.get(node)!.value);
        }
      }
    }
  });
});
