// An earlier analyzer's road network taken by a new one (network/roadNetworkOf.ts): a situation whose roads are the
// same objects and whose crossings and sites have the same ids and positions takes it, and its analyses are, byte
// for byte, those of an analyzer that built its own; anything else the network is made of builds anew. Given the
// networks of several analyzers, the one built from the same inputs is taken.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import type { Situation } from '$lib/domain/schemas';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const geodata = loadSituationFromDir('geodata');
const DATES = ['2024-03-01', '2024-11-20', '2025-06-01'];
const reports = (s: Situation, analyzer = createAnalyzer(s)) =>
  DATES.map((d) => JSON.stringify(analyzer.analyze(d)));

/** A situation read again after writes that leave the network's inputs as they were: new lists, new records. */
function afterWrites(s: Situation): Situation {
  const [firstIncident, ...incidents] = s.incidents;
  const [site, ...sites] = s.sites;
  return {
    ...s,
    incidents: [...incidents, { ...firstIncident, properties: { ...firstIncident.properties, severity: 3 } }],
    // The same site, its figures changed, as a new object with a new position array of the same numbers.
    sites: [
      {
        ...site,
        geometry: { ...site.geometry, coordinates: [...site.geometry.coordinates] },
        properties: { ...site.properties, figures: [] },
      },
      ...sites,
    ],
    roads: [...s.roads],
    crossings: [...s.crossings],
  };
}

describe('the road network of an earlier analyzer', () => {
  it('is taken by an analyzer of the same roads, crossings and sites, with the same analyses as a new one', () => {
    const first = createAnalyzer(geodata);
    const before = reports(geodata, first);
    const written = afterWrites(geodata);
    const again = createAnalyzer(written, {}, [first.network]);
    expect(again.network).toBe(first.network);
    const taken = reports(written, again);
    // The same situation with every record copied builds its own network.
    const copy = structuredClone(written);
    const own = createAnalyzer(copy, {}, [first.network]);
    expect(own.network).not.toBe(first.network);
    expect(taken).toEqual(reports(copy, own));
    // The writes changed some verdict, and the first analyzer's analyses are as they were.
    expect(taken).not.toEqual(before);
    expect(reports(geodata, first)).toEqual(before);
  });

  it('is built anew when a road, a site position, a crossing or an option differs', () => {
    const first = createAnalyzer(geodata);
    const taken = (s: Situation, options = {}) =>
      createAnalyzer(s, options, [first.network]).network === first.network;
    expect(taken({ ...geodata, roads: [...geodata.roads] })).toBe(true);
    const [road, ...roads] = geodata.roads;
    expect(taken({ ...geodata, roads: [{ ...road }, ...roads] })).toBe(false);
    expect(taken({ ...geodata, roads: [...roads, road] })).toBe(false);
    const [site, ...sites] = geodata.sites;
    const [lon, lat] = site.geometry.coordinates;
    const moved = { ...site, geometry: { ...site.geometry, coordinates: [lon + 0.01, lat] } };
    expect(taken({ ...geodata, sites: [moved, ...sites] })).toBe(false);
    expect(taken({ ...geodata, crossings: geodata.crossings.slice(1) })).toBe(false);
    expect(taken(geodata, { siteAttachKm: 5 })).toBe(false);
    expect(createAnalyzer(geodata).network).not.toBe(first.network);
  });

  it('is the first of several networks that was built from the same roads, crossings and sites', () => {
    // A server's visibility levels: one whose sites are others' (a restricted camp) and one that sees only
    // the public ones, each with the network of its last analyzer.
    const [, ...publicSites] = geodata.sites;
    const narrower = createAnalyzer({ ...geodata, sites: publicSites });
    const first = createAnalyzer(geodata);
    const again = createAnalyzer({ ...geodata, sites: [...geodata.sites] }, {}, [
      narrower.network,
      first.network,
    ]);
    expect(again.network).toBe(first.network);
    expect(
      createAnalyzer({ ...geodata, sites: publicSites }, {}, [first.network, narrower.network]).network,
    ).toBe(narrower.network);
    // None fits: built anew.
    const [, ...fewer] = publicSites;
    const other = createAnalyzer({ ...geodata, sites: fewer }, {}, [first.network, narrower.network]);
    expect([first.network, narrower.network]).not.toContain(other.network);
  });
});
