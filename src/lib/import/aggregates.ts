// Tables of counts per administrative area (ACLED's monthly aggregates on HDX, HAPI's conflict-event
// tables): one row per area and month, with the number of events and fatalities, no coordinates. They are
// not events, and the admin layer keeps only displacement figures per P-code, so no layer takes their
// counts: the importer says so once, naming the columns that show it, instead of refusing every row. Pure.
import { detectMapping, type TableColumn } from './columnDetection';
import { normalizeKey } from './text';

/** Header words of a count of conflict events or their victims. */
const EVENT_COUNTS = ['events', 'event count', 'fatalities', 'deaths', 'fatalities count', 'killed'];

export interface Aggregate {
  /** The P-code column the rows are keyed by. */
  pcode: string;
  /** The count columns that make it an aggregate of events. */
  counts: string[];
}

/**
 * The aggregate a table is, or undefined: a P-code column, no coordinate column, count columns of events or
 * fatalities, and no figure the admin layer keeps (IDPs, households).
 */
export function aggregateOf(columns: readonly TableColumn[]): Aggregate | undefined {
  const admin = detectMapping(columns, 'admin');
  const points = detectMapping(columns, 'sites');
  if (points.lat !== undefined || points.lon !== undefined) return undefined;
  if (admin.population !== undefined || admin.households !== undefined) return undefined;
  const pcode = [4, 3, 2, 1].map((n) => admin[`adm${n}Pcode`]).find(Boolean) ?? admin.pcode;
  if (!pcode) return undefined;
  const counts = columns
    .filter((c) => EVENT_COUNTS.includes(normalizeKey(c.name)) || /^#affected\+killed/i.test(c.tag ?? ''))
    .map((c) => c.name);
  return counts.length > 0 ? { pcode, counts } : undefined;
}

/** The file-wide error for an aggregate, whatever layer was chosen. */
export function aggregateMessage(a: Aggregate, layer: string): { message: string; suggestion: string } {
  return {
    message:
      `is an aggregate: counts (${a.counts.join(', ')}) per administrative area (${a.pcode}), not one row per ` +
      `event, and it has no coordinates. The ${layer} layer cannot take it: incidents need one row per event ` +
      'with its position, and the admin layer keeps only IDP and household figures per P-code',
    suggestion:
      'import the list of events instead (ACLED’s export with event_id_cnty, latitude and longitude), or keep ' +
      'this table for charts outside Corridor',
  };
}
