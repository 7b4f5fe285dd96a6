import type { Reason } from '../../schemas';
import { NO_STRETCHES, type StretchList } from './stretchList';

/**
 * The stretches of front lines found along one corridor, in the order found, held in arrays that are written
 * again for the next corridor: bounds side by side, and each stretch's line and reason. A move finds some
 * 16,000 of them at the walks' full size, most corridors a few of several lines; made one object each (with
 * two boxed bounds) or in a growing list per line, they were short-lived garbage made only to be copied into
 * each line's stretch list, which is all that is made here.
 */
export class FoundStretches {
  private km = new Float64Array(256);
  private lines = new Int32Array(128);
  private reasons: (Reason | undefined)[] = [];
  private count = 0;
  private perLine = new Int32Array(16);

  /** Forgets the stretches found, for the next corridor. */
  clear(): void {
    // The reasons are let go too: they may belong to an analysis that is over.
    this.reasons.fill(undefined, 0, this.count);
    this.count = 0;
  }

  /** A stretch from `fromKm` to `toKm` of front line `line`, with `reason`. */
  add(fromKm: number, toKm: number, line: number, reason: Reason): void {
    const n = this.count;
    if (n === this.lines.length) {
      const km = new Float64Array(4 * n);
      km.set(this.km);
      this.km = km;
      const lines = new Int32Array(2 * n);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.km[2 * n] = fromKm;
    this.km[2 * n + 1] = toKm;
    this.lines[n] = line;
    this.reasons[n] = reason;
    this.count = n + 1;
  }

  /**
   * Writes into `found[l]`, for each line `l` with `wanted[l]`, the list of its stretches in the order found
   * (`NO_STRETCHES` when it has none).
   */
  listsInto(found: (StretchList | undefined)[], wanted: readonly boolean[]): void {
    const lineCount = wanted.length;
    if (this.perLine.length < lineCount) this.perLine = new Int32Array(lineCount);
    const perLine = this.perLine;
    perLine.fill(0, 0, lineCount);
    for (let i = 0; i < this.count; i++) perLine[this.lines[i]]++;
    const kms: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(lineCount);
    const reasons: Reason[][] = new Array<Reason[]>(lineCount);
    for (let l = 0; l < lineCount; l++) {
      if (!wanted[l]) continue;
      const c = perLine[l];
      if (c === 0) {
        found[l] = NO_STRETCHES;
        continue;
      }
      kms[l] = new Float64Array(2 * c);
      reasons[l] = new Array<Reason>(c);
      perLine[l] = 0;
    }
    // The stretches in the order found, each at the next place of its line's list.
    for (let i = 0; i < this.count; i++) {
      const l = this.lines[i];
      const km = kms[l];
      if (!km) continue;
      const at = perLine[l]++;
      km[2 * at] = this.km[2 * i];
      km[2 * at + 1] = this.km[2 * i + 1];
      reasons[l][at] = this.reasons[i] as Reason;
    }
    for (let l = 0; l < lineCount; l++) {
      const km = kms[l];
      if (km) found[l] = { km, reasons: reasons[l] };
    }
  }
}
