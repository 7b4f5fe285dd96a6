import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';
import type { ActiveCrossing } from '../activeLayers';
import type { SearchResult } from './dijkstra';
import { foldTreeAt, type TreeMemo } from './foldTree';
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
      for (const c of ctx.crossingsAt.get(n) ?? []) if (c.status === 'closed') add(closedCrossingReason(c));
    const e = edges[i];
    if (e === undefined) return;
    if (crosslineNeeded) for (const id of ctx.hazards.crossline.get(e) ?? []) add(crosslineNeeded(id));
    if (ctx.hazards.routeStatus[e] === 2)
      for (const r of ctx.hazards.reasons.get(e) ?? [])
        if (r.code !== 'crossing_closed' && statusOfCode(r.code) === 'blocked') add(r);
  });
  return bindingFirst(out);
}

export const sameReason = (a: Reason, b: Reason) =>
  a.code === b.code && a.featureId === b.featureId && a.detail === b.detail;

/** The blockage of a closed crossing a path passes through. */
function closedCrossingReason(x: ActiveCrossing): Reason {
  const p = x.feature.properties;
  return {
    code: 'crossing_closed',
    featureId: p.id,
    detail: `passes ${p.kind} crossing "${p.name}", closed${x.since ? ` since ${x.since}` : ' (override)'}`,
  };
}

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
  constructor(
    private readonly ctx: AnalysisContext,
    private readonly result: SearchResult,
    private readonly crosslineNeeded?: (crossingId: string) => Reason,
    private readonly memo: TreeMemo<Reason[]> = new Map(),
  ) {}

  at(node: number): Reason[] {
    return foldTreeAt<Reason[]>(
      this.ctx.graph,
      this.result.prevEdge,
      this.memo,
      node,
      noBlockages,
      this.step,
    );
  }

  // Made once per tree rather than per call (and no closure per step): thousands of sites ask.
  private readonly step = (base: Reason[], _c: number, e: number, p: number): Reason[] => {
    const { hazards, crossingsAt } = this.ctx;
    let added: Reason[] | undefined;
    // The parent is passed through (not where the path starts): a closed crossing there is a blockage.
    if (this.result.prevEdge[p] !== -1 && hazards.closedNodes.has(p))
      for (const x of crossingsAt.get(p) ?? [])
        if (x.status === 'closed') added = addNew(base, added, closedCrossingReason(x));
    if (this.crosslineNeeded)
      for (const id of hazards.crossline.get(e) ?? []) added = addNew(base, added, this.crosslineNeeded(id));
    if (hazards.routeStatus[e] === 2)
      for (const r of hazards.reasons.get(e) ?? [])
        if (r.code !== 'crossing_closed' && statusOfCode(r.code) === 'blocked')
          added = addNew(base, added, r);
    return added ? [...base, ...added] : base;
  };
}

const noBlockages = (): Reason[] => [];

/** `added` with `r` appended (made when first needed) unless `base` or `added` has it already. */
function addNew(base: readonly Reason[], added: Reason[] | undefined, r: Reason): Reason[] | undefined {
  if (base.some((x) => sameReason(x, r)) || added?.some((x) => sameReason(x, r))) return added;
  (added ??= []).push(r);
  return added;
}
