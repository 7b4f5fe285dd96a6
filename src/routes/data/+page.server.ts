import { error, redirect } from '@sveltejs/kit';
import { visibleSensitivities } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

/** Editors and admins only: anonymous visitors are sent to sign in first, other accounts (viewers) refused. */
export const load: PageServerLoad = ({ locals, url }) => {
  // Back to the same section (editor or import) after signing in.
  if (!locals.viewer) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  if (locals.viewer.role !== 'editor' && locals.viewer.role !== 'admin')
    error(403, 'Editing needs the editor or admin role.');
  return {
    email: locals.viewer.email,
    role: locals.viewer.role,
    // What the form offers: an editor cannot make a record confidential (the API refuses it too).
    sensitivities: visibleSensitivities(locals.viewer),
  };
};
