import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { fieldOfTag, isHashtagRow } from '$lib/import/hxl';

const area = (pcode: string, figures: unknown[] = []): Feature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [25, 13],
        [26, 13],
        [26, 14],
        [25, 14],
        [25, 13],
      ],
    ],
  },
  properties: {
    id: `admin_${pcode}`,
    name: pcode,
    source: 'COD',
    sensitivity: 'public',
    pcode,
    level: 2,
    figures,
  },
});

describe('HXL-tagged tables', () => {
  it('recognises a hashtag row and the tags Corridor uses', () => {
    expect(isHashtagRow(['#adm1+name', '#adm1+pcode', '', ''])).toBe(true);
    expect(isHashtagRow(['STATE', 'a #hashtag in a note', 'x'])).toBe(false);
    expect(fieldOfTag('#geo +lat')).toBe('lat');
    expect(fieldOfTag('#affected+idps+ind')).toBe('population');
    expect(fieldOfTag('#affected+hh+idps')).toBe('households');
    expect(fieldOfTag('#adm2+code')).toBe('adm2Pcode');
    expect(fieldOfTag('#date+reported')).toBe('date');
    expect(fieldOfTag('#sector')).toBeUndefined();
  });

  it('finds the hashtag row below a title, a group row and the header; untagged columns stay plain columns', () => {
    const text = [
      'Sites master list 1 Jan 2024,,,',
      'Location,,,Origin',
      'SITE,LAT,LONG,From Khartoum,Kind',
      '#loc+name,#geo+lat,#geo+lon,,',
      'Kalma,12.0092,25.0078,300,camp',
    ].join('\n');
    const p = parseImport(text, { fileName: 'sites.csv', layer: 'sites', defaultCountry: 'SDN' });
    expect(p.format).toBe('hxl');
    expect(p.hashtagLine).toBe(4);
    expect(p.headerLine).toBe(3);
    expect(p.columns).toEqual([
      { name: 'SITE', tag: '#loc+name', group: 'Location' },
      { name: 'LAT', tag: '#geo+lat', group: 'Location' },
      { name: 'LONG', tag: '#geo+lon', group: 'Location' },
      { name: 'From Khartoum', group: 'Origin' },
      { name: 'Kind', group: 'Origin' },
    ]);
    expect(p.features[0].properties).toMatchObject({ name: 'Kalma', kind: 'idp_camp' });
    expect(p.features[0].geometry).toEqual({ type: 'Point', coordinates: [25.0078, 12.0092] });
  });

  it('joins a table of IDPs per P-code onto the stored admin areas as dated figures', () => {
    const text =
      'TITLE,,\nLOCALITY CODE,IDPs,HHs\n#adm2+pcode,#affected+idps+ind,#affected+idps+hh\nSD01001,1000,200\nSD09999,5,1\n';
    const p = parseImport(text, {
      fileName: 'idps.csv',
      layer: 'admin',
      date: '2024-12-17',
      existing: [area('SD01001', [{ date: '2024-06-01', idps: 800, source: 'old' }])],
    });
    expect(p.counts).toEqual({ read: 2, valid: 1, rejected: 1, warnings: 0 });
    expect(p.joined).toBe(1);
    expect(p.features[0].properties).toMatchObject({
      id: 'admin_SD01001',
      figures: [
        { date: '2024-06-01', idps: 800, source: 'old' },
        { date: '2024-12-17', idps: 1000, households: 200, source: 'idps.csv' },
      ],
    });
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'error',
        row: 5,
        field: 'LOCALITY CODE',
        message: 'no admin area with pcode SD09999: import the admin boundaries first',
      }),
    ]);
  });

  it('takes the date of the figures from a title row when the table has none, and says so', () => {
    const text =
      'IDP Master List 17-Dec-2024,,\nLOCALITY CODE,IDPs\n#adm2+pcode,#affected+idps+ind\nSD01001,1000\n';
    const p = parseImport(text, { fileName: 'idps.csv', layer: 'admin', existing: [area('SD01001')] });
    expect((p.features[0].properties as { figures: unknown[] }).figures).toEqual([
      { date: '2024-12-17', idps: 1000, source: 'idps.csv' },
    ]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        row: 1,
        message: expect.stringContaining('figures dated 2024-12-17'),
      }),
    ]);
    const undated = parseImport('LOCALITY CODE,IDPs\n#adm2+pcode,#affected+idps+ind\nSD01001,1000\n', {
      fileName: 'idps.csv',
      layer: 'admin',
      existing: [area('SD01001')],
    });
    expect(undated.features).toEqual([]);
    expect(undated.problems[0]).toMatchObject({
      level: 'error',
      row: 3,
      message: 'has no date for its figures',
    });
  });

  it('says the file is not HXL when asked to read it as HXL and there is no hashtag row', () => {
    const p = parseImport('name,lat,lon,kind\nA,13,25,camp\n', {
      fileName: 'a.csv',
      layer: 'sites',
      format: 'hxl',
      defaultCountry: 'SDN',
    });
    expect(p.problems[0]).toMatchObject({
      level: 'error',
      message: expect.stringContaining('has no HXL hashtag row'),
    });
  });
});
