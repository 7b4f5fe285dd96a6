import type { Position } from 'geojson';
import type { BestPath } from '../../schemas';
import type { RoadNetwork } from '../network/roadNetwork';
import { edgeIdsOf, keptPathCourse, segmentIdsOf, type PathCourse } from './keptGeometry';
import { TreeCourses } from './treeCourses';

/** What a best path's segment ids and course are made from, fixed when the path is found. */
export interface CourseInputs {
  net: RoadNetwork;
  /** The analyzer's rounded edge lines and which of them repeat a position (AnalysisContext). */
  edgeCoords: (edge: number) => Position[];
  edgeHasRepeats: (edge: number) => boolean;
  /** The site the path leads to: the key of its last course (keptGeometry.ts). */
  siteId: string;
  /** The path's edges and junctions in travel order, read from the search when the path was found. */
  edges: readonly number[];
  nodes: readonly number[];
  /** The hub's and the site's rounded positions, the course's ends. */
  start: Position;
  end: Position;
  /**
   * The courses made along the same search's tree in the same analysis, by search key (treeCourses.ts), and
   * that key: a course made later still copies what another of the same tree made.
   */
  trees: Map<string, TreeCourses | undefined>;
  treeKey: string;
}

/**
 * A best path whose segment ids and course (hundreds of positions) are made when first read, not when the
 * analysis finds the path (issue 14, "best-path geometry on demand"). Most readers never read them: the map's
 * verdicts, hotspots, totals, feeds and the CSV export use the hub, crossings, length and cost alone, and the
 * map draws the course of the selected site only. Made for every reached site, they were about 120 ms of a
 * first analysis of 880 ms on the Sudan-scale grid, with the collections of what they kept (docs/performance.md,
 * "Best paths made when read").
 *
 * Own enumerable accessors, in the schema's key order, so that JSON, structured clones (the map's worker),
 * spreads and comparisons see a plain best path: reading them makes the course once, from inputs fixed when
 * the path was found (not the search's arrays, which the next analysis repairs in place), and then lets those
 * inputs go. Made in this module, not in a closure of the analysis, so that an unread path holds its inputs
 * only, not the analysis's searches.
 */
export function lazyBestPath(
  head: Pick<BestPath, 'fromHubId' | 'viaCrossingIds' | 'lengthKm' | 'cost'>,
  inputs: CourseInputs,
): BestPath {
  // The segment ids alone when they are read first (the compact report has no course), then kept: a path
  // reads the same array each time. Its inputs are its entry in `unmade` alone (no closure holds them), dropped
  // once the course is made.
  let segmentIds: string[] | undefined;
  let geometry: BestPath['geometry'] | undefined;
  const path: BestPath = {
    fromHubId: head.fromHubId,
    viaCrossingIds: head.viaCrossingIds,
    lengthKm: head.lengthKm,
    cost: head.cost,
    get segmentIds() {
      if (!segmentIds) {
        const { net, edges } = unmade.get(path)!;
        segmentIds = segmentIdsOf(net, edges);
      }
      return segmentIds;
    },
    get geometry() {
      if (!geometry) {
        const course = courseOf(unmade.get(path)!);
        segmentIds ??= course.segmentIds;
        geometry = { type: 'LineString', coordinates: course.coordinates };
        unmade.delete(path);
      }
      return geometry;
    },
  };
  unmade.set(path, inputs);
  return path;
}

/** The inputs of the best paths whose course is not made yet. */
const unmade = new WeakMap<object, CourseInputs>();
const countedCourses = new WeakMap<CourseInputs, UnmadeCourse>();

/** What `unmadeCourse` tells of a path. */
export interface UnmadeCourse {
  /** About how many positions its course will have. */
  positions: number;
  /** How many segment ids it will have, and their characters in all. */
  segments: number;
  segmentIdChars: number;
  start: Position;
  end: Position;
}

/**
 * For a best path (from lazyBestPath) whose course is not made yet: about how many positions it will have, its
 * segment ids' number and characters, and its two ends; undefined for anything else. Lets a reader measure a
 * report (the server's cache counts its bytes) without making every course: its edges' positions, less the
 * junction each shares with the next (pathGeometry drops a position repeating the one before), and the two
 * ends. Counted once per path: a path kept from one date to the next is in each date's report.
 */
export function unmadeCourse(value: object): UnmadeCourse | undefined {
  const c = unmade.get(value);
  if (!c) return undefined;
  let counted = countedCourses.get(c);
  if (!counted) {
    const ids = edgeIdsOf(c.net);
    let positions = 2 - Math.max(0, c.edges.length - 1);
    let segmentIdChars = 0;
    for (let i = 0; i < c.edges.length; i++) {
      positions += c.edgeCoords(c.edges[i]).length;
      segmentIdChars += ids[c.edges[i]].length;
    }
    counted = {
      positions: Math.max(2, positions),
      segments: c.edges.length,
      segmentIdChars,
      start: c.start,
      end: c.end,
    };
    countedCourses.set(c, counted);
  }
  return counted;
}

function courseOf(c: CourseInputs): PathCourse {
  // The first course of a search read alone (a reader selecting a site) makes no tree: a tree is two
  // network-sized arrays, kept as long as any path of that analysis is.
  let tree = c.trees.get(c.treeKey);
  if (!tree && c.trees.has(c.treeKey)) c.trees.set(c.treeKey, (tree = new TreeCourses(c.net.nodeCount)));
  else if (!tree) c.trees.set(c.treeKey, undefined);
  return keptPathCourse(
    c.net,
    c.edgeCoords,
    c.siteId,
    c.edges,
    c.nodes,
    c.start,
    c.end,
    c.edgeHasRepeats,
    tree,
  );
}
