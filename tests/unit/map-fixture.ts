// A small situation for the map's unit tests, built through the real parser so defaults apply as in the app.
// A function, not a shared object: every test gets its own copy (no shared mutable fixtures).
import { parseSituation, type Situation } from '$lib/domain/schemas';

const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

export function situation(): Situation {
  return parseSituation({
    scenario: {
      file: 'scenario.json',
      json: {
        id: 'test',
        name: 'Test',
        defaultAsOf: '2024-08-15',
        timeRange: { from: '2023-04-15', to: '2025-12-31' },
        extent: [21, 10, 27, 16],
        country: 'SDN',
        disclaimer: 'Areas of control are approximate.',
        actors: [
          { id: 'saf', name: 'SAF', color: '#1F77B4', opposes: ['rsf'] },
          { id: 'rsf', name: 'RSF', color: '#d62728', opposes: ['saf'] },
        ],
      },
    },
    layers: {
      areas: {
        file: 'areas.geojson',
        json: fc(
          {
            type: 'Feature',
            geometry: square(22, 11, 24, 14),
            properties: {
              id: 'a_west',
              name: 'West',
              source: 's',
              actorId: 'rsf',
              confidence: 'assessed',
              validFrom: '2023-11-01',
            },
          },
          {
            type: 'Feature',
            geometry: square(25, 13, 26, 14),
            properties: {
              id: 'a_fasher',
              name: 'El Fasher',
              source: 's',
              actorId: 'saf',
              confidence: 'contested',
              validFrom: '2024-05-10',
              validTo: '2025-10-26',
            },
          },
        ),
      },
      frontlines: {
        file: 'frontlines.geojson',
        json: fc({
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [25, 13],
              [25, 14],
            ],
          },
          properties: {
            id: 'f1',
            name: 'Siege line',
            source: 's',
            actorIds: ['saf', 'rsf'],
            validFrom: '2024-05-10',
          },
        }),
      },
      sites: {
        file: 'sites.geojson',
        json: fc(
          {
            type: 'Feature',
            geometry: point(25.3107, 13.4885),
            properties: {
              id: 'sd_zamzam',
              name: 'Zamzam IDP camp',
              nameAr: 'معسكر زمزم للنازحين',
              source: 'gazetteer',
              kind: 'idp_camp',
              country: 'SDN',
              figures: [
                { date: '2024-01-01', population: 300000, ipcPhase: 4, source: 'IOM DTM' },
                { date: '2024-08-01', ipcPhase: 5, famine: true, source: 'IPC FRC' },
              ],
            },
          },
          {
            type: 'Feature',
            geometry: point(20.8347, 13.8331),
            properties: {
              id: 'td_abeche',
              name: 'Abéché',
              source: 'g',
              kind: 'supply_hub',
              country: 'TCD',
              hub: true,
            },
          },
          {
            type: 'Feature',
            geometry: point(24.6, 14.2),
            properties: {
              id: 'sd_kutum',
              name: 'Kutum',
              source: 'g',
              kind: 'town',
              country: 'SDN',
              validTo: '2024-01-01',
            },
          },
        ),
      },
      crossings: {
        file: 'crossings.geojson',
        json: fc({
          type: 'Feature',
          geometry: point(22.2, 13.4667),
          properties: {
            id: 'td_adre_crossing',
            name: 'Adré crossing',
            source: 's',
            kind: 'international',
            countries: ['TCD', 'SDN'],
            statusHistory: [
              { date: '2023-06-01', status: 'open', source: 'A' },
              { date: '2024-02-22', status: 'closed', source: 'B' },
              { date: '2024-08-15', status: 'open', source: 'C', note: 'three months' },
            ],
          },
        }),
      },
      roads: {
        file: 'roads.geojson',
        json: fc({
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [24.85, 13.51],
              [25.35, 13.63],
            ],
          },
          properties: {
            id: 'r_track',
            name: 'Tawila track',
            source: 'OSM',
            class: 'track',
            impassableMonths: [7, 8, 9],
          },
        }),
      },
      corridors: {
        file: 'corridors.geojson',
        json: fc({
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [20.83, 13.83],
              [22.2, 13.47],
              [25.31, 13.49],
            ],
          },
          properties: {
            id: 'c_adre',
            name: 'Adré → Zamzam',
            source: 's',
            fromSiteId: 'td_abeche',
            toSiteId: 'sd_zamzam',
          },
        }),
      },
      incidents: {
        file: 'incidents.geojson',
        json: fc(
          {
            type: 'Feature',
            geometry: point(25.2, 13.5),
            properties: {
              id: 'i_recent',
              name: 'Shelling',
              source: 'ACLED',
              date: '2024-08-01',
              category: 'hostilities',
              severity: 3,
              verification: 'verified',
            },
          },
          {
            type: 'Feature',
            geometry: point(23, 13.2),
            properties: {
              id: 'i_old',
              name: 'Looting',
              source: 'OCHA',
              date: '2024-06-01',
              category: 'violence_against_aid',
              severity: 2,
              verification: 'verified',
            },
          },
        ),
      },
    },
  });
}
