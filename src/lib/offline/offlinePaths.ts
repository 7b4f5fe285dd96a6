/** The caches of the service worker are named with this prefix (and the app's version). */
export const OFFLINE_CACHE_PREFIX = 'corridor-offline-';

/** The tRPC read whose last public answer the map opens with when offline. */
export const SITUATION_PATH = '/api/trpc/situation.get';

/** The tiled map's verdicts of a date (one kept copy per date asked). */
export const VERDICTS_PATH = '/map/verdicts.json';

/** The tiled map's details of one feature on a date (`/map/features/{id}?date=…`). */
export const FEATURE_PATH_PREFIX = '/map/features/';

/**
 * What the map page and the embed need to open without a network: the pages, the app's scripts, styles and
 * fonts, the basemap, the map's mode (`/map/meta.json`, which the map page asks first) and the situation (the
 * map analyses it in the browser); on a tiled map (a large situation), the tiles it loaded, the verdicts of
 * the dates it showed and the details of the features opened. Nothing else is kept.
 */
export function isOfflinePath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/embed' ||
    pathname === '/embed/situation.json' ||
    pathname === '/favicon.svg' ||
    pathname === SITUATION_PATH ||
    pathname === '/map/meta.json' ||
    pathname === VERDICTS_PATH ||
    pathname.startsWith(FEATURE_PATH_PREFIX) ||
    pathname.startsWith('/tiles/') ||
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
  return (
    pathname === SITUATION_PATH ||
    pathname === '/map/meta.json' ||
    pathname === '/embed/situation.json' ||
    pathname === VERDICTS_PATH ||
    pathname.startsWith(FEATURE_PATH_PREFIX)
  );
}

/**
 * How many copies the worker keeps of what a reader can ask without end: tiles (one per place and zoom the
 * map was moved to), verdicts (one per date) and a feature's details (one per feature and date). The oldest
 * kept go first. A tile of Sudan's situation is 1–60 KB as kept (uncompressed), a date's verdicts under 1 MB, a
 * feature's details a few KB (a long corridor's stretches some tens): some tens of MB at most, on a laptop as on
 * a phone, for the places, dates and features a reader last worked on.
 */
export const KEPT_COPIES_LIMITS: Readonly<Record<'tiles' | 'verdicts' | 'features', number>> = {
  tiles: 2000,
  verdicts: 12,
  features: 500,
};

/** Which bounded kind of copy a path is, if any (`KEPT_COPIES_LIMITS`). */
export function boundedKind(pathname: string): keyof typeof KEPT_COPIES_LIMITS | undefined {
  if (pathname.startsWith('/tiles/')) return 'tiles';
  if (pathname === VERDICTS_PATH) return 'verdicts';
  if (pathname.startsWith(FEATURE_PATH_PREFIX)) return 'features';
  return undefined;
}

/**
 * The kept copies to delete so that no bounded kind holds more than its limit: the oldest of each, given the
 * keys in the order the cache lists them (the order they were last put in).
 */
export function copiesOverLimits(
  urls: readonly string[],
  limits: Readonly<Record<string, number>> = KEPT_COPIES_LIMITS,
): string[] {
  const byKind = new Map<string, string[]>();
  for (const u of urls) {
    const kind = boundedKind(new URL(u).pathname);
    if (!kind) continue;
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(u);
  }
  const out: string[] = [];
  for (const [kind, list] of byKind) out.push(...list.slice(0, Math.max(0, list.length - limits[kind])));
  return out;
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
