import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { defaultNetworkOptions } from '$lib/domain/analysis';
import { buildRoadNetwork } from '$lib/domain/analysis/network/buildRoadNetwork';
import { roadFeature, type RoadFeature } from '$lib/domain/schemas';

// The analysis reads the network's arrays (`net.edges`, `net.edgeFrom`, …) on every date. Built as an object
// literal with a getter for the junctions' index, the network was kept by V8 in dictionary mode, each of
// those reads a lookup in a hash table. The V8 intrinsic used is allowed for this file only, at run time.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const road = (id: string, coordinates: [number, number][]): RoadFeature =>
  roadFeature.parse({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: `road ${id}`, source: 'test', class: 'primary' },
  });

const roads = [
  road('a', [
    [30, 12],
    [30.2, 12],
  ]),
  road('b', [
    [30.1, 11.9],
    [30.1, 12.1],
  ]),
];

describe('the built road network', () => {
  it('keeps its fields at known places, not in a hash table', () => {
    expect(hasFastProperties(buildRoadNetwork(roads, [], [], defaultNetworkOptions))).toBe(true);
  });

  it('makes the junctions’ index on first read, once, and it finds the nearest junction', () => {
    const net = buildRoadNetwork(roads, [], [], defaultNetworkOptions);
    const index = net.nodeIndex;
    expect(net.nodeIndex).toBe(index);
    expect(index.size).toBe(net.nodeCount);
    const [nearest] = index.neighbors(30.11, 12.01, 1);
    // The crossing of the two roads, at (30.1, 12).
    expect([net.nodeLon[nearest], net.nodeLat[nearest]]).toEqual([30.1, 12]);
    expect(hasFastProperties(net)).toBe(true);
  });
});
