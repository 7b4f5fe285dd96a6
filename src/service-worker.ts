/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline use (README "Offline"): a field office that loses its link still opens the map it last loaded. Each
// GET of the app shell and of the map's data goes to the network first; what comes back is kept, and served
// when the network fails. Only responses any visitor may get are kept (never one marked `private` or
// `no-store`, which is every answer to a signed-in account), so a shared machine never serves one person's
// restricted records to another session, and signing out leaves nothing of the session behind.
import { version } from '$service-worker';
import {
  asKeptCopy,
  boundedKind,
  copiesOverLimits,
  isOfflineCacheable,
  isOfflinePath,
  isRevalidatedPath,
  OFFLINE_CACHE_PREFIX,
  pageKey,
} from './lib/offline/offlinePaths';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `${OFFLINE_CACHE_PREFIX}${version}`;

sw.addEventListener('install', () => {
  // Nothing is fetched ahead: the first visit costs no byte more than without the worker (docs/embed.md).
  void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  // A new version of the app: the copies of the previous one go.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(OFFLINE_CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

// Copies of tiles and verdicts are bounded (`KEPT_COPIES_LIMITS`). Listing the cache's keys on every tile
// would cost more than the tile: the oldest go once every TRIM_EVERY bounded copies put (a worker stopped in
// between starts counting again, so the bound is overshot by less than that).
const TRIM_EVERY = 50;
let putSinceTrim = 0;
function trimSoon(cache: Cache): void {
  if (++putSinceTrim < TRIM_EVERY) return;
  putSinceTrim = 0;
  void cache
    .keys()
    .then((keys) => Promise.all(copiesOverLimits(keys.map((k) => k.url)).map((u) => cache.delete(u))));
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  try {
    // The map's data is asked of the server every time (a `304` when it has not changed): within a public
    // answer's max-age the browser's own HTTP cache would otherwise answer offline too, unmarked, and the page
    // would never learn that it shows a copy.
    const response = await fetch(
      request,
      isRevalidatedPath(url.pathname) ? { cache: 'no-cache' } : undefined,
    );
    if (isOfflineCacheable(response)) {
      await cache.put(request, response.clone());
      // A page is also kept under its address without the view's parameters, so that the map reopens
      // offline after its date or view changed in the address bar (only the language is kept in that key).
      if (request.mode === 'navigate') await cache.put(pageKey(url), response.clone());
      if (boundedKind(url.pathname)) trimSoon(cache);
    }
    return response;
  } catch (e) {
    const kept =
      (await cache.match(request, { ignoreVary: true })) ??
      (request.mode === 'navigate' ? await cache.match(pageKey(url), { ignoreVary: true }) : undefined);
    // Marked, so that the page knows its data is a copy and how old, whatever `navigator.onLine` says.
    if (kept) return asKeptCopy(kept);
    throw e;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || !isOfflinePath(url.pathname)) return;
  event.respondWith(networkFirst(request));
});
