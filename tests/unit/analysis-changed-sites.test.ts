import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { dijkstra, type Graph, type SearchResult } from '$lib/domain/analysis/access/dijkstra';
import { changedSites, siteJunctions } from '$lib/domain/analysis/access/changedSites';
import { searchAgain, type SearchInput } from '$lib/domain/analysis/access/repairSearch';
import { pathChangedIn, type PathCheck } from '$lib/domain/analysis/access/searchChanges';
import type { SiteFeature } from '$lib/domain/schemas';
import { shiftedGeometry } from '../../bench/moveFrontline';
import { mulberry32 } from '../../bench/prng';
import { edgeListGraph } from '../helpers/edgeListGraph';
import { randomChanges, randomSearchNetwork } from '../helpers/randomSearchNetwork';
import { walksWithOpenedRoads } from '../helpers/walksWithOpenedRoads';

/** One search of a random network before and after a few of its edge costs changed (repaired in place). */
function movedSearch(g: Graph, cost: Float64Array, int: (n: number) => number, rand: () => number) {
  const sources = Array.from({ length: 1 + int(3) }, () => ({ node: int(g.nodeCount), cost: int(3) }));
  const last: SearchInput & { result: SearchResult } = { sources, cost, result: dijkstra(g, sources, cost) };
  const moved = cost.slice();
  for (let i = int(4); i > 0; i--) moved[int(moved.length)] = rand() < 0.3 ? Infinity : 1 + int(4);
  const before = last.result;
  const now = rand() < 0.2 ? before : searchAgain(g, last, { sources, cost: moved }, true);
  return { before, now };
}

const site = (i: number) =>
  ({ properties: { id: `s${i}` }, geometry: { type: 'Point', coordinates: [i, 0] } }) as SiteFeature;

describe('the sites a move changed, found from the junctions it changed', () => {
  it('lists with a finished marking exactly the junctions whose paths changed, each once', () => {
    let listed = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = mulberry32(seed);
      const { g, cost, int } = randomSearchNetwork(rand);
      const { before, now } = movedSearch(g, cost, int, rand);
      for (const budget of [g.nodeCount, 1 + int(6)]) {
        const check = pathChangedIn(g, before, now, randomChanges(g, rand), budget);
        if (!check.changed) continue;
        listed++;
        const all = Array.from({ length: g.nodeCount }, (_, n) => n);
        expect(
          [...check.changed].sort((a, b) => a - b),
          `seed ${seed}`,
        ).toEqual(all.filter(check));
      }
    }
    expect(listed).toBeGreaterThan(150);
  });

  // Several searches, sites sharing junctions, sites on no junction, each site with some of the keys: the
  // sites marked are those for which one of their keys changed at their junction, as asking each would say.
  it('marks the sites one of whose searches changed at their junction, as asking each site would', () => {
    let marked = 0;
    let kept = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rand = mulberry32(1000 + seed);
      const { g, cost, int } = randomSearchNetwork(rand);
      const keys = ['a', 'b', 'c'].slice(0, 1 + int(3));
      const checks = new Map<string, PathCheck>();
      for (const key of keys) {
        const { before, now } = movedSearch(g, cost, int, rand);
        checks.set(key, pathChangedIn(g, before, now, randomChanges(g, rand), g.nodeCount));
      }
      const siteCount = 5 + int(60);
      const sites = Array.from({ length: siteCount }, (_, i) => site(i));
      // Few junctions for many sites: several sites share one.
      const junction = sites.map(() => (rand() < 0.1 ? undefined : int(Math.max(1, g.nodeCount >> 2))));
      const keysOf = sites.map(() => keys.filter(() => rand() < 0.6));
      const at = siteJunctions(sites, new Set(), g.nodeCount, (s) => junction[sites.indexOf(s)]);
      const found = changedSites(
        at,
        keys,
        (k) => checks.get(k)!,
        (i) => keysOf[i],
      );
      expect(found).toBeDefined();
      for (let i = 0; i < siteCount; i++) {
        const n = junction[i];
        expect(at.nodeOf[i]).toBe(n ?? -1);
        if (n === undefined) continue;
        const plain = keysOf[i].some((k) => checks.get(k)!(n));
        expect(found![i] === 1, `seed ${seed}, site ${i}`).toBe(plain);
        if (plain) marked++;
        else kept++;
      }
    }
    expect(marked).toBeGreaterThan(200);
    expect(kept).toBeGreaterThan(200);
  });

  it('says nothing when a search does not list its changed junctions', () => {
    const g = edgeListGraph(2, [0], [1]);
    const at = siteJunctions([site(0)], new Set(), g.nodeCount, () => 1);
    const listed: PathCheck = Object.assign(() => false, { changed: [] });
    const unlisted: PathCheck = () => false;
    const checks: Record<string, PathCheck> = { listed, unlisted };
    expect(
      changedSites(
        at,
        ['listed'],
        (k) => checks[k],
        () => ['listed'],
      ),
    ).toEqual(new Uint8Array(1));
    expect(
      changedSites(
        at,
        ['listed', 'unlisted'],
        (k) => checks[k],
        () => ['listed'],
      ),
    ).toBeUndefined();
  });

  // Moves of one line, then of the other, then back, on two dates (other roads in force): the sites kept are
  // found from the changed junctions of every search any site used, also those only kept sites used (no site
  // near the last move asked for them), at the junctions of the date's roads. A small protection radius: the
  // sites near a moved line are made again whatever their paths, and at the default radius these include every
  // site whose paths such a move changes.
  it('gives after each move the sites of a fresh analyzer', { timeout: 240_000 }, () => {
    // A fifth of the roads opened between the two dates: on the earlier one, sites join other junctions.
    const situation = walksWithOpenedRoads(0.05);
    const [first, second] = situation.frontlines;
    const move = (f: typeof first, km: number) => ({
      frontlines: [{ id: f.properties.id, geometry: shiftedGeometry(f, km) }],
    });
    const params = { protectionRadiusKm: 0.5 };
    const analyzer = createAnalyzer(situation);
    for (const asOf of ['2024-08-15', '2024-02-01']) {
      analyzer.analyze(asOf, params);
      for (const overrides of [move(first, 2), move(second, 3), move(first, 6), move(second, 1), undefined]) {
        const reused = analyzer.analyze(asOf, params, overrides);
        const fresh = createAnalyzer(situation).analyze(asOf, params, overrides);
        expect(JSON.stringify(reused.sites), `${asOf} ${JSON.stringify(overrides)}`).toBe(
          JSON.stringify(fresh.sites),
        );
      }
    }
  });
});
