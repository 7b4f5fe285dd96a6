import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { lineLengthKm } from '$lib/domain/geo/lineLengthKm';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

// An edge's length is read from an array of the network's edge lengths and its road id from its road, not held
// in fields of its own: each edge must still give its own line's length and its own road, in every network
// built, whichever was built last.

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: `road ${id}`, source: 'test', class: 'primary' },
  });

/** Random roads over a small area that cross each other, some closing on themselves in short loops (which the
 * build drops, so that an edge's index and its piece number on its road differ). */
function randomRoads(seed: number): RoadFeature[] {
  const rand = mulberry32(7300 + seed);
  const roads: RoadFeature[] = [];
  const count = 4 + Math.floor(rand() * 12);
  for (let r = 0; r < count; r++) {
    const line: Position[] = [];
    let lon = 30 + rand() * 0.2;
    let lat = 12 + rand() * 0.2;
    const n = 2 + Math.floor(rand() * 9);
    for (let i = 0; i < n; i++) {
      lon += (rand() - 0.3) * 0.05;
      lat += (rand() - 0.5) * 0.05;
      line.push([lon, lat]);
      if (rand() < 0.1) {
        line.push([lon + 0.0001, lat + 0.0001]);
        line.push([lon, lat]);
      }
    }
    roads.push(road(`w${seed}-${r}`, line));
  }
  return roads;
}

describe('the fields of the built edges', () => {
  it('give each edge its own length, road and id, in every network built, on seeded random roads', () => {
    const built: { net: ReturnType<typeof buildRoadNetwork>; roads: RoadFeature[] }[] = [];
    let edges = 0;
    let distinctLengths = 0;
    for (let seed = 0; seed < 60; seed++) {
      const roads = randomRoads(seed);
      built.push({ net: buildRoadNetwork(roads, [], [], defaultNetworkOptions), roads });
    }
    // Checked after every network is built, so that one network's edges reading another's would show.
    for (const { net, roads } of built) {
      const byId = new Map(roads.map((r) => [r.properties.id, r.properties]));
      const pieces = new Map<string, number>();
      const lengths = new Set<number>();
      net.edges.forEach((e, i) => {
        expect(e.index).toBe(i);
        expect(e.lengthKm).toBe(lineLengthKm(e.coords));
        expect(e.roadId).toBe(e.road.id);
        expect(e.road).toBe(byId.get(e.roadId));
        const n = pieces.get(e.roadId) ?? 0;
        pieces.set(e.roadId, n + 1);
        expect(e.id).toBe(`${e.roadId}#${n}`);
        lengths.add(e.lengthKm);
      });
      edges += net.edges.length;
      distinctLengths += lengths.size;
    }
    // The data meets many edges of different lengths.
    expect(edges).toBeGreaterThan(500);
    expect(distinctLengths).toBeGreaterThan(0.9 * edges);
  });
});
