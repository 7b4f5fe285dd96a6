import type { CrossingFeature, RoadFeature, SiteFeature } from '../../schemas';
import { sameItems } from '../sameItems';
import { buildJoinedRoadNetwork } from './buildRoadNetwork';
import type { RoadJoins } from './roadJoins';
import type { NetworkOptions } from './networkOptions';
import type { RoadNetwork } from './roadNetwork';

/**
 * What a network was built from: its roads (the objects), and the ids and positions of its crossings and sites;
 * and where its roads meet one another.
 */
interface BuiltFrom {
  roads: readonly RoadFeature[];
  places: string;
  options: NetworkOptions;
  joins: RoadJoins;
}

const builtFrom = new WeakMap<RoadNetwork, BuiltFrom>();

/**
 * `buildRoadNetwork(roads, crossings, sites, options)`, or the first of `earlier` built from the same road objects,
 * in the same order, and crossings and sites of the same ids and positions in the same order: the build reads
 * nothing else of them, and nothing writes to a network once built, so it is the same network.
 *
 * A server reading its situation again after a write keeps the features no write touched as the same objects
 * (src/lib/server/db/readSituationSince.ts), and its visibility levels share the features they both see
 * (src/lib/server/situation/situationStore.ts). It passes the networks of its levels' last analyzers: after a write
 * of incidents, areas, front lines or a site's figures, the new analyzer takes its level's network instead of
 * building it again (about 0.8 s of its 1.5 s at the bench's Sudan scale, docs/performance.md), and a level whose
 * roads, crossings and sites are another level's takes that level's network. When only crossings or sites differ
 * (a site added or moved), the network is built again without noding the roads again: it takes where the roads
 * meet from the first of `earlier` built from the same roads with the same snap tolerance.
 */
export function roadNetworkOf(
  roads: readonly RoadFeature[],
  crossings: readonly CrossingFeature[],
  sites: readonly SiteFeature[],
  options: NetworkOptions,
  earlier: readonly RoadNetwork[] = [],
): RoadNetwork {
  const places = placesOf(crossings, sites);
  let joins: RoadJoins | undefined;
  for (const network of earlier) {
    const was = builtFrom.get(network);
    if (!was || !sameItems(was.roads, roads)) continue;
    if (was.places === places && sameOptions(was.options, options)) return network;
    if (was.options.snapToleranceKm === options.snapToleranceKm) joins ??= was.joins;
  }
  const built = buildJoinedRoadNetwork(roads, crossings, sites, options, joins);
  builtFrom.set(built.network, { roads, places, options: { ...options }, joins: built.joins });
  return built.network;
}

/** Every option the same: one added to `NetworkOptions` later is compared without being named here. */
function sameOptions(a: NetworkOptions, b: NetworkOptions): boolean {
  const keys = Object.keys(a) as (keyof NetworkOptions)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The ids and positions of crossings and sites, in their order: all the build reads of them. */
function placesOf(crossings: readonly CrossingFeature[], sites: readonly SiteFeature[]): string {
  const parts: string[] = [];
  for (const c of crossings) parts.push(c.properties.id, String(c.geometry.coordinates));
  parts.push('');
  for (const s of sites) parts.push(s.properties.id, String(s.geometry.coordinates));
  return parts.join('\n');
}
