import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';

const square = (cw: boolean) => {
  const ring = [
    [25, 13],
    [26, 13],
    [26, 14],
    [25, 14],
    [25, 13],
  ];
  return cw ? [...ring].reverse() : ring;
};
const admin = (geometry: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry,
  properties: { adm1_pcode: 'SD02', adm1_name: 'North Darfur', adm0_pcode: 'SD', ...properties },
});
const parse = (json: unknown, layer: 'admin' | 'roads' | 'sites' = 'admin') =>
  parseImport(JSON.stringify(json), { fileName: 'test.geojson', layer, defaultCountry: 'SDN' });

describe('GeoJSON', () => {
  it('takes a FeatureCollection, a single Feature or a bare geometry', () => {
    const polygon = { type: 'Polygon', coordinates: [square(false)] };
    expect(parse({ type: 'FeatureCollection', features: [admin(polygon)] }).counts.valid).toBe(1);
    expect(parse(admin(polygon)).counts.valid).toBe(1);
    const bare = parse(
      {
        type: 'LineString',
        coordinates: [
          [25, 13],
          [26, 14],
        ],
      },
      'roads',
    );
    expect(bare.problems.filter((p) => p.level === 'error')).toEqual([
      expect.objectContaining({
        featureIndex: 0,
        field: 'properties.class',
        message: expect.stringContaining('primary'),
      }),
    ]);
  });

  it.each(['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4326'])(
    'accepts a legacy crs that means WGS 84 (%s)',
    (name) => {
      const p = parse({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name } },
        features: [admin({ type: 'Polygon', coordinates: [square(false)] })],
      });
      expect(p.problems).toEqual([]);
      expect(p.counts.valid).toBe(1);
    },
  );

  it('refuses a projected crs with a clear error and how to reproject', () => {
    const p = parse({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32635' } },
      features: [admin({ type: 'Polygon', coordinates: [square(false)] })],
    });
    expect(p.features).toEqual([]);
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'test.geojson',
        field: 'crs',
        message: expect.stringContaining('"urn:ogc:def:crs:EPSG::32635"'),
        suggestion: expect.stringContaining('EPSG:4326'),
      }),
    ]);
  });

  it('rewinds clockwise outer rings by the right-hand rule, and says so once', () => {
    const p = parse({
      type: 'FeatureCollection',
      features: [admin({ type: 'Polygon', coordinates: [square(true)] })],
    });
    expect((p.features[0].geometry as GeoJSON.Polygon).coordinates[0]).toEqual(square(false));
    expect(p.problems).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('rewound') }),
    ]);
  });

  it('ignores foreign members such as a per-feature bbox and a top-level id', () => {
    const f = {
      ...admin({ type: 'Polygon', coordinates: [square(false)], bbox: [25, 13, 26, 14] }),
      bbox: [25, 13, 26, 14],
      id: 'x',
    };
    const p = parse({ type: 'FeatureCollection', features: [f] });
    expect(p.features[0]).not.toHaveProperty('bbox');
    expect(p.features[0].geometry).not.toHaveProperty('bbox');
    expect(p.features[0].properties).toMatchObject({
      id: 'x',
      pcode: 'SD02',
      level: 1,
      parentPcode: 'SD',
      name: 'North Darfur',
    });
  });

  it('reads COD-AB fields: P-code, level, parent, the Arabic name from the langN field that says ar', () => {
    const p = parse(
      admin(
        { type: 'Polygon', coordinates: [square(false)] },
        { adm1_name1: 'شمال دارفور', lang1: 'ar', valid_on: '2020-08-31', valid_to: null },
      ),
    );
    expect(p.features[0].properties).toMatchObject({
      id: 'admin_SD02',
      nameAr: 'شمال دارفور',
      validFrom: '2020-08-31',
      source: 'test.geojson',
      figures: [],
    });
  });

  it('names an unclosed ring and a self-intersection with where and how to fix', () => {
    const open = square(false)
      .slice(0, 4)
      .concat([[25, 13.5]]);
    const bowtie = [
      [25, 13],
      [26, 14],
      [26, 13],
      [25, 14],
      [25, 13],
    ];
    const p = parse({
      type: 'FeatureCollection',
      features: [
        admin({ type: 'Polygon', coordinates: [open] }),
        admin({ type: 'Polygon', coordinates: [bowtie] }, { adm1_pcode: 'SD03' }),
      ],
    });
    expect(p.features).toEqual([]);
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          featureIndex: 0,
          field: 'geometry.coordinates[0]',
          suggestion: expect.stringMatching(/^ring not closed/),
        }),
        expect.objectContaining({
          featureIndex: 1,
          field: 'geometry.coordinates',
          message: 'self-intersection at 25.50000, 13.50000',
          suggestion: expect.stringMatching(/^self-intersection at 25.50000, 13.50000/),
        }),
      ]),
    );
  });

  it('refuses a geometry type the layer does not take, and text that is not JSON', () => {
    const p = parse({ type: 'Point', coordinates: [25, 13] }, 'roads');
    expect(p.problems[0]).toMatchObject({
      level: 'error',
      featureIndex: 0,
      field: 'geometry.type',
      message: 'must be LineString in the roads layer, not Point',
    });
    const bad = parseImport('{"type": "FeatureCollection", "features": [', {
      fileName: 'broken.geojson',
      layer: 'roads',
    });
    expect(bad.problems[0]).toMatchObject({
      level: 'error',
      file: 'broken.geojson',
      message: expect.stringMatching(/^is not valid JSON/),
    });
  });

  it('maps OSM highway to a road class and names unnamed roads from their class and number', () => {
    const p = parse(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: '12',
            properties: { highway: 'trunk' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [25, 13],
                [26, 14],
              ],
            },
          },
        ],
      },
      'roads',
    );
    expect(p.features[0].properties).toMatchObject({
      id: 'test_12',
      class: 'primary',
      name: 'Unnamed primary road #12',
    });
    expect(p.problems).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('1 feature has no name'),
      }),
    ]);
  });

  it('passes a feature already in the layer schema through unchanged', () => {
    const site = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25.31, 13.49] },
      properties: {
        id: 'sd_zamzam',
        name: 'Zamzam',
        source: 'IOM',
        kind: 'idp_camp',
        country: 'SDN',
        hub: false,
        sensitivity: 'public',
        figures: [{ date: '2024-08-01', population: 500000, source: 'IOM DTM' }],
        statusHistory: [{ date: '2025-04-13', status: 'emptied', source: 'OCHA' }],
      },
    };
    const p = parse({ type: 'FeatureCollection', features: [site] }, 'sites');
    expect(p.problems).toEqual([]);
    expect(p.features[0]).toEqual(site);
  });
});
