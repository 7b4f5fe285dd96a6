/**
 * Values by junction index in an array, for the tree folds' memos (foldTree.ts): a far date change walks
 * nearly every junction of a dozen trees, and a `Map` keyed by junction spent more time hashing and growing
 * than the folds spent on their values. Reads and writes as a `Map<number, T>` would for what the folds use.
 */
export class NodeValues<T> {
  private values: (T | undefined)[];
  private count = 0;

  /** `size`: the graph's junction count when known (the array is made that long once). */
  constructor(size = 0) {
    this.values = new Array<T | undefined>(size).fill(undefined);
  }

  get(node: number): T | undefined {
    return node < this.values.length ? this.values[node] : undefined;
  }

  set(node: number, value: T): this {
    if (node >= this.values.length) this.grow(node + 1);
    if (this.values[node] === undefined) this.count++;
    this.values[node] = value;
    return this;
  }

  /** How many junctions hold a value. */
  get size(): number {
    return this.count;
  }

  /** The junctions holding a value, in increasing order. */
  *keys(): IterableIterator<number> {
    for (let n = 0; n < this.values.length; n++) if (this.values[n] !== undefined) yield n;
  }

  private grow(min: number): void {
    // Made anew and filled rather than written past its end, which would leave a holey or dictionary array.
    const next = new Array<T | undefined>(Math.max(min, this.values.length * 2)).fill(undefined);
    for (let n = 0; n < this.values.length; n++) next[n] = this.values[n];
    this.values = next;
  }
}
