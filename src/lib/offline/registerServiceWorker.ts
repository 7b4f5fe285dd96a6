import { dev } from '$app/environment';

/**
 * Registers the offline service worker (src/service-worker.ts) for a page of this app opened on its own. Not
 * in a frame: an embed on another site's page may not register one (browsers refuse it as third-party
 * storage), and its readers have their own site's offline story. SvelteKit's own registration is off
 * (`kit.serviceWorker.register` in svelte.config.js) so that this choice is made here.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || window.top !== window) return;
  navigator.serviceWorker
    .register('/service-worker.js', { type: dev ? 'module' : 'classic' })
    // Without it the app works as before, online only: nothing to tell the user.
    .catch(() => undefined);
}
