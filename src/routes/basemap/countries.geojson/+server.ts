import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import countries50m from 'world-atlas/countries-50m.json';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { basemapGeoJson } from '$lib/map/basemapGeoJson';
import { matchingTag } from '$lib/server/http/cache';
import type { RequestHandler } from './$types';

// The offline basemap: Natural Earth 1:50m countries (world-atlas), served by the app itself so that the
// map never fetches from another host. Built once per process (it never changes while the app runs) and
// gzipped here because the Node adapter does not compress dynamic responses: ~2 MB becomes ~0.7 MB.
let body: { plain: string; gzip: Uint8Array<ArrayBuffer>; etag: string } | undefined;

function build() {
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const plain = JSON.stringify(basemapGeoJson(topology));
  return {
    plain,
    gzip: new Uint8Array(gzipSync(plain)),
    etag: `"${createHash('sha1').update(plain).digest('hex').slice(0, 16)}"`,
  };
}

export const GET: RequestHandler = ({ request }) => {
  body ??= build();
  const headers: Record<string, string> = {
    'content-type': 'application/geo+json',
    'cache-control': 'public, max-age=86400',
    etag: body.etag,
    vary: 'accept-encoding',
  };
  const hit = matchingTag(request.headers.get('if-none-match'), body.etag);
  if (hit) return new Response(null, { status: 304, headers: { ...headers, etag: hit } });
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(body.gzip, { headers: { ...headers, 'content-encoding': 'gzip' } });
  }
  return new Response(body.plain, { headers });
};
