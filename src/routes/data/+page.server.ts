import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Editors and admins only: anonymous visitors are sent to sign in first, other accounts refused. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.viewer) redirect(303, '/login?next=/data');
  if (locals.viewer.role !== 'editor' && locals.viewer.role !== 'admin')
    error(403, 'Editing needs the editor or admin role.');
  return { email: locals.viewer.email, role: locals.viewer.role };
};
