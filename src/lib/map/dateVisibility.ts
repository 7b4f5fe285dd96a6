import type { Situation } from '$lib/domain/schemas';
import { dateVisibilityOn } from './dateVisibilityIndex';
import type { LayerGroup } from './layerGroups';

/**
 * What of the tiles counts on a date, for the tiled map (`tiledStyle.ts`). The tiles hold every date; the
 * style draws each feature by feature state set from these lists, so a date change reloads no tile (a
 * filter or layout reading the date would make MapLibre re-parse every tile of the source).
 *
 * Each list is the short side of its group: most features of a group are in force on most dates, while an
 * incident counts only in the window before the date.
 */
export interface DateVisibility {
  /** Ids in the tiles that are not in force on the date (outside their validity interval), by group. */
  hidden: Partial<Record<Exclude<LayerGroup, 'incidents'>, string[]>>;
  /** Incidents of the window before the date: the only ones drawn (the tiles' default is hidden). */
  incidents: string[];
  /** Roads in force that are impassable in the date's month (drawn dotted). */
  impassable: string[];
}

/**
 * The visibility lists of `asOf` over `situation` (the same features the tiles hold, `tileFeatures`), as
 * `situationOn` and `mapDataOn` decide what counts and what is impassable. Read from an index of what does not
 * depend on the date, made on the first call for a situation and kept while it lives
 * (`dateVisibilityIndex.ts`), so `situation` must not be mutated after (the server's situations are not).
 *
 * @example dateVisibility(situation, '2024-08-20').impassable // ['road_wadi_track', …]
 */
export function dateVisibility(situation: Situation, asOf: string): DateVisibility {
  return dateVisibilityOn(situation, asOf);
}
