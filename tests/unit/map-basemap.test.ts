import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import countries110m from 'world-atlas/countries-110m.json';
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

describe('basemapGeoJson with a coarse topology beyond a region', () => {
  const coarse = countries110m as unknown as typeof topology;
  // Around the default scenario's extent (14.5, 8.4, 38.8, 22.4) with a 12° margin.
  const region: [number, number, number, number] = [2.5, -3.6, 50.8, 34.4];
  const full = basemapGeoJson(topology);
  const mixed = basemapGeoJson(topology, { coarse, region });
  const coords = (name: string, fc: typeof full) =>
    JSON.stringify(
      fc.features.find((f) => f.properties.kind === 'country' && f.properties.name === name)?.geometry,
    );

  it('keeps the detailed geometry inside the region and the coarse one outside', () => {
    expect(coords('Sudan', mixed)).toBe(coords('Sudan', full));
    expect(coords('Chad', mixed)).toBe(coords('Chad', full));
    // Brazil is far away: drawn, but from the coarse data, with fewer points.
    expect(coords('Brazil', mixed)).toBeDefined();
    expect(coords('Brazil', mixed)!.length).toBeLessThan(coords('Brazil', full)!.length / 2);
  });

  it('is a fraction of the size of the detailed world, and still has a border layer and labels', () => {
    const size = (fc: typeof full) => JSON.stringify(fc).length;
    expect(size(mixed)).toBeLessThan(size(full) / 3);
    expect(mixed.features.filter((f) => f.properties.kind === 'border')).toHaveLength(1);
    expect(mixed.features.filter((f) => f.properties.kind === 'label').map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['Sudan', 'Chad', 'Brazil']),
    );
  });
});
