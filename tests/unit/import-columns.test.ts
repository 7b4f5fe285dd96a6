import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { isDecimalDegrees, parsePackedDms } from '$lib/import/packedDms';
import type { ImportOptions } from '$lib/import/types';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const run = (text: string, o: Partial<ImportOptions> = {}) =>
  parseImport(text, {
    fileName: 'villages.csv',
    layer: 'sites',
    extent: EXTENT,
    defaultCountry: 'SDN',
    mapping: { fields: {}, set: { kind: 'village' } },
    ...o,
  });
const position = (p: ReturnType<typeof run>, i = 0) =>
  (p.features[i].geometry as { coordinates: number[] }).coordinates;

describe('packed degrees, minutes and seconds', () => {
  it.each([
    ['131857.0', 'lat', 13 + 18 / 60 + 57 / 3600],
    ['0244942E', 'lon', 24 + 49 / 60 + 42 / 3600],
    ['0244942W', 'lon', -(24 + 49 / 60 + 42 / 3600)],
    ['N131857', 'lat', 13 + 18 / 60 + 57 / 3600],
  ] as const)('reads %s', (raw, axis, expected) => {
    expect(parsePackedDms(raw, axis)).toBeCloseTo(expected, 9);
  });

  it('refuses what is not DMS: minutes or seconds of 60 or more, a letter of the other axis, decimals', () => {
    expect(parsePackedDms('136057', 'lat')).toBeUndefined();
    expect(parsePackedDms('1318575', 'lon')).toBeUndefined();
    expect(parsePackedDms('131860', 'lat')).toBeUndefined();
    expect(parsePackedDms('131857E', 'lat')).toBeUndefined();
    expect(parsePackedDms('13.3158', 'lat')).toBeUndefined();
    expect(isDecimalDegrees('13.3158', 'lat')).toBe(true);
    expect(isDecimalDegrees('131857.0', 'lat')).toBe(false);
  });
});

describe('the right coordinate and date columns', () => {
  it('decimal degrees win over packed DMS and a same-named column, and the report says which was read', () => {
    // A gazetteer as the US HIU's lists of Darfur villages are laid out: packed DMS first, then decimals.
    const text = [
      'Name,Latitude,Longitude,Lat Dd,Long Dd',
      'Kutum,141159.0,0243951E,14.19972,24.66417',
      'Kabkabiya,134000.0,0240500E,13.66667,24.08333',
    ].join('\n');
    const p = run(text);
    expect(p.mapping?.fields).toMatchObject({ lat: 'Lat Dd', lon: 'Long Dd' });
    expect(position(p)).toEqual([24.66417, 14.19972]);
    expect(p.problems.map((x) => x.message)).toContain(
      'latitude read from column "Lat Dd" (decimal degrees), not "Latitude" ("141159.0" on line 2)',
    );
  });

  it('packed DMS with or without a hemisphere letter is read when it is the only choice', () => {
    const p = run('Name,Latitude,Longitude\nKutum,141159.0,0243951E\nMellit,N141000,244000\n');
    expect(p.problems.filter((x) => x.level === 'error')).toEqual([]);
    expect(position(p, 0)[0]).toBeCloseTo(24 + 39 / 60 + 51 / 3600, 9);
    expect(position(p, 0)[1]).toBeCloseTo(14 + 11 / 60 + 59 / 3600, 9);
    expect(position(p, 1)).toEqual([24 + 40 / 60, 14 + 10 / 60]);
    expect(p.problems.map((x) => x.message)).toContain(
      '4 coordinates read as packed degrees, minutes and seconds, e.g. "141159.0" → 14.199722',
    );
  });

  it('a plain UCDP GED table is dated by date_start, not source_date', () => {
    const text = [
      'id,source_date,latitude,longitude,country,date_start,date_end,type_of_violence,best',
      '1,2023-05-02,13.63,25.35,Sudan,2023-04-15,2023-04-16,1,12',
    ].join('\n');
    const p = run(text, {
      fileName: 'ged.csv',
      layer: 'incidents',
      mapping: { fields: {}, set: { category: 'hostilities', severity: '2' } },
    });
    expect(p.mapping?.fields.date).toBe('date_start');
    expect(p.features[0].properties).toMatchObject({ date: '2023-04-15' });
  });

  it('an HXL table is dated by #date+start, not #date+year, whatever their order', () => {
    const text = [
      'year,latitude,longitude,date_start,best',
      '#date+year,#geo+lat,#geo+lon,#date+start,#affected+killed',
      '2023,13.63,25.35,2023-04-15,12',
    ].join('\n');
    const p = run(text, {
      fileName: 'ged-hxl.csv',
      layer: 'incidents',
      mapping: { fields: {}, set: { category: 'hostilities', severity: '2' } },
    });
    expect(p.format).toBe('hxl');
    expect(p.mapping?.fields.date).toBe('date_start');
    expect(p.features[0].properties).toMatchObject({ date: '2023-04-15', fatalities: 12 });
  });
});

describe('a HOT OpenStreetMap export of populated places', () => {
  it('reads name, name:ar, place as the kind and population written as text', () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            osm_id: 101,
            name: 'Tawila',
            'name:en': 'Tawila',
            'name:ar': 'طويلة',
            place: 'town',
            population: '1,200',
          },
          geometry: { type: 'Point', coordinates: [24.87, 14.03] },
        },
        {
          type: 'Feature',
          properties: { osm_id: 102, name: 'Dali', 'name:ar': 'دالي', place: 'hamlet' },
          geometry: { type: 'Point', coordinates: [25.1, 13.9] },
        },
      ],
    });
    const p = parseImport(geojson, {
      fileName: 'hotosm_sdn_populated_places_points.geojson',
      layer: 'sites',
      extent: EXTENT,
      defaultCountry: 'SDN',
      date: '2025-01-01',
    });
    expect(p.problems.filter((x) => x.level === 'error')).toEqual([]);
    expect(p.features.map((f) => f.properties)).toMatchObject([
      { name: 'Tawila', nameAr: 'طويلة', kind: 'town', figures: [{ date: '2025-01-01', population: 1200 }] },
      { name: 'Dali', nameAr: 'دالي', kind: 'town' },
    ]);
  });
});
