import type { Situation } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import type { SituationStore } from '../situation/situationStore';
import { serialisedBody } from './serialisedBodies';
import { verdictsForView } from './verdictsForView';

/**
 * The body of `/map/verdicts.json` for `asOf`: `verdictsForView` (in the endpoint's compact shape,
 * `verdictsWire.ts`) as JSON, serialised once per snapshot and date (`serialisedBody`), for the route and the
 * warm-up of the next dates (`verdictsWarmUp.ts`) alike.
 */
export function verdictsBody(
  store: SituationStore,
  viewer: Viewer,
  situation: Situation,
  asOf: string,
): Promise<Uint8Array<ArrayBuffer>> {
  return serialisedBody(situation, `verdicts ${asOf}`, async () =>
    JSON.stringify(await verdictsForView(store, viewer, situation, asOf)),
  );
}
