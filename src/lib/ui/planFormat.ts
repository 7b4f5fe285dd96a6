import type { SegmentStatus } from '$lib/domain/schemas';
import { formatNumber } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

/** `49 h 36` (`49 س 36 د` in Arabic). */
export function formatHours(h: number): string {
  const whole = Math.floor(h);
  const min = Math.round((h - whole) * 60);
  return min === 60
    ? m.hours_minutes({ h: formatNumber(whole + 1), min: '00' })
    : m.hours_minutes({ h: formatNumber(whole), min: String(min).padStart(2, '0') });
}

/** Km for tables: whole km from 10 km on, one decimal below, with the language's separators. */
export function formatKm(km: number): string {
  return m.km({ value: km >= 10 ? formatNumber(Math.round(km)) : formatNumber(km, 1) });
}

/**
 * A note of the planner in the interface's language. The routing (a domain module shared with the API and
 * the exports) writes it in English; its one note says that the avoid list leaves no route, and names the
 * features avoided (their ids, as the plan's address has them). Another note is shown as written.
 */
export function noteText(note: string): string {
  const avoid = /^the avoid list \((.*)\) leaves no route: without it there is one$/.exec(note)?.[1];
  return avoid === undefined ? note : m.pl_note_avoid_no_route({ avoid });
}

// Getters: the server renders many languages with this module (docs/i18n.md).
export const statusLabel: Record<SegmentStatus, string> = {
  get open() {
    return m.corridor_status_open();
  },
  get at_risk() {
    return m.corridor_status_at_risk();
  },
  get blocked() {
    return m.corridor_status_blocked();
  },
};
