// Every file of ../shared/realdata/ (see its README for each one's quirks), imported as a data officer
// would: boundaries first, then the tables that join onto them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { countryShapesFromTopology } from '$lib/import/countryShapes';
import type { CountryShape, ImportOptions, ImportPreview } from '$lib/import/types';

const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'realdata');
const scenario = JSON.parse(readFileSync('geodata/scenario.json', 'utf8'));
let countries: CountryShape[];
beforeAll(() => {
  const require = createRequire(import.meta.url);
  countries = countryShapesFromTopology(
    JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')),
  );
});

function load(file: string, layer: ImportOptions['layer'], more: Partial<ImportOptions> = {}): ImportPreview {
  return parseImport(readFileSync(join(dir, file), 'utf8'), {
    fileName: file,
    layer,
    extent: scenario.extent,
    defaultCountry: scenario.country,
    countries,
    ...more,
  });
}
const props = (f: Feature) => f.properties as Record<string, unknown>;
const errors = (p: ImportPreview) => p.problems.filter((x) => x.level === 'error');

describe('OCHA COD administrative boundaries', () => {
  it('admin1: 19 states, legacy CRS84 crs accepted, Arabic names in nameAr', () => {
    const p = load('sdn_cod_admin1.geojson', 'admin');
    expect(p.counts).toMatchObject({ read: 19, valid: 19, rejected: 0 });
    expect(errors(p)).toEqual([]);
    const north = p.features.map(props).find((f) => f.pcode === 'SD02');
    expect(north).toMatchObject({
      id: 'admin_SD02',
      name: 'North Darfur',
      level: 1,
      parentPcode: 'SD',
      nameAr: 'شمال دارفور',
      validFrom: '2020-08-31',
      source: 'sdn_cod_admin1.geojson',
    });
    expect(p.features.every((f) => /[\u0600-\u06ff]/.test(String(props(f).nameAr)))).toBe(true);
  });

  it('admin2: 189 localities with their state as parent', () => {
    const p = load('sdn_cod_admin2.geojson', 'admin');
    expect(p.counts).toMatchObject({ read: 189, valid: 189, rejected: 0 });
    expect(errors(p)).toEqual([]);
    expect(
      p.features.every((f) => props(f).level === 2 && /^SD\d{2}$/.test(String(props(f).parentPcode))),
    ).toBe(true);
  });
});

describe('HOT/OSM roads', () => {
  it('660 roads: string ids kept stable with the file name, per-feature bbox ignored, highway → class', () => {
    const p = load('sdn_osm_primary_roads_pathfinder.geojson', 'roads');
    expect(p.counts).toMatchObject({ read: 660, valid: 660, rejected: 0 });
    expect(errors(p)).toEqual([]);
    expect(props(p.features[0])).toMatchObject({
      id: 'sdn_osm_primary_roads_pathfinder_0',
      class: 'primary',
      name: 'Unnamed primary road #0',
    });
    expect(new Set(p.features.map((f) => props(f).id)).size).toBe(660);
    expect(p.features.some((f) => 'bbox' in f || 'bbox' in f.geometry)).toBe(false);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('660 features have no name'),
      }),
    ]);
  });
});

describe('IOM DTM sites 2019', () => {
  let p: ImportPreview;
  beforeAll(() => {
    p = load('sdn_dtm_idp_sites_2019_omdena.csv', 'sites');
  });

  it('finds the header under the group row and numbers its duplicate columns', () => {
    expect(p.headerLine).toBe(2);
    const names = p.columns!.map((c) => c.name);
    expect(names.filter((n) => n.startsWith('Individuals'))).toEqual([
      'Individuals',
      'Individuals (2)',
      'Individuals (3)',
      'Individuals (4)',
      'Individuals (5)',
      'Individuals (6)',
      'Individuals (7)',
    ]);
    expect(p.columns!.find((c) => c.name === 'Individuals')?.group).toBe('Round 1');
    expect(p.columns!.find((c) => c.name === 'Individuals (2)')?.group).toBe('Round 0');
    expect(p.mapping?.fields).toMatchObject({
      lat: '_GPS_latitude',
      lon: '_GPS_longitude',
      name: 'Location',
      nameAr: 'Location Arabic',
      population: 'Individuals',
      id: 'Reg_location',
    });
  });

  it('imports 88 of 89 sites: the one at (0,0) is refused, the one that plots in Chad is kept with a warning', () => {
    expect(p.counts).toMatchObject({ read: 89, valid: 88, rejected: 1 });
    expect(errors(p)).toEqual([
      expect.objectContaining({
        row: 21,
        id: 'DTM0203004',
        field: '_GPS_latitude, _GPS_longitude',
        message: 'point at 0,0',
      }),
    ]);
    const chad = p.problems.filter((x) => /plots in/.test(x.message));
    expect(chad).toEqual([
      expect.objectContaining({
        level: 'warning',
        row: 76,
        id: 'DTM0102149',
        message: 'plots in Chad (TCD), not in Sudan (SDN) as its country says',
      }),
    ]);
    expect(p.features.map((f) => props(f).id)).toContain('DTM0102149');
  });

  it('reads Excel serial dates, padded names and mixed-case values', () => {
    const excel = p.problems.filter((x) => /Excel serial/.test(x.message));
    expect(excel).toHaveLength(89);
    expect(excel[0]).toMatchObject({
      row: 3,
      field: 'Assessment Date تاريخ المسح',
      message: 'date is an Excel serial number, read as 2019-11-19',
    });
    const kass = p.features.map(props).find((f) => f.id === 'DTM0202016');
    expect(kass).toMatchObject({
      name: 'Kass Humira Market',
      kind: 'idp_camp',
      country: 'SDN',
      figures: [{ date: '2019-11-19', population: 5700, source: 'sdn_dtm_idp_sites_2019_omdena.csv' }],
    });
    const korma = p.features.map(props).find((f) => f.id === 'DTM0102104');
    expect(korma?.name).toBe('Korma gathering');
    const kinds = new Set(p.features.map((f) => props(f).kind));
    expect([...kinds].sort()).toEqual(['idp_camp', 'town']);
  });
});

describe('HXL IDP table per locality', () => {
  it('finds the hashtag row on line 4 and joins every row onto admin2 by P-code, despite the header typos', () => {
    const admin2 = load('sdn_cod_admin2.geojson', 'admin');
    const p = load('hxl_sdn_dtm_idp_admin2_2024-12.csv', 'admin', { existing: admin2.features });
    expect(p.format).toBe('hxl');
    expect(p.hashtagLine).toBe(4);
    expect(p.headerLine).toBe(3);
    // "LOCALITY_ CODE" (the typo) is read through its tag #adm2+pcode.
    expect(p.mapping?.fields).toMatchObject({
      adm2Pcode: 'LOCALITY_ CODE',
      population: 'IDPs',
      households: 'HHs',
    });
    expect(p.columns!.filter((c) => c.tag === undefined).length).toBe(20);
    expect(p.counts).toMatchObject({ read: 184, valid: 184, rejected: 0 });
    expect(p.joined).toBe(184);
    const rabak = p.features.map(props).find((f) => f.pcode === 'SD09046');
    expect(rabak).toMatchObject({
      id: 'admin_SD09046',
      name: 'Rabak',
      figures: [
        { date: '2024-12-17', idps: 144936, households: 27998, source: 'hxl_sdn_dtm_idp_admin2_2024-12.csv' },
      ],
    });
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        row: 1,
        message: expect.stringContaining('figures dated 2024-12-17'),
      }),
    ]);
  });

  it('refuses every row when the admin boundaries are not imported yet', () => {
    const p = load('hxl_sdn_dtm_idp_admin2_2024-12.csv', 'admin');
    expect(p.features).toEqual([]);
    expect(p.counts.rejected).toBe(184);
    expect(errors(p)[0]).toMatchObject({
      row: 5,
      message: 'no admin area with pcode SD15034: import the admin boundaries first',
    });
  });
});

describe('ACLED events', () => {
  it('47 incidents with categories and severities from the table, verified and public', () => {
    const p = load('sdn_acled_events_2023-04_week.csv', 'incidents');
    expect(p.format).toBe('acled');
    expect(p.counts).toMatchObject({ read: 47, valid: 47, rejected: 0, warnings: 0 });
    const count = (k: string) => p.features.filter((f) => props(f).category === k).length;
    // 16 protests + 3 riots + 8 changes to group/activity + 2 other + 1 base established; 8 battles + 1 air
    // strike; 4 attacks on civilians; 4 lootings.
    expect(count('movement_restriction')).toBe(30);
    expect(count('hostilities')).toBe(9);
    expect(count('violence_against_civilians')).toBe(4);
    expect(count('restriction_of_access_to_services')).toBe(4);
    expect(
      p.features.every((f) => props(f).verification === 'verified' && props(f).sensitivity === 'public'),
    ).toBe(true);
    const first = p.features.map(props).find((f) => f.id === 'SUD19616');
    expect(first).toMatchObject({
      date: '2023-04-12',
      name: 'Peaceful protest in El Fasher',
      severity: 0,
      fatalities: 0,
      source: 'ACLED (Alintibaha; Darfur 24; Hala haya 5; Radio Dabanga)',
    });
    const killed = p.features.map(props).filter((f) => (f.fatalities as number) >= 1);
    expect(killed.length).toBeGreaterThan(0);
    expect(killed.every((f) => (f.severity as number) >= 2)).toBe(true);
  });
});
