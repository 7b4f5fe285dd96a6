import type { Reason } from '../../schemas';
import type { KmInterval } from './corridorIntervals';
import { sameReasons } from '../reasons';

/**
 * Stretches of a line side by side rather than one object each: stretch i runs from `km[2i]` to `km[2i + 1]`
 * (km from the line's start) with `reasons[i]`. The lists a corridor keeps between analyses are of this kind:
 * as objects, each stretch was three heap objects (itself and its two bounds), about 4 million at full size
 * on the walks, which every collection marked and swept again though a move changes a few thousand.
 */
export interface StretchList {
  readonly km: Float64Array;
  readonly reasons: readonly Reason[];
}

/** The list of no stretch, shared so that unchanged empty lists compare as the same. */
export const NO_STRETCHES: StretchList = Object.freeze({
  km: new Float64Array(0),
  reasons: Object.freeze([]) as readonly Reason[],
});

/** `list` as a stretch list (`NO_STRETCHES` when empty), in its order. */
export function stretchListOf(list: readonly KmInterval[]): StretchList {
  if (list.length === 0) return NO_STRETCHES;
  const km = new Float64Array(2 * list.length);
  const reasons = new Array<Reason>(list.length);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    km[2 * i] = s.fromKm;
    km[2 * i + 1] = s.toKm;
    reasons[i] = s.reason;
  }
  return { km, reasons };
}

/** The stretches of `list` as objects, in its order (for callers that read or extend them). */
export function intervalsOf(list: StretchList): KmInterval[] {
  const out = new Array<KmInterval>(list.reasons.length);
  for (let i = 0; i < out.length; i++)
    out[i] = { fromKm: list.km[2 * i], toKm: list.km[2 * i + 1], reason: list.reasons[i] };
  return out;
}

/** Whether two lists hold the same stretches in the same order (bounds, and reasons field by field). */
export function sameStretches(a: StretchList, b: StretchList): boolean {
  const n = a.reasons.length;
  if (b.reasons.length !== n) return false;
  for (let i = 0; i < 2 * n; i++) if (a.km[i] !== b.km[i]) return false;
  return sameReasons(a.reasons, b.reasons);
}
