import type { Situation } from '$lib/domain/schemas';
import type { VerdictsWire } from '$lib/map/verdictsWire';
import { verdictsWireOf } from '$lib/map/verdictsWireOf';
import type { SituationStore } from '../situation/situationStore';

/** Dates whose verdicts are kept per snapshot: a user moving the date back and forth gets them at once. */
const KEEP_DATES = 32;
// Per snapshot (one per visibility level and content, see `vectorTiles.ts`), the verdicts by date,
// oldest first; a snapshot's go when what its level sees changes and the store drops it.
const kept = new WeakMap<Situation, Map<string, Promise<VerdictsWire>>>();

/**
 * The map's verdicts of `asOf` over `situation` (one the store handed out, of one visibility level), from the
 * store's analysis cache (one computation per date, visibility level and content); kept here in the compact
 * shape the endpoint sends (`verdictsWire.ts`), made from the report directly (`verdictsWireOf`).
 */
export function verdictsForView(
  store: SituationStore,
  situation: Situation,
  asOf: string,
): Promise<VerdictsWire> {
  let byDate = kept.get(situation);
  if (!byDate) kept.set(situation, (byDate = new Map()));
  let v = byDate.get(asOf);
  if (!v) {
    // The analysis of this very situation: asked by its viewer (`analysisFor`), it would be of the situation the
    // store hands out now, which after a write (or a public read's second, `publicSituation.ts`) is another.
    v = store.reportOf(situation, asOf).then((report) => verdictsWireOf(situation, report));
    // A failed analysis is not kept: the next request tries again.
    v.catch(() => byDate.delete(asOf));
    byDate.set(asOf, v);
    if (byDate.size > KEEP_DATES) byDate.delete(byDate.keys().next().value as string);
  }
  return v;
}
