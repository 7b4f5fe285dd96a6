import type { Reason } from '../../schemas';
import type { AnalysisContext } from '../context';
import { statusOfCode } from '../reasons';
import type { SearchResult } from './dijkstra';
import { foldTreeAt, type TreeMemo } from './foldTree';
import { sameReason } from './blockagesAlong';
import { edgeLengths } from './edgeCosts';

/** What a site's option needs of the path a search found to it, besides its cost. */
export interface PathSummary {
  /** Crossings at its junctions and crossline crossings of its passages, in travel order, each once. */
  via: string[];
  /** Crossline crossings of its passages, in travel order, each once. */
  crosslineIds: string[];
  /** Length of its roads, from the hub's attachment (the site's own gap to the road not included). */
  roadKm: number;
  /** The at-risk reasons of its edges, each once, in no particular order. */
  atRisk: Reason[];
}

/**
 * The summary of the path to every node of one search's tree, built from the parent's and kept (lists are
 * shared while a path adds nothing to them), so the options of thousands of sites cost about one walk of the
 * tree rather than one walk per site and option.
 */
export class PathTree {
  constructor(
    private readonly ctx: AnalysisContext,
    private readonly result: SearchResult,
    /** Gap between each source (hub) and its junction, by index of the search's sources. */
    private readonly sourceKm: (origin: number) => number,
    private readonly memo: TreeMemo<PathSummary> = new Map(),
  ) {
    this.lengths = edgeLengths(ctx.net);
  }

  /**
   * The edges' lengths packed by index: a far date's folds step along hundreds of thousands of edges, each
   * of which read its length from its own edge object, scattered on the heap.
   */
  private readonly lengths: Float64Array;

  at(node: number): PathSummary {
    return foldTreeAt<PathSummary>(
      this.ctx.graph,
      this.result.prevEdge,
      this.memo,
      node,
      this.root,
      this.step,
    );
  }

  // Made once per tree rather than per call: thousands of sites ask.
  private readonly crossingIds = (n: number) =>
    (this.ctx.crossingsAt.get(n) ?? []).map((c) => c.feature.properties.id);

  private readonly root = (n: number): PathSummary => ({
    via: [...new Set(this.crossingIds(n))],
    crosslineIds: [],
    roadKm: this.sourceKm(this.result.origin[n]),
    atRisk: [],
  });

  private readonly step = (base: PathSummary, c: number, e: number): PathSummary => {
    const { hazards, crossingsAt } = this.ctx;
    // Most edges are no passage, end at no crossing and put nothing at risk: the path adds only length
    // (the same summary as below, without its lists).
    const reasons = hazards.reasons.get(e);
    if (
      !hazards.crossline.has(e) &&
      !crossingsAt.has(c) &&
      (reasons === undefined || !reasons.some((r) => statusOfCode(r.code) === 'at_risk'))
    )
      return {
        via: base.via,
        crosslineIds: base.crosslineIds,
        roadKm: base.roadKm + this.lengths[e],
        atRisk: base.atRisk,
      };
    const passages = hazards.crossline.get(e) ?? [];
    const newVia = [...passages, ...this.crossingIds(c)].filter(
      (id, k, all) => !base.via.includes(id) && all.indexOf(id) === k,
    );
    const newCrossline = passages.filter((id) => !base.crosslineIds.includes(id));
    const newRisk = (hazards.reasons.get(e) ?? []).filter(
      (r) => statusOfCode(r.code) === 'at_risk' && !base.atRisk.some((x) => sameReason(x, r)),
    );
    return {
      via: newVia.length > 0 ? [...base.via, ...newVia] : base.via,
      crosslineIds: newCrossline.length > 0 ? [...base.crosslineIds, ...newCrossline] : base.crosslineIds,
      roadKm: base.roadKm + this.lengths[e],
      atRisk: newRisk.length > 0 ? [...base.atRisk, ...newRisk] : base.atRisk,
    };
  };
}
