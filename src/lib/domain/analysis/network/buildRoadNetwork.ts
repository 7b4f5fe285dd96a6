import type { Position } from 'geojson';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { haversineKm, haversineKmLonLat } from '../../geo/haversineKm';
import { projectOnSegmentXY } from '../../geo/projectOnSegment';
import type { CrossingFeature, RoadFeature, SiteFeature } from '../../schemas';
import { roundsToItself } from '../round';
import { byId } from '../sortById';
import { BuiltEdge } from './builtEdge';
import { BuiltRoadNetwork } from './builtRoadNetwork';
import { clusterPoints } from './clusterPoints';
import { findRoadSplits, roadSegmentIndex } from './findRoadSplits';
import { packJoins, unpackJoins, type RoadJoins } from './roadJoins';
import { latAt, lonAt, pointAt, sortCuts, type SortedCuts } from './cutPoints';
import { SegmentGrid } from './segmentGrid';
import type { NetworkOptions } from './networkOptions';
import {
  EDGE_REPEATS,
  EDGE_ROUNDED,
  type Attachment,
  type NetworkEdge,
  type RoadNetwork,
} from './roadNetwork';

/**
 * Builds the road graph: roads are cut where they meet, cross or nearly meet (snapped within
 * `snapToleranceKm`), where a crossing sits on them and where a site attaches to them; the pieces between
 * cuts are the edges. Deterministic: roads, crossings and sites are taken in id order. Inputs are not mutated.
 */
export function buildRoadNetwork(
  roadFeatures: readonly RoadFeature[],
  crossings: readonly CrossingFeature[],
  sites: readonly SiteFeature[],
  options: NetworkOptions,
): RoadNetwork {
  return buildJoinedRoadNetwork(roadFeatures, crossings, sites, options).network;
}

/**
 * `buildRoadNetwork`, with where the roads meet one another: given `joins` (those of a network of the same roads
 * and snap tolerance), the roads are not noded again, and the network is the one built without them. Returns the
 * joins used, for the next build.
 */
export function buildJoinedRoadNetwork(
  roadFeatures: readonly RoadFeature[],
  crossings: readonly CrossingFeature[],
  sites: readonly SiteFeature[],
  options: NetworkOptions,
  joins?: RoadJoins,
): { network: RoadNetwork; joins: RoadJoins } {
  const roads = [...roadFeatures].sort(byId);
  const coords = roads.map((r) => r.geometry.coordinates);
  const noded: Partial<ReturnType<typeof findRoadSplits>> = joins
    ? { splits: unpackJoins(joins), segments: roadSegmentIndex(coords, options.snapToleranceKm) }
    : findRoadSplits(coords, options.snapToleranceKm);
  const splits = noded.splits!;
  // Packed before the crossings and sites add their cuts to the lists.
  const roadJoins = joins ?? packJoins(splits);
  // The roads' segment grid (about 50 MB of typed arrays at Sudan scale) serves the nearest-road searches
  // below alone. No reference to it is left once they are done (see below), so that the collection that
  // usually falls in the rest of the build frees it; held to the end, it stayed until well after the analysis.
  let rawIndex = noded.segments;
  noded.segments = undefined;
  const warnings: string[] = [];

  // Crossings and sites cut the road nearest to them.
  // Nearest road to p within maxKm; with `byValidity`, the nearest of each distinct validity interval, so
  // that a site keeps a road on every date even when its nearest road is valid only for a while.
  const validityKey = roads.map((r) => `${r.properties.validFrom ?? ''}|${r.properties.validTo ?? ''}`);
  const severalValidities = new Set(validityKey).size > 1;
  const distance = new Float64Array(1);
  const nearest = (p: Position, maxKm: number, byValidity = false) => {
    const best = new Map<string, { road: number; pos: number; km: number }>();
    // The projection's arithmetic without its answer object and point per segment met (the 20 km searches
    // of 5,000 sites meet millions): the cosine of p's latitude is the one projectOnSegment takes.
    const cosLat = Math.cos((p[1] * Math.PI) / 180);
    // Search a small box first and grow it: most places lie near a road. With several validity intervals
    // the whole radius is searched, to find the nearest road of each.
    for (let km = Math.min(maxKm, 2); ; km = Math.min(maxKm, km * 4)) {
      const box = expandBboxKm([p[0], p[1], p[0], p[1]], km);
      const index = rawIndex!;
      const found = index.grid.search(box[0], box[1], box[2], box[3]);
      for (let f = 0; f < found.length; f++) {
        const s = found[f];
        const r = index.road[s];
        const k = index.k[s];
        const a = coords[r][k];
        const b = coords[r][k + 1];
        const t = projectOnSegmentXY(p[0], p[1], cosLat, a[0], a[1], b[0], b[1], distance);
        const d = distance[0];
        if (d > km) continue;
        const key = byValidity ? validityKey[r] : '';
        const old = best.get(key);
        if (!old || d < old.km - 1e-12 || (d <= old.km + 1e-12 && r < old.road))
          best.set(key, { road: r, pos: k + t, km: d });
      }
      if (km >= maxKm || (best.size > 0 && !(byValidity && severalValidities))) break;
    }
    return [...best.values()].sort((a, b) => a.km - b.km || a.road - b.road);
  };
  const extra: { kind: 'crossing' | 'site'; id: string; road: number; pos: number }[] = [];
  for (const c of [...crossings].sort(byId)) {
    const [hit] = nearest(c.geometry.coordinates, options.crossingAttachKm);
    if (hit) extra.push({ kind: 'crossing', id: c.properties.id, road: hit.road, pos: hit.pos });
    else
      warnings.push(
        `crossing ${c.properties.id} is more than ${options.crossingAttachKm} km from every road: it affects no road`,
      );
  }
  for (const s of [...sites].sort(byId)) {
    for (const hit of nearest(s.geometry.coordinates, options.siteAttachKm, true))
      extra.push({ kind: 'site', id: s.properties.id, road: hit.road, pos: hit.pos });
  }
  for (const e of extra) splits[e.road].push(e.pos);
  // The closures of this function keep its variables alive until it returns.
  rawIndex = undefined;

  // Every cut becomes a point; points closer than the tolerance become one junction. The cut points, road by
  // road in position order: point `cuts.first[r] + i` is the i-th cut of road r. Each loop over the points,
  // the edges or their segments is a function of its own: this code runs once per build, largely before the
  // optimising compiler takes over, and one function holding all the loops was sent back to the interpreter
  // (which boxes every double it computes) each time a later loop met code with no type feedback yet.
  const cuts = sortCuts(splits);
  const pointCount = cuts.first[roads.length];
  const pointLon = new Float64Array(pointCount);
  const pointLat = new Float64Array(pointCount);
  const pointRoad = new Int32Array(pointCount);
  placeCutPoints(coords, cuts, pointLon, pointLat, pointRoad);
  const root = clusterPoints(pointLon, pointLat, options.snapToleranceKm);
  const { nodeOfRoot, rootOfNode } = numberJunctions(root);
  const nodeCount = rootOfNode.length;
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  // The position of each junction, which the edges ending there share as their first or last: that of its
  // first point, mostly a vertex of a road (see pointAt). Two new arrays per edge were 1.3 million on the
  // walks network, kept as long as the network. Nothing writes to positions (reports already share them).
  const nodePos: Position[] = [];
  for (let n = 0; n < nodeCount; n++) {
    const p = rootOfNode[n];
    nodeLon[n] = pointLon[p];
    nodeLat[n] = pointLat[p];
    nodePos.push(pointAt(coords[pointRoad[p]], cuts.pos[p]));
  }
  const nodeOfPoint = new Int32Array(pointCount);
  for (let i = 0; i < pointCount; i++) nodeOfPoint[i] = nodeOfRoot[root[i]];
  const nodeAt = (road: number, pos: number) => {
    let i = cuts.first[road];
    while (cuts.pos[i] !== pos) i++;
    return nodeOfPoint[i];
  };

  // Edges: the pieces of each road between consecutive cuts. The arrays of their segments are sized to the
  // pieces' segments, counted from the cut positions, less only the short loops dropped (see makeEdges): a
  // bound of a segment per road segment and per cut was 10 % too large on the grid and 45 % on the
  // real-shaped walks, typed arrays kept as long as the network.
  const packed: PackedSegments = {
    edge: new Int32Array(cuts.segments),
    vertex: new Int32Array(cuts.segments),
    coords: new Float64Array(4 * cuts.segments),
    count: 0,
  };
  // At most one edge per pair of consecutive cut points of a road.
  const rounding = new Uint8Array(Math.max(0, pointCount - roads.length));
  const lengths = new Float64Array(rounding.length);
  const edges = makeEdges(
    roads,
    coords,
    cuts,
    nodeOfPoint,
    nodePos,
    options.snapToleranceKm,
    packed,
    rounding,
    lengths,
  );
  const segCount = packed.count;
  const span = sumOfSpans(packed.coords, segCount);
  // Views on the first segCount entries (the bound is above the count by the dropped loops' segments).
  const segEdge = packed.edge.subarray(0, segCount);
  const segVertex = packed.vertex.subarray(0, segCount);
  const segCoords = packed.coords.subarray(0, 4 * segCount);

  const crossingNode = new Map<string, number>();
  const nodeCrossings = new Map<number, string[]>();
  const siteAttachment = new Map<string, Attachment[]>();
  const siteById = new Map(sites.map((s) => [s.properties.id, s]));
  for (const e of extra) {
    const node = nodeAt(e.road, e.pos);
    if (e.kind === 'crossing') {
      crossingNode.set(e.id, node);
      nodeCrossings.set(node, [...(nodeCrossings.get(node) ?? []), e.id]);
    } else {
      const p = siteById.get(e.id)!.geometry.coordinates;
      const list = siteAttachment.get(e.id) ?? [];
      list.push({ node, attachKm: haversineKm(p, [nodeLon[node], nodeLat[node]]) });
      siteAttachment.set(e.id, list);
    }
  }

  for (const list of siteAttachment.values()) list.sort((a, b) => a.attachKm - b.attachKm || a.node - b.node);

  // Adjacency in compressed rows; edges at a node in index order.
  // Index loops over the edges' ends packed once: this code runs once per build, largely before the
  // optimising compiler takes over, where each step of a for-of loop allocates an iterator result.
  const edgeFrom = new Int32Array(edges.length);
  const edgeTo = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    edgeFrom[e] = edges[e].from;
    edgeTo[e] = edges[e].to;
  }
  const degree = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edges.length; e++) {
    degree[edgeFrom[e]]++;
    if (edgeTo[e] !== edgeFrom[e]) degree[edgeTo[e]]++;
  }
  const adjStart = new Int32Array(nodeCount + 1);
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] = adjStart[n] + degree[n];
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(adjStart[nodeCount]);
  for (let e = 0; e < edges.length; e++) {
    adjEdge[fill[edgeFrom[e]]++] = e;
    if (edgeTo[e] !== edgeFrom[e]) adjEdge[fill[edgeTo[e]]++] = e;
  }

  // The segments of the edges, on a grid (cheaper to build than a tree for a million segments), which reads
  // each segment's box from its two ends in segCoords rather than from a copy of them as boxes.
  const segGrid = new SegmentGrid(segCoords, segCount > 0 ? (3 * span) / segCount + 1e-6 : 1);
  const network = new BuiltRoadNetwork(
    nodeCount,
    nodeLon,
    nodeLat,
    edges,
    edgeFrom,
    edgeTo,
    adjStart,
    adjEdge,
    segEdge,
    segVertex,
    segCoords,
    segGrid,
    rounding.subarray(0, edges.length),
    crossingNode,
    nodeCrossings,
    siteAttachment,
    warnings,
  );
  return { network, joins: roadJoins };
}

/** The segments of the edges, packed: segment i is `edge[i]`'s `vertex[i]`-th, from (coords[4i], coords[4i + 1])
 * to (coords[4i + 2], coords[4i + 3]); the first `count` are filled. */
interface PackedSegments {
  edge: Int32Array;
  vertex: Int32Array;
  coords: Float64Array;
  count: number;
}

/** The place of each cut point (see sortCuts), and the road it lies on. */
function placeCutPoints(
  coords: readonly Position[][],
  cuts: SortedCuts,
  lon: Float64Array,
  lat: Float64Array,
  road: Int32Array,
): void {
  for (let r = 0; r < coords.length; r++)
    for (let i = cuts.first[r]; i < cuts.first[r + 1]; i++) {
      lon[i] = lonAt(coords[r], cuts.pos[i]);
      lat[i] = latAt(coords[r], cuts.pos[i]);
      road[i] = r;
    }
}

/** Junctions numbered in the order their groups first appear (`root` as clusterPoints gives it). */
function numberJunctions(root: Int32Array): { nodeOfRoot: Int32Array; rootOfNode: number[] } {
  const nodeOfRoot = new Int32Array(root.length).fill(-1);
  const rootOfNode: number[] = [];
  for (let i = 0; i < root.length; i++)
    if (nodeOfRoot[root[i]] === -1) {
      nodeOfRoot[root[i]] = rootOfNode.length;
      rootOfNode.push(root[i]);
    }
  return { nodeOfRoot, rootOfNode };
}

/**
 * The pieces of each road between consecutive cuts, a loop (from a junction back to itself) shorter than three
 * snap tolerances left out. Their segments are packed into `packed` in the same pass, while the positions just
 * read are still in the cache: a second pass over a million position arrays scattered on the heap cost more
 * than the packing itself. For the same reason each edge's `rounding` (see RoadNetwork.edgeRounding) is found
 * here, not by the analysis reading every position again. Edge i's length goes to `lengths[i]` (see BuiltEdge).
 */
function makeEdges(
  roads: readonly RoadFeature[],
  coords: readonly Position[][],
  cuts: SortedCuts,
  nodeOfPoint: Int32Array,
  nodePos: readonly Position[],
  snapToleranceKm: number,
  packed: PackedSegments,
  rounding: Uint8Array,
  lengths: Float64Array,
): NetworkEdge[] {
  const edges: NetworkEdge[] = [];
  const { edge, vertex, coords: seg } = packed;
  let count = 0;
  for (let r = 0; r < roads.length; r++) {
    const road = roads[r];
    const roadCoords = coords[r];
    let n = 0;
    for (let p = cuts.first[r]; p + 1 < cuts.first[r + 1]; p++) {
      const from = nodeOfPoint[p];
      const to = nodeOfPoint[p + 1];
      // The piece's line: its first junction, the road's vertices strictly inside it, its last junction. A
      // copy of the road's stretch made at its size, where a line pushed one position at a time grew by
      // copies to half again its length, kept as long as the network.
      const start = Math.floor(cuts.pos[p]);
      const inside = Math.max(0, Math.ceil(cuts.pos[p + 1]) - start - 1);
      const line = roadCoords.slice(start, start + inside + 2);
      line[0] = nodePos[from];
      line[inside + 1] = nodePos[to];
      // One pass over the line packs its segments and sums its length (the sum lineLengthKm makes, in the
      // same order).
      const index = edges.length;
      const firstSegment = count;
      let lengthKm = 0;
      let rounded = true;
      let repeats = false;
      for (let v = 1; v < line.length; v++) {
        const a = line[v - 1];
        const b = line[v];
        if (rounded && !roundsToItself(a)) rounded = false;
        if (a[0] === b[0] && a[1] === b[1]) repeats = true;
        edge[count] = index;
        vertex[count] = v - 1;
        const k = 4 * count++;
        seg[k] = a[0];
        seg[k + 1] = a[1];
        seg[k + 2] = b[0];
        seg[k + 3] = b[1];
        lengthKm += haversineKmLonLat(a[0], a[1], b[0], b[1]);
      }
      if (from === to && lengthKm < 3 * snapToleranceKm) {
        count = firstSegment;
        continue;
      }
      if (rounded && roundsToItself(line[line.length - 1]))
        rounding[index] = repeats ? EDGE_ROUNDED | EDGE_REPEATS : EDGE_ROUNDED;
      lengths[index] = lengthKm;
      edges.push(
        new BuiltEdge(index, `${road.properties.id}#${n++}`, road.properties, from, to, line, lengths),
      );
    }
  }
  packed.count = count;
  return edges;
}

/**
 * The sum over the packed segments, in order, of the larger side of each one's box. Math.abs and Math.max (the
 * same numbers as comparisons here: no NaN, and a difference negated is exact): V8 boxed every double of this
 * loop written with comparisons and conditional expressions, 11 MB per build of the grid.
 */
function sumOfSpans(seg: Float64Array, count: number): number {
  let span = 0;
  for (let k = 0; k < 4 * count; k += 4)
    span += Math.max(Math.abs(seg[k + 2] - seg[k]), Math.abs(seg[k + 3] - seg[k + 1]));
  return span;
}
