import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { layerCsv } from '$lib/server/export/layerCsv';
import type { ExportFeature } from '$lib/server/export/layerColumns';
import { selectFeatures } from '$lib/server/export/selectFeatures';
import { loadSituationFromDir } from '$lib/server/geodata/loadSituationFromDir';

const situation = loadSituationFromDir(join(import.meta.dirname, '..', '..', 'geodata'));
const all = { windowDays: 30 };
/** Header row, HXL row and records, read back by a CSV parser (csv-parse) as a spreadsheet would. */
const read = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = parse(csv.slice(1), { relax_column_count: false });
  const [headers, hxl, ...records] = rows;
  return { headers, hxl, records: records.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]]))) };
};

describe('CSV export with HXL', () => {
  it('writes sites with an HXL hashtag row and lat/lon, Arabic and "&" intact', () => {
    const { headers, hxl, records } = read(layerCsv('sites', selectFeatures(situation, 'sites', all)));
    expect(hxl[headers.indexOf('name')]).toBe('#loc+name');
    expect(hxl[headers.indexOf('lat')]).toBe('#geo+lat');
    expect(hxl[headers.indexOf('lon')]).toBe('#geo+lon');
    expect(hxl[headers.indexOf('nameAr')]).toBe('#loc+name+i_ar');
    expect(headers).not.toContain('wkt');
    expect(records).toHaveLength(situation.sites.length);
    const zamzam = records.find((r) => r.id === 'sd_zamzam')!;
    expect(zamzam).toMatchObject({
      name: 'Zamzam IDP camp',
      nameAr: 'معسكر زمزم للنازحين',
      kind: 'idp_camp',
    });
    expect(Number(zamzam.lat)).toBeCloseTo(13.49, 1);
    expect(Number(zamzam.lon)).toBeCloseTo(25.31, 1);
    expect(records.some((r) => r.name === 'Ardamata (IDP camp & SAF 15th Div. area)')).toBe(true);
    // Notes with commas and quotes survive the round trip.
    const original = situation.sites.find((s) => s.properties.id === 'sd_zamzam')!.properties.note;
    expect(zamzam.note).toBe(original);
  });

  it('writes lines as WKT and no lat/lon', () => {
    const { headers, hxl, records } = read(layerCsv('roads', selectFeatures(situation, 'roads', all)));
    expect(headers).not.toContain('lat');
    expect(hxl[headers.indexOf('wkt')]).toBe('#geo+wkt');
    const road = situation.roads[0];
    const row = records.find((r) => r.id === road.properties.id)!;
    const [lon, lat] = road.geometry.coordinates[0];
    expect(row.wkt.startsWith(`LINESTRING (${lon} ${lat}, `)).toBe(true);
  });

  it('gives each crossing its status on the as-of date', () => {
    const on = (asOf: string) =>
      read(
        layerCsv('crossings', selectFeatures(situation, 'crossings', { asOf, windowDays: 30 }), asOf),
      ).records.find((r) => r.id === 'td_adre_crossing');
    expect(on('2024-05-01')).toMatchObject({ status: 'closed', statusSince: '2024-02-01' });
    expect(on('2024-08-20')).toMatchObject({ status: 'open', statusSince: '2024-08-15' });
  });

  it('exports only the features valid on the as-of date, and within the bbox', () => {
    const ids = (asOf?: string, bbox?: [number, number, number, number]) =>
      selectFeatures(situation, 'constraints', { asOf, bbox, windowDays: 30 }).map((f) => f.properties.id);
    // The siege of El Fasher holds from 2024-05-10 to 2025-10-26 (exclusive); the two rain constraints from
    // 2024-08-20, the floods to 2024-10-01 (exclusive), the bridges to 2024-11-01.
    expect(ids('2024-05-09')).toEqual([]);
    expect(ids('2024-08-19')).toEqual(['con_2024_el_fasher_siege']);
    expect(ids('2024-09-30').sort()).toEqual([
      'con_2024_adre_onward_bridges',
      'con_2024_el_fasher_siege',
      'con_2024_tine_route_floods',
    ]);
    expect(ids('2024-10-01').sort()).toEqual(['con_2024_adre_onward_bridges', 'con_2024_el_fasher_siege']);
    expect(ids('2025-10-26')).toEqual([]);
    const sites = (bbox: [number, number, number, number]) =>
      selectFeatures(situation, 'sites', { bbox, windowDays: 30 }).map((f) => f.properties.id);
    expect(sites([25.2, 13.3, 25.4, 13.6])).toContain('sd_zamzam');
    expect(sites([30, 15, 31, 16])).not.toContain('sd_zamzam');
  });

  it('neutralises text a spreadsheet would run as a formula, leaving numbers alone', () => {
    const f: ExportFeature = {
      geometry: { type: 'Point', coordinates: [-12.5, 13] },
      properties: {
        id: 'x',
        name: '=HYPERLINK("http://example.org","click")',
        source: 's',
        kind: 'town',
        figures: [],
      },
    };
    const { records } = read(layerCsv('sites', [f]));
    expect(records[0].name).toBe(`'=HYPERLINK("http://example.org","click")`);
    expect(records[0].lon).toBe('-12.5');
  });

  it('writes a layer it has no columns for with the properties it finds', () => {
    const f: ExportFeature = {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      properties: { id: 'sd_x', name: 'X', source: 's', pcode: 'SD01', level: 1 },
    };
    const { headers, hxl, records } = read(layerCsv('some_new_layer', [f]));
    expect(records[0]).toMatchObject({ pcode: 'SD01', level: '1', wkt: 'POLYGON ((0 0, 1 0, 1 1, 0 0))' });
    expect(hxl[headers.indexOf('pcode')]).toBe('#meta+pcode');
  });
});
