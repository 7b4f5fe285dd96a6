import { describe, expect, it } from 'vitest';
import {
  dijkstra,
  nothingReached,
  type Graph,
  type SearchResult,
} from '$lib/domain/analysis/access/dijkstra';
import {
  changedInPlace,
  REPAIR_MAX_RESET_SHARE,
  repairSearch,
  searchAgain,
  type SearchInput,
} from '$lib/domain/analysis/access/repairSearch';
import { mulberry32 } from '../../bench/prng';
import { edgeListGraph } from '../helpers/edgeListGraph';

/** A random road network with parallel edges, small whole costs (many equal-cost paths) and some stops. */
function randomCase(seed: number) {
  const rand = mulberry32(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const nodeCount = 20 + int(60);
  const from: number[] = [];
  const to: number[] = [];
  for (let n = 1; n < nodeCount; n++) {
    from.push(int(n));
    to.push(n);
  }
  const extra = int(nodeCount * 2);
  for (let i = 0; i < extra; i++) {
    from.push(int(nodeCount));
    to.push(int(nodeCount));
  }
  // A few parallel edges, which `dijkstra` picks between by list order.
  for (let i = 0; i < 3; i++) {
    const e = int(from.length);
    from.push(from[e]);
    to.push(to[e]);
  }
  const edgeCount = from.length;
  // Lists shuffled, so that list order and edge index disagree.
  const g = edgeListGraph(nodeCount, from, to, int);
  const costs = () => Float64Array.from({ length: edgeCount }, () => (rand() < 0.1 ? Infinity : 1 + int(4)));
  const sources = Array.from({ length: 1 + int(4) }, () => ({ node: int(nodeCount), cost: int(3) }));
  const stopAt =
    rand() < 0.5 ? Uint8Array.from({ length: nodeCount }, () => (rand() < 0.1 ? 1 : 0)) : undefined;
  const passCost =
    rand() < 0.3 ? Float64Array.from({ length: nodeCount }, () => (rand() < 0.1 ? 2 : 0)) : undefined;
  const before = costs();
  // A front line moving: a few edges cost more (or become impassable), a few less (or open again).
  const after = before.slice();
  const changes = 1 + int(8);
  for (let i = 0; i < changes; i++) {
    const e = int(edgeCount);
    const r = rand();
    after[e] = r < 0.25 ? Infinity : r < 0.5 ? after[e] + 1 + int(3) : r < 0.75 ? 1 + int(4) : 1;
  }
  return { g, sources, stopAt, passCost, before, after };
}

const run = (g: Graph, input: SearchInput) =>
  dijkstra(g, input.sources, input.cost, input.stopAt, -1, undefined, input.passCost);

/** A case's first search with its input, as a repair's `last`. */
function firstSearch(
  g: Graph,
  { sources, stopAt, passCost, before }: ReturnType<typeof randomCase>,
): SearchInput & { result: SearchResult } {
  const input = { sources, cost: before, stopAt, passCost };
  return { ...input, result: run(g, input) };
}

/** The costs after one more move: four edges given new small costs, some of them closed. */
function movedCosts(cost: Float64Array, rand: () => number): Float64Array {
  const moved = cost.slice();
  for (let i = 0; i < 4; i++) {
    const e = Math.floor(rand() * moved.length);
    moved[e] = rand() < 0.3 ? Infinity : 1 + Math.floor(rand() * 4);
  }
  return moved;
}

/** Expects a search's distance, edge and hub of every junction to be those of `fresh`. */
function expectSameSearch(found: SearchResult, fresh: SearchResult, at: string): void {
  expect(Array.from(found.dist), `${at} dist`).toEqual(Array.from(fresh.dist));
  expect(Array.from(found.prevEdge), `${at} edges`).toEqual(Array.from(fresh.prevEdge));
  expect(Array.from(found.origin), `${at} hubs`).toEqual(Array.from(fresh.origin));
}

describe('repairing a search after edge costs changed', () => {
  it('gives exactly the new search: distance, edge and hub of every junction', () => {
    let repaired = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const { g, sources, stopAt, passCost, before, after } = randomCase(seed);
      const last = { sources, cost: before, stopAt, passCost };
      const now = { sources, cost: after, stopAt, passCost };
      const fresh = run(g, now);
      const repair = repairSearch(g, { ...last, result: run(g, last) }, now);
      expect(repair, `seed ${seed}`).toBeDefined();
      if (!repair) continue;
      repaired++;
      expectSameSearch(repair, fresh, `seed ${seed}`);
    }
    expect(repaired).toBe(600);
  });

  it('leaves to a new search what it cannot repair: other hubs, or an edge that costs nothing', () => {
    const { g, sources, before, after } = randomCase(7);
    const last = { sources, cost: before, result: run(g, { sources, cost: before }) };
    expect(repairSearch(g, last, { sources: sources.slice(1), cost: after })).toBeUndefined();
    const free = after.slice();
    free[0] = 0;
    expect(repairSearch(g, last, { sources, cost: free })).toBeUndefined();
  });

  it('gives up past its limit of junctions reset, and searchAgain then searches anew: the same result', () => {
    let gaveUp = 0;
    let repaired = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost, after } = c;
      const last = firstSearch(g, c);
      const now = { sources, cost: after, stopAt, passCost };
      const limited = repairSearch(g, last, now, g.nodeCount * REPAIR_MAX_RESET_SHARE);
      if (limited) repaired++;
      else gaveUp++;
      const fresh = run(g, now);
      const again = searchAgain(g, last, now);
      expectSameSearch(again, fresh, `seed ${seed}`);
    }
    // Both ways are taken on these cases.
    expect(gaveUp).toBeGreaterThan(20);
    expect(repaired).toBeGreaterThan(20);
  });

  it('repairs the same network again and again, some repairs given up midway, as new searches would', () => {
    let gaveUp = 0;
    let repaired = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost } = c;
      const rand = mulberry32(seed * 7919);
      let last = firstSearch(g, c);
      for (let move = 0; move < 8; move++) {
        const now = { sources, cost: movedCosts(last.cost, rand), stopAt, passCost };
        const fresh = run(g, now);
        // A low limit now and then: a repair left midway must leave nothing behind for the next one.
        const repair = repairSearch(g, last, now, rand() < 0.3 ? 1 : Infinity);
        if (repair) {
          repaired++;
          expectSameSearch(repair, fresh, `seed ${seed} move ${move}`);
        } else gaveUp++;
        last = { ...now, result: fresh };
      }
    }
    expect(gaveUp).toBeGreaterThan(20);
    expect(repaired).toBeGreaterThan(200);
  });

  it('repairs in place, move after move: the new search, and exactly the junctions that changed listed', () => {
    let repaired = 0;
    let gaveUp = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost } = c;
      const rand = mulberry32(seed * 104729);
      let last = firstSearch(g, c);
      for (let move = 0; move < 8; move++) {
        const now = { sources, cost: movedCosts(last.cost, rand), stopAt, passCost };
        const fresh = run(g, now);
        const was = {
          dist: last.result.dist.slice(),
          prevEdge: last.result.prevEdge.slice(),
          origin: last.result.origin.slice(),
        };
        const repair = repairSearch(g, last, now, rand() < 0.3 ? 1 : Infinity, true);
        const at = `seed ${seed} move ${move}`;
        if (!repair) {
          // Given up: the last result is whole, and a new search takes over.
          gaveUp++;
          expectSameSearch(last.result, was, at);
          last = { ...now, result: fresh };
          continue;
        }
        repaired++;
        expect(repair.dist, at).toBe(last.result.dist);
        expectSameSearch(repair, fresh, at);
        const differ: number[] = [];
        for (let n = 0; n < g.nodeCount; n++)
          if (
            was.dist[n] !== fresh.dist[n] ||
            was.prevEdge[n] !== fresh.prevEdge[n] ||
            was.origin[n] !== fresh.origin[n]
          )
            differ.push(n);
        expect(Array.from(changedInPlace(last.result, repair) ?? []), at).toEqual(differ);
        // Only the result it was repaired from, and only that result's successor, are answered for.
        expect(changedInPlace(fresh, repair), at).toBeUndefined();
        last = { ...now, result: repair };
      }
    }
    expect(gaveUp).toBeGreaterThan(20);
    expect(repaired).toBeGreaterThan(200);
  });
});

// A site analysis searches the same hubs twice, without and with crossline passages: the second search is the
// first repaired where the passages cost differently, into arrays of its own (siteAccess.ts).
describe('a search repaired from another one of the same hubs (searchAgain with `alike`)', () => {
  const snapshot = (r: SearchResult) => [Array.from(r.dist), Array.from(r.prevEdge), Array.from(r.origin)];

  it('gives exactly the new search and leaves the other search as it was', () => {
    let repaired = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost, after } = c;
      const alike = firstSearch(g, c);
      const kept = snapshot(alike.result);
      const now = { sources, cost: after, stopAt, passCost };
      if (repairSearch(g, alike, now, g.nodeCount * REPAIR_MAX_RESET_SHARE)) repaired++;
      const found = searchAgain(g, undefined, now, false, alike);
      expectSameSearch(found, run(g, now), `seed ${seed}`);
      expect(snapshot(alike.result), `seed ${seed}: the other search`).toEqual(kept);
    }
    // Most of these cases are repaired rather than searched anew.
    expect(repaired).toBeGreaterThan(150);
  });

  it('is used when the last search of the same key cannot be repaired (other hubs)', () => {
    let used = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost, before, after } = c;
      if (sources.length < 2) continue;
      const lastInput = { sources: sources.slice(1), cost: before, stopAt, passCost };
      const last = { ...lastInput, result: run(g, lastInput) };
      const keptLast = snapshot(last.result);
      const alike = firstSearch(g, c);
      const keptAlike = snapshot(alike.result);
      const now = { sources, cost: after, stopAt, passCost };
      used++;
      expectSameSearch(searchAgain(g, last, now, true, alike), run(g, now), `seed ${seed}`);
      expect(snapshot(last.result), `seed ${seed}: the last search`).toEqual(keptLast);
      expect(snapshot(alike.result), `seed ${seed}: the other search`).toEqual(keptAlike);
    }
    expect(used).toBeGreaterThan(50);
  });
});

// What a site analysis does over a walk of dates: on the first date the crossline search is its internal
// twin repaired into copies (edges cheaper only); on each later date both are repaired in place from their
// last results, junctions reset below edges that now cost more. The repair runs in phases of their own that
// share one set of marks, so every mix of the two kinds must give the new search and leave the marks clear.
describe('repairs of a walk of dates: the twin into copies first, then both in place', () => {
  /** The crossline twin's costs: a few edges cheaper, or open where they were closed. */
  function twinCosts(cost: Float64Array, rand: () => number): Float64Array {
    const twin = cost.slice();
    for (let i = 0; i < 3; i++) {
      const e = Math.floor(rand() * twin.length);
      twin[e] = twin[e] === Infinity ? 2 : Math.max(1, twin[e] - 1);
    }
    return twin;
  }

  it('gives the new searches date after date, lists the junctions changed and leaves the twin whole', () => {
    let inPlace = 0;
    let intoCopies = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const c = randomCase(seed);
      const { g, sources, stopAt, passCost } = c;
      const rand = mulberry32(seed * 15485863);
      let internal = firstSearch(g, c);
      const kept = [
        internal.result.dist.slice(),
        internal.result.prevEdge.slice(),
        internal.result.origin.slice(),
      ];
      const twinInput = { sources, cost: twinCosts(internal.cost, rand), stopAt, passCost };
      if (repairSearch(g, internal, twinInput)) intoCopies++;
      let twin = { ...twinInput, result: searchAgain(g, undefined, twinInput, false, internal) };
      expectSameSearch(twin.result, run(g, twinInput), `seed ${seed} twin`);
      expectSameSearch(
        internal.result,
        { dist: kept[0], prevEdge: kept[1], origin: kept[2] } as SearchResult,
        `seed ${seed} internal kept`,
      );
      for (let date = 0; date < 6; date++) {
        const at = `seed ${seed} date ${date}`;
        const next = movedCosts(internal.cost, rand);
        const nextTwin = next.slice();
        for (let e = 0; e < next.length; e++)
          if (twin.cost[e] !== internal.cost[e]) nextTwin[e] = twin.cost[e];
        const steps = [
          { last: internal, now: { sources, cost: next, stopAt, passCost } },
          { last: twin, now: { sources, cost: nextTwin, stopAt, passCost } },
        ];
        const results = steps.map(({ last, now }) => {
          const was = [last.result.dist.slice(), last.result.prevEdge.slice(), last.result.origin.slice()];
          const fresh = run(g, now);
          const found = searchAgain(g, last, now, true);
          expectSameSearch(found, fresh, at);
          if (found.dist === last.result.dist) {
            inPlace++;
            const differ: number[] = [];
            for (let n = 0; n < g.nodeCount; n++)
              if (
                was[0][n] !== fresh.dist[n] ||
                was[1][n] !== fresh.prevEdge[n] ||
                was[2][n] !== fresh.origin[n]
              )
                differ.push(n);
            expect(Array.from(changedInPlace(last.result, found) ?? []), at).toEqual(differ);
          }
          return { ...now, result: found };
        });
        [internal, twin] = results;
      }
    }
    expect(intoCopies).toBeGreaterThan(100);
    expect(inPlace).toBeGreaterThan(1000);
  });
});

describe('a search from no hub', () => {
  it('reaches nothing, as a new search from no source, with one result per graph', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { g, before, stopAt } = randomCase(seed);
      const nothing = nothingReached(g);
      expectSameSearch(nothing, run(g, { sources: [], cost: before, stopAt }), `seed ${seed}`);
      expect(nothing.maxDist).toBe(0);
      expect(nothingReached(g)).toBe(nothing);
    }
  });
});
