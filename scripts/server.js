// The app's production server: the Node adapter's `handler` (build/handler.js, the adapter's documented
// custom-server entry) on a plain HTTP server, with the one thing the adapter has no option for: a
// Cache-Control on the static files that are not content-hashed (static/: the fonts, the favicon). The adapter
// sends them with a weak ETag and Last-Modified but no Cache-Control, so browsers guessed a lifetime from the
// file's age (RFC 9111 §4.2.2) or revalidated each one on every page. It also answers the map data's anonymous
// revalidations before SvelteKit (below). `npm start`, the e2e server and the tests that serve the built app
// run this file; `node build/index.js` still works, without either.
// Environment as the adapter's own server reads it: PORT, HOST, SHUTDOWN_TIMEOUT (ORIGIN and the other
// request settings are read by the handler itself).
import http from 'node:http';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { handler } from '../build/handler.js';

/**
 * A day, then a revalidation (sirv answers it with a 304 on the file's ETag). Long enough that a page does not
 * ask for its fonts again, short enough that a changed font or icon is picked up the next day.
 */
export const STATIC_CACHE_CONTROL = 'public, max-age=86400, must-revalidate';

const client = join(import.meta.dirname, '..', 'build', 'client');

/** Request paths of the built client's files outside `_app/` (hashed and immutable, or `version.json`). */
function staticPaths(dir, into = new Set()) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) staticPaths(path, into);
    else into.add(`/${relative(client, path).split(sep).join('/')}`.replace(/\.(br|gz)$/, ''));
  }
  return into;
}
const staticFiles = new Set([...staticPaths(client)].filter((p) => !p.startsWith('/_app/')));

function withStaticCaching(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const q = req.url.indexOf('?');
  const raw = q === -1 ? req.url : req.url.slice(0, q);
  let path = raw;
  try {
    path = decodeURI(raw);
  } catch {
    // a malformed path is not a file's
  }
  // Set before the handler: the static file server writes its headers over what is set already, and keeps it.
  if (staticFiles.has(path)) res.setHeader('cache-control', STATIC_CACHE_CONTROL);
}

const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

function serve(req, res) {
  withStaticCaching(req, res);
  handler(req, res, () => {
    res.statusCode = 404;
    res.end();
  });
}

// The map's data is revalidated by every map on every move (each visible tile, the date's verdicts): an
// anonymous revalidation is answered here with the app's own check (src/lib/server/mapView/mapDataTags.ts,
// published by the app's `init`), without SvelteKit's Request, routing and Response, which were most of a 304's
// cost. Only with ORIGIN set: the URL the app sees (and so its security headers: HSTS over https) is ORIGIN's.
const early = globalThis[Symbol.for('corridor.revalidateMapData')];
const origin = process.env.ORIGIN;

const server = http.createServer((req, res) => {
  const tag = req.headers['if-none-match'];
  if (!early || !origin || !tag || (req.method !== 'GET' && req.method !== 'HEAD')) return serve(req, res);
  let url;
  try {
    url = new URL(req.url, origin);
  } catch {
    return serve(req, res);
  }
  early(req.method, url, tag, req.headers.cookie).then(
    (headers) => {
      if (!headers) return serve(req, res);
      res.writeHead(304, headers);
      res.end();
    },
    // The route answers it, and reports the error as it reports any.
    () => serve(req, res),
  );
});
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// As the adapter's server stops: no new requests, idle keep-alive connections closed, then the app's
// `sveltekit:shutdown` (hooks.server.ts closes the database on it); connections still open after
// SHUTDOWN_TIMEOUT seconds are cut.
let stopping = false;
function stop(reason) {
  if (stopping) return;
  stopping = true;
  server.closeIdleConnections();
  server.close(() => process.emit('sveltekit:shutdown', reason));
  setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
  server.on('request', (req) => req.on('close', () => server.closeIdleConnections()));
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
