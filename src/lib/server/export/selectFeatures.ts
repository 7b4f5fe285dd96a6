import { situationOn } from '$lib/domain/asOf';
import { bboxOfGeometry } from '$lib/domain/geo/bboxOfGeometry';
import { isoDate, type Situation } from '$lib/domain/schemas';
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

export const DEFAULT_WINDOW_DAYS = 30;
export const selectionParameters = ['asOf', 'bbox', 'windowDays'] as const;

/** `?asOf=YYYY-MM-DD` of an export, undefined when not given; anything but a real date throws naming it. */
export function parseAsOf(url: URL): string | undefined {
  const raw = url.searchParams.get('asOf');
  if (raw !== null && !isoDate.safeParse(raw).success)
    throw new ParameterError('asOf', 'must be a real date written YYYY-MM-DD');
  return raw ?? undefined;
}

/** The selection of `?asOf=YYYY-MM-DD&bbox=w,s,e,n&windowDays=30`; a wrong value throws naming it. */
export function parseSelection(url: URL, extra: readonly string[] = []): Selection {
  checkKnownParameters(url, [...selectionParameters, ...extra]);
  const asOf = parseAsOf(url);
  const windowRaw = url.searchParams.get('windowDays');
  const windowDays = windowRaw === null ? DEFAULT_WINDOW_DAYS : Number(windowRaw);
  if (!Number.isInteger(windowDays) || windowDays < 0 || windowDays > 3650)
    throw new ParameterError('windowDays', 'must be a whole number of days from 0 to 3650');
  return { asOf, windowDays, bbox: parseBbox(url.searchParams.get('bbox')) };
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
