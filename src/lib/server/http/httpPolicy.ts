import type { Viewer } from '../auth/roles';
import { cacheControl, matchingTag, strongEtag, sortedQuery } from './cache';
import { appendVary, compressResponse } from './compress';
import { contentHash } from './contentVersion';
import { withSecurityHeaders } from './securityHeaders';

/** The tiled map's data endpoints (src/routes/tiles, src/routes/map): a path of this shape reaches one of them. */
const LANGUAGE_FREE =
  /^\/(tiles\/[^/]+\/[^/]+\/[^/]+\/[^/]+\.mvt|map\/(meta\.json|verdicts\.json|features\/[^/]+))$/;

/**
 * Paths answered without a language (`hooks.server.ts`): the tiled map's data endpoints, whose bodies and
 * error messages hold no interface string (an endpoint's error is JSON or SvelteKit's static error page). Only
 * the exact shapes of those routes: any other path under `/map/` or `/tiles/` is a page (an error page in the
 * request's language).
 */
export function isLanguageFree(pathname: string): boolean {
  return LANGUAGE_FREE.test(pathname);
}

/** tRPC procedures whose GET answers are public reads for an anonymous caller. */
const PUBLIC_TRPC_READS = new Set(['situation.get', 'analysis.run']);

/** True when the request is a GET of public tRPC reads only (`/api/trpc/a,b?batch=1` included). */
export function isPublicTrpcRead(request: Request, url: URL): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!url.pathname.startsWith('/api/trpc/')) return false;
  const procedures = decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',');
  return procedures.length > 0 && procedures.every((p) => PUBLIC_TRPC_READS.has(p));
}

/**
 * What every response goes through on its way out (from `hooks.server.ts`):
 * - a route that chose its own `Cache-Control` (OGC, exports, the basemap) keeps it;
 * - an anonymous tRPC read of the situation or the analysis has its ETag and public policy already
 *   (`publicTrpcRead`, before any work is done);
 * - anything else answered to a signed-in viewer is `private, no-store`;
 * - then textual bodies are compressed when the client accepts it;
 * - and every response gets the security headers (`securityHeaders.ts`).
 */
export async function finishResponse(
  request: Request,
  url: URL,
  viewer: Viewer,
  response: Response,
): Promise<Response> {
  return withSecurityHeaders(url, await cacheAndCompress(request, viewer, response));
}

async function cacheAndCompress(request: Request, viewer: Viewer, response: Response): Promise<Response> {
  let out = response;
  if (viewer && !response.headers.has('cache-control')) {
    const headers = new Headers(response.headers);
    headers.set('cache-control', cacheControl('private'));
    out = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
  return compressResponse(request, out);
}

/**
 * An anonymous GET of `situation.get` and `analysis.run` (alone or batched): both answers are pure
 * functions of the public situation and the request, so its strong ETag is a hash of the public content's
 * hash (computed once per snapshot; the snapshot is checked against the data version at most once a second)
 * and the URL. A matching `If-None-Match` gets its 304 here, before anything is analysed or serialised;
 * otherwise `answer` builds the body from that same situation, and a 200 gets the tag, the public policy
 * and `Vary: Cookie` (a signed-in caller gets other records). Errors are not tagged.
 */
export async function publicTrpcRead(
  request: Request,
  url: URL,
  situation: object,
  answer: () => Promise<Response>,
): Promise<Response> {
  const etag = strongEtag('trpc', url.pathname, sortedQuery(url), contentHash(situation));
  const headers = new Headers({ etag, 'cache-control': cacheControl('public'), vary: 'Cookie' });
  const hit = matchingTag(request.headers.get('if-none-match'), etag);
  if (hit) {
    headers.set('etag', hit);
    return new Response(null, { status: 304, headers });
  }
  const response = await answer();
  if (response.status !== 200) return response;
  const out = new Headers(response.headers);
  out.set('etag', etag);
  out.set('cache-control', cacheControl('public'));
  appendVary(out, 'Cookie');
  return new Response(response.body, { status: 200, headers: out });
}
