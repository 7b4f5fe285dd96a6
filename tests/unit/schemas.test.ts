import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  formatIssue,
  parseLayer,
  parseSituation,
  type LayerName,
  type ValidationIssue,
} from '$lib/domain/schemas';

const scenario = {
  id: 'test',
  name: 'Test',
  defaultAsOf: '2024-08-15',
  timeRange: { from: '2023-04-15', to: '2025-12-31' },
  extent: [21, 9, 39, 23],
  country: 'SDN',
  actors: [
    { id: 'saf', name: 'SAF', color: '#1f77b4', opposes: ['rsf'] },
    { id: 'rsf', name: 'RSF', color: '#d62728', opposes: ['saf'], deniesAccess: true },
  ],
};

const site = (
  props: Record<string, unknown> = {},
  geometry: unknown = { type: 'Point', coordinates: [25.31, 13.49] },
) => ({
  type: 'Feature',
  geometry,
  properties: {
    id: 'sd_zamzam',
    name: 'Zamzam',
    source: 'IOM DTM',
    kind: 'idp_camp',
    country: 'SDN',
    ...props,
  },
});

const area = (coordinates: unknown, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates },
  properties: {
    id: 'a1',
    name: 'Area',
    source: 'analyst',
    actorId: 'rsf',
    confidence: 'assessed',
    validFrom: '2024-01-01',
    ...props,
  },
});

const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The single issue a one-feature layer produces, formatted as the user sees it. */
function onlyIssue(layer: LayerName, feature: unknown): string {
  const { issues, features } = parseLayer(`${layer}.geojson`, layer, fc(feature));
  expect(features).toHaveLength(0);
  expect(issues).toHaveLength(1);
  return formatIssue(issues[0] as ValidationIssue);
}

describe('layer schemas accept good features', () => {
  it('accepts a site, applying defaults (public, not a hub, no figures)', () => {
    const { features, issues } = parseLayer('sites.geojson', 'sites', fc(site()));
    expect(issues).toEqual([]);
    expect(features[0].properties).toMatchObject({ sensitivity: 'public', hub: false, figures: [] });
  });

  it('accepts a polygon with a hole and a MultiPolygon', () => {
    const outer = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
      [0.8, 0.2],
      [0.2, 0.2],
    ];
    const multi = {
      ...area([]),
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [outer, hole],
          [
            [
              [2, 2],
              [3, 2],
              [3, 3],
              [2, 2],
            ],
          ],
        ],
      },
    };
    const { issues } = parseLayer(
      'areas.geojson',
      'areas',
      fc(area([outer, hole]), { ...multi, properties: { ...multi.properties, id: 'a2' } }),
    );
    expect(issues).toEqual([]);
  });
});

describe('layer schemas reject bad input with a message naming file, feature, field and reason', () => {
  it('wrong geometry type for the layer', () => {
    const msg = onlyIssue(
      'sites',
      site(
        {},
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      ),
    );
    expect(msg).toBe(
      'sites.geojson: feature #0 (id "sd_zamzam"), field "geometry.type": must be Point in the sites layer, not LineString',
    );
  });

  it('longitude out of range (the classic 230)', () => {
    expect(onlyIssue('sites', site({}, { type: 'Point', coordinates: [230, 13] }))).toBe(
      'sites.geojson: feature #0 (id "sd_zamzam"), field "geometry.coordinates": longitude 230 is outside [-180, 180]',
    );
  });

  it('latitude out of range', () => {
    expect(onlyIssue('sites', site({}, { type: 'Point', coordinates: [25, -91] }))).toContain(
      'latitude -91 is outside [-90, 90]',
    );
  });

  it('ring not closed', () => {
    expect(
      onlyIssue(
        'areas',
        area([
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0.5],
          ],
        ]),
      ),
    ).toBe(
      'areas.geojson: feature #0 (id "a1"), field "geometry.coordinates[0]": ring is not closed (first and last positions differ)',
    );
  });

  it('self-intersecting ring (bow tie), with where', () => {
    expect(
      onlyIssue(
        'areas',
        area([
          [
            [0, 0],
            [2, 2],
            [2, 0],
            [0, 2],
            [0, 0],
          ],
        ]),
      ),
    ).toBe(
      'areas.geojson: feature #0 (id "a1"), field "geometry.coordinates": self-intersection at 1.00000, 1.00000',
    );
  });

  it('too few vertices in a ring and in a line', () => {
    const { issues } = parseLayer(
      'areas.geojson',
      'areas',
      fc(
        area([
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ]),
      ),
    );
    expect(issues.map(formatIssue)).toContain(
      'areas.geojson: feature #0 (id "a1"), field "geometry.coordinates[0]": a ring needs at least 4 positions, it has 3',
    );
    const road = {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[0, 0]] },
      properties: { id: 'r1', name: 'Road', source: 'OSM', class: 'primary' },
    };
    expect(onlyIssue('roads', road)).toBe(
      'roads.geojson: feature #0 (id "r1"), field "geometry.coordinates": a line needs at least 2 positions, it has 1',
    );
  });

  it('missing source', () => {
    const f = site();
    delete (f.properties as Record<string, unknown>).source;
    expect(onlyIssue('sites', f)).toMatch(/field "properties\.source": /);
  });

  it('unknown kind', () => {
    expect(onlyIssue('sites', site({ kind: 'camp' }))).toMatch(/field "properties\.kind": .*"idp_camp"/);
  });

  it('IPC phase out of 1–5, inside a dated figure', () => {
    expect(
      onlyIssue('sites', site({ figures: [{ date: '2024-08-01', ipcPhase: 6, source: 'FRC' }] })),
    ).toMatch(/field "properties\.figures\[0\]\.ipcPhase": .*5/);
  });

  it('a date that is not YYYY-MM-DD or not a real day', () => {
    expect(
      onlyIssue(
        'areas',
        area(
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          { validFrom: '15/08/2024' },
        ),
      ),
    ).toContain('field "properties.validFrom": must be a date written YYYY-MM-DD');
    expect(
      onlyIssue(
        'areas',
        area(
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          { validFrom: '2024-02-30' },
        ),
      ),
    ).toContain('field "properties.validFrom": is not a real calendar date');
  });

  it('validTo not after validFrom', () => {
    expect(
      onlyIssue(
        'areas',
        area(
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          { validTo: '2023-12-31' },
        ),
      ),
    ).toContain('field "properties.validTo": must be after validFrom (2024-01-01)');
  });

  it('incident severity outside 0–3 and unknown ACAPS category', () => {
    const incident = (p: Record<string, unknown>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25, 13] },
      properties: {
        id: 'i1',
        name: 'Convoy attacked',
        source: 'WFP',
        date: '2025-06-02',
        category: 'violence_against_aid',
        severity: 3,
        verification: 'verified',
        ...p,
      },
    });
    expect(onlyIssue('incidents', incident({ severity: 4 }))).toMatch(/field "properties\.severity": .*3/);
    expect(onlyIssue('incidents', incident({ category: 'battle' }))).toMatch(
      /field "properties\.category": /,
    );
  });

  it('crossing without a status history', () => {
    const crossing = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [22.2, 13.47] },
      properties: {
        id: 'c1',
        name: 'Adré',
        source: 'x',
        kind: 'international',
        countries: ['TCD', 'SDN'],
        statusHistory: [],
      },
    };
    expect(onlyIssue('crossings', crossing)).toBe(
      'crossings.geojson: feature #0 (id "c1"), field "properties.statusHistory": needs at least one dated status',
    );
  });

  it('dated figures out of order, naming the entry', () => {
    const figures = [
      { date: '2024-08-01', population: 500000, source: 'IOM DTM' },
      { date: '2024-03-01', population: 400000, source: 'IOM DTM' },
    ];
    expect(onlyIssue('sites', site({ figures }))).toBe(
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[1].date": figures must be oldest first',
    );
  });

  it('a file that is not a FeatureCollection', () => {
    const { issues } = parseLayer('sites.geojson', 'sites', { type: 'Feature' });
    expect(issues.map(formatIssue)).toEqual([
      'sites.geojson: field "type": must be a GeoJSON FeatureCollection',
    ]);
  });

  it('keeps the good features and reports every bad one, by index', () => {
    const { features, issues } = parseLayer(
      'sites.geojson',
      'sites',
      fc(site(), site({ id: 'b' }, { type: 'Point', coordinates: [0, 95] }), site({ id: 'c', kind: 'x' })),
    );
    expect(features.map((f) => f.properties.id)).toEqual(['sd_zamzam']);
    expect(issues.map((i) => [i.index, i.id])).toEqual([
      [1, 'b'],
      [2, 'c'],
    ]);
  });

  it('does not mutate its input', () => {
    const input = fc(site());
    const copy = structuredClone(input);
    parseLayer('sites.geojson', 'sites', input);
    expect(input).toEqual(copy);
  });
});

describe('parseSituation checks the situation as a whole', () => {
  const layers = (extra: Partial<Record<LayerName, unknown>>) =>
    Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { file: `${k}.geojson`, json: v }]));

  it('accepts a small situation; missing layers are empty', () => {
    const s = parseSituation({
      scenario: { file: 'scenario.json', json: scenario },
      layers: layers({ sites: fc(site()) }),
    });
    expect(s.sites).toHaveLength(1);
    expect(s.roads).toEqual([]);
    expect(s.scenario.actors[1].deniesAccess).toBe(true);
  });

  function issuesOf(fn: () => unknown): string[] {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(DataValidationError);
      return (e as DataValidationError).issues.map(formatIssue);
    }
    throw new Error('expected a DataValidationError');
  }

  it('rejects duplicate ids across layers', () => {
    const msgs = issuesOf(() =>
      parseSituation({
        scenario: { file: 'scenario.json', json: scenario },
        layers: layers({
          sites: fc(site()),
          areas: fc(
            area(
              [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
              { id: 'sd_zamzam' },
            ),
          ),
        }),
      }),
    );
    expect(msgs).toEqual([
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.id": duplicates the id of a feature in areas.geojson',
    ]);
  });

  it('rejects an area held by an actor the scenario does not define', () => {
    const msgs = issuesOf(() =>
      parseSituation({
        scenario: { file: 'scenario.json', json: scenario },
        layers: layers({
          areas: fc(
            area(
              [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 0],
                ],
              ],
              { actorId: 'jem' },
            ),
          ),
        }),
      }),
    );
    expect(msgs).toEqual([
      'areas.geojson: feature #0 (id "a1"), field "properties.actorId": names actor "jem", which scenario.json does not define (it defines: rsf, saf)',
    ]);
  });

  it('rejects a corridor to a site that does not exist', () => {
    const corridor = {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [22.2, 13.47],
          [22.44, 13.44],
        ],
      },
      properties: { id: 'k1', name: 'Adré → El Geneina', source: 'x', fromSiteId: 'nowhere' },
    };
    expect(
      issuesOf(() =>
        parseSituation({
          scenario: { file: 'scenario.json', json: scenario },
          layers: layers({ corridors: fc(corridor) }),
        }),
      ),
    ).toEqual([
      'corridors.geojson: feature #0 (id "k1"), field "properties.fromSiteId": names site "nowhere", which the sites layer does not contain',
    ]);
  });

  it('rejects a scenario whose actor opposes an unknown actor', () => {
    const bad = { ...scenario, actors: [{ ...scenario.actors[0], opposes: ['xyz'] }] };
    expect(
      issuesOf(() => parseSituation({ scenario: { file: 'scenario.json', json: bad }, layers: {} })),
    ).toEqual(['scenario.json: field "actors[0].opposes[0]": names unknown actor "xyz"']);
  });

  it('the error message lists every problem, not only the first', () => {
    try {
      parseSituation({
        scenario: { file: 'scenario.json', json: scenario },
        layers: layers({
          sites: fc(site({}, { type: 'Point', coordinates: [230, 0] }), site({ id: 'x', country: 'Sudan' })),
        }),
      });
      throw new Error('expected a DataValidationError');
    } catch (e) {
      expect((e as Error).message).toMatch(/^Invalid data \(2 problems\):\n/);
      expect((e as Error).message).toContain('longitude 230');
      expect((e as Error).message).toContain('field "properties.country"');
    }
  });
});
