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
 * but for the crossline searches that took their internal twins' results then (`twinned`, those searched
 * from hubs) when they cannot now. Such a result's arrays belong to the twin, whose repair in this analysis
 * may already have written over them: the search is then taken as changed everywhere (no last result), not
 * compared with them. (A search from no hub shares a result no repair writes, and is not listed.)
 */
export function comparableSearches(
  last: ReadonlyMap<string, SearchResult>,
  twinned: ReadonlySet<string>,
  sharedNow: boolean,
): ReadonlyMap<string, SearchResult> {
  if (sharedNow || twinned.size === 0) return last;
  const out = new Map(last);
  for (const key of twinned) out.delete(key);
  return out;
}
