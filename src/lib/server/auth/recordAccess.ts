// What a caller may do to one record, by its sensitivity (README "Storage and who sees what"). A record the
// caller may not see is answered exactly as one that does not exist: a different answer (a FORBIDDEN, a
// CONFLICT carrying it, an error naming its layer) would reveal that it is there, and often what it is.
import type { Sensitivity } from '$lib/domain/schemas';
import { visibleSensitivities, type Viewer } from './roles';

/** Every sensitivity: what the command line and the server's own writes (seeding) work with. */
export const ALL_SENSITIVITIES: readonly Sensitivity[] = ['public', 'restricted', 'confidential'];

/** Whether the caller may see (and so read, write, delete, restore or import over) a record of `s`. */
export function maySee(viewer: Viewer, s: Sensitivity): boolean {
  return visibleSensitivities(viewer).includes(s);
}

/**
 * Why a write may not give a record the sensitivity `s`, or null when it may. A caller may only write what
 * it could read back: an editor cannot make a record confidential, which would hide it from every other
 * editor (only administrators raise a record to, or lower it from, `confidential`).
 */
export function sensitivityRefusal(visible: readonly Sensitivity[], s: Sensitivity): string | null {
  if (visible.includes(s)) return null;
  return s === 'confidential'
    ? 'only administrators may make a record confidential'
    : `this account may not make a record ${s}`;
}
