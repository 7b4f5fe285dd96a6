import type { Situation } from '$lib/domain/schemas';
import { isoDate } from '$lib/domain/schemas';
import { isLayerGroup } from '$lib/map/layerGroups';
import { cacheControl, matchingTag, strongEtag } from '../http/cache';
import { contentHash } from '../http/contentVersion';
import { publicSituation } from '../http/publicSituation';
import { readerArrived, readerLeft } from '../http/readerActivity';
import { withSecurityHeaders } from '../http/securityHeaders';
import type { SituationStore } from '../situation/situationStore';
import { checkTileRange, TileRangeError } from './vectorTiles';

/**
 * What a public answer of the map's data is a pure function of, besides the public content: the parts of its
 * strong ETag (`viewResponse`). The routes and the early revalidation (`revalidateMapData`) both tag with
 * these, so a tag the route gave is the tag checked before SvelteKit routes anything.
 */
export const mapDataParts = {
  meta: (): string[] => ['meta'],
  verdicts: (date: string): string[] => ['verdicts', date],
  tile: (layer: string, z: number, x: number, y: number): string[] => ['tile', layer, `${z}/${x}/${y}`],
};

/**
 * `Vary` of a public answer: every one, the tiles too, is compressed per `Accept-Encoding` (`compress.ts`). A
 * 304 carries it too (RFC 9110 §15.4.5), so a shared cache keys it as it keyed the 200.
 */
export const mapDataVary = (): string[] => ['Accept-Encoding'];

/** The strong ETag of a public answer of the map's data over `situation`. */
export const mapDataEtag = (situation: Situation, parts: string[]): string =>
  strongEtag('map-view', contentHash(situation), ...parts);

const TILE_PATH = /^\/tiles\/([^/]+)\/(\d{1,7})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

/**
 * The tag parts of a request the routes would answer with a public 200 (a tile in the pyramid of a known layer,
 * the verdicts of a well-formed date, the meta), or null: any other request goes through SvelteKit, which
 * gives it its 404 or 400 as before.
 */
export function mapDataPartsOf(url: URL): string[] | null {
  const path = url.pathname;
  if (path === '/map/meta.json') return mapDataParts.meta();
  if (path === '/map/verdicts.json') {
    const date = url.searchParams.get('date');
    return date !== null && isoDate.safeParse(date).success ? mapDataParts.verdicts(date) : null;
  }
  const t = TILE_PATH.exec(path);
  if (!t || !isLayerGroup(t[1])) return null;
  const [z, x, y] = [t[2], t[3], t[4]].map(Number);
  try {
    checkTileRange(z, x, y);
  } catch (e) {
    if (e instanceof TileRangeError) return null;
    throw e;
  }
  return mapDataParts.tile(t[1], z, x, y);
}

/** What of a request decides whether it is an anonymous revalidation (`revalidateMapData`). */
export interface RevalidationAsked {
  method: string;
  ifNoneMatch: string | null;
  /** True when the request carries a session cookie: its viewer may be signed in (private answers). */
  hasSession: boolean;
}

/**
 * The 304 of an anonymous revalidation of the map's data, answered before SvelteKit resolves the request
 * (`hooks.server.ts`, and before that `scripts/server.js` through `publishEarlyRevalidation`): its tag is known
 * from the URL and the public content's hash alone (the public situation is checked against the database's
 * data version at most once a second, as for every public read, so a tag is never current for longer than
 * that after any instance changed the data). The 304 has the headers the route's 304 and 200 have: ETag,
 * Cache-Control, Vary and the security headers. Null when the request is not such a revalidation (no
 * `If-None-Match`, a session cookie, another path, a tag that does not match): the route answers.
 */
export async function revalidateMapData(
  asked: RevalidationAsked,
  url: URL,
  store: () => Promise<SituationStore>,
): Promise<Response | null> {
  if (asked.hasSession || (asked.method !== 'GET' && asked.method !== 'HEAD') || !asked.ifNoneMatch)
    return null;
  const parts = mapDataPartsOf(url);
  if (!parts) return null;
  const etag = mapDataEtag(await publicSituation(await store()), parts);
  const hit = matchingTag(asked.ifNoneMatch, etag);
  if (!hit) return null;
  const headers = new Headers({ 'cache-control': cacheControl('public'), etag: hit });
  const vary = mapDataVary();
  if (vary.length) headers.set('vary', vary.join(', '));
  return withSecurityHeaders(url, new Response(null, { status: 304, headers }));
}

/** Where `scripts/server.js` finds the early revalidation (a registered symbol: the server is outside the bundle). */
export const EARLY_REVALIDATION = Symbol.for('corridor.revalidateMapData');

/**
 * The headers of the 304 of a revalidation as Node's HTTP server received it, or null: what `scripts/server.js`
 * asks before handing the request to SvelteKit, so a 304 costs no Request, routing or Response of SvelteKit's.
 */
export type EarlyRevalidation = (
  method: string,
  url: URL,
  ifNoneMatch: string | undefined,
  cookie: string | undefined,
) => Promise<Record<string, string> | null>;

/** Publishes the early revalidation for `scripts/server.js` (from the server's `init`). */
export function publishEarlyRevalidation(store: () => Promise<SituationStore>, sessionCookie: string): void {
  const named = new RegExp(`(?:^|;)\\s*${sessionCookie}=`);
  const early: EarlyRevalidation = async (method, url, ifNoneMatch, cookie) => {
    // A reader's request like any other: the warm-up must not start in the middle of a map's revalidations
    // (one per tile in view on every move), which it would hold up for as long as its analysis takes.
    readerArrived();
    try {
      const asked = { method, ifNoneMatch: ifNoneMatch ?? null, hasSession: !!cookie && named.test(cookie) };
      const res = await revalidateMapData(asked, url, store);
      return res && Object.fromEntries(res.headers);
    } finally {
      readerLeft();
    }
  };
  (globalThis as Record<symbol, unknown>)[EARLY_REVALIDATION] = early;
}
