import type { FrontlineFeature } from '$lib/domain/schemas';
import { shiftedGeometry } from '../../bench/moveFrontline';

/** The overrides that put each of `lines` `offsets[i]` km from its place (none for a line left in place). */
export function offsetOverrides(lines: readonly FrontlineFeature[], offsets: readonly number[]) {
  return {
    frontlines: lines.flatMap((f, j) =>
      offsets[j] === 0 ? [] : [{ id: f.properties.id, geometry: shiftedGeometry(f, offsets[j]) }],
    ),
  };
}

/**
 * How many reports re-analyses kept (the same objects as the last analysis' of the same id) and how many they
 * made again, added up over the steps of a walk: what shows a re-analysis left reports in place.
 */
export class KeptTally {
  kept = 0;
  remade = 0;

  /** Counts `now`'s reports against `last`'s. */
  add<T extends { id: string }>(last: readonly T[], now: readonly T[]): void {
    const before = new Map(last.map((r) => [r.id, r]));
    let kept = 0;
    for (const r of now) if (before.get(r.id) === r) kept++;
    this.kept += kept;
    this.remade += now.length - kept;
  }
}
