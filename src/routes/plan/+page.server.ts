import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Signed-in accounts only (a convoy's route is sensitive): anonymous visitors are sent to sign in first. */
export const load: PageServerLoad = ({ locals, url }) => {
  if (!locals.viewer) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { email: locals.viewer.email, role: locals.viewer.role };
};
