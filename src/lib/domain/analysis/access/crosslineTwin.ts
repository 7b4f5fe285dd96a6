import type { EdgeHazards } from '../hazards/evaluateEdgeHazards';
import type { SearchResult } from './dijkstra';

/**
 * Whether every crossline search of these hazards gives what the internal search of the same hubs (and the
 * same explaining or not) gives: with no crossline passage, the two have the same sources, stops and pass
 * costs, and the same edge costs (edgeCosts.ts tells them apart only at passages). A network with no open
 * crossline crossing on a front line (the walks of bench/generateWalks.ts have none) then needs one of the
 * two searches, and after a move one repair instead of two of the same tree.
 */
export function crosslineAsInternal(hazards: EdgeHazards): boolean {
  return hazards.crossline.size === 0;
}

/**
 * The last analysis' search results that this one may compare its own with (searchChanges.ts): all of them,
 * but for a crossline search that took its internal twin's result then (the same object, `twinOf(key)`'s) and
 * cannot now. That result's arrays belong to the twin, whose repair in this analysis may already have written
 * over them: such a search is then taken as changed everywhere (no last result), not compared with them.
 */
export function comparableSearches(
  last: ReadonlyMap<string, SearchResult>,
  sharedNow: boolean,
  twinOf: (key: string) => string | undefined,
): ReadonlyMap<string, SearchResult> {
  if (sharedNow) return last;
  let out: Map<string, SearchResult> | undefined;
  for (const [key, result] of last) {
    const twin = twinOf(key);
    if (twin === undefined || last.get(twin) !== result) continue;
    out ??= new Map(last);
    out.delete(key);
  }
  return out ?? last;
}
