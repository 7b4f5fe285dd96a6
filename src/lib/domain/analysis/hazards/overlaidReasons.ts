import type { Reason } from '../../schemas';

/** The sorted reasons of each edge that is not open, as the analysis reads them. */
export interface EdgeReasonLookup {
  get(edge: number): Reason[] | undefined;
  /** Every edge with reasons, each once. */
  keys(): IterableIterator<number>;
}

/**
 * The reasons of the edges the front lines touch (`over`, their merged lists) over those of every other
 * hazard of the date (`base`), without copying `base`: a re-analysis after a front line moves would otherwise
 * copy the list of every non-open edge of the network (300,000 at the walks' full size) to change a few
 * thousand.
 */
export class OverlaidReasons implements EdgeReasonLookup {
  constructor(
    private readonly base: ReadonlyMap<number, Reason[]>,
    private readonly over: ReadonlyMap<number, Reason[]>,
  ) {}

  get(edge: number): Reason[] | undefined {
    return this.over.get(edge) ?? this.base.get(edge);
  }

  *keys(): IterableIterator<number> {
    yield* this.base.keys();
    for (const e of this.over.keys()) if (!this.base.has(e)) yield e;
  }
}
