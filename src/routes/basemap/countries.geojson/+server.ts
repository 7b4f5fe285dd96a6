import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { countriesBasemap } from '$lib/server/basemap/countriesBasemap';
import { matchingTag } from '$lib/server/http/cache';
import { negotiateEncoding } from '$lib/server/http/compress';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The offline basemap (`countriesBasemap.ts`), served by the app itself so that the map never fetches from
// another host. Compressed once per process (it never changes while the app runs), at brotli's best quality
// since it is done once.

let body:
  { plain: string; gzip: Uint8Array<ArrayBuffer>; br: Uint8Array<ArrayBuffer>; etag: string } | undefined;

function build(extent: [number, number, number, number]) {
  const plain = JSON.stringify(countriesBasemap(extent));
  return {
    plain,
    gzip: new Uint8Array(gzipSync(plain, { level: 9 })),
    br: new Uint8Array(brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
    etag: `"${createHash('sha1').update(plain).digest('hex').slice(0, 16)}"`,
  };
}

export const GET: RequestHandler = async ({ request }) => {
  body ??= build((await (await services()).store.situationFor(null)).scenario.extent);
  const headers: Record<string, string> = {
    'content-type': 'application/geo+json',
    'cache-control': 'public, max-age=86400',
    etag: body.etag,
    vary: 'accept-encoding',
  };
  const hit = matchingTag(request.headers.get('if-none-match'), body.etag);
  if (hit) return new Response(null, { status: 304, headers: { ...headers, etag: hit } });
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
  if (encoding)
    return new Response(body[encoding === 'br' ? 'br' : 'gzip'], {
      headers: { ...headers, 'content-encoding': encoding },
    });
  return new Response(body.plain, { headers });
};
