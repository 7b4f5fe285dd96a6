import { z } from 'zod';
import type { Sensitivity } from '$lib/domain/schemas';

/** Roles of accounts. Anonymous visitors have none and see public records only. */
export const role = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof role>;

/** Who is asking: `null` is an anonymous visitor. */
export type Viewer = { id: number; email: string; role: Role } | null;

/**
 * What a viewer may see. Staff accounts (editors, admins) see `restricted` records; `confidential` ones
 * are for admins only until named roles exist.
 */
export function visibleSensitivities(viewer: Viewer): Sensitivity[] {
  if (!viewer) return ['public'];
  return viewer.role === 'admin' ? ['public', 'restricted', 'confidential'] : ['public', 'restricted'];
}
