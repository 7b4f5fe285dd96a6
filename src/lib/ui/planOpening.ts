// The planner's "what would help" sentence, shared by its screen and its printable brief.
import type { Opening } from '$lib/domain/schemas';
import { formatDate } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { formatKm } from './planFormat';

/** "Opening Adré (closed since 22 February 2024) would save 412 km." */
export function openingText(o: Opening): string {
  const closed = o.since ? m.pl_closed_since({ date: formatDate(o.since) }) : m.pl_closed();
  return o.savesKm === null
    ? m.pl_opening_opens({ name: o.name, closed, km: formatKm(o.lengthKm) })
    : m.pl_opening_saves({ name: o.name, closed, km: formatKm(o.savesKm) });
}
