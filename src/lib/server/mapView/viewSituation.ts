import type { Situation } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { cachedResponse, type CachedBody } from '../http/cache';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';
import { mapDataEtag, mapDataVary } from './mapDataTags';

/**
 * The situation a viewer may see: anonymous visitors get the public one (checked for changes at most once a
 * second, as every public read), signed-in viewers theirs, always checked.
 */
export function situationForView(store: SituationStore, viewer: Viewer): Promise<Situation> {
  return viewer ? store.situationFor(viewer) : publicSituation(store);
}

/**
 * A response of the map's data for `viewer`: public (shared caches may keep it, strong ETag from the public
 * content's version and `parts` of `mapDataParts`, 304 when it matches) for anonymous visitors; `private,
 * no-store` otherwise. A revalidation without a session cookie gets its 304 earlier (`revalidateMapData`).
 */
export function viewResponse(
  request: Request,
  viewer: Viewer,
  situation: Situation,
  parts: string[],
  build: () => CachedBody | Promise<CachedBody>,
): Promise<Response> {
  const etag = viewer ? '' : mapDataEtag(situation, parts);
  return cachedResponse(request, {
    etag,
    policy: viewer ? 'private' : 'public',
    vary: mapDataVary(),
    build,
  });
}
