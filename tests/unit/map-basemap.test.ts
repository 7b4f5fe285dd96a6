import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import countries50m from 'world-atlas/countries-50m.json';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from '$lib/map/basemapGeoJson';

const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

describe('basemapGeoJson', () => {
  const fc = basemapGeoJson(topology);
  const of = (kind: string) => fc.features.filter((f) => f.properties.kind === kind);

  it('has land for every country, one border layer, and a label per named country', () => {
    expect(of('country').length).toBeGreaterThan(200);
    expect(of('border')).toHaveLength(1);
    expect(of('label').map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['Sudan', 'Chad', 'S. Sudan']),
    );
  });

  it('puts each label inside its country', () => {
    for (const name of ['Sudan', 'Chad', 'Central African Rep.', 'Egypt']) {
      const land = of('country').find((f) => f.properties.name === name) as Feature<Polygon | MultiPolygon>;
      const label = of('label').find((f) => f.properties.name === name) as Feature<Point>;
      expect(booleanPointInPolygon(label, land), name).toBe(true);
    }
  });

  it('ranks larger countries higher', () => {
    const rank = (name: string) => of('label').find((f) => f.properties.name === name)?.properties.rank;
    expect(rank('Sudan')).toBe(3);
    expect(rank('Eritrea')).toBe(1);
    expect(rank('Djibouti')).toBe(0);
  });

  it('rounds coordinates to 3 decimals and keeps rings closed', () => {
    const sudan = of('country').find((f) => f.properties.name === 'Sudan')!.geometry as
      Polygon | MultiPolygon;
    const rings = sudan.type === 'Polygon' ? sudan.coordinates : sudan.coordinates.flat();
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [x, y] of ring) {
        expect(Math.round(x * 1000) / 1000).toBe(x);
        expect(Math.round(y * 1000) / 1000).toBe(y);
      }
    }
  });
});
