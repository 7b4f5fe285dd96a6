import { describe, expect, it } from 'vitest';
import { dijkstra, type SearchResult } from '$lib/domain/analysis/access/dijkstra';
import { feedGrid, feedSteps } from '$lib/domain/analysis/access/repairFeed';
import { repairSearch, type SearchInput } from '$lib/domain/analysis/access/repairSearch';

// The walks run once before the first repair of a process so that the repair's code has met every branch a
// date change needs before it is optimized (repairFeed.ts). They only do so if they really make the repair
// reset junctions, lose some, meet ties, pass hubs down and give up, in place and into copies.
describe('the walks of repairs run before the first one', () => {
  it('reset junctions, lose some, give up, repair into copies and in place, all as new searches', () => {
    const g = feedGrid(8);
    const sources = [
      { node: 0, cost: 0.5 },
      { node: 27, cost: 0.25 },
    ];
    const seen = {
      intoCopies: 0,
      inPlace: 0,
      dearer: 0,
      lost: 0,
      otherHub: 0,
      gaveUp: 0,
      stops: 0,
      passCosts: 0,
    };
    for (const walk of feedSteps(g, 16)) {
      let last: (SearchInput & { result: SearchResult }) | undefined;
      for (const { before, now: cost, inPlace, maxReset, stopAt, passCost } of walk) {
        const search = (c: Float64Array) => dijkstra(g, sources, c, stopAt, -1, undefined, passCost);
        last ??= { sources, cost: before, stopAt, passCost, result: search(before) };
        if (stopAt) seen.stops++;
        if (passCost) seen.passCosts++;
        const was = { dist: last.result.dist.slice(), origin: last.result.origin.slice() };
        const now = { sources, cost, stopAt, passCost };
        const fresh = search(cost);
        const result = repairSearch(g, last, now, maxReset, inPlace);
        if (!result) {
          seen.gaveUp++;
          expect(Array.from(last.result.dist)).toEqual(Array.from(was.dist));
        } else {
          expect(Array.from(result.dist)).toEqual(Array.from(fresh.dist));
          expect(Array.from(result.prevEdge)).toEqual(Array.from(fresh.prevEdge));
          expect(Array.from(result.origin)).toEqual(Array.from(fresh.origin));
          if (inPlace) seen.inPlace++;
          else {
            seen.intoCopies++;
            expect(Array.from(last.result.dist)).toEqual(Array.from(was.dist));
          }
          for (let n = 0; n < g.nodeCount; n++) {
            if (fresh.dist[n] > was.dist[n]) seen.dearer++;
            if (fresh.dist[n] === Infinity && was.dist[n] !== Infinity) seen.lost++;
            if (fresh.origin[n] !== was.origin[n] && was.origin[n] !== -1 && fresh.origin[n] !== -1)
              seen.otherHub++;
          }
        }
        if (inPlace) last = { ...now, result: result ?? fresh };
      }
    }
    expect(seen.intoCopies).toBeGreaterThan(10);
    expect(seen.inPlace).toBeGreaterThan(30);
    expect(seen.dearer).toBeGreaterThan(100);
    expect(seen.lost).toBeGreaterThan(0);
    expect(seen.otherHub).toBeGreaterThan(0);
    expect(seen.gaveUp).toBeGreaterThan(0);
    expect(seen.stops).toBeGreaterThan(0);
    expect(seen.passCosts).toBeGreaterThan(0);
  });
});
