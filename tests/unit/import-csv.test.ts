import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import type { ImportOptions, ImportProblem } from '$lib/import/types';

const EXTENT: [number, number, number, number] = [14.5, 8.4, 38.8, 22.4];
const sites = (text: string, o: Partial<ImportOptions> = {}) =>
  parseImport(text, { fileName: 'camps.csv', layer: 'sites', extent: EXTENT, defaultCountry: 'SDN', ...o });
const props = (f: { properties: unknown }) => f.properties as Record<string, unknown>;
const messages = (ps: ImportProblem[]) => ps.map((p) => p.message);

describe('CSV with coordinate columns', () => {
  it.each([
    ['lat,lon', 'lat', 'lon'],
    ['Latitude,Longitude', 'Latitude', 'Longitude'],
    ['_GPS_latitude,_GPS_longitude', '_GPS_latitude', '_GPS_longitude'],
    ['Y,X', 'Y', 'X'],
    ['خط العرض,خط الطول', 'خط العرض', 'خط الطول'],
  ])('finds the coordinate columns named %s', (header, lat, lon) => {
    const p = sites(`name,${header},kind\nZamzam,13.49,25.31,camp\n`);
    expect(p.mapping?.fields).toMatchObject({ lat, lon });
    expect(p.features[0].geometry).toEqual({ type: 'Point', coordinates: [25.31, 13.49] });
  });

  it('broken CSV syntax (an unclosed quote) is named by line, and nothing is importable', () => {
    const p = sites('name,lat,lon,kind\nZamzam,13.49,25.31,camp\n"Abu Shouk,13.66,25.32,camp\n');
    expect(p.features).toEqual([]);
    expect(p.counts.valid).toBe(0);
    expect(p.problems[0]).toMatchObject({ level: 'error', file: 'camps.csv', row: 3 });
    expect(p.problems[0].message).toMatch(/^is not valid CSV from line 3: /);
  });

  it('reads decimal commas (with a semicolon delimiter) and trims padded values', () => {
    const p = sites('name;lat;lon;kind\n  Zamzam camp   ;13,49;25,31; IDP Camp \n');
    expect(p.problems).toEqual([]);
    expect(p.features[0].geometry).toEqual({ type: 'Point', coordinates: [25.31, 13.49] });
    expect(props(p.features[0])).toMatchObject({ name: 'Zamzam camp', kind: 'idp_camp', country: 'SDN' });
  });

  it('finds the header under title and group rows, numbers repeated headers and keeps their group', () => {
    const text = [
      'IDP sites, November 2019,,,,',
      ',,,Round 1,,Round 0',
      'Site,Latitude,Longitude,Individuals,Households,Individuals,Type',
      'Kalma,12.0092,25.0078,5700,1300,3888,Camp',
    ].join('\n');
    const p = sites(text, { date: '2019-11-19' });
    expect(p.headerLine).toBe(3);
    expect(p.columns?.map((c) => c.name)).toEqual([
      'Site',
      'Latitude',
      'Longitude',
      'Individuals',
      'Households',
      'Individuals (2)',
      'Type',
    ]);
    expect(p.columns?.[5]).toEqual({ name: 'Individuals (2)', group: 'Round 0' });
    expect(p.columns?.[3].group).toBe('Round 1');
    // The first "Individuals" (the latest round) is the population.
    expect(props(p.features[0]).figures).toEqual([
      { date: '2019-11-19', population: 5700, source: 'camps.csv' },
    ]);
    expect(p.problems).toEqual([]);
    expect(props(p.features[0])).toMatchObject({ id: 'camps_4', kind: 'idp_camp' });
  });

  it('reads an Excel serial date and says how it read it', () => {
    const p = sites('name,lat,lon,kind,Assessment Date,Individuals\nKalma,12.0092,25.0078,camp,43788,5700\n');
    expect(props(p.features[0]).figures).toEqual([
      { date: '2019-11-19', population: 5700, source: 'camps.csv' },
    ]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        row: 2,
        field: 'Assessment Date',
        message: 'date is an Excel serial number, read as 2019-11-19',
      }),
    ]);
  });

  it('flags a point at 0,0 and swapped coordinates as errors, outside the extent as a warning', () => {
    const p = sites(
      'id,name,kind,lat,lon\na1,Nowhere,camp,0,0\na2,Swapped,camp,25.31,13.49\na3,Kampala,town,0.35,32.58\na4,Zamzam,camp,13.49,25.31\n',
    );
    expect(p.counts).toEqual({ read: 4, valid: 2, rejected: 2, warnings: 1 });
    expect(p.features.map((f) => props(f).id)).toEqual(['a3', 'a4']);
    const [zero, swapped, outside] = p.problems;
    expect(zero).toMatchObject({
      level: 'error',
      row: 2,
      id: 'a1',
      field: 'lat, lon',
      message: 'point at 0,0',
    });
    expect(swapped).toMatchObject({
      level: 'error',
      row: 3,
      id: 'a2',
      suggestion: expect.stringMatching(/^latitude and longitude look swapped/),
    });
    expect(outside).toMatchObject({
      level: 'warning',
      row: 4,
      id: 'a3',
      suggestion: expect.stringMatching(/^outside the workspace extent/),
    });
  });

  it('names the column and line of a bad value, and the valid values of an enumeration', () => {
    const p = sites('name,lat,lon,kind\nA,13.4,25.3,castle\nB,13.5,abc,camp\n');
    expect(p.features).toEqual([]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'error',
        row: 2,
        field: 'kind',
        message: expect.stringContaining('idp_camp'),
      }),
      expect.objectContaining({
        level: 'error',
        row: 3,
        field: 'lon',
        message: 'longitude "abc" is not a number',
      }),
    ]);
  });

  it('derives stable ids: the file id when it reads as one, bare numbers and missing ids from the file name', () => {
    const p = sites(
      'id,name,kind,lat,lon\nDTM0202016,A,camp,13.4,25.3\n7,B,camp,13.5,25.3\n,C,camp,13.6,25.3\n',
    );
    expect(p.features.map((f) => props(f).id)).toEqual(['DTM0202016', 'camps_7', 'camps_4']);
  });

  it('refuses an id used twice in the file, naming the first line', () => {
    const p = sites('id,name,kind,lat,lon\nx1,A,camp,13.4,25.3\nx1,B,camp,13.5,25.3\n');
    expect(p.features).toHaveLength(1);
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: 3,
        id: 'x1',
        message: 'id "x1" is already used by line 2 of this file',
      }),
    ]);
  });

  it('refuses a table without coordinate columns as a whole, with a suggestion', () => {
    const p = sites('name,place\nA,B\n');
    expect(p.features).toEqual([]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('no latitude column found'),
        suggestion: expect.stringContaining('lat and lon'),
      }),
    ]);
  });

  it('uses a given column mapping over the guesses, and a forced header row', () => {
    const text = 'notes about this file\nSite,N,E,Y,kind\nA,13.4,25.3,1999,town\n';
    const p = sites(text, { mapping: { fields: { name: 'Site', lat: 'N', lon: 'E' }, headerRow: 1 } });
    expect(p.problems).toEqual([]);
    expect(p.features[0].geometry).toEqual({ type: 'Point', coordinates: [25.3, 13.4] });
    const bad = sites(text, { mapping: { fields: { lat: 'North' } } });
    expect(messages(bad.problems)[0]).toContain('names column "North"');
  });

  it('makes incidents restricted unless verified, and reads event types through the ACLED table', () => {
    const text =
      'id,name,lat,lon,date,category,severity,verification\ni1,Clash,13.4,25.3,2024-05-01,Battles,2,\ni2,Clash,13.4,25.3,2024-05-01,hostilities,3,Verified\n';
    const p = parseImport(text, { fileName: 'reports.csv', layer: 'incidents' });
    expect(p.problems).toEqual([]);
    expect(p.features.map((f) => [props(f).category, props(f).verification, props(f).sensitivity])).toEqual([
      ['hostilities', 'unverified', 'restricted'],
      ['hostilities', 'verified', 'public'],
    ]);
  });

  it('refuses to make lines from a table', () => {
    const p = parseImport('name,lat,lon\nA,1,2\n', { fileName: 'roads.csv', layer: 'roads' });
    expect(p.features).toEqual([]);
    expect(messages(p.problems)[0]).toContain('a table has no geometry for the roads layer');
  });

  it('reports progress during a long parse, ending at 1', () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `S${i},13.${i % 10},25.${i % 7},camp`).join('\n');
    const seen: number[] = [];
    const p = sites(`name,lat,lon,kind\n${rows}\n`, { onProgress: (f) => seen.push(f) });
    expect(p.counts.valid).toBe(6000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('gives the same source key to files with the same header, another to a different header', () => {
    const a = sites('name,lat,lon\nA,13.4,25.3\n');
    const b = sites('name,lat,lon\nB,13.5,25.4\nC,13.6,25.4\n');
    const c = sites('site,lat,lon\nA,13.4,25.3\n');
    expect(a.sourceKey).toBe(b.sourceKey);
    expect(a.sourceKey).not.toBe(c.sourceKey);
  });
});
