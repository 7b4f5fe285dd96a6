// A network built again after a site or a crossing changed, from the same roads, takes where the roads meet from
// the earlier network (network/roadJoins.ts, roadNetworkOf.ts) instead of noding every road again; it is, byte
// for byte, the network and the analyses of a build from nothing. Other roads or another snap tolerance node again.
import { describe, expect, it, vi } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import * as noding from '$lib/domain/analysis/network/findRoadSplits';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';
import type { Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

vi.mock('$lib/domain/analysis/network/findRoadSplits', async (actual) => {
  const real = await actual<typeof import('$lib/domain/analysis/network/findRoadSplits')>();
  return { ...real, findRoadSplits: vi.fn(real.findRoadSplits) };
});
const findRoadSplits = vi.mocked(noding.findRoadSplits);

const geodata = loadSituationFromDir('geodata');
/** The road of the most vertices. */
const longRoad = geodata.roads.reduce((a, b) =>
  b.geometry.coordinates.length > a.geometry.coordinates.length ? b : a,
);
const DATES = ['2024-03-01', '2024-11-20', '2025-06-01'];

/** Everything a network holds that the analysis reads, as plain data. */
function networkData(net: RoadNetwork) {
  return JSON.stringify({
    nodes: [net.nodeCount, [...net.nodeLon], [...net.nodeLat]],
    edges: net.edges.map((e) => [e.id, e.from, e.to, e.lengthKm, e.coords]),
    adjacency: [[...net.adjStart], [...net.adjEdge]],
    segments: [[...net.segEdge], [...net.segVertex], [...net.segCoords], [...net.edgeRounding]],
    crossings: [...net.crossingNode],
    sites: [...net.siteAttachment],
    warnings: net.warnings,
  });
}

/**
 * The situation with a camp by the middle of the long road's `k`-th segment (a site by a town joins its roads at their
 * ends, where they are cut anyway): the camp cuts the road where no road meets it.
 */
function withCampOnRoad(s: Situation, k: number): Situation {
  const line = longRoad.geometry.coordinates;
  const [a, b] = [line[k], line[k + 1]];
  const [site] = s.sites;
  const camp = {
    ...site,
    geometry: { ...site.geometry, coordinates: [(a[0] + b[0]) / 2 + 0.002, (a[1] + b[1]) / 2] },
    properties: { ...site.properties, id: 'camp-by-the-road' },
  };
  return { ...s, sites: [...s.sites, camp] };
}

describe('where the roads meet, taken by a network built again', () => {
  it('is taken after sites changed, and the network and its analyses are those of a build from nothing', () => {
    const segments = longRoad.geometry.coordinates.length - 1;
    expect(segments).toBeGreaterThan(1);
    const first = createAnalyzer(withCampOnRoad(geodata, 0));
    findRoadSplits.mockClear();
    // The camp moved to another segment of the road.
    const changed = withCampOnRoad(geodata, segments - 1);
    const again = createAnalyzer(changed, {}, [first.network]);
    expect(again.network).not.toBe(first.network);
    expect(findRoadSplits).not.toHaveBeenCalled();
    // The same situation with every record copied: its roads are other objects, so it nodes them.
    const copy = structuredClone(changed);
    const fresh = createAnalyzer(copy, {}, [first.network]);
    expect(findRoadSplits).toHaveBeenCalledTimes(1);
    expect(networkData(again.network)).toBe(networkData(fresh.network));
    expect(networkData(again.network)).not.toBe(networkData(first.network));
    for (const d of DATES) expect(JSON.stringify(again.analyze(d))).toBe(JSON.stringify(fresh.analyze(d)));
    // A network built from taken joins hands them on: a third build after another change takes them too.
    findRoadSplits.mockClear();
    // (the camp gone, a crossing less).
    const thirdSituation = { ...geodata, crossings: geodata.crossings.slice(1) };
    const third = createAnalyzer(thirdSituation, {}, [again.network]);
    expect(findRoadSplits).not.toHaveBeenCalled();
    const thirdFresh = createAnalyzer(structuredClone(thirdSituation));
    expect(networkData(third.network)).toBe(networkData(thirdFresh.network));
  });

  it('is not taken when a road differs or the snap tolerance does', () => {
    const first = createAnalyzer(withCampOnRoad(geodata, 0));
    const changed = withCampOnRoad(geodata, 1);
    findRoadSplits.mockClear();
    const [road, ...roads] = changed.roads;
    createAnalyzer({ ...changed, roads: [{ ...road }, ...roads] }, {}, [first.network]);
    expect(findRoadSplits).toHaveBeenCalledTimes(1);
    const wider = createAnalyzer(changed, { snapToleranceKm: 0.2 }, [first.network]);
    expect(findRoadSplits).toHaveBeenCalledTimes(2);
    expect(networkData(wider.network)).toBe(
      networkData(createAnalyzer(structuredClone(changed), { snapToleranceKm: 0.2 }).network),
    );
    // Another option than the tolerance (how far a site attaches) keeps the joins.
    findRoadSplits.mockClear();
    createAnalyzer(changed, { siteAttachKm: 5 }, [first.network]);
    expect(findRoadSplits).not.toHaveBeenCalled();
  });
});
