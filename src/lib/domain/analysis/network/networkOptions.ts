/**
 * Tolerances used when the road network is built (once per situation, so they are not per-call parameters).
 * docs/analysis.md explains each.
 */
export interface NetworkOptions {
  /** Road ends, vertices and crossings closer than this are one junction (near-misses are snapped). */
  snapToleranceKm: number;
  /** A crossing attaches to the nearest road within this distance; farther, it is reported and ignored. */
  crossingAttachKm: number;
  /** A site attaches to the nearest road within this distance (the gap counts in path lengths); farther, it is off the network. */
  siteAttachKm: number;
}

export const defaultNetworkOptions: NetworkOptions = {
  snapToleranceKm: 0.05,
  crossingAttachKm: 2,
  siteAttachKm: 20,
};
