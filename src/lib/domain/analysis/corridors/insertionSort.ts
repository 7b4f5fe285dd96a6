/**
 * Sorts `items[0 .. n)` in place, stably (as Array.prototype.sort), by insertion. For the few reasons that
 * cover one piece of a corridor: Array.prototype.sort makes a work copy on every call, and a corridor with a
 * bound at every junction sorts once per piece (most of what sweeping a corridor allocated).
 */
export function insertionSort<T>(items: T[], n: number, compare: (a: T, b: T) => number): void {
  for (let j = 1; j < n; j++) {
    const x = items[j];
    let m = j - 1;
    while (m >= 0 && compare(items[m], x) > 0) {
      items[m + 1] = items[m];
      m--;
    }
    items[m + 1] = x;
  }
}
