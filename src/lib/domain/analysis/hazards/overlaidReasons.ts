import type { Reason } from '../../schemas';

/** The sorted reasons of each edge that is not open, as the analysis reads them. */
export interface EdgeReasonLookup {
  get(edge: number): Reason[] | undefined;
  /** Every edge with reasons, each once. */
  keys(): IterableIterator<number>;
}

/**
 * The reasons of the edges the front lines touch (their merged lists) over those of every other hazard of the
 * date (`base`, by edge index), kept by an analyzer across re-analyses and changed in place, edge by edge, as
 * front lines move: a re-analysis then does work in proportion to the edges of the moved lines, where a new
 * table of every front line's edges (tens of thousands at the walks' full size) was made and promoted on each
 * call. What each call saw stays readable: `commit` gives a version that reads as the overlay did then, also
 * after later changes (the hazards an analysis returned are compared with the next ones, and may be kept by a
 * caller).
 */
export class OverlaidReasons {
  /** 1 where an edge has front-line reasons: its list is in `over`. */
  private readonly touched: Uint8Array;
  private readonly over: (Reason[] | undefined)[];
  /** The newest version; older ones read through the changes made after them. */
  private head: ReasonsVersion;
  /** Edges changed since `head` was made, with the lists `head` reads for them. */
  private pending = new Map<number, Reason[] | undefined>();

  constructor(
    readonly base: readonly (Reason[] | undefined)[],
    edgeCount: number,
  ) {
    this.touched = new Uint8Array(edgeCount);
    // Filled at its full length at once, rather than grown edge by edge (copied each time it outgrew itself).
    this.over = new Array<Reason[] | undefined>(edgeCount).fill(undefined);
    this.head = new ReasonsVersion(this);
  }

  /** The list an edge has now. */
  current(edge: number): Reason[] | undefined {
    return this.touched[edge] === 1 ? this.over[edge] : this.base[edge];
  }

  /** The list the newest version reads: as `current`, but not yet the changes made since it was handed out. */
  atHead(edge: number): Reason[] | undefined {
    if (this.pending.size !== 0 && this.pending.has(edge)) return this.pending.get(edge);
    return this.touched[edge] === 1 ? this.over[edge] : this.base[edge];
  }

  /** Gives an edge front-line reasons (their list merged with the base one), or none (`undefined`). */
  set(edge: number, merged: Reason[] | undefined): void {
    const before = this.current(edge);
    if ((merged ?? this.base[edge]) !== before && !this.pending.has(edge)) this.pending.set(edge, before);
    if (merged) {
      this.touched[edge] = 1;
      this.over[edge] = merged;
    } else {
      this.touched[edge] = 0;
      this.over[edge] = undefined;
    }
  }

  /** A version reading as the overlay does now; the last one handed out keeps reading as it did. */
  commit(): EdgeReasonLookup {
    if (this.pending.size === 0) return this.head;
    const next = new ReasonsVersion(this);
    this.head.freeze(this.pending, next);
    this.pending = new Map();
    return (this.head = next);
  }

  get edgeCount(): number {
    return this.touched.length;
  }
}

/** The reasons of every edge as they were when the version was made. */
class ReasonsVersion implements EdgeReasonLookup {
  /** Set once the overlay changes after this version: the lists this version reads for the changed edges. */
  private older: Map<number, Reason[] | undefined> | undefined;
  private next: ReasonsVersion | undefined;

  constructor(private readonly overlay: OverlaidReasons) {}

  freeze(older: Map<number, Reason[] | undefined>, next: ReasonsVersion): void {
    this.older = older;
    this.next = next;
  }

  get(edge: number): Reason[] | undefined {
    // The newest version (the one read almost always) reads the overlay; an older one its own changed edges,
    // then what the version after it reads.
    if (!this.next) return this.overlay.atHead(edge);
    return this.older!.has(edge) ? this.older!.get(edge) : this.next.get(edge);
  }

  *keys(): IterableIterator<number> {
    const n = this.overlay.edgeCount;
    for (let e = 0; e < n; e++) if (this.get(e) !== undefined) yield e;
  }
}
