import type { BestPath, Reason, SiteFeature } from '../../schemas';
import type { TreeMemo } from './foldTree';
import { NodeValues } from './nodeValues';
import type { PathSummary } from './pathTree';

/**
 * A fold's values by node (foldTree.ts) that also takes the last analysis' value of a node whose path did not
 * change (`changed` false: the same distance, edge and hub at every node of it, the same reasons and crossline
 * crossings on its edges): a value made from these alone is the same. Only the last analysis' values are read,
 * so no older ones are kept alive.
 */
export class CarriedMemo<T> implements TreeMemo<T> {
  readonly now: NodeValues<T>;

  constructor(
    private before: Pick<NodeValues<T>, 'get'> | undefined,
    private changed: ((node: number) => boolean) | undefined,
    /** The graph's junction count, when known. */
    size = 0,
  ) {
    this.now = new NodeValues<T>(size);
  }

  get(node: number): T | undefined {
    const v = this.now.get(node);
    if (v !== undefined || !this.before || !this.changed) return v;
    const last = this.before.get(node);
    if (last === undefined || this.changed(node)) return undefined;
    this.now.set(node, last);
    return last;
  }

  set(node: number, value: T): void {
    this.now.set(node, value);
  }

  /**
   * Ends this analysis' reading of the last one. Kept until the next analysis, this memo would otherwise hold
   * the last analysis' values and, through `changed`, its searches and hazards: three analyses' worth at once.
   */
  settle(): void {
    this.before = undefined;
    this.changed = undefined;
  }
}

/** A site's best path as it was made from a search's path to `node` (best paths are kept by node). */
export interface BestPathAt {
  site: SiteFeature;
  attachKm: number;
  path: BestPath;
}

/**
 * What the sites' options were built from along one search's tree in one analysis, for the next: the path
 * summaries, the explanations (by tree key) and the best paths. A date change re-evaluates every site (its
 * lifecycle, findings and protection depend on the date), but most of the paths the searches find are the
 * same as on the date before; these are then taken as they were instead of being walked and built again.
 * `hubs` identifies the search's sources (hub, junction, gap): origins are indices into them, so the values
 * carry over only between searches from the same hubs.
 */
export class SearchTrees {
  readonly paths: CarriedMemo<PathSummary>;
  readonly best: CarriedMemo<BestPathAt>;
  private readonly blockages = new Map<string, CarriedMemo<Reason[]>>();
  private blockagesBefore?: ReadonlyMap<string, NodeValues<Reason[]>>;

  constructor(
    readonly hubs: string,
    last: SearchTrees | undefined,
    private changed: ((node: number) => boolean) | undefined,
    /** The graph's junction count, when known. */
    private readonly size = 0,
  ) {
    const from = last?.hubs === hubs && changed ? last : undefined;
    this.paths = new CarriedMemo(from?.paths.now, changed, size);
    this.best = new CarriedMemo(from?.best.now, changed, size);
    if (from) this.blockagesBefore = new Map([...from.blockages].map(([k, m]) => [k, m.now]));
  }

  /** The explanations of tree `treeKey` over this search. */
  blockagesOf(treeKey: string): CarriedMemo<Reason[]> {
    let m = this.blockages.get(treeKey);
    if (!m)
      this.blockages.set(
        treeKey,
        (m = new CarriedMemo(this.blockagesBefore?.get(treeKey), this.changed, this.size)),
      );
    return m;
  }

  /** Once the analysis is done: only this analysis' values are kept for the next (CarriedMemo.settle). */
  settle(): void {
    this.paths.settle();
    this.best.settle();
    for (const m of this.blockages.values()) m.settle();
    this.blockagesBefore = undefined;
    this.changed = undefined;
  }
}
