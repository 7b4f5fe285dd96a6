import type { Handle, ServerInit } from '@sveltejs/kit';
import { DataValidationError } from '$lib/domain/schemas';
import { services } from '$lib/server/services';
import { readEnv } from '$lib/server/env';
import { validateSession } from '$lib/server/auth/sessionStore';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessionCookie';
import { withHeadLinks } from '$lib/server/http/headLinks';
import { finishResponse, isLanguageFree } from '$lib/server/http/httpPolicy';
import { appendVary } from '$lib/server/http/compress';
import { publishEarlyRevalidation, revalidateMapData } from '$lib/server/mapView/mapDataTags';
import { stopWarmUp } from '$lib/server/mapView/verdictsWarmUp';
import { warmMapAtStart } from '$lib/server/mapView/warmAtStart';
import { warmAfterWriteSettled, warmMapAfterWrites } from '$lib/server/mapView/warmAfterWrite';
import { readerArrived, readerLeft } from '$lib/server/http/readerActivity';
import { paraglideMiddleware } from '$lib/paraglide/server';
import type { Locale } from '$lib/paraglide/runtime';
import { LANG_COOKIE, LANG_PARAM, asLocale, textDirection } from '$lib/i18n/languages';
import { defineServerLocaleStrategies } from '$lib/server/i18n/localeStrategies';

defineServerLocaleStrategies();

const mapStore = async () => (await services()).store;

// Invalid geodata stops the app at start with the list of problems (file, feature, field, reason),
// never with a stack trace. The database is migrated and seeded here too.
export const init: ServerInit = async () => {
  // The Node adapter closes the HTTP server on SIGTERM/SIGINT, then emits this: close the database too,
  // or its handles keep the process alive and a stop never finishes.
  process.once('sveltekit:shutdown', () => {
    // The map's warm-ups and walk first: a step under way would read the closed database (`stopWarmUp`).
    warmMapAfterWrites(false);
    void Promise.all([services(), stopWarmUp(), warmAfterWriteSettled()]).then(([s]) => s.database.close());
  });
  try {
    const started = await services();
    // scripts/server.js answers the map data's anonymous revalidations with it, before SvelteKit.
    publishEarlyRevalidation(mapStore, SESSION_COOKIE);
    // Not awaited: the server listens at once, and the public map's first date is analysed once it is quiet.
    const env = readEnv();
    if (env.MAP_WARM_AT_START === 'on') void warmMapAtStart(started);
    // After each write through the API, the same for the new content (off in tests that call the API directly).
    warmMapAfterWrites(env.MAP_WARM_AFTER_WRITE === 'on');
  } catch (e) {
    if (e instanceof DataValidationError) {
      console.error(`corridor: cannot start: ${e.message}`);
      process.exit(1);
    }
    console.error(`corridor: cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
};

/**
 * Picks the request's language (docs/i18n.md), renders the page in it with `<html lang dir>` set, then
 * resolves the viewer from the session cookie (anonymous when there is none or it is no longer valid), then
 * sets the response's caching headers and compresses it. The map's data endpoints (`isLanguageFree`) have no
 * words in them: they skip the language (Paraglide clones every request it handles), which is most of what
 * a revalidation of a tile or of a date's verdicts costs besides SvelteKit itself.
 */
export const handle: Handle = async (input) => {
  // Background work waits while readers are answered (`readerActivity.ts`).
  readerArrived();
  try {
    return await handleRequest(input);
  } finally {
    readerLeft();
  }
};

const handleRequest: Handle = async ({ event, resolve }) => {
  if (!isLanguageFree(event.url.pathname)) {
    return paraglideMiddleware(event.request, ({ request, locale }) => {
      event.request = request;
      return handleInLocale(event, resolve, locale);
    });
  }
  // An anonymous revalidation of the map's data: answered here, before the session, the route and the
  // response's finishing (a map revalidates every visible tile and the date's verdicts on each move).
  const early = await revalidateMapData(
    {
      method: event.request.method,
      ifNoneMatch: event.request.headers.get('if-none-match'),
      hasSession: event.cookies.get(SESSION_COOKIE) !== undefined,
    },
    event.url,
    mapStore,
  );
  return early ?? handleInLocale(event, resolve, null);
};

const handleInLocale = async (
  event: Parameters<Handle>[0]['event'],
  resolve: Parameters<Handle>[0]['resolve'],
  /** Null for a language-free path. */
  locale: Locale | null,
): Promise<Response> => {
  // A language picked with `?lang=` is remembered, so the site's links (which do not carry it) keep it.
  const picked = locale && asLocale(event.url.searchParams.get(LANG_PARAM));
  if (picked && event.cookies.get(LANG_COOKIE) !== picked)
    event.cookies.set(LANG_COOKIE, picked, {
      path: '/',
      httpOnly: false,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
      maxAge: 365 * 86_400,
    });
  event.locals.viewer = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    const { database } = await services();
    const session = await validateSession(database.db, token);
    if (session) {
      event.locals.viewer = session.viewer;
      if (session.renewedUntil)
        event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, session.renewedUntil));
    } else {
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
    }
  }
  // The page in the request's language, with the feed and oEmbed links in its served head (`headLinks.ts`).
  const response = locale
    ? await resolve(event, {
        transformPageChunk: ({ html }) =>
          withHeadLinks(html.replace('%lang%', locale).replace('%dir%', textDirection(locale)), event.url),
      })
    : await resolve(event);
  // A page is written in the language the request asked for.
  if (response.headers.get('content-type')?.startsWith('text/html')) {
    appendVary(response.headers, 'Accept-Language');
    appendVary(response.headers, 'Cookie');
  }
  // Caching headers and compression (src/lib/server/http): the Node adapter compresses no dynamic response.
  return finishResponse(event.request, event.url, event.locals.viewer, response);
};
