import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { EdgeReasons } from '$lib/domain/analysis/hazards/edgeReasons';
import type { Reason } from '$lib/domain/schemas';

const EDGES = 300;

describe('EdgeReasons', () => {
  it('gives every edge the reasons a list per edge collects, and one list to edges given the same', () => {
    let shared = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const rand = mulberry32(7300 + seed);
      const valid = Array.from({ length: EDGES }, () => rand() < 0.9);
      const out = new EdgeReasons(EDGES, (e) => valid[e]);
      const plain = new Map<number, Reason[]>();
      // Hazards of every size, over runs of neighbouring edges (as an area's) or scattered ones, some edges
      // listed twice and some not in force.
      for (let h = 0; h < 40; h++) {
        const reason: Reason = { code: 'contested_area', featureId: `f${h}`, detail: `hazard ${h}` };
        const first = Math.floor(rand() * EDGES);
        const edges = Array.from({ length: Math.floor(rand() * 60) }, (_, i) =>
          rand() < 0.7 ? (first + i) % EDGES : Math.floor(rand() * EDGES),
        );
        out.add(rand() < 0.5 ? edges : Int32Array.from(edges), reason);
        for (const e of edges) if (valid[e]) plain.set(e, [...(plain.get(e) ?? []), reason]);
      }
      expect(out.edges, `seed ${seed}`).toEqual([...plain.keys()]);
      const byList = new Map<number, Reason[]>();
      for (let e = 0; e < EDGES; e++) {
        const list = out.get(e);
        expect(list, `seed ${seed}, edge ${e}`).toEqual(plain.get(e));
        // The reasons are the very objects given, in the order given.
        (list ?? []).forEach((r, i) => expect(r).toBe(plain.get(e)![i]));
        const k = out.listNumber(e);
        expect(k === 0).toBe(list === undefined);
        if (k === 0) continue;
        const other = byList.get(k);
        if (other) {
          expect(list).toBe(other);
          shared++;
        } else byList.set(k, list!);
      }
      // Edges with the same reasons in the same order hold the same list.
      const numberOf = new Map<string, number>();
      for (const e of out.edges) {
        const key = plain
          .get(e)!
          .map((r) => r.featureId)
          .join();
        expect(numberOf.get(key) ?? out.listNumber(e), `seed ${seed}, edge ${e}`).toBe(out.listNumber(e));
        numberOf.set(key, out.listNumber(e));
      }
    }
    expect(shared).toBeGreaterThan(100);
  });
});
