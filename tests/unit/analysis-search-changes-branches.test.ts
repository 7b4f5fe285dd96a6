import { describe, expect, it } from 'vitest';
import { dijkstra, type Graph, type SearchResult } from '$lib/domain/analysis/access/dijkstra';
import { changedInPlace, searchAgain, type SearchInput } from '$lib/domain/analysis/access/repairSearch';
import { pathChangedIn, type Changes } from '$lib/domain/analysis/access/searchChanges';
import { mulberry32 } from '../../bench/prng';
import { randomChanges, randomSearchNetwork } from '../helpers/randomSearchNetwork';

/** A seeded network (randomSearchNetwork) and its hubs, drawn after it. */
function randomNetwork(rand: () => number) {
  const { g, cost, int } = randomSearchNetwork(rand);
  const sources = Array.from({ length: 1 + int(3) }, () => ({ node: int(g.nodeCount), cost: int(3) }));
  return { g, cost, sources, int };
}

const copyOf = (r: SearchResult): SearchResult => ({
  dist: r.dist.slice(),
  prevEdge: r.prevEdge.slice(),
  origin: r.origin.slice(),
});

/** The plain answer: walk the path of `node` in `now` and look at every junction and edge of it. */
function plainChanged(g: Graph, before: SearchResult, now: SearchResult, c: Changes, node: number): boolean {
  for (let n = node; ;) {
    if (
      now.dist[n] !== before.dist[n] ||
      now.prevEdge[n] !== before.prevEdge[n] ||
      now.origin[n] !== before.origin[n] ||
      c.nodeChanged(n)
    )
      return true;
    const e = now.prevEdge[n];
    if (e === -1) return false;
    if (c.edgeChanged(e)) return true;
    n = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
  }
}

describe('which sites a move changed: the branches below the changes marked at once', () => {
  it('answers as a walk along each path would, repaired in place, searched anew or unchanged', () => {
    const kinds = { inPlace: 0, anew: 0, same: 0, wholeBudget: 0 };
    for (let seed = 1; seed <= 300; seed++) {
      const rand = mulberry32(seed);
      const { g, cost, sources, int } = randomNetwork(rand);
      const last: SearchInput & { result: SearchResult } = {
        sources,
        cost,
        result: dijkstra(g, sources, cost),
      };
      const moved = cost.slice();
      for (let i = 1 + int(4); i > 0; i--) moved[int(moved.length)] = rand() < 0.3 ? Infinity : 1 + int(4);
      const kind = seed % 3;
      const before = copyOf(last.result);
      // An in-place repair writes over the last result's arrays: the plain answer reads the copy made before.
      const now =
        kind === 0
          ? searchAgain(g, last, { sources, cost: moved }, true)
          : kind === 1
            ? dijkstra(g, sources, moved)
            : last.result;
      const lastResult = last.result;
      if (kind === 0 && changedInPlace(lastResult, now)) kinds.inPlace++;
      else if (kind === 1) kinds.anew++;
      else if (kind === 2) kinds.same++;
      const changes = randomChanges(g, rand);
      const order = Array.from({ length: g.nodeCount }, (_, n) => n).sort(() => rand() - 0.5);
      // The whole network as budget (marking always ends), none (the walks alone), and a few nodes (the
      // walks take over from a marking stopped midway).
      for (const budget of [g.nodeCount, 0, 1 + int(6)]) {
        const fast = pathChangedIn(g, lastResult, now, changes, budget);
        const found = order.map(fast);
        const plain = order.map((n) => plainChanged(g, before, now, changes, n));
        expect(found, `seed ${seed}, budget ${budget}`).toEqual(plain);
        if (budget === g.nodeCount && plain.some((x) => x) && plain.some((x) => !x)) kinds.wholeBudget++;
      }
    }
    // Every kind of result met, and many cases where some paths changed and others did not.
    expect(kinds.inPlace).toBeGreaterThan(50);
    expect(kinds.anew).toBe(100);
    expect(kinds.same).toBe(100);
    expect(kinds.wholeBudget).toBeGreaterThan(100);
  });
});
