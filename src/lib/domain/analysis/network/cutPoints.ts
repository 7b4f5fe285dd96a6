import type { Position } from 'geojson';

/**
 * The cut positions of all roads in one array: road r's are `pos[first[r] .. first[r + 1])`, in increasing
 * order without repeats, and `segments` counts the segments of the pieces between consecutive cuts (a piece
 * has a segment per road vertex strictly inside it, plus one).
 */
export interface SortedCuts {
  first: Int32Array;
  pos: Float64Array;
  segments: number;
}

/**
 * Sorts each road's cuts and drops repeats, in place in one typed array: a typed array sorts numbers without
 * a comparator, and one array for all roads replaces a list per road (50,000 lists, pushed one by one, were
 * most of what the build allocated after the noding). Cut positions are never -0 or NaN, so the order and the
 * values kept are those of a Set and a comparator sort.
 */
export function sortCuts(splits: readonly (readonly number[])[]): SortedCuts {
  let total = 0;
  for (let r = 0; r < splits.length; r++) total += splits[r].length;
  const pos = new Float64Array(total);
  const first = new Int32Array(splits.length + 1);
  let segments = 0;
  let w = 0;
  for (let r = 0; r < splits.length; r++) {
    const list = splits[r];
    for (let i = 0; i < list.length; i++) pos[w + i] = list[i];
    pos.subarray(w, w + list.length).sort();
    // The kept ones are moved down over the repeats; the first is kept where it is.
    let end = list.length > 0 ? w + 1 : w;
    for (let i = w + 1; i < w + list.length; i++)
      if (pos[i] !== pos[end - 1]) {
        segments += Math.max(0, Math.ceil(pos[i]) - Math.floor(pos[end - 1]) - 1) + 1;
        pos[end++] = pos[i];
      }
    first[r + 1] = w = end;
  }
  return { first, pos, segments };
}

/** Longitude of the point at `pos` (segment index + t) along a line: the first number of `pointAt`'s answer. */
export function lonAt(line: readonly Position[], pos: number): number {
  const k = Math.min(Math.floor(pos), line.length - 2);
  const t = pos - k;
  return t === 0 ? line[k][0] : t === 1 ? line[k + 1][0] : line[k][0] + t * (line[k + 1][0] - line[k][0]);
}

/** Latitude of the point at `pos` along a line: the second number of `pointAt`'s answer. */
export function latAt(line: readonly Position[], pos: number): number {
  const k = Math.min(Math.floor(pos), line.length - 2);
  const t = pos - k;
  return t === 0 ? line[k][1] : t === 1 ? line[k + 1][1] : line[k][1] + t * (line[k + 1][1] - line[k][1]);
}

/** Position at `pos` (segment index + t) along a line: the line's own vertex where the cut falls on one. */
export function pointAt(line: readonly Position[], pos: number): Position {
  const k = Math.min(Math.floor(pos), line.length - 2);
  const t = pos - k;
  const a = line[k];
  const b = line[k + 1];
  return t === 0 ? a : t === 1 ? b : [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
