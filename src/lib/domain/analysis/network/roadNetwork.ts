import type { Position } from 'geojson';
import type { BoxIndex } from '../../geo/createBoxIndex';
import type { RoadFeature } from '../../schemas';

/** A piece of a road between two junctions: the unit that gets a status and that routing walks. */
export interface NetworkEdge {
  index: number;
  /** `<roadId>#<n>`, n counting the road's pieces from its start. */
  id: string;
  roadId: string;
  road: RoadFeature['properties'];
  from: number;
  to: number;
  coords: Position[];
  lengthKm: number;
}

/** Where a site joins the network: a junction and the straight-line gap to it. */
export interface Attachment {
  node: number;
  attachKm: number;
}

/** The road network as a graph, with a spatial index over the segments of its edges. */
export interface RoadNetwork {
  nodeCount: number;
  nodeLon: Float64Array;
  nodeLat: Float64Array;
  edges: NetworkEdge[];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** Edges at node n: `adjEdge[adjStart[n] .. adjStart[n + 1])`. */
  adjStart: Int32Array;
  adjEdge: Int32Array;
  /** Segment i is `edges[segEdge[i]].coords[segVertex[i] .. segVertex[i] + 1]`. */
  segEdge: Int32Array;
  segVertex: Int32Array;
  /** Segment i runs from (segCoords[4i], segCoords[4i + 1]) to (segCoords[4i + 2], segCoords[4i + 3]): the same
   * numbers as the edge's positions, packed so that scans over many segments read contiguous memory. */
  segCoords: Float64Array;
  segIndex: BoxIndex;
  /**
   * What the report's rounding (7 decimals, round.ts) does to each edge's positions, found while the build
   * reads them: `EDGE_ROUNDED` when it changes none (every position has two numbers of at most 7 decimals, so
   * the rounded line is `coords` itself), and then `EDGE_REPEATS` when two positions in a row are equal.
   */
  edgeRounding: Uint8Array;
  /** Index over the junctions (points), made when first read (routing alone reads it). */
  nodeIndex: BoxIndex;
  /** Junction of each crossing that lies on a road. */
  crossingNode: Map<string, number>;
  /** Crossing ids at each junction. */
  nodeCrossings: Map<number, string[]>;
  /** Where each site joins the network, nearest first (one per validity interval of the roads near it). */
  siteAttachment: Map<string, Attachment[]>;
  /** Problems met while building, e.g. a crossing far from every road. */
  warnings: string[];
}

/** In `RoadNetwork.edgeRounding`: rounding to 7 decimals changes none of the edge's positions. */
export const EDGE_ROUNDED = 1;
/** In `RoadNetwork.edgeRounding`, with EDGE_ROUNDED: two positions in a row of the edge are equal. */
export const EDGE_REPEATS = 2;
