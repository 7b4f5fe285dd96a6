import { createHash } from 'node:crypto';
import { version } from '$app/environment';
import { keepEncoded, type Encoding } from './compress';

/**
 * HTTP caching of reads (RFC 9110 §8.8 and §13, RFC 9111). Public reads get a strong ETag and a short
 * `max-age` with `must-revalidate`: a field office on a slow link revalidates with `If-None-Match` and gets
 * a body-less 304 while nothing changed. Anything that depends on a session is `private, no-store`.
 */
export type CachePolicy = 'public' | 'private';

/** Seconds a public read may be reused before it must be revalidated. */
const PUBLIC_MAX_AGE_SECONDS = 60;

export function cacheControl(policy: CachePolicy): string {
  return policy === 'public'
    ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, must-revalidate`
    : 'private, no-store';
}

/**
 * A strong entity tag: a hash of everything the body is a pure function of (the data's content hash, the
 * request's parameters, the build), so it can be checked before the body is built.
 */
export function strongEtag(...parts: string[]): string {
  const h = createHash('sha256').update(version).update('\0');
  for (const p of parts) h.update(p).update('\0');
  return `"${h.digest('base64url').slice(0, 27)}"`;
}

/** A normalised query string for `strongEtag`, so that parameter order does not change the tag. */
export const sortedQuery = (url: URL) =>
  [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).join('&');

/** A strong entity tag of a body already built. */
export function bodyEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Suffixes `compress.ts` adds to a strong tag for its compressed representations. */
const ENCODING_SUFFIX = /-(gzip|br)"$/;

/**
 * The tag of `If-None-Match` that matches `etag` (weak comparison, as §13.1.2 asks, so `W/` is ignored;
 * a compressed representation's tag `"…-gzip"` matches its identity tag), or null when none does.
 */
export function matchingTag(ifNoneMatch: string | null, etag: string): string | null {
  if (!ifNoneMatch) return null;
  const base = etag.replace(/^W\//, '').replace(ENCODING_SUFFIX, '"');
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim();
    if (tag === '*') return etag;
    if (tag.replace(/^W\//, '').replace(ENCODING_SUFFIX, '"') === base) return tag;
  }
  return null;
}

export interface CachedBody {
  status?: number;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer>;
  /** The body compressed already, per coding: a public answer is then sent in it as it is (`keepEncoded`). */
  encoded?: Partial<Record<Encoding, Uint8Array>>;
}

/**
 * The response to a read whose ETag is known before its body is built: 304 without a body when the client
 * already holds it, else the body `build` makes. Private reads are never stored, so they carry no ETag.
 */
export async function cachedResponse(
  request: Request,
  o: { etag: string; policy: CachePolicy; vary?: string[]; build: () => CachedBody | Promise<CachedBody> },
): Promise<Response> {
  const caching: Record<string, string> = { 'cache-control': cacheControl(o.policy) };
  if (o.vary?.length) caching.vary = o.vary.join(', ');
  if (o.policy === 'public') {
    caching.etag = o.etag;
    const hit = matchingTag(request.headers.get('if-none-match'), o.etag);
    if (hit && (request.method === 'GET' || request.method === 'HEAD'))
      return new Response(null, { status: 304, headers: { ...caching, etag: hit } });
  }
  const built = await o.build();
  if (o.policy === 'public')
    for (const [encoding, bytes] of Object.entries(built.encoded ?? {}) as [Encoding, Uint8Array][])
      keepEncoded(o.etag, encoding, bytes);
  return new Response(built.body, { status: built.status ?? 200, headers: { ...built.headers, ...caching } });
}
