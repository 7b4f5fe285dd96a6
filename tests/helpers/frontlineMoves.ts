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
 * How many of `now`'s reports are the same objects as `last`'s of the same id (kept) and how many are not
 * (made again): what shows a re-analysis left reports in place.
 */
export function keptAndRemade<T extends { id: string }>(
  last: readonly T[],
  now: readonly T[],
): { kept: number; remade: number } {
  const before = new Map(last.map((r) => [r.id, r]));
  let kept = 0;
  for (const r of now) if (before.get(r.id) === r) kept++;
  return { kept, remade: now.length - kept };
}
