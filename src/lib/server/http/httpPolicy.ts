import type { Viewer } from '../auth/roles';
import { bodyEtag, cacheControl, matchingTag } from './cache';
import { appendVary, compressResponse } from './compress';
import { withSecurityHeaders } from './securityHeaders';

/** tRPC procedures whose GET answers are public reads for an anonymous caller. */
const PUBLIC_TRPC_READS = new Set(['situation.get', 'analysis.run']);

/** True when the request is a GET of public tRPC reads only (`/api/trpc/a,b?batch=1` included). */
function isPublicTrpcRead(request: Request, url: URL): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!url.pathname.startsWith('/api/trpc/')) return false;
  const procedures = decodeURIComponent(url.pathname.slice('/api/trpc/'.length)).split(',');
  return procedures.length > 0 && procedures.every((p) => PUBLIC_TRPC_READS.has(p));
}

/**
 * What every response goes through on its way out (from `hooks.server.ts`):
 * - a route that chose its own `Cache-Control` (OGC, exports, the basemap) keeps it;
 * - an anonymous tRPC read of the situation or the analysis gets a strong ETag (hash of its body), the
 *   public policy and `Vary: Cookie` (a signed-in caller gets other records), and a 304 when it matches;
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
  return withSecurityHeaders(url, await cacheAndCompress(request, url, viewer, response));
}

async function cacheAndCompress(
  request: Request,
  url: URL,
  viewer: Viewer,
  response: Response,
): Promise<Response> {
  let out = response;
  if (!response.headers.has('cache-control')) {
    if (!viewer && response.status === 200 && isPublicTrpcRead(request, url) && response.body) {
      const body = new Uint8Array(await response.arrayBuffer());
      const headers = new Headers(response.headers);
      const etag = bodyEtag(body);
      headers.set('etag', etag);
      headers.set('cache-control', cacheControl('public'));
      appendVary(headers, 'Cookie');
      const hit = matchingTag(request.headers.get('if-none-match'), etag);
      if (hit) {
        headers.set('etag', hit);
        headers.delete('content-type');
        headers.delete('content-length');
        return new Response(null, { status: 304, headers });
      }
      out = new Response(body, { status: 200, headers });
    } else if (viewer) {
      const headers = new Headers(response.headers);
      headers.set('cache-control', cacheControl('private'));
      out = new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    }
  }
  return compressResponse(request, out);
}
