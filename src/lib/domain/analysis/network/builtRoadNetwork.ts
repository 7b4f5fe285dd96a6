import type { BoxIndex } from '../../geo/createBoxIndex';
import { createPointIndex } from '../../geo/createPointIndex';
import type { Attachment, NetworkEdge, RoadNetwork } from './roadNetwork';

/**
 * The road network as the build makes it. A class and not an object literal because the junctions' index is
 * made on first read, by a getter: V8 keeps an object literal with a getter in dictionary mode, so that every
 * read of `net.edges`, `net.edgeFrom` and the rest, on every analysis, was a lookup in a hash table rather than
 * a load at a known place. Here the getter lives on the prototype and the instance's fields are plain.
 */
export class BuiltRoadNetwork implements RoadNetwork {
  private junctionIndex: BoxIndex | undefined = undefined;

  constructor(
    readonly nodeCount: number,
    readonly nodeLon: Float64Array,
    readonly nodeLat: Float64Array,
    readonly edges: NetworkEdge[],
    readonly edgeFrom: Int32Array,
    readonly edgeTo: Int32Array,
    readonly adjStart: Int32Array,
    readonly adjEdge: Int32Array,
    readonly segEdge: Int32Array,
    readonly segVertex: Int32Array,
    readonly segCoords: Float64Array,
    readonly segIndex: BoxIndex,
    readonly edgeRounding: Uint8Array,
    readonly crossingNode: Map<string, number>,
    readonly nodeCrossings: Map<number, string[]>,
    readonly siteAttachment: Map<string, Attachment[]>,
    readonly warnings: string[],
  ) {}

  /** The junctions' tree serves routing alone (the nearest junctions of a route's ends), not the analysis: it
   * is made on the first route's demand, not in every build (25-60 ms of the grid's build). */
  get nodeIndex(): BoxIndex {
    return (this.junctionIndex ??= createPointIndex(this.nodeLon, this.nodeLat));
  }
}
