import type { Reason } from '../../schemas';
import { sameReasons, sortReasons, statusOfReasons, statusRank } from '../reasons';

/** What one feature gave the edges of a date's base hazards: its edges (in force or not) and its reason. */
export interface Given {
  edges: ArrayLike<number>;
  reason: Reason;
}

/** The reasons of each edge as collected (in no particular order), or none. */
export interface RawReasons {
  get(edge: number): Reason[] | undefined;
}

/**
 * The collected lists of a base made by patching another: the patched edges' lists over those of the base
 * that was built whole. A patch of a patched base copies its map and reads the same whole base, so a read is
 * never more than one map deep.
 */
export class PatchedRaw implements RawReasons {
  constructor(
    readonly under: RawReasons,
    readonly over: ReadonlyMap<number, Reason[] | undefined>,
  ) {}

  get(edge: number): Reason[] | undefined {
    return this.over.has(edge) ? this.over.get(edge) : this.under.get(edge);
  }
}

/** The parts of a date's base hazards that a patch makes anew (evaluateEdgeHazards.ts). */
export interface BaseLists {
  status: Uint8Array;
  routeStatus: Uint8Array;
  raw: RawReasons;
  /** Sorted reasons by edge index (undefined for an open edge). */
  byEdge: (Reason[] | undefined)[];
}

/**
 * `last`'s lists with the reasons of the features `gone` taken out and those of `added` put in: the base of
 * another date whose roads, month, parameters and crossings are those of `last`'s, and whose features differ by
 * these only (a one-day step: a few dozen incidents entering or leaving the window). Only `valid` edges (roads
 * in force) take a reason, as when the base is built whole. A sorted list is made of the collected one, and
 * its values decide the statuses, so the order in which the reasons were collected does not matter: the lists
 * read as those of a base built whole for the date. `changed` lists, ascending, the edges whose sorted reasons
 * differ from `last`'s; every other edge keeps its list object and statuses.
 */
export function patchedBase(
  last: BaseLists,
  gone: readonly Given[],
  added: readonly Given[],
  valid: (edge: number) => boolean,
): BaseLists & { changed: number[] } {
  const goneReasons = new Set<Reason>(gone.map((g) => g.reason));
  // The collected list of each edge a feature left or joined, from its last one.
  const lists = new Map<number, Reason[]>();
  const listOf = (e: number): Reason[] => {
    let list = lists.get(e);
    if (!list) {
      list = (last.raw.get(e) ?? []).filter((r) => !goneReasons.has(r));
      lists.set(e, list);
    }
    return list;
  };
  for (const g of gone) for (let i = 0; i < g.edges.length; i++) if (valid(g.edges[i])) listOf(g.edges[i]);
  for (const g of added)
    for (let i = 0; i < g.edges.length; i++) if (valid(g.edges[i])) listOf(g.edges[i]).push(g.reason);

  const status = last.status.slice();
  const routeStatus = last.routeStatus.slice();
  const byEdge = last.byEdge.slice();
  const over = new Map(last.raw instanceof PatchedRaw ? last.raw.over : []);
  const changed: number[] = [];
  for (const [e, list] of lists) {
    over.set(e, list.length > 0 ? list : undefined);
    const sorted = list.length > 0 ? sortReasons(list) : undefined;
    if (sameReasons(last.byEdge[e], sorted)) continue;
    changed.push(e);
    byEdge[e] = sorted;
    status[e] = sorted ? statusRank[statusOfReasons(sorted)] : 0;
    routeStatus[e] = sorted ? routeRank(sorted) : 0;
  }
  return {
    status,
    routeStatus,
    raw: new PatchedRaw(last.raw instanceof PatchedRaw ? last.raw.under : last.raw, over),
    byEdge,
    changed: changed.sort((a, b) => a - b),
  };
}

/** The status rank for routing of a sorted list: as its status, without `crossing_closed` (enforced at the junction). */
export function routeRank(sorted: readonly Reason[]): number {
  for (let i = 0; i < sorted.length; i++)
    if (sorted[i].code === 'crossing_closed')
      return statusRank[statusOfReasons(sorted.filter((r) => r.code !== 'crossing_closed'))];
  return statusRank[statusOfReasons(sorted)];
}
