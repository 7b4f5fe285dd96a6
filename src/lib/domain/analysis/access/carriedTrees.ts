import type { BestPath, Reason, SiteFeature } from '../../schemas';
import type { TreeMemo } from './foldTree';
import { StampedValues } from './nodeValues';
import type { PathSummary } from './pathTree';

/**
 * A fold's values by node (foldTree.ts) that also takes the last analysis' value of a node whose path did not
 * change (`changed` false: the same distance, edge and hub at every node of it, the same reasons and crossline
 * crossings on its edges): a value made from these alone is the same. Only the last analysis' values are read,
 * so no older ones are taken.
 *
 * The values live in the last memo's arrays (nodeValues.ts), which this one takes over: a value is this
 * analysis' when it holds this memo's stamp, the last analysis' when it holds the last memo's. The last memo
 * must not be used once a memo is made from it.
 */
export class CarriedMemo<T> implements TreeMemo<T> {
  /**
   * Made at the first value when no memo before this one made any: the memos of the explaining searches'
   * path summaries and best paths, say, are never written, and each would have been two arrays the size of
   * the network in every first analysis.
   */
  private values: StampedValues<T> | undefined;
  private stamp = 0;
  /** The last memo's stamp while its values may be taken, else 0. */
  private lastStamp: number;

  constructor(
    last: CarriedMemo<T> | undefined,
    private changed: ((node: number) => boolean) | undefined,
    /** The graph's junction count, when known. */
    private readonly size = 0,
  ) {
    this.values = last?.values;
    // A new stamp even when the last memo's values are not taken: those it made are then no one's.
    if (this.values) this.stamp = this.values.nextStamp();
    this.lastStamp = last && changed ? last.stamp : 0;
  }

  get(node: number): T | undefined {
    const values = this.values;
    if (!values) return undefined;
    const stamp = values.stampAt(node);
    if (stamp === this.stamp) return values.valueAt(node);
    if (stamp === 0 || stamp !== this.lastStamp || this.changed!(node)) return undefined;
    values.restamp(node, this.stamp);
    return values.valueAt(node);
  }

  set(node: number, value: T): void {
    if (!this.values) {
      this.values = new StampedValues<T>(this.size);
      this.stamp = this.values.nextStamp();
    }
    this.values.put(node, value, this.stamp);
  }

  /**
   * Ends this analysis' reading of the last one. Kept until the next analysis, this memo would otherwise hold,
   * through `changed`, the last analysis' searches and hazards: three analyses' worth at once.
   */
  settle(): void {
    this.lastStamp = 0;
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
  private blockagesBefore?: ReadonlyMap<string, CarriedMemo<Reason[]>>;
  /** Whether the last analysis' values are taken (same hubs, and what changed since is known). */
  private readonly carried: boolean;

  constructor(
    readonly hubs: string,
    last: SearchTrees | undefined,
    private changed: ((node: number) => boolean) | undefined,
    /** The graph's junction count, when known. */
    private readonly size = 0,
  ) {
    // The last analysis' memos are taken over (their arrays reused) even when their values are not.
    this.carried = last?.hubs === hubs && changed !== undefined;
    const carriedChanges = this.carried ? changed : undefined;
    this.paths = new CarriedMemo(last?.paths, carriedChanges, size);
    this.best = new CarriedMemo(last?.best, carriedChanges, size);
    if (last) this.blockagesBefore = last.blockages;
  }

  /** The explanations of tree `treeKey` over this search. */
  blockagesOf(treeKey: string): CarriedMemo<Reason[]> {
    let m = this.blockages.get(treeKey);
    if (!m)
      this.blockages.set(
        treeKey,
        (m = new CarriedMemo(
          this.blockagesBefore?.get(treeKey),
          this.carried ? this.changed : undefined,
          this.size,
        )),
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
