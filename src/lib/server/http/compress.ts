import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// The Node adapter compresses only prerendered static files, so dynamic responses (the API, exports, OGC,
// pages) are compressed here, after the route answered. JSON, GeoJSON, CSV, XML and HTML shrink 5–10×,
// which is what matters on a field office's link. Vector tiles too: their features' ids and values are
// strings that repeat their prefixes, and brotli takes a country-wide tile to a third.

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE =
  /^(text\/|application\/(json|geo\+json|xml|javascript|[\w.+-]+\+xml|[\w.+-]+\+json)\b|application\/vnd\.oai\.openapi\+json|application\/vnd\.mapbox-vector-tile)/i;
/** Below this, compression saves less than the header costs. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The coding to use for `Accept-Encoding` (RFC 9110 §12.5.3): the one with the highest q-value, brotli on a
 * tie (smaller at the quality used here, and as fast), none when neither is acceptable.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(token.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (c: Encoding) => q.get(c) ?? q.get('*') ?? 0;
  const br = of('br');
  const gz = of('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType);
}

function encode(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          // Quality 5 compresses about as fast as gzip's default and smaller; 11 (zlib's default) is far slower.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body);
}

// Compressed bodies by (strong ETag, coding): a strong tag names exact bytes, so the same body is never
// compressed twice while it is asked for. Bounded by entries and bytes; oldest first out. Entries are many
// for the vector tiles (a view asks some fifty, of a few KB each), which would otherwise push out the large
// bodies (a date's verdicts) that cost the most to compress again.
const compressed = new Map<string, Buffer>();
const CACHE_ENTRIES = 1024;
const CACHE_BYTES = 32 * 1024 * 1024;
let cachedBytes = 0;

function remember(key: string, value: Buffer) {
  if (value.byteLength > CACHE_BYTES / 4) return;
  compressed.set(key, value);
  cachedBytes += value.byteLength;
  while (compressed.size > CACHE_ENTRIES || cachedBytes > CACHE_BYTES) {
    const [oldest, buf] = compressed.entries().next().value as [string, Buffer];
    compressed.delete(oldest);
    cachedBytes -= buf.byteLength;
  }
}

/**
 * Gives the compressed cache a form of the body tagged `etag` compressed already (`bytes`, in `encoding`), so
 * that `compressResponse` answers it as it is instead of compressing the body again: the map's archive of
 * verdicts holds each date brotli-compressed (`verdictsArchive.ts`). `bytes` must decode to that very body.
 */
export function keepEncoded(etag: string, encoding: Encoding, bytes: Uint8Array): void {
  const key = `${etag}|${encoding}`;
  if (!compressed.has(key)) remember(key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Adds a field to `Vary` unless it is there already. */
export function appendVary(headers: Headers, field: string) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', field);
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(field.toLowerCase())
  )
    headers.set('vary', `${vary}, ${field}`);
}

/**
 * The response compressed with the coding the request accepts, when its type is textual and it has a body.
 * A strong ETag becomes `"…-br"`/`"…-gzip"`: another representation has other bytes, so another tag
 * (`cache.ts` matches either against the identity tag).
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
  const contentType = response.headers.get('content-type');
  if (
    !response.body ||
    request.method === 'HEAD' ||
    response.status === 204 ||
    response.status === 206 ||
    response.status === 304 ||
    response.headers.has('content-encoding') ||
    !isCompressible(contentType) ||
    /\bno-transform\b/i.test(response.headers.get('cache-control') ?? '')
  )
    return response;
  const headers = new Headers(response.headers);
  appendVary(headers, 'Accept-Encoding');
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
  const init = { status: response.status, statusText: response.statusText, headers };
  if (!encoding) return new Response(response.body, init);
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = headers.get('etag');
  const strong = etag !== null && !etag.startsWith('W/');
  if (body.byteLength < MIN_BYTES && !strong) return new Response(body, init);
  const key = strong ? `${etag}|${encoding}` : null;
  let out = key ? compressed.get(key) : undefined;
  if (!out) {
    out = await encode(body, encoding);
    if (key) remember(key, out);
  }
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(out.byteLength));
  if (strong) headers.set('etag', etag.replace(/"$/, `-${encoding}"`));
  return new Response(new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength), init);
}
