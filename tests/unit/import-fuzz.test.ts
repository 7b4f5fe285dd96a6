// Property-based fuzzing (fast-check) of every importer and of the layer schemas: whatever the file holds,
// a parser reports problems, it never throws. 10,000 generated cases in all (FUZZ_RUNS_SCALE multiplies
// them for a longer hunt); fast-check prints the seed and the smallest failing input when one throws. Inputs
// are real files' heads (../shared/realdata) and small valid documents, mutated, and text built from the
// tokens each format is made of.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  layerNames,
  layerSchemas,
  parseLayer,
  parseSituation,
  type LayerName,
} from '$lib/domain/schemas';
import { parseImport, type ImportFormat } from '$lib/import';
import { detectMapping, type TableColumn } from '$lib/import/columnDetection';

const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/** Case counts per property below; they add up to 10,000. */
const RUNS = {
  kml: 1500,
  gpx: 1500,
  geojson: 1500,
  csv: 1000,
  hxl: 700,
  acled: 700,
  columns: 1000,
  layers: 1400,
  situation: 700,
};

const REALDATA = resolve('..', 'shared', 'realdata');
/** The first `lines` lines of a real file. */
const head = (file: string, lines: number) =>
  readFileSync(resolve(REALDATA, file), 'utf8').split('\n').slice(0, lines).join('\n');

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document>
<Style id="s"><LineStyle><color>ff0000ff</color></LineStyle></Style>
<Placemark><name>Adré road</name><styleUrl>#s</styleUrl><ExtendedData><Data name="class"><value>Secondary</value></Data></ExtendedData>
<LineString><coordinates>22.2,13.46 22.45,13.45 22.6,13.4</coordinates></LineString></Placemark>
<Placemark><name>A camp</name><Point><coordinates>22.4,13.45,0</coordinates></Point></Placemark>
<Placemark><name>Area</name><Polygon><outerBoundaryIs><LinearRing><coordinates>22,13 23,13 23,14 22,13</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><MultiGeometry><Point><coordinates>1,2</coordinates></Point><LineString><coordinates>1,2 3,4</coordinates></LineString></MultiGeometry></Placemark>
<Placemark><gx:Track><when>2024-01-01T00:00:00Z</when><gx:coord>22 13 0</gx:coord></gx:Track></Placemark>
</Document></kml>`;
const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><name>trip</name><time>2024-01-01T00:00:00Z</time></metadata>
<wpt lat="13.49" lon="25.31"><name>Zamzam</name><type>IDP camp</type><extensions><pop>500</pop></extensions></wpt>
<rte><name>Route</name><rtept lat="13.4" lon="22.4"/><rtept lat="13.5" lon="22.9"/></rte>
<trk><name>Convoy track</name><trkseg><trkpt lat="13.4" lon="22.4"><ele>800</ele><time>2024-01-01T00:00:00Z</time></trkpt><trkpt lat="13.5" lon="22.9"/></trkseg><trkseg><trkpt lat="1" lon="2"/></trkseg></trk>
</gpx>`;
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'x1',
      geometry: { type: 'Point', coordinates: [25.3, 13.5] },
      properties: { id: 'sd_x', name: 'Zamzam', kind: 'idp_camp', population: '500,000', date: '2024-01-01' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [22, 13],
            [23, 13],
            [23, 14],
            [22, 13],
          ],
        ],
      },
      properties: { ADM2_PCODE: 'SD01001', ADM2_EN: 'Nyala', ADM1_PCODE: 'SD01' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [22, 13],
          [23, 14],
        ],
      },
      properties: null,
    },
  ],
});

/** Pieces the formats are made of, for text that is almost, but not quite, a real file. */
const XML_TOKENS = [
  '<?xml version="1.0"?>',
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<!DOCTYPE kml [<!ENTITY e "x">]>',
  '&e;',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&unknown;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<kml>',
  '</kml>',
  '<kml xmlns="http://www.opengis.net/kml/2.2">',
  '<gpx>',
  '</gpx>',
  '<Document>',
  '</Document>',
  '<Folder>',
  '</Folder>',
  '<Placemark>',
  '</Placemark>',
  '<Point>',
  '</Point>',
  '<LineString>',
  '</LineString>',
  '<Polygon><outerBoundaryIs><LinearRing>',
  '</LinearRing></outerBoundaryIs></Polygon>',
  '<innerBoundaryIs><LinearRing><coordinates>1,1 2,2</coordinates></LinearRing></innerBoundaryIs>',
  '<MultiGeometry>',
  '</MultiGeometry>',
  '<coordinates>',
  '</coordinates>',
  '<gx:Track>',
  '<when>',
  '<gx:coord>',
  '<ExtendedData>',
  '<Data name="a"><value>',
  '</value></Data>',
  '<SchemaData schemaUrl="#s"><SimpleData name="pop">',
  '<name>',
  '</name>',
  '<styleUrl>#nope</styleUrl>',
  '<Style id="s">',
  '<wpt lat="13" lon="25">',
  '<wpt lat="x" lon="">',
  '</wpt>',
  '<trk><trkseg>',
  '</trkseg></trk>',
  '<trkpt lat="91" lon="181"/>',
  '<rte><rtept lat="1" lon="2"/>',
  '</rte>',
  '<extensions>',
  '22.4,13.45',
  '22.4,13.45,0 22.5,13.5',
  '1e400,-1e400',
  'NaN,Infinity',
  ',,,',
  ' ',
  '\n',
  '\u0000',
  '\ufeff',
  'ز',
];
const CSV_HEADERS = [
  'lat',
  'lon',
  'latitude',
  'longitude',
  'x',
  'y',
  'name',
  'Name (Arabic)',
  'id',
  'date',
  'event_date',
  'population',
  'Individuals',
  'households',
  'country',
  'iso3',
  'admin1',
  'admin2_pcode',
  'ADM2_PCODE',
  'kind',
  'type',
  'status',
  'class',
  'severity',
  'category',
  'event_type',
  'sub_event_type',
  'fatalities',
  'source',
  'notes',
  'sensitivity',
  'valid_from',
  'valid_to',
  'ipc_phase',
  'famine',
  'wkt',
  '',
  '#geo+lat',
  '#geo+lon',
  '#loc+name',
  '#date',
  '#affected+idps+ind',
  '#adm2+code',
  '#country+code',
  '#',
  '#x_y+z',
];
const CSV_CELLS = [
  '',
  ' ',
  '0',
  '13.5',
  '25.3',
  '-91',
  '181',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  '1,234',
  '1.234,5',
  '12 345',
  '13°30′N',
  `25°18'30"E`,
  'N 13.5',
  '2024-01-01',
  '2024-02-30',
  '17-Dec-2024',
  '45000',
  '99999999999999999999',
  '0000-00-00',
  'yes',
  'no',
  'Zamzam',
  'زمزم',
  'idp camp',
  'IDP Camp',
  'Battles',
  'Violence against civilians',
  'Armed clash',
  'Remote explosive/landmine/IED',
  'SDN',
  'SD',
  'Sudan',
  'TCD',
  'restricted',
  'public',
  'POINT (25 13)',
  'LINESTRING (1 2, 3 4)',
  '"quoted, cell"',
  '"unclosed',
  'a""b',
  '\u0000',
  '\ufeff',
  '#geo+lat',
  '=1+1',
];

/** A few random edits (delete a stretch, insert a token or random text) of a seed text. */
function mutated(seeds: string[], tokens: string[]) {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 12 }), fc.constant('')),
  });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([seed, edits, truncate]) => {
      let text = seed;
      for (const e of edits) {
        const i = Math.floor(e.at * text.length);
        text = text.slice(0, i) + e.insert + text.slice(i + e.remove);
      }
      return truncate ? text.slice(0, Math.floor(text.length * 0.7)) : text;
    });
}
/** Text made of a format's tokens in any order. */
const tokenSoup = (tokens: string[]) =>
  fc
    .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 })), { maxLength: 40 })
    .map((a) => a.join(''));

/** A table as text: a header and rows from the cell pool, any delimiter, quoting and line ends. */
const table = (headers: string[], prefix = '') =>
  fc
    .record({
      header: fc.array(fc.constantFrom(...headers), { minLength: 1, maxLength: 10 }),
      rows: fc.array(
        fc.array(fc.oneof(fc.constantFrom(...CSV_CELLS), fc.string({ maxLength: 10 })), { maxLength: 12 }),
        {
          maxLength: 8,
        },
      ),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      quote: fc.boolean(),
      title: fc.option(fc.constantFrom('DTM SUDAN: IDP Master List 17-Dec-2024', ',,,,', 'Round 1,,Round 0')),
    })
    .map(({ header, rows, delimiter, eol, quote, title }) => {
      const cell = (c: string) => (quote ? `"${c.replace(/"/g, '""')}"` : c);
      const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
      return prefix + (title ? title + eol : '') + lines.join(eol);
    });

const layer = fc.constantFrom(...layerNames);
const EXTENT: [number, number, number, number] = [21, 8, 39, 23];

/** Runs the importer on `text`; fails the case with the input when it throws. */
function importNeverThrows(text: string, fileName: string, format: 'auto' | ImportFormat, l: LayerName) {
  const preview = parseImport(text, { fileName, format, layer: l, extent: EXTENT, defaultCountry: 'SDN' });
  // A report, not a crash: every problem names the file.
  for (const p of preview.problems) expect(p.file).toBe(fileName);
}

describe('fuzzing the importers: problems are reported, never thrown', () => {
  it(`KML (${RUNS.kml} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(mutated([KML], XML_TOKENS), tokenSoup(XML_TOKENS)), layer, (text, l) =>
        importNeverThrows(text, 'f.kml', 'kml', l),
      ),
      { numRuns: runs(RUNS.kml) },
    );
  });

  it(`GPX (${RUNS.gpx} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(mutated([GPX], XML_TOKENS), tokenSoup(XML_TOKENS)), layer, (text, l) =>
        importNeverThrows(text, 'f.gpx', 'gpx', l),
      ),
      { numRuns: runs(RUNS.gpx) },
    );
  });

  it(`GeoJSON (${RUNS.geojson} cases)`, () => {
    const geometry = fc.record(
      {
        type: fc.constantFrom(
          'Point',
          'LineString',
          'Polygon',
          'MultiPolygon',
          'MultiPoint',
          'GeometryCollection',
          'Circle',
        ),
        coordinates: fc.oneof(
          fc.array(fc.double(), { maxLength: 4 }),
          fc.array(fc.array(fc.double({ min: -200, max: 200 }), { maxLength: 3 }), { maxLength: 5 }),
          fc.array(
            fc.array(fc.array(fc.double({ min: -200, max: 200 }), { maxLength: 3 }), { maxLength: 5 }),
            { maxLength: 3 },
          ),
          fc.jsonValue(),
        ),
        geometries: fc.array(fc.jsonValue(), { maxLength: 2 }),
      },
      { requiredKeys: ['type'] },
    );
    const properties = fc.dictionary(
      fc.oneof(fc.constantFrom(...CSV_HEADERS), fc.string({ maxLength: 6 })),
      fc.oneof(fc.constantFrom(...CSV_CELLS), fc.jsonValue()),
      { maxKeys: 8 },
    );
    const feature = fc.record(
      {
        type: fc.constantFrom('Feature', 'feature', 'FeatureCollection'),
        id: fc.oneof(fc.string(), fc.integer(), fc.jsonValue()),
        geometry: fc.oneof(geometry, fc.constant(null), fc.jsonValue()),
        properties: fc.oneof(properties, fc.constant(null), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    const collection = fc
      .record(
        {
          type: fc.constantFrom('FeatureCollection', 'Feature', 'Topology'),
          features: fc.oneof(fc.array(feature, { maxLength: 6 }), fc.jsonValue()),
          crs: fc.oneof(
            fc.constant({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32635' } }),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: ['type'] },
      )
      .map((c) => JSON.stringify(c));
    fc.assert(
      fc.property(
        fc.oneof(
          collection,
          mutated(
            [GEOJSON, head('sdn_cod_admin1.geojson', 1).slice(0, 6000)],
            ['{', '}', '[', ']', ',', ':', '"', 'null', '1e400', '-0', 'NaN'],
          ),
        ),
        layer,
        (text, l) => importNeverThrows(text, 'f.geojson', 'geojson', l),
      ),
      { numRuns: runs(RUNS.geojson) },
    );
  });

  it(`CSV (${RUNS.csv} cases)`, () => {
    const seeds = [
      head('sdn_dtm_idp_sites_2019_omdena.csv', 6),
      head('sdn_acled_pv_admin2_monthly_2023-2025.csv', 6),
    ];
    fc.assert(
      fc.property(
        fc.oneof(table(CSV_HEADERS), mutated(seeds, CSV_CELLS)),
        layer,
        fc.constantFrom<'auto' | ImportFormat>('auto', 'csv'),
        (text, l, format) => importNeverThrows(text, 'f.csv', format, l),
      ),
      { numRuns: runs(RUNS.csv) },
    );
  });

  it(`HXL (${RUNS.hxl} cases)`, () => {
    const hashtags = CSV_HEADERS.filter((h) => h.startsWith('#'));
    const hxl = fc
      .tuple(table(CSV_HEADERS), fc.array(fc.constantFrom(...hashtags), { minLength: 1, maxLength: 10 }))
      .map(([t, tags]) => {
        const [first, ...rest] = t.split(/\r\n|\n|\r/);
        return [first, tags.join(','), ...rest].join('\n');
      });
    fc.assert(
      fc.property(
        fc.oneof(hxl, mutated([head('hxl_sdn_dtm_idp_admin2_2024-12.csv', 8)], CSV_CELLS)),
        layer,
        (text, l) => importNeverThrows(text, 'f.csv', 'hxl', l),
      ),
      { numRuns: runs(RUNS.hxl) },
    );
  });

  it(`ACLED (${RUNS.acled} cases)`, () => {
    const seed = head('sdn_acled_events_2023-04_week.csv', 6);
    const acledHeader = seed.split('\n')[0].split(',');
    fc.assert(
      fc.property(
        fc.oneof(table([...acledHeader, ...acledHeader, 'extra']), mutated([seed], CSV_CELLS)),
        fc.constantFrom<LayerName>('incidents', 'incidents', 'sites'),
        (text, l) => importNeverThrows(text, 'f.csv', 'acled', l),
      ),
      { numRuns: runs(RUNS.acled) },
    );
  });

  it(`column detection (${RUNS.columns} cases)`, () => {
    const column = fc.record(
      {
        name: fc.oneof(fc.constantFrom(...CSV_HEADERS), fc.string({ maxLength: 10 })),
        tag: fc.oneof(
          fc.constantFrom(...CSV_HEADERS.filter((h) => h.startsWith('#'))),
          fc.string({ maxLength: 8 }),
        ),
        group: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(
        fc.array(column, { maxLength: 12 }),
        layer,
        fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
        (columns: TableColumn[], l, given) => {
          const mapping = detectMapping(columns, l, given);
          // Every detected field names a column of the table, or one the user gave.
          const names = new Set([...columns.map((c) => c.name), ...Object.values(given)]);
          for (const c of Object.values(mapping)) expect(names.has(c)).toBe(true);
        },
      ),
      { numRuns: runs(RUNS.columns) },
    );
  });
});

describe('fuzzing the schemas: invalid data is listed, never thrown', () => {
  const coordinate = fc.oneof(
    fc.double({ min: -200, max: 200 }),
    fc.double(),
    fc.constantFrom(0, -0, 180, -180, 90, -90, 1e308),
    fc.jsonValue(),
  );
  const position = fc.array(coordinate, { maxLength: 4 });
  const ring = fc.array(position, { maxLength: 7 });
  const geometry = fc.record(
    {
      type: fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon', 'MultiLineString', 'Nope'),
      coordinates: fc.oneof(
        position,
        ring,
        fc.array(ring, { maxLength: 3 }),
        fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  );
  const date = fc.oneof(
    fc.constantFrom('2024-01-01', '2024-02-30', '2024-13-01', '', '2025-12-31'),
    fc.string({ maxLength: 12 }),
  );
  const value = fc.oneof(date, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
  const properties = fc.dictionary(
    fc.constantFrom(
      'id',
      'name',
      'nameAr',
      'source',
      'sensitivity',
      'validFrom',
      'validTo',
      'kind',
      'country',
      'hub',
      'figures',
      'statusHistory',
      'actor',
      'confidence',
      'class',
      'impassableMonths',
      'sites',
      'category',
      'severity',
      'verification',
      'date',
      'pcode',
      'level',
      'parentPcode',
      'between',
    ),
    fc.oneof(
      value,
      fc.array(
        fc.dictionary(
          fc.constantFrom('date', 'status', 'source', 'population', 'ipcPhase', 'famine', 'idps'),
          value,
          { maxKeys: 4 },
        ),
        { maxLength: 3 },
      ),
    ),
    { maxKeys: 12 },
  );
  const feature = fc.record(
    { type: fc.constantFrom('Feature', 'x'), geometry: fc.oneof(geometry, fc.constant(null)), properties },
    { requiredKeys: ['type', 'geometry'] },
  );
  const collection = fc.oneof(
    fc.record({ type: fc.constant('FeatureCollection'), features: fc.array(feature, { maxLength: 5 }) }),
    fc.jsonValue(),
  );

  it(`each layer's schema (${RUNS.layers} cases)`, () => {
    fc.assert(
      fc.property(layer, collection, (l, json) => {
        const { features, issues } = parseLayer('f.geojson', l, json);
        // Whatever passed is valid for the layer's schema.
        for (const f of features) expect(layerSchemas[l].safeParse(f).success).toBe(true);
        for (const i of issues) expect(i.file).toBe('f.geojson');
      }),
      { numRuns: runs(RUNS.layers) },
    );
  });

  it(`a whole situation (${RUNS.situation} cases)`, () => {
    const scenario = fc.oneof(
      fc.record(
        {
          id: fc.string({ maxLength: 8 }),
          name: fc.string({ maxLength: 8 }),
          description: fc.string({ maxLength: 8 }),
          defaultAsOf: date,
          timeRange: fc.oneof(fc.tuple(date, date), fc.jsonValue()),
          extent: fc.oneof(fc.array(coordinate, { maxLength: 5 }), fc.jsonValue()),
          actors: fc.oneof(
            fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'side', 'backers'), value, { maxKeys: 4 }), {
              maxLength: 3,
            }),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    const layers = fc.dictionary(
      fc.constantFrom(...layerNames),
      collection.map((json) => ({ file: 'l.geojson', json })),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(scenario, layers, (json, ls) => {
        try {
          parseSituation({ scenario: { file: 'scenario.json', json }, layers: ls });
        } catch (e) {
          // The one way it reports: the list of every problem, each naming its file.
          if (!(e instanceof DataValidationError)) throw e;
          expect(e.issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(RUNS.situation) },
    );
  });
});

describe('what fuzzing found: each once threw, and is now a problem in the report', () => {
  const problemsOf = (text: string, fileName: string) =>
    parseImport(text, { fileName, layer: 'sites', extent: EXTENT, defaultCountry: 'SDN' }).problems;

  it('an empty KML file is not valid XML', () => {
    expect(problemsOf('', 'empty.kml')).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'empty.kml',
        message: expect.stringMatching(/^is not valid XML: /),
      }),
    ]);
  });

  it('a GPX file cut off inside a tag is not valid XML', () => {
    const cut = GPX.slice(0, GPX.indexOf('<trkseg>') + '<trkseg'.length);
    expect(problemsOf(cut, 'cut.gpx')).toEqual([
      expect.objectContaining({
        level: 'error',
        file: 'cut.gpx',
        message: expect.stringMatching(/^is not valid XML: /),
      }),
    ]);
  });

  it('a KML file of MultiGeometry nested 20,000 deep is refused as too deeply nested', () => {
    const n = 20_000;
    const text = `<kml><Placemark>${'<MultiGeometry>'.repeat(n)}<Point><coordinates>25,13</coordinates></Point>${'</MultiGeometry>'.repeat(n)}</Placemark></kml>`;
    expect(problemsOf(text, 'deep.kml')).toEqual([
      {
        level: 'error',
        code: 'invalid_xml',
        file: 'deep.kml',
        message: 'could not be read as KML: it is nested too deeply',
      },
    ]);
  });

  it("a GeoJSON point whose coordinates are arrays nested 100,000 deep is the feature's error", () => {
    const n = 100_000;
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":${'['.repeat(n)}${']'.repeat(n)}},"properties":{"id":"x","name":"X","kind":"town"}}]}`;
    const problems = problemsOf(text, 'deep.geojson');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ level: 'error', file: 'deep.geojson', featureIndex: 0 });
    expect(problems[0].field).toMatch(/^geometry\.coordinates/);
  });
});
