// UCDP's Georeferenced Event Dataset (GED), as UCDP publishes it (plain CSV) and as HDX republishes it with
// an HXL hashtag row: one row per event with at least one death, `date_start`, `latitude`, `longitude`,
// `type_of_violence` (1 state-based, 2 non-state, 3 one-sided) and `best` (the best estimate of deaths).
import type { ImportPreset } from './types';

export const ucdpGed: ImportPreset = {
  name: 'ucdp-ged',
  label: 'UCDP GED',
  layer: 'incidents',
  required: [
    ['type_of_violence'],
    ['date_start', '#date+start'],
    ['latitude', '#geo+lat'],
    ['longitude', '#geo+lon'],
  ],
  typical: [
    ['best', '#affected+killed'],
    ['side_a'],
    ['side_b'],
    ['dyad_name'],
    ['conflict_name'],
    ['where_prec'],
    ['where_coordinates'],
    ['source_article'],
    ['deaths_civilians'],
    ['date_prec'],
  ],
  fields: {
    id: ['id'],
    date: ['date_start', '#date+start'],
    lat: ['latitude', '#geo+lat'],
    lon: ['longitude', '#geo+lon'],
    name: ['where_coordinates'],
    category: ['type_of_violence'],
    // The same count gives the fatalities and the severity (below).
    fatalities: ['best', '#affected+killed'],
    severity: ['best', '#affected+killed'],
    description: ['source_headline'],
    country: ['country'],
  },
  // UCDP codes each event from named reports and reviews it, like ACLED: verified, hence public.
  set: { verification: 'verified', source: 'UCDP GED' },
  values: {
    category: { '1': 'hostilities', '2': 'hostilities', '3': 'violence_against_civilians' },
    // As for ACLED's battles (acledCategories.ts): 2, and 3 (roads within the radius blocked) from ten deaths.
    severity: { '>=0': '2', '>=10': '3' },
  },
};
