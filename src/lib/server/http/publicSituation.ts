import type { Situation } from '$lib/domain/schemas';
import type { SituationStore } from '../situation/situationStore';
import { coalesce } from './coalesce';

const readers = new WeakMap<SituationStore, () => Promise<Situation>>();

/** The public situation (public records only) of a store, with overlapping reads coalesced (`coalesce.ts`). */
export function publicSituation(store: SituationStore): Promise<Situation> {
  let read = readers.get(store);
  if (!read) {
    read = coalesce(() => store.situationFor(null));
    readers.set(store, read);
  }
  return read();
}
