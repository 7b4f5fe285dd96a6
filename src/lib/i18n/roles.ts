import { m } from '$lib/paraglide/messages';

/** An account role in the interface's language (the API and the command line keep `viewer`, `editor`, `admin`). */
export function roleName(role: string): string {
  if (role === 'viewer') return m.role_viewer();
  if (role === 'editor') return m.role_editor();
  if (role === 'admin') return m.role_admin();
  return role;
}
