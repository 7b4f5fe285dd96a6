import {
  blockingReasonCodes,
  riskReasonCodes,
  type Reason,
  type ReasonCode,
  type SegmentStatus,
} from '../schemas';
import { compareStrings } from './sortById';

const blocking = new Set<string>(blockingReasonCodes);
const risky = new Set<string>(riskReasonCodes);

/** Status a reason gives a road segment on its own: blocking codes block, risk codes put at risk. */
export function statusOfCode(code: ReasonCode): SegmentStatus {
  return blocking.has(code) ? 'blocked' : risky.has(code) ? 'at_risk' : 'open';
}

export const statusRank: Record<SegmentStatus, number> = { open: 0, at_risk: 1, blocked: 2 };
export const statusByRank: SegmentStatus[] = ['open', 'at_risk', 'blocked'];

/** Worst reason wins (DESIGN.md §3). */
export function statusOfReasons(reasons: readonly Reason[]): SegmentStatus {
  let rank = 0;
  // An index loop: a for-of made an iterator result per call, in code that often runs cold (a few thousand
  // edges after a front line moves).
  for (let i = 0; i < reasons.length; i++) rank = Math.max(rank, statusRank[statusOfCode(reasons[i].code)]);
  return statusByRank[rank];
}

/** Reasons in a stable order (code, feature, detail) with duplicates removed. */
export function sortReasons(reasons: readonly Reason[]): Reason[] {
  if (reasons.length <= 1) return [...reasons];
  const sorted = [...reasons].sort(compareReasons);
  const out: Reason[] = [sorted[0]];
  // Sorted, so a duplicate is next to its first copy.
  for (let i = 1; i < sorted.length; i++)
    if (compareReasons(sorted[i - 1], sorted[i]) !== 0) out.push(sorted[i]);
  return out;
}

/** Order of reasons: code, then feature, then detail. A module function, not a closure made on each call. */
export function compareReasons(a: Reason, b: Reason): number {
  return (
    compareStrings(a.code, b.code) ||
    compareStrings(a.featureId, b.featureId) ||
    compareStrings(a.detail, b.detail)
  );
}

/** `12.5 km`, without trailing zeros. */
export function formatKm(km: number): string {
  return `${Number(km.toFixed(3))} km`;
}

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Whether two lists of reasons write the same JSON: the same list, or reasons with equal code, feature and
 * detail in the same order (`undefined` is the same only as itself). Reasons are made by the hazards as
 * literals of those three keys in that order (hazards/*.ts), so equal values write equal JSON; lists are made
 * again on each analysis, so equal lists are rarely the same object.
 */
export function sameReasons(a: readonly Reason[] | undefined, b: readonly Reason[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && (x.code !== y.code || x.featureId !== y.featureId || x.detail !== y.detail)) return false;
  }
  return true;
}
