import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '$lib/server/services';
import { signIn } from '$lib/server/auth/signIn';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessionCookie';

/** Only same-site paths: a login link cannot send the user elsewhere afterwards. */
function safeNext(url: URL): string {
  const next = url.searchParams.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, safeNext(url));
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const result = await signIn(await services(), email, password, getClientAddress());
    if (!result.ok) return fail(result.status, { email, message: result.message });
    cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
    redirect(303, safeNext(url));
  },
};
