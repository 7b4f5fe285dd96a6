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
 * Whether a response may be kept for offline use: a complete success that any visitor could have been given,
 * i.e. not marked `private` or `no-store` (the server marks so every answer to a signed-in account).
 */
export function isOfflineCacheable(response: Response): boolean {
  if (response.status !== 200 || response.type === 'opaque') return false;
  return !/\b(private|no-store)\b/i.test(response.headers.get('cache-control') ?? '');
}
