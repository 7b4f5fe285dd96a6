import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import countries110m from 'world-atlas/countries-110m.json';
import countries50m from 'world-atlas/countries-50m.json';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from '$lib/map/basemapGeoJson';
import { matchingTag } from '$lib/server/http/cache';
import { negotiateEncoding } from '$lib/server/http/compress';
import { services } from '$lib/server/services';
import type { RequestHandler } from './$types';

// The offline basemap: Natural Earth countries (world-atlas), served by the app itself so that the map never
// fetches from another host. 1:50m around the scenario (its extent and this margin), 1:110m beyond, which
// keeps the map page inside its transfer budget (README "Light on a slow link"). Built and compressed once per
// process (it never changes while the app runs), at brotli's best quality since it is done once.
const MARGIN_DEG = 3;
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let body:
  { plain: string; gzip: Uint8Array<ArrayBuffer>; br: Uint8Array<ArrayBuffer>; etag: string } | undefined;

function build(extent: [number, number, number, number]) {
  const [w, s, e, n] = extent;
  const region: [number, number, number, number] = [
    Math.max(-180, w - MARGIN_DEG),
    Math.max(-90, s - MARGIN_DEG),
    Math.min(180, e + MARGIN_DEG),
    Math.min(90, n + MARGIN_DEG),
  ];
  const plain = JSON.stringify(
    basemapGeoJson(countries50m as unknown as Countries, {
      coarse: countries110m as unknown as Countries,
      region,
    }),
  );
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
