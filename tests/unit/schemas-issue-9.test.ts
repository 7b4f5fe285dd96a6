import { describe, expect, it } from 'vitest';
import {
  DataValidationError,
  formatIssue,
  parseLayer,
  parseSituation,
  type LayerName,
} from '$lib/domain/schemas';

// Issue 9's inputs (sieges, site lifecycle, expiring findings, perpetrators) and the precise errors bad data
// gets: file, feature index and id, field, reason.
const scenario = {
  id: 'test',
  name: 'Test',
  defaultAsOf: '2024-08-15',
  timeRange: { from: '2023-04-15', to: '2025-12-31' },
  extent: [21, 9, 39, 23],
  country: 'SDN',
  actors: [
    { id: 'saf', name: 'SAF', color: '#1f77b4', opposes: ['rsf'] },
    { id: 'rsf', name: 'RSF', color: '#d62728', opposes: ['saf'] },
  ],
};
const ring = [
  [25.2, 13.5],
  [25.5, 13.5],
  [25.5, 13.8],
  [25.2, 13.8],
  [25.2, 13.5],
];
const siege = (
  props: Record<string, unknown> = {},
  geometry: unknown = { type: 'Polygon', coordinates: [ring] },
) => ({
  type: 'Feature',
  geometry,
  properties: {
    id: 'siege_fasher',
    name: 'Siege of El Fasher',
    source: 'Security Council Report 2024-06-13',
    kind: 'siege',
    severity: 3,
    actorId: 'rsf',
    validFrom: '2024-05-10',
    validTo: '2025-10-26',
    ...props,
  },
});
const site = (props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.24, 13.48] },
  properties: {
    id: 'sd_zamzam',
    name: 'Zamzam',
    source: 'IOM DTM',
    kind: 'idp_camp',
    country: 'SDN',
    ...props,
  },
});
const tawila = site({ id: 'sd_tawila', name: 'Tawila' });
const incident = (props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.35, 13.63] },
  properties: {
    id: 'inc_1',
    name: 'Killings in El Fasher',
    source: 'OHCHR',
    date: '2025-10-27',
    category: 'violence_against_civilians',
    severity: 3,
    verification: 'verified',
    actorId: 'rsf',
    ...props,
  },
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const layers = (extra: Partial<Record<LayerName, unknown>>) =>
  Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { file: `${k}.geojson`, json: v }]));

function situationIssues(extra: Partial<Record<LayerName, unknown>>): string[] {
  try {
    parseSituation({ scenario: { file: 'scenario.json', json: scenario }, layers: layers(extra) });
  } catch (e) {
    expect(e).toBeInstanceOf(DataValidationError);
    return (e as DataValidationError).issues.map(formatIssue);
  }
  throw new Error('expected a DataValidationError');
}
function layerIssues(layer: LayerName, ...features: unknown[]): string[] {
  return parseLayer(`${layer}.geojson`, layer, fc(...features)).issues.map(formatIssue);
}

describe('issue 9 inputs that are right are accepted', () => {
  it('a siege, a site with a lifecycle and dated findings, an incident with its perpetrator', () => {
    const s = parseSituation({
      scenario: { file: 'scenario.json', json: scenario },
      layers: layers({
        constraints: fc(siege()),
        sites: fc(
          site({
            figures: [
              { date: '2024-08-01', famine: true, ipcPhase: 5, validTo: '2024-11-01', source: 'IPC FRC' },
              {
                date: '2024-12-01',
                population: 500000,
                populationLow: 500000,
                populationHigh: 1000000,
                source: 'MSF',
              },
            ],
            statusHistory: [
              {
                date: '2025-04-13',
                status: 'emptied',
                source: 'OCHA',
                movedTo: [{ siteId: 'sd_tawila', population: 379000 }],
              },
            ],
          }),
          tawila,
        ),
        incidents: fc(incident()),
      }),
    });
    expect(s.constraints[0].properties).toMatchObject({ kind: 'siege', actorId: 'rsf' });
    expect(s.sites[0].properties.statusHistory[0].movedTo).toEqual([
      { siteId: 'sd_tawila', population: 379000 },
    ]);
    expect(s.sites[1].properties.statusHistory).toEqual([]);
    expect(s.incidents[0].properties).toMatchObject({
      category: 'violence_against_civilians',
      actorId: 'rsf',
    });
  });
});

describe('issue 9 inputs that are wrong get precise errors', () => {
  it('a siege naming an unknown actor, with the known ones suggested', () => {
    expect(situationIssues({ constraints: fc(siege({ actorId: 'jem' })) })).toEqual([
      'constraints.geojson: feature #0 (id "siege_fasher"), field "properties.actorId": names actor "jem", which scenario.json does not define (it defines: rsf, saf)',
    ]);
  });

  it('a siege without a besieging actor', () => {
    expect(layerIssues('constraints', siege({ actorId: undefined }))).toEqual([
      'constraints.geojson: feature #0 (id "siege_fasher"), field "properties.actorId": a siege names the besieging actor',
    ]);
  });

  it('a siege drawn as a point or a line rather than the ring around the place', () => {
    expect(layerIssues('constraints', siege({}, { type: 'LineString', coordinates: ring }))).toEqual([
      'constraints.geojson: feature #0 (id "siege_fasher"), field "geometry.type": a siege is the ring around the besieged place: must be Polygon or MultiPolygon, not LineString',
    ]);
  });

  it('a site lifecycle out of date order, naming the entry', () => {
    const bad = site({
      statusHistory: [
        { date: '2025-04-13', status: 'emptied', source: 'OCHA' },
        { date: '2025-01-01', status: 'active', source: 'OCHA' },
      ],
    });
    expect(layerIssues('sites', bad)).toEqual([
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.statusHistory[1].date": must be after the previous entry\'s date (2025-04-13): status history is oldest first, one entry a day',
    ]);
  });

  it('a status that is not one of the lifecycle statuses', () => {
    const bad = site({ statusHistory: [{ date: '2025-04-13', status: 'overrun', source: 'OCHA' }] });
    expect(layerIssues('sites', bad)).toHaveLength(1);
    expect(layerIssues('sites', bad)[0]).toContain('field "properties.statusHistory[0].status"');
  });

  it('a movedTo naming a site the sites layer does not contain, or the site itself', () => {
    const bad = site({
      statusHistory: [
        {
          date: '2025-04-13',
          status: 'emptied',
          source: 'OCHA',
          movedTo: [{ siteId: 'sd_tawila' }, { siteId: 'sd_nowhere' }, { siteId: 'sd_zamzam' }],
        },
      ],
    });
    expect(situationIssues({ sites: fc(tawila, bad) })).toEqual([
      'sites.geojson: feature #1 (id "sd_zamzam"), field "properties.statusHistory[0].movedTo[1].siteId": names site "sd_nowhere", which the sites layer does not contain',
      'sites.geojson: feature #1 (id "sd_zamzam"), field "properties.statusHistory[0].movedTo[2].siteId": names the site itself: people moved to another site',
    ]);
  });

  it('a finding whose validTo is not after its date, or that ends nothing', () => {
    const bad = site({
      figures: [
        { date: '2024-08-01', famine: true, validTo: '2024-08-01', source: 'IPC FRC' },
        { date: '2024-09-01', population: 10, validTo: '2025-01-01', source: 'MSF' },
      ],
    });
    expect(layerIssues('sites', bad)).toEqual([
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[0].validTo": must be after the figure\'s date (2024-08-01)',
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[1].validTo": ends an IPC phase or famine finding: give ipcPhase or famine with it',
    ]);
  });

  it('a population range that does not contain the population, or has no population', () => {
    const bad = site({
      figures: [
        { date: '2024-01-01', population: 500000, populationLow: 600000, source: 'x' },
        { date: '2024-02-01', population: 500000, populationHigh: 400000, source: 'x' },
        { date: '2024-03-01', populationHigh: 400000, source: 'x' },
      ],
    });
    expect(layerIssues('sites', bad)).toEqual([
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[0].populationLow": must not exceed population (500000)',
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[1].populationHigh": must not be below population (500000)',
      'sites.geojson: feature #0 (id "sd_zamzam"), field "properties.figures[2].populationHigh": is a range around population: give population with it',
    ]);
  });

  it('an incident whose perpetrator is not an actor of the scenario', () => {
    expect(situationIssues({ incidents: fc(incident({ actorId: 'janjaweed' })) })).toEqual([
      'incidents.geojson: feature #0 (id "inc_1"), field "properties.actorId": names actor "janjaweed", which scenario.json does not define (it defines: rsf, saf)',
    ]);
  });
});
