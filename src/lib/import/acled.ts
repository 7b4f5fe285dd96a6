// ACLED's standard export (31 columns, one conflict event per row) → incidents. ACLED is a curated source:
// each event is coded by its researchers from named reports and reviewed before publication, so its
// events import as `verified` and `public` (the public can read them on ACLED's own site). docs/import.md
// gives the category table and the severity rule.
import { acledCategory, acledSeverity } from './acledCategories';
import type { TableColumn } from './columnDetection';
import { parseInteger } from './numbers';
import type { FieldValues } from './toLayer';
import { cleanCell } from './text';

/** The columns an ACLED export must have to be read as one. */
export const ACLED_REQUIRED = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'latitude',
  'longitude',
] as const;

/** Which ACLED column each incident field comes from, for messages and the preview's mapping. */
export const acledMapping: Record<string, string> = {
  id: 'event_id_cnty',
  date: 'event_date',
  category: 'event_type',
  subType: 'sub_event_type',
  severity: 'fatalities',
  fatalities: 'fatalities',
  lat: 'latitude',
  lon: 'longitude',
  source: 'source',
  description: 'notes',
  name: 'location',
  country: 'country',
};

/** True when the header is an ACLED export's (the required columns, whatever their order). */
export function isAcledHeader(columns: readonly TableColumn[]): boolean {
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  return ACLED_REQUIRED.every((c) => names.has(c));
}

/**
 * The incident fields of one ACLED row (`cell(column)` reads a cell by ACLED column name). The name says
 * what happened where ("Armed clash in El Fasher"); the source credits ACLED and the reports it coded from.
 */
export function acledValues(cell: (column: string) => string): FieldValues {
  const eventType = cleanCell(cell('event_type'));
  const subType = cleanCell(cell('sub_event_type'));
  const fatalitiesRaw = cleanCell(cell('fatalities'));
  const fatalities = parseInteger(fatalitiesRaw);
  const actors = ['actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2'].map((a) => cell(a));
  const category = acledCategory(eventType, subType, actors);
  const location = cleanCell(cell('location'));
  const reports = cleanCell(cell('source'));
  return {
    id: cell('event_id_cnty'),
    date: cell('event_date'),
    name: [subType || eventType, location].filter(Boolean).join(' in '),
    // Unknown event types are passed on as written: the schema then names the accepted categories.
    category: category ?? eventType,
    severity: category ? String(acledSeverity(eventType, subType, fatalities ?? 0)) : undefined,
    verification: 'verified',
    sensitivity: 'public',
    fatalities: fatalitiesRaw,
    description: cell('notes'),
    source: reports ? `ACLED (${reports})` : 'ACLED',
    lat: cell('latitude'),
    lon: cell('longitude'),
    country: cell('country'),
  };
}
