import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nodeCrossings } from '../../bench/synthetic/walks';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

// Real road data (an OpenStreetMap extract) is made of lines that cross each other anywhere along their
// length, not of a grid whose roads share their ends. These tests pin where the graph gets its junctions.

const road = (id: string, coordinates: Position[]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, source: 'test', class: 'primary' },
  });

/** Junctions of degree > 2 (where roads meet), as [lon, lat, degree]. */
function meetings(net: ReturnType<typeof buildRoadNetwork>): number[][] {
  const out: number[][] = [];
  for (let n = 0; n < net.nodeCount; n++) {
    const degree = net.adjStart[n + 1] - net.adjStart[n];
    if (degree > 2) out.push([net.nodeLon[n], net.nodeLat[n], degree]);
  }
  return out;
}

describe('noding of crossing roads', () => {
  it('puts a junction where two roads cross between their vertices', () => {
    const net = buildRoadNetwork(
      [
        road('a', [
          [30, 10],
          [30.2, 10],
        ]),
        road('b', [
          [30.1, 9.9],
          [30.1, 10.1],
        ]),
      ],
      [],
      [],
      defaultNetworkOptions,
    );
    expect(meetings(net)).toEqual([[30.1, 10, 4]]);
    expect(net.edges.map((e) => e.id).sort()).toEqual(['a#0', 'a#1', 'b#0', 'b#1']);
    // Each half of a runs from its end to the crossing: about 11 km (0.1° of longitude at 10° N).
    const a0 = net.edges.find((e) => e.id === 'a#0')!;
    expect(a0.coords).toEqual([
      [30, 10],
      [30.1, 10],
    ]);
    expect(a0.lengthKm).toBeCloseTo(10.95, 1);
  });

  it('joins meandering walks at every crossing, once each', () => {
    // A zig-zag crosses the straight road at lon 30.05 and 30.15 (where it passes lat 10).
    const zigzag: Position[] = [
      [30, 9.95],
      [30.1, 10.05],
      [30.2, 9.95],
    ];
    const net = buildRoadNetwork(
      [
        road('straight', [
          [30, 10],
          [30.2, 10],
        ]),
        road('zigzag', zigzag),
      ],
      [],
      [],
      defaultNetworkOptions,
    );
    const found = meetings(net);
    expect(found).toHaveLength(2);
    const expected = [
      [30.05, 10],
      [30.15, 10],
    ];
    found.forEach(([lon, lat, degree], i) => {
      expect(lon).toBeCloseTo(expected[i][0], 9);
      expect(lat).toBeCloseTo(expected[i][1], 9);
      expect(degree).toBe(4);
    });
    expect(net.edges.filter((e) => e.roadId === 'straight')).toHaveLength(3);
    expect(net.edges.filter((e) => e.roadId === 'zigzag')).toHaveLength(3);
  });

  it('noded data (the crossing a vertex of both roads) gives the same junction as unnoded data', () => {
    const lines = nodeCrossings([
      [
        [30, 10],
        [30.2, 10],
      ],
      [
        [30.1, 9.9],
        [30.1, 10.1],
      ],
    ]);
    // The bench's generator inserts the crossing into both roads, as an OSM extract shares a node there.
    expect(lines).toEqual([
      [
        [30, 10],
        [30.1, 10],
        [30.2, 10],
      ],
      [
        [30.1, 9.9],
        [30.1, 10],
        [30.1, 10.1],
      ],
    ]);
    const net = buildRoadNetwork([road('a', lines[0]), road('b', lines[1])], [], [], defaultNetworkOptions);
    expect(meetings(net)).toEqual([[30.1, 10, 4]]);
    expect(net.nodeCount).toBe(5);
  });

  it('does not join roads that pass each other farther apart than the snap tolerance', () => {
    // 0.001° of latitude is about 111 m, beyond the 50 m tolerance.
    const net = buildRoadNetwork(
      [
        road('a', [
          [30, 10],
          [30.2, 10],
        ]),
        road('b', [
          [30.1, 10.001],
          [30.1, 10.1],
        ]),
      ],
      [],
      [],
      defaultNetworkOptions,
    );
    expect(meetings(net)).toEqual([]);
    expect(net.nodeCount).toBe(4);
  });
});
