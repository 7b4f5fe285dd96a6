import type { Situation } from '$lib/domain/schemas';
import type { Viewer } from '../auth/roles';
import { cachedResponse, strongEtag, type CachedBody } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import type { SituationStore } from '../situation/situationStore';

/**
 * The situation a viewer may see: anonymous visitors get the public one (checked for changes at most once a
 * second, as every public read), signed-in viewers theirs, always checked.
 */
export function situationForView(store: SituationStore, viewer: Viewer): Promise<Situation> {
  return viewer ? store.situationFor(viewer) : publicSituation(store);
}

/**
 * A response of the map's data for `viewer`: public (shared caches may keep it, strong ETag from the public
 * content's version and `parts`, 304 when it matches) for anonymous visitors; `private, no-store` otherwise.
 */
export function viewResponse(
  request: Request,
  viewer: Viewer,
  situation: Situation,
  parts: string[],
  build: () => CachedBody | Promise<CachedBody>,
): Promise<Response> {
  const etag = viewer ? '' : strongEtag('map-view', contentHash(situation), ...parts);
  return cachedResponse(request, { etag, policy: viewer ? 'private' : 'public', build });
}
