/**
 * A list kept in order of places (an edge's place in segment id order, say) made again after the entries at
 * some places may have changed: the last list's entries elsewhere are kept as they were. `prev` and
 * `prevPlaces` are the last list and the place of each of its entries (ascending); `changed` the places to
 * look at again, ascending, a place possibly more than once; `entryAt` the entry now at a place, or none.
 * Returns the new list, and writes its places in `places` (as long as every place: not `prevPlaces`). The last
 * list is not changed: a report already returned keeps it.
 */
export function withChangedPlaces<T>(
  prev: readonly T[],
  prevPlaces: Int32Array,
  changed: Int32Array,
  entryAt: (place: number) => T | undefined,
  places: Int32Array,
): T[] {
  // Written over a copy of the last list (one copy of the right size, where growing an array by push
  // allocated about three times its size), grown or cut at the end. The runs kept between the changed places
  // are found by bisection and, until an entry comes or goes, are already in the copy where they belong: only
  // their places are copied, not each entry one by one.
  const out = prev.slice();
  let n = 0;
  let i = 0;
  for (let k = 0; k < changed.length; k++) {
    const place = changed[k];
    if (k > 0 && place === changed[k - 1]) continue;
    const j = firstPlaceFrom(prevPlaces, i, prev.length, place);
    n = keepRun(prev, prevPlaces, i, j, out, places, n);
    i = j;
    if (i < prev.length && prevPlaces[i] === place) i++;
    const entry = entryAt(place);
    if (entry) {
      if (n < out.length) out[n] = entry;
      else out.push(entry);
      places[n++] = place;
    }
  }
  n = keepRun(prev, prevPlaces, i, prev.length, out, places, n);
  out.length = n;
  return out;
}

/** The first index from `from` (before `to`) whose place is `place` or after it, by bisection. */
function firstPlaceFrom(places: Int32Array, from: number, to: number, place: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (places[mid] < place) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts the last list's entries from..to (and their places) at `n` of the new list, and returns the new list's
 * length after them. The new list starts as a copy of the last: where `n` is still `from`, nothing came or went
 * before, and the entries are there already.
 */
function keepRun<T>(
  prev: readonly T[],
  prevPlaces: Int32Array,
  from: number,
  to: number,
  out: T[],
  places: Int32Array,
  n: number,
): number {
  if (to <= from) return n;
  // A short run's places one by one: a view of the typed array for each costs more than copying a few.
  if (to - from < 16) for (let i = from; i < to; i++) places[n + i - from] = prevPlaces[i];
  else places.set(prevPlaces.subarray(from, to), n);
  if (n === from) return to;
  for (let i = from; i < to; i++, n++) {
    if (n < out.length) out[n] = prev[i];
    else out.push(prev[i]);
  }
  return n;
}
