import type { Position } from 'geojson';
import type { CoursePrefix } from './pathGeometry';

/**
 * The courses already made along one search's tree in one analysis, by junction: for each junction a course
 * passes, that course and how many of its positions its start and edges up to the junction give.
 *
 * A search's paths form a tree (each junction's path is its parent's and one edge), so every path through a
 * junction runs from the same hub along the same edges up to it, and gives the same positions there. A best
 * path then copies its course up to the last junction another best path already passed, from one array,
 * and reads edge lines only beyond it. At Sudan scale a far date makes 1,700–4,400 courses of 0.9–1.9 million
 * positions, of which 83–86 % lie on a part of the tree another course already passed (the hubs' trunk
 * roads, mostly): read again for each site an edge line at a time, lines scattered on the heap.
 *
 * Only for paths of this tree from its hubs' positions (`pathTo` of the same search result, hub `start` as
 * every course from that hub), and only while the result is not changed.
 */
export class TreeCourses {
  /** The courses noted, in order. */
  private readonly courses: (readonly Position[])[] = [];
  /**
   * By junction, 1 + the index in `courses` of one that passes it (0: none). Numbers, not the courses: a
   * network-sized array of references was made in the old generation at once, and each course noted in it
   * was a reference from old to young objects for the collector to follow.
   */
  private readonly courseAt: Int32Array;
  private readonly count: Int32Array;

  constructor(nodeCount: number) {
    this.courseAt = new Int32Array(nodeCount);
    this.count = new Int32Array(nodeCount);
  }

  /**
   * The longest part of the path along `nodes` (junctions in travel order, from the hub's) that a course
   * already made covers, or undefined when none passed its first junction after the hub's. `counts` gets
   * the number of positions at each junction of that part.
   */
  prefixOf(nodes: readonly number[], counts: Int32Array): CoursePrefix | undefined {
    for (let i = nodes.length - 1; i >= 1; i--) {
      const at = this.courseAt[nodes[i]];
      if (at === 0) continue;
      // Every junction above a recorded one is recorded too (record walks whole paths).
      for (let k = 0; k <= i; k++) counts[k] = this.count[nodes[k]];
      return { coordinates: this.courses[at - 1], count: counts[i], edges: i };
    }
    return undefined;
  }

  /** Notes a course made (or kept) along `nodes`, `counts` as `pathGeometry` gives them. */
  record(nodes: readonly number[], coordinates: readonly Position[], counts: Int32Array): void {
    let at = 0;
    // From the site back to the first junction already recorded, whose own path is recorded above it.
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i];
      if (this.courseAt[n] !== 0) return;
      if (at === 0) at = this.courses.push(coordinates);
      this.courseAt[n] = at;
      this.count[n] = counts[i];
    }
  }
}
