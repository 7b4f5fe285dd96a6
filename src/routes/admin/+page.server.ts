import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Administrators only: anonymous visitors are sent to sign in first, other accounts refused. */
export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.viewer) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  if (locals.viewer.role !== 'admin') error(403, 'Account administration needs the admin role.');
  return { email: locals.viewer.email, role: locals.viewer.role };
};
