import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '$lib/domain/analysis';
import { parseSituation, roadRangesSchema, type Situation } from '$lib/domain/schemas';

// A road's closed stretch as a range in km from the road's start, instead of the whole edge between two
// junctions with its geometry: the compact report of issue 14 ("reports that scale").

const feature = (geometry: object, properties: object) => ({ type: 'Feature', geometry, properties });
const layer = (file: string, features: object[]) => ({ file, json: { type: 'FeatureCollection', features } });

function situation(): Situation {
  const roads = [
    // About 21.9 km west to east along lat 10, no junction in between.
    feature(
      {
        type: 'LineString',
        coordinates: [
          [30, 10],
          [30.2, 10],
        ],
      },
      { id: 'r_half', name: 'Half road', source: 'test', class: 'primary' },
    ),
    // Far from every hazard: open, so not listed.
    feature(
      {
        type: 'LineString',
        coordinates: [
          [31, 11],
          [31.2, 11],
        ],
      },
      { id: 'r_open', name: 'Open road', source: 'test', class: 'primary' },
    ),
  ];
  // Held by an actor that denies access, from lon 30.1 eastwards: the east half of r_half.
  const areas = [
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [30.1, 9.9],
            [30.3, 9.9],
            [30.3, 10.1],
            [30.1, 10.1],
            [30.1, 9.9],
          ],
        ],
      },
      {
        id: 'a_denied',
        name: 'Denied area',
        source: 'test',
        actorId: 'act_deny',
        confidence: 'assessed',
        validFrom: '2024-01-01',
      },
    ),
  ];
  return parseSituation({
    scenario: {
      file: 'scenario.json',
      json: {
        id: 'road-ranges',
        name: 'Road ranges',
        defaultAsOf: '2024-03-01',
        timeRange: { from: '2024-01-01', to: '2024-12-31' },
        extent: [29, 9, 32, 12],
        country: 'SDN',
        actors: [{ id: 'act_deny', name: 'Denying actor', color: '#000000', deniesAccess: true }],
      },
    },
    layers: {
      areas: layer('areas.geojson', areas),
      frontlines: layer('frontlines.geojson', []),
      sites: layer('sites.geojson', []),
      crossings: layer('crossings.geojson', []),
      roads: layer('roads.geojson', roads),
      corridors: layer('corridors.geojson', []),
      incidents: layer('incidents.geojson', []),
      constraints: layer('constraints.geojson', []),
    },
  });
}

describe('road ranges', () => {
  const analyzer = createAnalyzer(situation());

  it('a road half inside a denied area has one blocked range, in km from its start, over that half', () => {
    const ranges = analyzer.roadRanges('2024-03-01');
    expect(() => roadRangesSchema.array().parse(ranges)).not.toThrow();
    expect(ranges.map((r) => r.roadId)).toEqual(['r_half']);
    const [road] = ranges;
    expect(road.lengthKm).toBeCloseTo(21.9, 1);
    expect(road.ranges).toHaveLength(1);
    const [range] = road.ranges;
    expect(range.status).toBe('blocked');
    // Lon 30.1 is half way: about 10.95 km from the west end, to the east end.
    expect(range.fromKm).toBeCloseTo(10.95, 1);
    expect(range.toKm).toBe(road.lengthKm);
    expect(range.reasons.map((r) => `${r.code}:${r.featureId}`)).toEqual(['denied_area:a_denied']);
  });

  it('says the same road is blocked as the report does, where the report blocks the whole edge', () => {
    const report = analyzer.analyze('2024-03-01');
    expect(report.segments.map((s) => [s.roadId, s.status, s.lengthKm])).toEqual([
      ['r_half', 'blocked', analyzer.roadRanges('2024-03-01')[0].lengthKm],
    ]);
  });

  it('lists nothing before the area is in force, and answers for the roads asked for', () => {
    expect(analyzer.roadRanges('2023-12-31')).toEqual([]);
    expect(analyzer.roadRanges('2024-03-01', undefined, undefined, ['r_open'])).toEqual([]);
    expect(analyzer.roadRanges('2024-03-01', undefined, undefined, ['r_half'])).toHaveLength(1);
  });
});
