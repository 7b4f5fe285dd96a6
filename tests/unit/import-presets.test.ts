// Presets for common sources (src/lib/import/presets/): which files each one is offered for, and what a file
// of that source gives with it, on small generated files with each source's quirks (never copies of their
// files), and on the real files of ../shared/realdata that are of these sources.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '$lib/import';
import { PRESETS, findPreset, presetFits, presetMapping } from '$lib/import/presets';
import type { ImportOptions } from '$lib/import/types';
import { translator } from '$lib/import/valueTranslations';

const EXTENT: [number, number, number, number] = [13, 7, 39, 24];
const REALDATA = resolve('..', 'shared', 'realdata');
const real = (file: string) => readFileSync(resolve(REALDATA, file), 'utf8');
const run = (text: string, o: Partial<ImportOptions> & Pick<ImportOptions, 'layer' | 'fileName'>) =>
  parseImport(text, { extent: EXTENT, defaultCountry: 'SDN', ...o });
const props = (f: { properties: unknown }) => f.properties as Record<string, unknown>;
const names = (cols: string[]) => cols.map((name) => ({ name }));
const errors = (p: { problems: { level: string; message: string }[] }) =>
  p.problems.filter((x) => x.level === 'error').map((x) => x.message);

const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

// A HOT export of places: `name` in Arabic script as on the ground, population written as text with a
// thousands separator, OSM place values below a town, a place without `name:en`.
const hotPlaces = collection([
  point(24.87, 14.03, {
    osm_id: 1001,
    osm_type: 'nodes',
    name: 'طويلة',
    'name:en': 'Tawila',
    'name:ar': 'طويلة',
    place: 'town',
    population: '12,500',
  }),
  point(24.86, 13.89, {
    osm_id: 1002,
    osm_type: 'nodes',
    name: 'Korma',
    'name:en': null,
    'name:ar': 'كرما',
    place: 'isolated_dwelling',
    population: null,
  }),
  point(25.1, 13.2, { osm_id: 1003, osm_type: 'nodes', name: 'Hilla', place: 'Hamlet', population: '300' }),
]);

// OSM health facilities: `amenity` on most, the newer `healthcare` beside it, a pharmacy, one shop that
// slipped into the export.
const osmHealth = collection([
  point(25.35, 13.63, {
    osm_id: 2001,
    name: 'El Fasher South Hospital',
    amenity: 'hospital',
    healthcare: 'hospital',
  }),
  point(24.9, 14.0, {
    osm_id: 2002,
    name: 'Tawila clinic',
    'name:ar': 'عيادة طويلة',
    amenity: 'Clinic',
    healthcare: null,
  }),
  point(22.45, 13.45, {
    osm_id: 2003,
    name: 'Geneina pharmacy',
    amenity: 'pharmacy',
    healthcare: 'pharmacy',
  }),
  point(22.44, 13.44, { osm_id: 2004, name: 'Market shop', amenity: 'marketplace', healthcare: null }),
]);

// UCDP GED as UCDP publishes it: `source_date` (the report) before `date_start` (the event), the type of
// violence as a number, deaths in `best`, numeric ids.
const UCDP_COLUMNS =
  'id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,source_date,where_prec,where_coordinates,latitude,longitude,country,date_start,date_end,deaths_civilians,best,high,low';
const ucdpPlain = [
  UCDP_COLUMNS,
  '500001,2024,1,Sudan: Government,Government of Sudan - RSF,Government of Sudan,RSF,2024-05-20,1,El Fasher town,13.63,25.35,Sudan,2024-05-10,2024-05-10,0,12,15,10',
  '500002,2024,3,RSF - Civilians,RSF - Civilians,RSF,Civilians,2024-06-02,2,Tawila village,14.03,24.87,Sudan,2024-06-01,2024-06-01,3,3,3,3',
  '500003,2024,2,Misseriya - Rizeigat,Misseriya - Rizeigat,Misseriya,Rizeigat,2024-07-01,1,Muglad town,11.03,27.73,Sudan,2024-06-28,2024-06-28,0,1,1,1',
].join('\n');
// The same as HDX republishes it: an HXL hashtag row under the header.
const ucdpHxl = [
  UCDP_COLUMNS,
  '#event+id,#date+year,,,,,,#date+reported,,#loc+name,#geo+lat,#geo+lon,#country+name,#date+start,#date+end,,#affected+killed,,',
  ...ucdpPlain.split('\n').slice(1),
].join('\n');

// HAPI's conflict-event table: counts per admin2 and month, no coordinates.
const hapi = [
  'location_code,has_hrp,in_gho,admin1_code,admin1_name,admin2_code,admin2_name,admin_level,event_type,events,fatalities,reference_period_start,reference_period_end',
  'SDN,Y,Y,SD02,North Darfur,SD02114,Al Fasher,2,political_violence,42,310,2024-06-01,2024-06-30',
].join('\n');

const polygon = (properties: Record<string, unknown>, x = 25.2) => ({
  type: 'Feature',
  properties,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 13.5],
        [x + 0.3, 13.5],
        [x + 0.3, 13.8],
        [x, 13.8],
        [x, 13.5],
      ],
    ],
  },
});

// GADM level 2: GID and NAME of every level above, the key and parent read from the GIDs.
const gadm2 = collection([
  polygon(
    {
      GID_0: 'TCD',
      COUNTRY: 'Chad',
      GID_1: 'TCD.14_1',
      NAME_1: 'Ouaddaï',
      GID_2: 'TCD.14.1_1',
      NAME_2: 'Assoungha',
      TYPE_2: 'Département',
    },
    21.5,
  ),
]);

// The IPC API's points of an analysis: a camp and a town, phases and populations, the period's start.
const ipcPoints = collection([
  point(25.25, 13.5, {
    aar_id: 9001,
    title: 'Zamzam camp',
    overall_phase: 5,
    estimated_population: 500000,
    from: '2024-06-01',
    to: '2024-09-30',
    anl_id: 77,
  }),
  point(24.87, 14.03, {
    aar_id: 9002,
    title: 'Tawila',
    overall_phase: 4,
    estimated_population: 120000,
    from: '2024-06-01',
    to: '2024-09-30',
    anl_id: 77,
  }),
]);

describe('which presets a file is offered', () => {
  it('each source fits its own preset first', () => {
    const first = (cols: string[], layer?: 'areas') => presetFits(names(cols), layer)[0]?.name;
    expect(first(['osm_id', 'name', 'name:en', 'name:ar', 'place', 'population'])).toBe('hot-osm-places');
    expect(first(['osm_id', 'name', 'amenity', 'healthcare', 'operator'])).toBe('osm-health');
    expect(first(UCDP_COLUMNS.split(','))).toBe('ucdp-ged');
    expect(first(hapi.split('\n')[0].split(','))).toBe('conflict-aggregates');
    expect(first(['shapeName', 'shapeISO', 'shapeID', 'shapeGroup', 'shapeType'])).toBe('geoboundaries');
    expect(first(['GID_0', 'COUNTRY', 'GID_1', 'NAME_1'])).toBe('gadm');
    expect(first(['aar_id', 'title', 'overall_phase', 'estimated_population', 'from', 'to'])).toBe('ipc-api');
    expect(first(['name', 'fill', 'stroke'], 'areas')).toBe('control-areas');
  });

  it('a file lacking a required column is offered nothing of that source', () => {
    // UCDP without the type of violence, OSM without `place`, geoBoundaries without shapeID.
    const fits = (cols: string[]) => presetFits(names(cols)).map((f) => f.name);
    expect(fits(UCDP_COLUMNS.replace('type_of_violence,', '').split(','))).not.toContain('ucdp-ged');
    expect(fits(['osm_id', 'name', 'name:en', 'population'])).toEqual([]);
    expect(fits(['shapeName', 'shapeType'])).toEqual([]);
    // A DTM site list and a plain table of camps are offered no preset.
    expect(fits(['Site name', 'Latitude', 'Longitude', 'Individuals'])).toEqual([]);
  });

  it('control polygons are offered on the areas layer only, and not when the file names actors', () => {
    expect(presetFits([], 'areas').map((f) => f.name)).toEqual(['control-areas']);
    expect(presetFits([], 'sites')).toEqual([]);
    expect(presetFits(names(['name', 'actorId']), 'areas')).toEqual([]);
  });

  it('HXL tags count as the columns they tag, whatever the header says', () => {
    const cols = [
      { name: 'type_of_violence' },
      { name: 'Start', tag: '#date +start' },
      { name: 'Y', tag: '#geo+lat' },
      { name: 'X', tag: '#geo+lon' },
    ];
    expect(presetFits(cols)[0]).toMatchObject({ name: 'ucdp-ged', layer: 'incidents' });
    expect(presetMapping(findPreset('ucdp-ged')!, cols).fields).toMatchObject({
      date: 'Start',
      lat: 'Y',
      lon: 'X',
    });
  });

  it('every preset has a unique name, and its fields and fixed values are the layer’s', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(p.name).toMatch(/^[a-z][a-z-]+$/);
  });
});

describe('value translations', () => {
  it('exact values whatever their case, then the highest threshold a number reaches', () => {
    const t = translator({ isolated_dwelling: 'town', '>=0': '2', '>=10': '3' });
    expect(t('Isolated dwelling')).toBe('town');
    expect(t('9')).toBe('2');
    expect(t('10')).toBe('3');
    expect(t(250)).toBe('3');
    expect(t('-1')).toBe('-1');
    expect(t('many')).toBe('many');
    expect(t(null)).toBe(null);
  });
});

describe('reading a file with its preset', () => {
  it('HOT populated places: place → kind, Arabic names, population as text dated by --date', () => {
    const without = run(hotPlaces, {
      fileName: 'hotosm_sdn_populated_places_points.geojson',
      layer: 'sites',
    });
    expect(without.presets?.[0]).toMatchObject({ name: 'hot-osm-places', layer: 'sites' });
    expect(without.mapping?.preset).toBeUndefined();
    const p = run(hotPlaces, {
      fileName: 'hotosm_sdn_populated_places_points.geojson',
      layer: 'sites',
      preset: 'hot-osm-places',
      date: '2025-01-01',
    });
    expect(errors(p)).toEqual([]);
    expect(p.counts.valid).toBe(3);
    const [tawila, korma, hilla] = p.features.map(props);
    expect(tawila).toMatchObject({ name: 'طويلة', nameAr: 'طويلة', kind: 'town' });
    expect(tawila.figures).toEqual([{ date: '2025-01-01', source: expect.any(String), population: 12500 }]);
    expect(korma).toMatchObject({ name: 'Korma', nameAr: 'كرما', kind: 'town' });
    expect(korma.figures ?? []).toEqual([]);
    expect(hilla).toMatchObject({ kind: 'town', id: 'hotosm_sdn_populated_places_points_1003' });
    expect(p.mapping).toMatchObject({
      preset: 'hot-osm-places',
      fields: { kind: 'place', nameAr: 'name:ar' },
    });
  });

  it('OSM health facilities: hospitals, clinics and pharmacies are health facilities; a shop is named as wrong', () => {
    const p = run(osmHealth, {
      fileName: 'hotosm_sdn_health_facilities.geojson',
      layer: 'sites',
      preset: 'osm-health',
    });
    expect(p.counts).toMatchObject({ read: 4, valid: 3, rejected: 1 });
    expect(p.features.map((f) => props(f).kind)).toEqual([
      'health_facility',
      'health_facility',
      'health_facility',
    ]);
    expect(props(p.features[1])).toMatchObject({ name: 'Tawila clinic', nameAr: 'عيادة طويلة' });
    const refused = p.problems.find((x) => x.level === 'error');
    expect(refused).toMatchObject({ featureIndex: 3, field: 'properties.kind' });
    expect(refused!.message).toContain('"health_facility"');
  });

  it('UCDP GED, plain: date_start not source_date, type of violence → category, deaths → fatalities and severity', () => {
    const plain = run(ucdpPlain, { fileName: 'ged241.csv', layer: 'incidents' });
    expect(plain.presets?.[0]?.name).toBe('ucdp-ged');
    const p = run(ucdpPlain, { fileName: 'ged241.csv', layer: 'incidents', preset: 'ucdp-ged' });
    expect(errors(p)).toEqual([]);
    expect(p.features.map(props)).toMatchObject([
      { date: '2024-05-10', category: 'hostilities', severity: 3, fatalities: 12, name: 'El Fasher town' },
      { date: '2024-06-01', category: 'violence_against_civilians', severity: 2, fatalities: 3 },
      { date: '2024-06-28', category: 'hostilities', severity: 2, fatalities: 1 },
    ]);
    for (const f of p.features)
      expect(props(f)).toMatchObject({ verification: 'verified', sensitivity: 'public', source: 'UCDP GED' });
  });

  it('UCDP GED with HXL tags reads the same events', () => {
    const p = run(ucdpHxl, { fileName: 'conflict_data_sdn.csv', layer: 'incidents', preset: 'ucdp-ged' });
    expect(p.format).toBe('hxl');
    expect(p.hashtagLine).toBe(2);
    expect(p.features.map((f) => [props(f).date, props(f).category, props(f).severity])).toEqual([
      ['2024-05-10', 'hostilities', 3],
      ['2024-06-01', 'violence_against_civilians', 2],
      ['2024-06-28', 'hostilities', 2],
    ]);
  });

  it('what the user maps or fixes wins over the preset, field by field', () => {
    const p = run(ucdpPlain, {
      fileName: 'ged241.csv',
      layer: 'incidents',
      preset: 'ucdp-ged',
      mapping: { fields: { name: 'dyad_name' }, set: { severity: '1' } },
    });
    expect(props(p.features[0])).toMatchObject({
      name: 'Government of Sudan - RSF',
      severity: 1,
      category: 'hostilities',
    });
    // The mapping remembered keeps the preset, so the next file of the source is read the same way.
    expect(p.mapping).toMatchObject({
      preset: 'ucdp-ged',
      fields: { name: 'dyad_name' },
      set: { severity: '1' },
    });
    const again = run(ucdpPlain, { fileName: 'ged241.csv', layer: 'incidents', mapping: p.mapping });
    expect(again.features.map(props)).toEqual(p.features.map(props));
  });

  it('a preset for another layer, or one that does not exist, is one error for the file', () => {
    const other = run(ucdpPlain, { fileName: 'ged241.csv', layer: 'sites', preset: 'ucdp-ged' });
    expect(errors(other)).toEqual([
      'the UCDP GED preset (ucdp-ged) imports into the incidents layer, not sites',
    ]);
    expect(other.counts.valid).toBe(0);
    const unknown = run(ucdpPlain, { fileName: 'ged241.csv', layer: 'incidents', preset: 'ucdp' });
    expect(unknown.problems[0]).toMatchObject({ level: 'error', message: 'there is no preset "ucdp"' });
    expect(unknown.problems[0].suggestion).toContain('ucdp-ged');
  });

  it('HAPI conflict aggregates: said once to be an aggregate, with the layer that would take it', () => {
    const p = run(hapi, {
      fileName: 'hdx_hapi_conflict_event_sdn.csv',
      layer: 'admin',
      preset: 'conflict-aggregates',
    });
    expect(errors(p)).toHaveLength(1);
    expect(errors(p)[0]).toMatch(
      /^is an aggregate: counts \(events, fatalities\) per administrative area \(admin2_code\)/,
    );
  });

  it('GADM: name from the deepest level, key and parent from the GIDs', () => {
    const p = run(gadm2, { fileName: 'gadm41_TCD_2.json', layer: 'admin', preset: 'gadm' });
    expect(errors(p)).toEqual([]);
    expect(props(p.features[0])).toMatchObject({
      name: 'Assoungha',
      level: 2,
      pcode: 'TD1401',
      parentPcode: 'TD14',
    });
  });

  it('IPC API points: phase and population as a dated figure of each site', () => {
    const p = run(ipcPoints, {
      fileName: 'ipc_sdn_points.geojson',
      layer: 'sites',
      preset: 'ipc-api',
      mapping: { fields: {}, set: { kind: 'idp_camp' } },
    });
    expect(errors(p)).toEqual([]);
    expect(props(p.features[0])).toMatchObject({
      name: 'Zamzam camp',
      kind: 'idp_camp',
      source: 'IPC',
      figures: [{ date: '2024-06-01', ipcPhase: 5, population: 500000, source: 'IPC' }],
    });
  });

  it('control polygons: the preset asks for actor, confidence and date, and takes them as fixed values', () => {
    const drawn = collection([polygon({ name: 'RSF-held El Fasher', fill: '#ff0000' })]);
    const asked = run(drawn, { fileName: 'control.geojson', layer: 'areas', preset: 'control-areas' });
    expect(asked.counts.valid).toBe(0);
    expect(errors(asked)[0]).toBe(
      'the hand-drawn control areas preset needs a fixed value for actorId, confidence, validFrom: the file cannot say them',
    );
    const given = run(drawn, {
      fileName: 'control.geojson',
      layer: 'areas',
      preset: 'control-areas',
      actors: ['saf', 'rsf'],
      mapping: { fields: {}, set: { actorId: 'rsf', confidence: 'assessed', validFrom: '2025-10-26' } },
    });
    expect(errors(given)).toEqual([]);
    expect(props(given.features[0])).toMatchObject({
      name: 'RSF-held El Fasher',
      actorId: 'rsf',
      confidence: 'assessed',
      validFrom: '2025-10-26',
    });
  });
});

describe('the real files of these sources', () => {
  it('geoBoundaries Chad provinces and departments are offered the geoBoundaries preset, and read with it', () => {
    const adm1 = run(real('tcd_geoboundaries_adm1.geojson'), {
      fileName: 'tcd_geoboundaries_adm1.geojson',
      layer: 'admin',
    });
    expect(adm1.presets?.map((f) => f.name)).toEqual(['geoboundaries']);
    expect(adm1.presets?.[0].score).toBe(1);
    const withIt = run(real('tcd_geoboundaries_adm1.geojson'), {
      fileName: 'tcd_geoboundaries_adm1.geojson',
      layer: 'admin',
      preset: 'geoboundaries',
    });
    expect(withIt.counts.valid).toBe(23);
    expect(withIt.features.map(props).map((p) => [p.name, p.level, p.pcode])).toEqual(
      adm1.features.map(props).map((p) => [p.name, p.level, p.pcode]),
    );
    expect(withIt.features.map((f) => props(f).name)).toContain('Ouaddaï');
    const adm2 = run(real('tcd_geoboundaries_adm2.geojson'), {
      fileName: 'tcd_geoboundaries_adm2.geojson',
      layer: 'admin',
      preset: 'geoboundaries',
      existing: withIt.features,
    });
    expect(adm2.counts.valid).toBe(70);
    expect(adm2.features.every((f) => props(f).level === 2 && typeof props(f).parentPcode === 'string')).toBe(
      true,
    );
  });

  it('the ACLED monthly political violence per locality is offered the aggregates preset, on any layer', () => {
    const text = real('sdn_acled_pv_admin2_monthly_2023-2025.csv');
    for (const layer of ['incidents', 'admin'] as const) {
      const p = run(text, { fileName: 'sdn_acled_pv_admin2_monthly_2023-2025.csv', layer });
      expect(p.presets?.[0]).toMatchObject({ name: 'conflict-aggregates', layer: 'admin' });
      expect(errors(p)).toHaveLength(1);
    }
  });

  it('the real files of other sources are offered no preset that does not fit', () => {
    const fits = (file: string, layer: 'sites' | 'incidents' | 'admin' | 'roads') =>
      (run(real(file), { fileName: file, layer }).presets ?? []).map((f) => f.name);
    expect(fits('sdn_dtm_idp_sites_2019_omdena.csv', 'sites')).toEqual([]);
    expect(fits('hxl_sdn_dtm_idp_admin2_2024-12.csv', 'admin')).toEqual([]);
    expect(fits('sdn_acled_events_2023-04_week.csv', 'incidents')).toEqual([]);
    expect(fits('sdn_osm_primary_roads_pathfinder.geojson', 'roads')).toEqual([]);
    expect(fits('sdn_cod_admin1.geojson', 'admin')).toEqual([]);
  });
});
