/** The caches of the service worker are named with this prefix (and the app's version). */
export const OFFLINE_CACHE_PREFIX = 'corridor-offline-';

/** The tRPC read whose last public answer the map opens with when offline. */
export const SITUATION_PATH = '/api/trpc/situation.get';

/**
 * What the map page and the embed need to open without a network: the pages, the app's scripts, styles and
 * fonts, the basemap, the map's mode (`/map/meta.json`, which the map page asks first) and the situation (the
 * map analyses it in the browser). Nothing else is kept.
 */
export function isOfflinePath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/embed' ||
    pathname === '/embed/situation.json' ||
    pathname === '/favicon.svg' ||
    pathname === SITUATION_PATH ||
    pathname === '/map/meta.json' ||
    pathname.startsWith('/_app/') ||
    pathname.startsWith('/fonts/') ||
    pathname.startsWith('/basemap/')
  );
}

/**
 * The map's data, which the worker asks the server again on every load (a revalidation) instead of letting
 * the browser's HTTP cache answer within its max-age: offline, only the worker's marked copy must answer.
 */
export function isRevalidatedPath(pathname: string): boolean {
  return pathname === SITUATION_PATH || pathname === '/map/meta.json' || pathname === '/embed/situation.json';
}

/** The key a page is also kept under: its path and language, without the view's parameters (date, map…). */
export function pageKey(url: URL): string {
  const lang = url.searchParams.get('lang');
  return `${url.origin}${url.pathname}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
}

/**
 * Whether a response may be kept for offline use: a complete success that any visitor could have been given,
 * i.e. not marked `private` or `no-store` (the server marks so every answer to a signed-in account).
 */
export function isOfflineCacheable(response: Response): boolean {
  if (response.status !== 200 || response.type === 'opaque') return false;
  return !/\b(private|no-store)\b/i.test(response.headers.get('cache-control') ?? '');
}

/**
 * Header the service worker adds to an answer it serves from its copy because the network failed. The page
 * cannot trust `navigator.onLine` to know it is offline: it stays true while the computer is on a local network
 * whose link out is down (a field office's router without its uplink), so the page learns it from its data.
 */
export const KEPT_COPY_HEADER = 'x-corridor-kept-copy';

/** A kept answer as the worker serves it offline: the same status, headers and body, marked as a copy. */
export function asKeptCopy(kept: Response): Response {
  const headers = new Headers(kept.headers);
  headers.set(KEPT_COPY_HEADER, '1');
  return new Response(kept.body, { status: kept.status, statusText: kept.statusText, headers });
}

/**
 * Whether `response` is the worker's kept copy and, if so, when the server gave it (ISO 8601, from its `Date`
 * header, which a revalidation with a 304 refreshes: the last time the server said this data was current).
 * Undefined for an answer from the network.
 */
export function keptCopyOf(response: Response): { at: string | undefined } | undefined {
  if (response.headers.get(KEPT_COPY_HEADER) !== '1') return undefined;
  const date = Date.parse(response.headers.get('date') ?? '');
  return { at: Number.isNaN(date) ? undefined : new Date(date).toISOString() };
}
