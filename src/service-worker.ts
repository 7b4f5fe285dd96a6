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
  isOfflineCacheable,
  isOfflinePath,
  OFFLINE_CACHE_PREFIX,
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

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (isOfflineCacheable(response)) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const kept = await cache.match(request, { ignoreVary: true });
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
