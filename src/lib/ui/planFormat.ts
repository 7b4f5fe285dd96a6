import type { SegmentStatus } from '$lib/domain/schemas';

/** `49 h 36` */
export function formatHours(h: number): string {
  const whole = Math.floor(h);
  const min = Math.round((h - whole) * 60);
  return min === 60 ? `${whole + 1} h 00` : `${whole} h ${String(min).padStart(2, '0')}`;
}

/** Km for tables: whole km from 10 km on, one decimal below. */
export function formatKm(km: number): string {
  return km >= 10 ? `${Math.round(km).toLocaleString('en')} km` : `${km.toFixed(1)} km`;
}

export const statusLabel: Record<SegmentStatus, string> = {
  open: 'Open',
  at_risk: 'At risk',
  blocked: 'Blocked',
};
