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
 * Collects stretches straight into the lists `done` gives: each line's stretches are written where its lists
 * will be cut from, two shared blocks (bounds, references), so `done` copies nothing and starts the next line
 * after it; one writer serves line after line.
 */
export class TypedStretchWriter {
  private km = new Float64Array(0);
  private ref = new Int32Array(0);
  /** Where the line being written starts in the blocks (in stretches), and how many it has. */
  private start = 0;
  private count = 0;

  push(fromKm: number, toKm: number, ref: number): void {
    const at = this.start + this.count;
    if (at === this.ref.length) this.moveToNewBlocks();
    const i = this.start + this.count++;
    this.km[2 * i] = fromKm;
    this.km[2 * i + 1] = toKm;
    this.ref[i] = ref;
  }

  /**
   * Carries the line being written to the start of new blocks, with room for at least as many stretches again
   * (the lines given so far keep the old blocks).
   */
  private moveToNewBlocks(): void {
    const size = Math.max(BLOCK_STRETCHES, 2 * this.count);
    const km = new Float64Array(2 * size);
    const ref = new Int32Array(size);
    for (let i = 0; i < this.count; i++) {
      km[2 * i] = this.km[2 * (this.start + i)];
      km[2 * i + 1] = this.km[2 * (this.start + i) + 1];
      ref[i] = this.ref[this.start + i];
    }
    this.km = km;
    this.ref = ref;
    this.start = 0;
  }

  /**
   * The stretches pushed since the last call, as views of the blocks they were written to (a line's
   * stretches are kept for the analyzer's life, so the blocks are too; a new block per line, or a copy, was
   * most of the cost of finishing one).
   */
  done(): TypedStretches {
    const count = this.count;
    this.count = 0;
    if (count === 0) return NO_TYPED_STRETCHES;
    const km = new Float64Array(this.km.buffer, 16 * this.start, 2 * count);
    const ref = new Int32Array(this.ref.buffer, 4 * this.start, count);
    this.start += count;
    return { count, km, ref };
  }
}

/** Stretches per block: a few hundred lines' worth. */
const BLOCK_STRETCHES = 1 << 13;
