import type { Handle, ServerInit } from '@sveltejs/kit';
import { DataValidationError } from '$lib/domain/schemas';
import { services } from '$lib/server/services';
import { validateSession } from '$lib/server/auth/sessionStore';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessionCookie';
import { withHeadLinks } from '$lib/server/http/headLinks';
import { finishResponse } from '$lib/server/http/httpPolicy';

// Invalid geodata stops the app at start with the list of problems (file, feature, field, reason),
// never with a stack trace. The database is migrated and seeded here too.
export const init: ServerInit = async () => {
  // The Node adapter closes the HTTP server on SIGTERM/SIGINT, then emits this: close the database too,
  // or its handles keep the process alive and a stop never finishes.
  process.once('sveltekit:shutdown', () => {
    void services().then((s) => s.database.close());
  });
  try {
    await services();
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
 * Resolves the viewer from the session cookie (anonymous when there is none or it is no longer valid), then
 * sets the response's caching headers and compresses it.
 */
export const handle: Handle = async ({ event, resolve }) => {
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
  // Feed and oEmbed links in every page's served head (`headLinks.ts`), then caching headers and
  // compression (src/lib/server/http): the Node adapter compresses no dynamic response.
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => withHeadLinks(html, event.url),
  });
  return finishResponse(event.request, event.url, event.locals.viewer, response);
};
