import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { services } from '$lib/server/services';
import { deleteSession } from '$lib/server/auth/sessionStore';
import { SESSION_COOKIE } from '$lib/server/auth/sessionCookie';

/** Ends the session (POST only, so a link or an image cannot sign anybody out). */
export const POST: RequestHandler = async ({ cookies }) => {
  const token = cookies.get(SESSION_COOKIE);
  if (token) await deleteSession((await services()).database.db, token);
  cookies.delete(SESSION_COOKIE, { path: '/' });
  redirect(303, '/');
};
