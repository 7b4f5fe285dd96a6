import type { Position } from 'geojson';
import type { RoadNetwork } from '../network/roadNetwork';
import { pathGeometry } from './pathGeometry';
import type { TreeCourses } from './treeCourses';
import { sameItems } from '../sameItems';

/** A best path's segment ids and course, with the path they were made from. */
export interface PathCourse {
  segmentIds: string[];
  coordinates: Position[];
}

interface Made extends PathCourse {
  edges: readonly number[];
  nodes: readonly number[];
  start: Position;
  end: Position;
  /** The positions its start and first `i` edges give, at `i` (pathGeometry's `counts`). */
  counts: Int32Array;
}

/**
 * The last course made for each key (a site), by the edge lookup it was made with: one per analyzer, whose
 * network and rounded edge lines never change.
 */
const madeByLookup = new WeakMap<(edge: number) => Position[], Map<string, Made>>();

/**
 * The segment ids and course (`pathGeometry`) of a path from `start` to `end` along `edges` (`nodes` the
 * junctions in travel order), the very arrays made last time for `key` when the path is the same.
 *
 * A date change keeps a site's best path by junction only where nothing on the search's way to it changed
 * (carriedTrees.ts); yet a cost changed further up (an edge now at risk, say) mostly leaves the same edges
 * chosen: about half of the far date's 3,447 best paths at Sudan scale. Their courses, hundreds of positions
 * each, were copied again, most of the time of a far date's best paths.
 */
export function keptPathCourse(
  net: RoadNetwork,
  edgeCoords: (edge: number) => Position[],
  key: string,
  edges: readonly number[],
  nodes: readonly number[],
  start: Position,
  end: Position,
  edgeHasRepeats?: (edge: number) => boolean,
  tree?: TreeCourses,
): PathCourse {
  let made = madeByLookup.get(edgeCoords);
  if (!made) madeByLookup.set(edgeCoords, (made = new Map()));
  const last = made.get(key);
  if (last && samePath(last, edges, nodes, start, end)) {
    tree?.record(nodes, last.coordinates, last.counts);
    return last;
  }
  const segmentIds = segmentIdsOf(net, edges);
  const counts = new Int32Array(edges.length + 1);
  const from = tree?.prefixOf(nodes, counts);
  const coordinates = pathGeometry(net, edgeCoords, edges, nodes, start, end, edgeHasRepeats, from, counts);
  tree?.record(nodes, coordinates, counts);
  const course: Made = { segmentIds, coordinates, edges, nodes, start, end, counts };
  made.set(key, course);
  return course;
}

/** The ids of `edges`, in their order. */
export function segmentIdsOf(net: RoadNetwork, edges: readonly number[]): string[] {
  const ids = edgeIdsOf(net);
  const segmentIds = new Array<string>(edges.length);
  for (let i = 0; i < edges.length; i++) segmentIds[i] = ids[edges[i]];
  return segmentIds;
}

/**
 * Each network's edge ids by edge index, in one array: a best path reads the ids of hundreds of edges, and
 * reading each from its edge object (scattered on the heap) cost more than copying the ids.
 */
const edgeIdsByNetwork = new WeakMap<RoadNetwork, string[]>();
export function edgeIdsOf(net: RoadNetwork): string[] {
  let ids = edgeIdsByNetwork.get(net);
  if (!ids) edgeIdsByNetwork.set(net, (ids = net.edges.map((e) => e.id)));
  return ids;
}

function samePath(
  last: Made,
  edges: readonly number[],
  nodes: readonly number[],
  start: Position,
  end: Position,
): boolean {
  return (
    samePosition(last.start, start) &&
    samePosition(last.end, end) &&
    sameItems(last.edges, edges) &&
    sameItems(last.nodes, nodes)
  );
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
