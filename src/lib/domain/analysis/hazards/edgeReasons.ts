import type { Reason } from '../../schemas';

/**
 * Reasons per road edge, collected hazard by hazard; only edges of roads valid on the as-of date count.
 * Edges given the same reasons in the same order share one list, kept once: an area or a front line's buffer
 * gives one reason to thousands of edges, most with no other, where a list per edge (and a sorted copy of
 * each) was made, held in a table keyed by edge.
 */
export class EdgeReasons {
  /** The number in `lists` of each edge's list (0: none yet). */
  private readonly listOf: Int32Array;
  /** The distinct lists, the first one empty; never changed once made. */
  private readonly lists: Reason[][] = [[]];
  /** The edges with reasons, each once, in the order they got their first. */
  readonly edges: number[] = [];

  constructor(
    edgeCount: number,
    private readonly validEdge: (edge: number) => boolean,
  ) {
    this.listOf = new Int32Array(edgeCount);
  }

  add(edges: ArrayLike<number>, reason: Reason): void {
    // The list each list becomes with `reason` added, made at its first edge: runs of edges holding the
    // same list (most often none) take the last one found without a look-up. The first list met is kept
    // apart from the map of the others: most calls (an incident's, a seasonal road's) meet that one alone and
    // make no map.
    let from = -1;
    let to = 0;
    let firstFrom = -1;
    let firstTo = 0;
    let next: Map<number, number> | undefined;
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i];
      if (!this.validEdge(e)) continue;
      const before = this.listOf[e];
      if (before === 0) this.edges.push(e);
      if (before !== from) {
        from = before;
        if (firstFrom === -1) {
          firstFrom = before;
          to = firstTo = this.listWith(before, reason);
        } else if (before === firstFrom) to = firstTo;
        else {
          next ??= new Map();
          const known = next.get(before);
          if (known === undefined) {
            to = this.listWith(before, reason);
            next.set(before, to);
          } else to = known;
        }
      }
      this.listOf[e] = to;
    }
  }

  /** The number of a new list: list `before` with `reason` added. */
  private listWith(before: number, reason: Reason): number {
    this.lists.push([...this.lists[before], reason]);
    return this.lists.length - 1;
  }

  /** An edge's reasons in the order given (shared with the edges given the same), or none. */
  get(edge: number): Reason[] | undefined {
    const k = this.listOf[edge];
    return k === 0 ? undefined : this.lists[k];
  }

  /** The number of an edge's list (0 for none): edges with the same number have the same reasons. */
  listNumber(edge: number): number {
    return this.listOf[edge];
  }

  /** How many list numbers there are (the largest plus one). */
  get listCount(): number {
    return this.lists.length;
  }
}
