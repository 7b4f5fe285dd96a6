import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import countries110m from 'world-atlas/countries-110m.json';
import countries50m from 'world-atlas/countries-50m.json';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from '$lib/map/basemapGeoJson';

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
const topology = countries50m as unknown as Countries;
const country = (t: Countries, name: string) =>
  feature(t, t.objects.countries).features.find((f) => f.properties?.name === name) as Feature<
    Polygon | MultiPolygon
  >;
const points = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);

describe('basemapGeoJson', () => {
  const fc = basemapGeoJson(topology);
  const of = (kind: string) => fc.features.filter((f) => f.properties.kind === kind);
  const land = () => of('land')[0] as Feature<MultiPolygon>;

  it('has the land as one shape, one border layer, and a label per named country', () => {
    expect(of('land')).toHaveLength(1);
    expect(of('border')).toHaveLength(1);
    expect(of('label').map((f) => f.properties.name)).toEqual(
      expect.arrayContaining(['Sudan', 'Chad', 'S. Sudan']),
    );
  });

  it('covers the countries with land and not the sea, with no border inside it', () => {
    for (const [lon, lat] of [
      [30.0, 15.0], // Sudan
      [18.0, 15.0], // Chad
      [22.43, 13.45], // on the Sudan–Chad border, near Adré
    ])
      expect(booleanPointInPolygon([lon, lat], land()), `${lon},${lat}`).toBe(true);
    expect(booleanPointInPolygon([38.0, 20.0], land()), 'the Red Sea').toBe(false);
    // Sudan's and Chad's polygons share their border; the land has no ring along it, so it is smaller than
    // the countries' polygons put together (each shared border was written twice).
    const separate = feature(topology, topology.objects.countries)
      .features.map((f) => (f.geometry ? points(f.geometry as Polygon | MultiPolygon).length : 0))
      .reduce((a, b) => a + b, 0);
    expect(points(land().geometry).length).toBeLessThan(separate * 0.8);
  });

  it('puts each label inside its country', () => {
    for (const name of ['Sudan', 'Chad', 'Central African Rep.', 'Egypt']) {
      const label = of('label').find((f) => f.properties.name === name) as Feature<Point>;
      expect(booleanPointInPolygon(label, country(topology, name)), name).toBe(true);
    }
  });

  it('ranks larger countries higher', () => {
    const rank = (name: string) => of('label').find((f) => f.properties.name === name)?.properties.rank;
    expect(rank('Sudan')).toBe(3);
    expect(rank('Eritrea')).toBe(1);
    expect(rank('Djibouti')).toBe(0);
  });

  it('rounds coordinates to 3 decimals and keeps rings closed', () => {
    for (const polygon of land().geometry.coordinates)
      for (const ring of polygon) {
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
  const coarse = countries110m as unknown as Countries;
  // Around the default scenario's extent (14.5, 8.4, 38.8, 22.4) with a 12° margin.
  const region: [number, number, number, number] = [2.5, -3.6, 50.8, 34.4];
  const full = basemapGeoJson(topology);
  const mixed = basemapGeoJson(topology, { coarse, region });
  const lands = mixed.features.filter((f) => f.properties.kind === 'land') as Feature<MultiPolygon>[];

  it('draws the land inside the region from the detailed data and beyond it from the coarse one', () => {
    expect(lands).toHaveLength(2);
    const [detailed, far] = lands;
    expect(booleanPointInPolygon([30.0, 15.0], detailed), 'Sudan, detailed').toBe(true);
    expect(booleanPointInPolygon([30.0, 15.0], far), 'Sudan, not coarse').toBe(false);
    expect(booleanPointInPolygon([-50.0, -10.0], far), 'Brazil, coarse').toBe(true);
    expect(booleanPointInPolygon([-50.0, -10.0], detailed), 'Brazil, not detailed').toBe(false);
    // The coarse land is rounded to 2 decimals.
    for (const [x, y] of points(far.geometry)) {
      expect(Math.round(x * 100) / 100).toBe(x);
      expect(Math.round(y * 100) / 100).toBe(y);
    }
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
