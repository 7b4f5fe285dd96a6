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
  // The entries now at the changed places are looked at first, each place once: the new list's length is
  // then known, and the copy of the last list is made that long at once. A copy grown by push when more
  // entries came than went made its whole backing store again, half as large again: a second large array per
  // re-analysis (3 MB at the walks' full size).
  const entries: (T | undefined)[] = [];
  let length = prev.length;
  let i = 0;
  for (let k = 0; k < changed.length; k++) {
    const place = changed[k];
    if (k > 0 && place === changed[k - 1]) continue;
    i = firstPlaceFrom(prevPlaces, i, prev.length, place);
    if (i < prev.length && prevPlaces[i] === place) {
      length--;
      i++;
    }
    const entry = entryAt(place);
    if (entry !== undefined) length++;
    entries.push(entry);
  }
  // Written over that copy. The runs kept between the changed places are found by bisection and, until an
  // entry comes or goes, are already in the copy where they belong: only their places are copied, not each
  // entry one by one.
  const out = copyOfLength(prev, length, entries);
  let n = 0;
  let e = 0;
  i = 0;
  for (let k = 0; k < changed.length; k++) {
    const place = changed[k];
    if (k > 0 && place === changed[k - 1]) continue;
    const j = firstPlaceFrom(prevPlaces, i, prev.length, place);
    n = keepRun(prev, prevPlaces, i, j, out, places, n);
    i = j;
    if (i < prev.length && prevPlaces[i] === place) i++;
    const entry = entries[e++];
    if (entry !== undefined) {
      out[n] = entry;
      places[n++] = place;
    }
  }
  keepRun(prev, prevPlaces, i, prev.length, out, places, n);
  return out;
}

/**
 * The last list copied to `length` entries, those past its end any of the new `entries` (each is written
 * over): a slice, or the last list joined with as many new entries, which makes the array that long at once.
 */
function copyOfLength<T>(prev: readonly T[], length: number, entries: readonly (T | undefined)[]): T[] {
  if (length <= prev.length) return prev.slice(0, length);
  const extra: T[] = [];
  for (let k = 0; extra.length < length - prev.length; k++) {
    const entry = entries[k];
    if (entry !== undefined) extra.push(entry);
  }
  return prev.concat(extra);
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
 * length after them. The new list starts as a copy of the last, as long as it will be: where `n` is still
 * `from`, nothing came or went before, and the entries are there already.
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
  for (let i = from; i < to; i++, n++) out[n] = prev[i];
  return n;
}
