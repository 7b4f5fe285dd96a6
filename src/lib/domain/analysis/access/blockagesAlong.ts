import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';
import type { SearchResult } from './dijkstra';
import { statusOfCode } from '../reasons';

/**
 * The blockages a path passes, each once, binding cause first (docs/analysis.md, the binding reason): the
 * closed crossings it passes through (not those it only starts or ends at) and the sieges, then the other
 * blocking reasons of its edges in travel order. With `crosslineNeeded`, each crossline passage adds the
 * reason it makes (a path of the internal class may not pass the front line).
 */
export function blockagesAlong(
  ctx: AnalysisContext,
  edges: readonly number[],
  nodes: readonly number[],
  crosslineNeeded?: (crossingId: string) => Reason,
): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  const add = (r: Reason) => {
    const k = `${r.code}\u0000${r.featureId}\u0000${r.detail}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };
  nodes.forEach((n, i) => {
    if (i > 0 && i + 1 < nodes.length && ctx.hazards.closedNodes.has(n))
      for (const c of ctx.crossingsAt.get(n) ?? [])
        if (c.status === 'closed')
          add({
            code: 'crossing_closed',
            featureId: c.feature.properties.id,
            detail: `passes ${c.feature.properties.kind} crossing "${c.feature.properties.name}", closed${c.since ? ` since ${c.since}` : ' (override)'}`,
          });
    const e = edges[i];
    if (e === undefined) return;
    if (crosslineNeeded) for (const id of ctx.hazards.crossline.get(e) ?? []) add(crosslineNeeded(id));
    if (ctx.hazards.routeStatus[e] === 2)
      for (const r of ctx.hazards.reasons.get(e) ?? [])
        if (r.code !== 'crossing_closed' && statusOfCode(r.code) === 'blocked') add(r);
  });
  return bindingFirst(out);
}

const sameReason = (a: Reason, b: Reason) =>
  a.code === b.code && a.featureId === b.featureId && a.detail === b.detail;

/** A closed crossing or a siege first: a decision that, reversed, reopens the road. */
export function bindingFirst(reasons: readonly Reason[]): Reason[] {
  const decided = (r: Reason) => r.code === 'crossing_closed' || r.code === 'siege';
  return [...reasons.filter(decided), ...reasons.filter((r) => !decided(r))];
}

/**
 * `blockagesAlong` for every node of one search's tree of paths, each node's list built from its parent's
 * and kept (nodes whose path adds nothing share their parent's list), so explaining thousands of sites costs
 * about one walk of the tree rather than one walk per site. Lists are in travel order; `bindingFirst` orders
 * them for the report.
 */
export class BlockageTree {
  private readonly memo = new Map<number, Reason[]>();

  constructor(
    private readonly ctx: AnalysisContext,
    private readonly result: SearchResult,
    private readonly crosslineNeeded?: (crossingId: string) => Reason,
  ) {}

  at(node: number): Reason[] {
    const { graph, hazards, crossingsAt } = this.ctx;
    const { prevEdge } = this.result;
    const other = (e: number, n: number) => (graph.edgeFrom[e] === n ? graph.edgeTo[e] : graph.edgeFrom[e]);
    const chain: number[] = [];
    let list: Reason[] | undefined;
    for (let n = node; ;) {
      list = this.memo.get(n);
      if (list) break;
      const e = prevEdge[n];
      if (e === -1) {
        list = [];
        this.memo.set(n, list);
        break;
      }
      chain.push(n);
      n = other(e, n);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i];
      const e = prevEdge[c];
      const p = other(e, c);
      let added: Reason[] | undefined;
      const base: Reason[] = list;
      const add = (r: Reason) => {
        if (base.some((x) => sameReason(x, r)) || added?.some((x) => sameReason(x, r))) return;
        (added ??= []).push(r);
      };
      // The parent is passed through (not where the path starts): a closed crossing there is a blockage.
      if (prevEdge[p] !== -1 && hazards.closedNodes.has(p))
        for (const x of crossingsAt.get(p) ?? [])
          if (x.status === 'closed')
            add({
              code: 'crossing_closed',
              featureId: x.feature.properties.id,
              detail: `passes ${x.feature.properties.kind} crossing "${x.feature.properties.name}", closed${x.since ? ` since ${x.since}` : ' (override)'}`,
            });
      if (this.crosslineNeeded)
        for (const id of hazards.crossline.get(e) ?? []) add(this.crosslineNeeded(id));
      if (hazards.routeStatus[e] === 2)
        for (const r of hazards.reasons.get(e) ?? [])
          if (r.code !== 'crossing_closed' && statusOfCode(r.code) === 'blocked') add(r);
      list = added ? [...base, ...added] : base;
      this.memo.set(c, list);
    }
    return list;
  }
}
