import type { Reason } from '../../schemas';

/** Reasons per road edge, collected hazard by hazard; only edges of roads valid on the as-of date count. */
export class EdgeReasons {
  readonly byEdge = new Map<number, Reason[]>();

  constructor(private readonly validEdge: (edge: number) => boolean) {}

  add(edges: Iterable<number>, reason: Reason): void {
    for (const e of edges) {
      if (!this.validEdge(e)) continue;
      const list = this.byEdge.get(e);
      if (list) list.push(reason);
      else this.byEdge.set(e, [reason]);
    }
  }
}
