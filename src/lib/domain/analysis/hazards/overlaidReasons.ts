import type { Reason } from '../../schemas';

/** The sorted reasons of each edge that is not open, as the analysis reads them. */
export interface EdgeReasonLookup {
  get(edge: number): Reason[] | undefined;
  /** Every edge with reasons, each once. */
  keys(): IterableIterator<number>;
}

/**
 * The reasons of the edges the front lines touch (`over`, their merged lists) over those of every other
 * hazard of the date (`base`, by edge index), without copying `base`: a re-analysis after a front line moves
 * would otherwise copy the list of every non-open edge of the network (340,000 at the walks' full size) to
 * change a few thousand. A read is a byte and an array element, not a hash look-up: the report, the site
 * searches and the routes read every non-open edge's list.
 */
export class OverlaidReasons implements EdgeReasonLookup {
  private readonly touched: Uint8Array;

  constructor(
    private readonly base: readonly (Reason[] | undefined)[],
    private readonly over: ReadonlyMap<number, Reason[]>,
    edgeCount: number,
  ) {
    this.touched = new Uint8Array(edgeCount);
    for (const e of over.keys()) this.touched[e] = 1;
  }

  get(edge: number): Reason[] | undefined {
    return this.touched[edge] === 1 ? this.over.get(edge) : this.base[edge];
  }

  *keys(): IterableIterator<number> {
    for (let e = 0; e < this.base.length; e++) if (this.base[e] || this.touched[e] === 1) yield e;
  }
}
