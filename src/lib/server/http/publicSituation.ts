import type { Situation } from '$lib/domain/schemas';
import type { SituationStore } from '../situation/situationStore';
import { coalesce } from './coalesce';

/**
 * How long one check of the database for changes answers public reads. Every read of the store checks the
 * features table (one aggregate query: about 1–2 ms on the embedded database, which runs on the server's
 * own thread), and at 1,000 requests/s that check would be the whole cost of a 304. Public responses may be
 * reused for 60 s by any cache (`cache.ts`), so answering them from data at most one second old promises
 * nothing they did not already allow; reads for signed-in viewers always check.
 */
export const PUBLIC_FRESHNESS_MS = 1_000;

interface Reader {
  read: () => Promise<{ at: number; situation: Situation }>;
  last?: { at: number; situation: Situation };
}
const readers = new WeakMap<SituationStore, Reader>();

/** The public situation (public records only) of a store: checked at most once a second, reads coalesced. */
export async function publicSituation(store: SituationStore): Promise<Situation> {
  let r = readers.get(store);
  if (!r) {
    const reader: Reader = {
      read: coalesce(async () => {
        const at = Date.now();
        const situation = await store.situationFor(null);
        reader.last = { at, situation };
        return reader.last;
      }),
    };
    readers.set(store, reader);
    r = reader;
  }
  if (r.last && Date.now() - r.last.at < PUBLIC_FRESHNESS_MS) return r.last.situation;
  return (await r.read()).situation;
}
