/**
 * Values by junction index for a line of tree-fold memos, one per analysis, each reading the last one's
 * (carriedTrees.ts). An array rather than a `Map`: a far date change walks nearly every junction of a dozen
 * trees, and a `Map` keyed by junction spent more time hashing and growing than the folds spent on their
 * values. One array serves the whole line, each value stamped with the analysis that made or took it: made
 * anew for every memo of every analysis, arrays the size of the network took more of a moved front line's
 * time to fill and collect than the folds took to read them.
 */
export class StampedValues<T> {
  private values: (T | undefined)[];
  private stamps: Int32Array;
  /** The last stamp handed out (0: none; no value is stamped 0). */
  private lastStamp = 0;

  /** `size`: the graph's junction count when known (the arrays are made that long once). */
  constructor(size = 0) {
    this.values = new Array<T | undefined>(size).fill(undefined);
    this.stamps = new Int32Array(size);
  }

  /** A stamp no value holds yet, for one more analysis. */
  nextStamp(): number {
    return ++this.lastStamp;
  }

  /** The stamp of the value at `node`, 0 when it never held one. */
  stampAt(node: number): number {
    return node < this.stamps.length ? this.stamps[node] : 0;
  }

  /** The value at `node`, whatever its stamp (callers check `stampAt` first). */
  valueAt(node: number): T | undefined {
    return this.values[node];
  }

  put(node: number, value: T, stamp: number): void {
    if (node >= this.stamps.length) this.grow(node + 1);
    this.values[node] = value;
    this.stamps[node] = stamp;
  }

  /** Stamps the value at `node` again: the analysis of `stamp` took it as it was. */
  restamp(node: number, stamp: number): void {
    this.stamps[node] = stamp;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.stamps.length * 2);
    // Made anew and filled rather than written past its end, which would leave a holey or dictionary array.
    const values = new Array<T | undefined>(size).fill(undefined);
    for (let n = 0; n < this.values.length; n++) values[n] = this.values[n];
    this.values = values;
    const stamps = new Int32Array(size);
    stamps.set(this.stamps);
    this.stamps = stamps;
  }
}
