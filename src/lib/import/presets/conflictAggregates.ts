// Tables of conflict events counted per administrative area and month: ACLED's aggregates on HDX (`Admin2
// Pcode`, `Month`, `Year`, `Events`, `Fatalities`) and HAPI's conflict-event tables (`admin2_code`,
// `event_type`, `events`, `fatalities`, `reference_period_start`). No coordinates, no event.
import type { ImportPreset } from './types';

export const conflictAggregates: ImportPreset = {
  name: 'conflict-aggregates',
  label: 'ACLED or HAPI conflict aggregates',
  layer: 'admin',
  required: [
    [
      'admin2 pcode',
      'admin1 pcode',
      'admin2_code',
      'admin1_code',
      'location_code',
      'adm2_pcode',
      'adm1_pcode',
      '#adm2+code',
      '#adm1+code',
    ],
    ['events', 'fatalities', 'event count', '#affected+killed'],
  ],
  typical: [
    ['fatalities'],
    ['events'],
    ['month'],
    ['year'],
    ['event_type'],
    ['reference_period_start'],
    ['admin1'],
    ['admin2'],
  ],
  fields: {},
  aggregate: true,
  needs:
    'nothing can be added: no layer keeps counts of events per area; import the event list (ACLED export, UCDP GED) into incidents',
};
