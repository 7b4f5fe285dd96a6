/**
 * Stretches of a line kept as typed ranges rather than one object each: stretch i runs from `km[2i]` to
 * `km[2i + 1]` (km from the line's start) and `ref[i]` says which reason it has, in a table its maker keeps.
 * A corridor's stored-feature stretches are kept this way for the analyzer's life (every road is a corridor on
 * a large network, and most of those stretches are of features not in force on a given date).
 */
export interface TypedStretches {
  readonly count: number;
  readonly km: Float64Array;
  readonly ref: Int32Array;
}

/** Shared by every line with no stretch. */
export const NO_TYPED_STRETCHES: TypedStretches = Object.freeze({
  count: 0,
  km: new Float64Array(0),
  ref: new Int32Array(0),
});

/**
 * Collects stretches in growing typed arrays; `done` gives them trimmed to their count and starts again, so
 * one writer serves line after line.
 */
export class TypedStretchWriter {
  private km = new Float64Array(32);
  private ref = new Int32Array(16);
  private count = 0;
  /** Where the lists `done` gives are cut from, and how much of it they use. */
  private slab = new ArrayBuffer(0);
  private used = 0;

  push(fromKm: number, toKm: number, ref: number): void {
    if (this.count === this.ref.length) {
      const km = new Float64Array(4 * this.ref.length);
      km.set(this.km);
      this.km = km;
      const ref = new Int32Array(2 * this.ref.length);
      ref.set(this.ref);
      this.ref = ref;
    }
    this.km[2 * this.count] = fromKm;
    this.km[2 * this.count + 1] = toKm;
    this.ref[this.count++] = ref;
  }

  /**
   * The stretches pushed since the last call. Their two lists are views cut one after the other from a
   * shared block of memory rather than two new blocks each (a line's stretches are kept for the analyzer's
   * life, so the block is too, and a new block per line was most of the cost of finishing one).
   */
  done(): TypedStretches {
    const count = this.count;
    this.count = 0;
    if (count === 0) return NO_TYPED_STRETCHES;
    // 8 bytes per bound and 4 per reference, the next cut starting on a multiple of 8.
    const bytes = 16 * count + ((4 * count + 7) & ~7);
    if (this.used + bytes > this.slab.byteLength) {
      this.slab = new ArrayBuffer(Math.max(SLAB_BYTES, bytes));
      this.used = 0;
    }
    // Copied by loops: `set` from a subarray made a view per list.
    const km = new Float64Array(this.slab, this.used, 2 * count);
    for (let i = 0; i < 2 * count; i++) km[i] = this.km[i];
    const ref = new Int32Array(this.slab, this.used + 16 * count, count);
    for (let i = 0; i < count; i++) ref[i] = this.ref[i];
    this.used += bytes;
    return { count, km, ref };
  }
}

/** Size of the blocks `done` cuts lists from: a few hundred lines' stretches. */
const SLAB_BYTES = 1 << 18;
