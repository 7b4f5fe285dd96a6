import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { services } from '$lib/server/services';
import { safeNext } from '$lib/server/auth/safeNext';
import { signIn } from '$lib/server/auth/signIn';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/sessionCookie';
import { signInMessage } from '$lib/server/i18n/signInMessage';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  return {};
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const result = await signIn(await services(), email, password, getClientAddress());
    if (!result.ok) {
      if (result.status !== 400) setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
      return fail(result.status, { email, message: signInMessage(result) });
    }
    cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(url, result.expiresAt));
    redirect(303, safeNext(url.searchParams.get('next'), url.origin));
  },
};
