import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// The one inline script of src/app.html (it puts a form sent before the page's script started back as served, on
// Back) is allowed by its hash, made here from the file itself so the two cannot differ: SvelteKit's nonce is only on
// pages that run its own scripts, and the hotspots pages run none.
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const inlineScript = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1];
if (inlineScript === undefined) throw new Error('src/app.html: its inline script was not found');
const inlineScriptHash = `sha256-${createHash('sha256').update(inlineScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // `precompress`: the build writes brotli and gzip copies of the scripts, styles and other text files, and
    // the Node server sends them to browsers that accept them (README "Light on a slow link").
    adapter: adapter({ out: 'build', precompress: true }),
    // The offline service worker is registered by the app itself, on pages not in a frame
    // (src/lib/offline/registerServiceWorker.ts).
    serviceWorker: { register: false },
    // SvelteKit's CSRF origin check stays on (its default): no `csrf` override here on purpose.
    // The pages' Content-Security-Policy. SvelteKit adds a nonce (or a hash, for a prerendered page) for each
    // of its inline scripts, and app.html's own is allowed by its hash (above), so no 'unsafe-inline' script and
    // no 'unsafe-eval' is allowed. Everything is served by the app itself (README "Running it"). Styles:
    // components and MapLibre set inline styles. Workers: the map's and the app's own are same-origin files (no
    // blob: needed, checked in Chromium by the e2e tests).
    // `frame-ancestors` is set per path by `src/lib/server/http/securityHeaders.ts` (only /embed is frameable).
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', inlineScriptHash],
        'worker-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self', 'data:'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
