/**
 * Sorts `values[0 .. n)` ascending in place by insertion, `values[0 .. sorted)` being in order already; equal
 * values keep their order. For the few cut parameters of one segment against a polygon's ring edges: most
 * segments meet none, and a sort with a comparator allocates on every call.
 */
export function insertionSortNumbers(values: number[] | Float64Array, sorted: number, n: number): void {
  for (let i = Math.max(1, sorted); i < n; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] - v > 0) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}
