import type { Situation } from '$lib/domain/schemas';
import type { SituationStore } from '../situation/situationStore';
import { serialisedBody } from './serialisedBodies';
import type { VerdictsArchive } from './verdictsArchive';
import { verdictsForView } from './verdictsForView';

/**
 * The body of `/map/verdicts.json` for `asOf`: `verdictsForView` (in the endpoint's compact shape,
 * `verdictsWire.ts`) as JSON, serialised once per snapshot and date (`serialisedBody`), for the route and the
 * warm-up of the next dates (`verdictsWarmUp.ts`) alike; from the archive of the warm-up's walk when it, or
 * the database's shared archive, has the date (the same bytes, made the same way).
 */
export function verdictsBody(
  store: SituationStore,
  archive: VerdictsArchive,
  situation: Situation,
  asOf: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return serialisedBody(
    situation,
    verdictsWhat(asOf),
    async () =>
      (await archive.body(situation, asOf, store.stampOf(situation))) ??
      JSON.stringify(await verdictsForView(store, situation, asOf)),
  );
}

/** The key of a date's verdicts among a snapshot's serialised bodies. */
export const verdictsWhat = (asOf: string) => `verdicts ${asOf}`;
