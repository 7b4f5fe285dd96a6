import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { EDGE_REPEATS, EDGE_ROUNDED } from '$lib/domain/analysis/network/roadNetwork';
import { roundLine } from '$lib/domain/analysis/round';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

// The build tells the analysis which edges the report's rounding leaves as they are, and which of those hold
// two equal positions in a row, so that the analysis need not read their positions again. Both must say what
// rounding the edge's positions would find.

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** Random roads over a small area: most positions with 7 decimals or fewer, some with more, some with an
 * altitude, some repeated; roads cross each other, so that edges also end at cut points between vertices. */
function randomRoads(seed: number): RoadFeature[] {
  const rand = mulberry32(9100 + seed);
  const roads: RoadFeature[] = [];
  for (let r = 0; r < 12; r++) {
    const line: Position[] = [];
    let lon = 30 + rand() * 0.2;
    let lat = 12 + rand() * 0.2;
    const n = 2 + Math.floor(rand() * 8);
    for (let i = 0; i < n; i++) {
      lon += (rand() - 0.3) * 0.05;
      lat += (rand() - 0.5) * 0.05;
      const kind = rand();
      if (kind < 0.6) line.push([Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]);
      else if (kind < 0.8) line.push([lon, lat]);
      else if (kind < 0.9) line.push([Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4, 400]);
      else line.push([Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7]);
      if (rand() < 0.15) line.push([...line[line.length - 1]]);
    }
    roads.push(road(`r${r}`, line));
  }
  return roads;
}

const hasRepeats = (line: readonly Position[]) =>
  line.some((p, k) => k > 0 && p[0] === line[k - 1][0] && p[1] === line[k - 1][1]);

describe('edge rounding found by the build', () => {
  it('says which edges rounding keeps, and which of them repeat a position, on seeded random roads', () => {
    const seen = { kept: 0, changed: 0, repeats: 0 };
    for (let seed = 0; seed < 40; seed++) {
      const net = buildRoadNetwork(randomRoads(seed), [], [], defaultNetworkOptions);
      expect(net.edgeRounding.length).toBe(net.edges.length);
      for (const e of net.edges) {
        const flags = net.edgeRounding[e.index];
        const rounded = roundLine(e.coords);
        expect(flags & EDGE_ROUNDED ? 'kept' : 'changed').toBe(rounded === e.coords ? 'kept' : 'changed');
        if (flags & EDGE_ROUNDED) {
          expect((flags & EDGE_REPEATS) !== 0).toBe(hasRepeats(rounded));
          seen.kept++;
          if (flags & EDGE_REPEATS) seen.repeats++;
        } else {
          expect(flags).toBe(0);
          seen.changed++;
        }
      }
    }
    // The data meets every case.
    expect(seen.kept).toBeGreaterThan(20);
    expect(seen.changed).toBeGreaterThan(20);
    expect(seen.repeats).toBeGreaterThan(5);
  });
});
