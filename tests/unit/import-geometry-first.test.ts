import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { countryShapesFromTopology } from '$lib/import/countryShapes';
import type { ImportOptions } from '$lib/import/types';
import countries50m from 'world-atlas/countries-50m.json';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const collection = (...features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const polygon = (ring: number[][], properties: object = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const run = (text: string, o: Partial<ImportOptions> = {}) =>
  parseImport(text, { fileName: 'drawn.geojson', layer: 'areas', extent: EXTENT, ...o });

describe('geometry problems first', () => {
  it('a self-crossing polygon with no usable properties is reported with where it crosses, first', () => {
    // A bow tie: the outline crosses itself at 25.5, 13.5.
    const bowTie = polygon([
      [25, 13],
      [26, 14],
      [26, 13],
      [25, 14],
      [25, 13],
    ]);
    const p = run(collection(bowTie));
    expect(p.counts.rejected).toBe(1);
    expect(p.problems[0]).toMatchObject({
      level: 'error',
      featureIndex: 0,
      field: 'geometry.coordinates',
      message: 'self-intersection at 25.50000, 13.50000',
    });
    expect(p.problems[0].suggestion).toMatch(/redraw the outline/);
    // The missing properties are still said, after it, and the crossing only once.
    expect(p.problems.map((x) => x.field)).toContain('properties.actorId');
    expect(p.problems.filter((x) => /self-intersection/.test(x.message))).toHaveLength(1);
  });

  it('a polygon wholly outside the workspace extent is a warning, and with lat/lon swapped an error', () => {
    const set = { actorId: 'rsf', confidence: 'assessed', validFrom: '2025-10-26' };
    const square = (x: number, y: number) => [
      [x, y],
      [x + 0.5, y],
      [x + 0.5, y + 0.5],
      [x, y + 0.5],
      [x, y],
    ];
    const far = run(collection(polygon(square(50, 30), { name: 'Far' })), { mapping: { fields: {}, set } });
    expect(far.counts.valid).toBe(1);
    expect(far.problems[0]).toMatchObject({ level: 'warning', field: 'geometry.coordinates' });
    expect(far.problems[0].message).toMatch(/^lies wholly outside the workspace extent/);

    // El Fasher written latitude first: 13.6, 25.3 lies in Libya's sky, swapped it is inside.
    const swapped = run(collection(polygon(square(13.6, 25.3), { name: 'Swapped' })), {
      mapping: { fields: {}, set },
    });
    expect(swapped.counts.rejected).toBe(1);
    expect(swapped.problems[0].message).toMatch(/with latitude and longitude swapped$/);

    // One reaching across the edge of the extent is fine.
    const across = run(collection(polygon(square(14.3, 12), { name: 'Across' })), {
      mapping: { fields: {}, set },
    });
    expect(across.problems).toEqual([]);
  });

  it('a line is checked against the extent like a point', () => {
    const road = {
      type: 'Feature',
      properties: { highway: 'primary' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [60, 40],
          [61, 41],
        ],
      },
    };
    const p = run(collection(road), { fileName: 'roads.geojson', layer: 'roads' });
    expect(p.counts.valid).toBe(1);
    expect(p.problems.map((x) => x.message).join('\n')).toMatch(/lies wholly outside the workspace extent/);
  });

  it('incidents get the country check: an event said to be in Sudan that plots in South Sudan', () => {
    const countries = countryShapesFromTopology(countries50m as never);
    const text = [
      'id,country,latitude,longitude,date_start',
      // Malakal (South Sudan since 2011), listed as Sudan as UCDP does for events before independence.
      '101,Sudan,9.53,31.65,2005-03-01',
      '102,Sudan,13.63,25.35,2023-04-15',
    ].join('\n');
    const p = parseImport(text, {
      fileName: 'ged.csv',
      layer: 'incidents',
      extent: EXTENT,
      countries,
      mapping: { fields: {}, set: { category: 'hostilities', severity: '2' } },
    });
    const warnings = p.problems.filter((x) => x.level === 'warning' && x.row !== undefined);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ row: 2 });
    expect(warnings[0].message).toBe('plots in S. Sudan (SSD), not in Sudan (SDN) as its country says');
    // The country is only checked, not kept: incidents have no country field.
    expect(p.features[1].properties).not.toHaveProperty('country');
  });
});
