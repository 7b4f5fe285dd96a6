import { situationOn } from '$lib/domain/asOf';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { analysisParamsSchema, isoDate, type Situation } from '$lib/domain/schemas';
import { bboxIntersects, parseBbox, type Bbox } from './bbox';
import type { ExportFeature } from './layerColumns';
import { checkKnownParameters, ParameterError } from './parameterError';

/** What an export is filtered by. */
export interface Selection {
  /** Features that count on this date: `validFrom <= asOf < validTo`; incidents within the window before it. */
  asOf?: string;
  /** Incidents dated up to this many days before `asOf` count (the analysis's `incidentWindowDays`). */
  windowDays: number;
  bbox?: Bbox;
}

const selectionParameters = ['asOf', 'bbox', 'windowDays'];
// The window is the analysis's `incidentWindowDays`: the same default and range.
const windowDaysSchema = analysisParamsSchema.shape.incidentWindowDays;

/** `?asOf=YYYY-MM-DD` of an export, undefined when not given; anything but a real date throws naming it. */
export function parseAsOf(url: URL): string | undefined {
  const raw = url.searchParams.get('asOf');
  if (raw !== null && !isoDate.safeParse(raw).success)
    throw new ParameterError('asOf', 'must be a real date written YYYY-MM-DD');
  return raw ?? undefined;
}

/** The selection of `?asOf=YYYY-MM-DD&bbox=w,s,e,n&windowDays=30`; a wrong value throws naming it. */
export function parseSelection(url: URL): Selection {
  checkKnownParameters(url, selectionParameters);
  const asOf = parseAsOf(url);
  const windowRaw = url.searchParams.get('windowDays');
  const windowDays = windowDaysSchema.safeParse(windowRaw === null ? undefined : Number(windowRaw));
  if (!windowDays.success)
    throw new ParameterError('windowDays', 'must be a whole number of days from 0 to 3650');
  return { asOf, windowDays: windowDays.data, bbox: parseBbox(url.searchParams.get('bbox')) };
}

/** The features of one layer, as the exporters and the OGC API read them (none for an unknown layer). */
export const featuresOf = (situation: Situation, layer: string): ExportFeature[] =>
  (situation as unknown as Record<string, ExportFeature[] | undefined>)[layer] ?? [];

/**
 * The features of one layer in the selection: on the as-of date as the map shows them (the same rule as the
 * analysis: `situationOn`), then those whose bounding box meets `bbox`. Without `asOf`, every feature.
 */
export function selectFeatures(situation: Situation, layer: string, sel: Selection): ExportFeature[] {
  const on = sel.asOf ? situationOn(situation, sel.asOf, sel.windowDays) : situation;
  const list = featuresOf(on, layer);
  const box = sel.bbox;
  return box ? list.filter((f) => bboxIntersects(bboxOfGeometry(f.geometry), box)) : list;
}
