import type { SiteFeature } from '../../schemas';
import type { PathCheck } from './searchChanges';

/**
 * The junction each site of a list joins the roads at, and the sites at each junction: made once for a list
 * of sites and the roads in force (an analyzer's re-analyses on one date share both), so that the sites a
 * moved front line can affect are found from the junctions whose searches changed.
 */
export interface SiteJunctions {
  sites: readonly SiteFeature[];
  /** The roads in force it was made for (the same set while the date is: activeLayers.ts). */
  roadIds: ReadonlySet<string>;
  /** The junction of each site (by place in `sites`) on these roads, -1 for none. */
  nodeOf: Int32Array;
  /** The first site at each junction, -1 for none; `next` the next site at the same junction. Arrays over
   * every junction rather than a map: a move's changed branches are up to a few hundred thousand junctions,
   * each looked up here. */
  first: Int32Array;
  next: Int32Array;
  /** Each site's position (by place): the sites near a change are found without reading each feature. */
  x: Float64Array;
  y: Float64Array;
}

export function siteJunctions(
  sites: readonly SiteFeature[],
  roadIds: ReadonlySet<string>,
  nodeCount: number,
  junctionOf: (site: SiteFeature, place: number) => number | undefined,
): SiteJunctions {
  const nodeOf = new Int32Array(sites.length);
  const first = new Int32Array(nodeCount).fill(-1);
  const next = new Int32Array(sites.length).fill(-1);
  const x = new Float64Array(sites.length);
  const y = new Float64Array(sites.length);
  // Backwards, so that each junction's sites are listed in place order.
  for (let i = sites.length - 1; i >= 0; i--) {
    [x[i], y[i]] = sites[i].geometry.coordinates;
    const n = junctionOf(sites[i], i) ?? -1;
    nodeOf[i] = n;
    if (n === -1) continue;
    next[i] = first[n];
    first[n] = i;
  }
  return { sites, roadIds, nodeOf, first, next, x, y };
}

/**
 * The sites (by place in `at.sites`) whose last report depended on a search that changed at their junction
 * or on the path to it: site `i` with keys `keysOf(i)` is marked when one of them changed at `at.nodeOf[i]`.
 * Only the junctions each search lists as changed are looked at; undefined when a search in `keys` (every
 * key any site's report used) does not list them, and each site must then be asked at its junction.
 */
export function changedSites(
  at: SiteJunctions,
  keys: Iterable<string>,
  pathChanged: (key: string) => PathCheck,
  keysOf: (site: number) => readonly string[] | undefined,
): Uint8Array | undefined {
  const marked = new Uint8Array(at.sites.length);
  const { first, next } = at;
  for (const key of keys) {
    const nodes = pathChanged(key).changed;
    if (!nodes) return undefined;
    for (let k = 0; k < nodes.length; k++)
      for (let i = first[nodes[k]]; i !== -1; i = next[i])
        if (marked[i] === 0 && keysOf(i)?.includes(key)) marked[i] = 1;
  }
  return marked;
}
