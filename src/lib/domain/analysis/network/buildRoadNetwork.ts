import type { Position } from 'geojson';
import type { BoxIndex } from '../../geo/createBoxIndex';
import { createPointIndex } from '../../geo/createPointIndex';
import { expandBboxKm } from '../../geo/expandBboxKm';
import { haversineKm, haversineKmLonLat } from '../../geo/haversineKm';
import { projectOnSegment } from '../../geo/projectOnSegment';
import type { CrossingFeature, RoadFeature, SiteFeature } from '../../schemas';
import { byId } from '../sortById';
import { clusterPoints } from './clusterPoints';
import { findRoadSplits } from './findRoadSplits';
import { SegmentGrid } from './segmentGrid';
import type { NetworkOptions } from './networkOptions';
import type { Attachment, NetworkEdge, RoadNetwork } from './roadNetwork';

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
  const roads = [...roadFeatures].sort(byId);
  const coords = roads.map((r) => r.geometry.coordinates);
  const noded: Partial<ReturnType<typeof findRoadSplits>> = findRoadSplits(coords, options.snapToleranceKm);
  const splits = noded.splits!;
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
  const nearest = (p: Position, maxKm: number, byValidity = false) => {
    const best = new Map<string, { road: number; pos: number; km: number }>();
    // Search a small box first and grow it: most places lie near a road. With several validity intervals
    // the whole radius is searched, to find the nearest road of each.
    for (let km = Math.min(maxKm, 2); ; km = Math.min(maxKm, km * 4)) {
      const box = expandBboxKm([p[0], p[1], p[0], p[1]], km);
      const index = rawIndex!;
      index.grid.forEach(box[0], box[1], box[2], box[3], (s) => {
        const r = index.road[s];
        const k = index.k[s];
        const pr = projectOnSegment(p, coords[r][k], coords[r][k + 1]);
        if (pr.distanceKm > km) return;
        const key = byValidity ? validityKey[r] : '';
        const old = best.get(key);
        if (!old || pr.distanceKm < old.km - 1e-12 || (pr.distanceKm <= old.km + 1e-12 && r < old.road))
          best.set(key, { road: r, pos: k + pr.t, km: pr.distanceKm });
      });
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

  // Every cut becomes a point; points closer than the tolerance become one junction.
  // Sorted without duplicates: a typed array sorts numbers in place, where sorting with a comparator copied
  // every list (45 MB of garbage at full grid size). Cut positions are never -0 or NaN, so the order and the
  // values kept are those of the Set and comparator this replaces.
  let scratch = new Float64Array(16);
  // The number of segments of all the edges (see the edge loop below), counted here while the cuts are read.
  let segBound = 0;
  const positions = splits.map((list) => {
    if (list.length > scratch.length) scratch = new Float64Array(2 * list.length);
    for (let i = 0; i < list.length; i++) scratch[i] = list[i];
    const sorted = scratch.subarray(0, list.length).sort();
    const unique: number[] = [sorted[0]];
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i] !== sorted[i - 1]) {
        // The piece from the last cut to this one: a segment per road vertex strictly inside it, plus one.
        segBound += Math.max(0, Math.ceil(sorted[i]) - Math.floor(sorted[i - 1]) - 1) + 1;
        unique.push(sorted[i]);
      }
    return unique;
  });
  // The cut points, road by road in position order: point `firstPoint[r] + i` is the i-th cut of road r. Two
  // typed arrays sized once, where arrays of numbers pushed one by one grew by copies, and an offset per road
  // where a list of point numbers per road was another 50,000 arrays.
  const firstPoint = new Int32Array(roads.length + 1);
  for (let r = 0; r < roads.length; r++) firstPoint[r + 1] = firstPoint[r] + positions[r].length;
  const pointLon = new Float64Array(firstPoint[roads.length]);
  const pointLat = new Float64Array(firstPoint[roads.length]);
  const pointPos: Position[] = [];
  for (let r = 0; r < roads.length; r++) {
    const list = positions[r];
    for (let i = 0; i < list.length; i++) {
      const p = at(coords[r], list[i]);
      pointLon[firstPoint[r] + i] = p[0];
      pointLat[firstPoint[r] + i] = p[1];
      pointPos.push(p);
    }
  }
  const root = clusterPoints(pointLon, pointLat, options.snapToleranceKm);
  // Junctions numbered in the order their groups first appear; a group is placed at its first point.
  const nodeOfRoot = new Int32Array(root.length).fill(-1);
  const rootOfNode: number[] = [];
  for (let i = 0; i < root.length; i++)
    if (nodeOfRoot[root[i]] === -1) {
      nodeOfRoot[root[i]] = rootOfNode.length;
      rootOfNode.push(root[i]);
    }
  const nodeCount = rootOfNode.length;
  const nodeLon = new Float64Array(nodeCount);
  const nodeLat = new Float64Array(nodeCount);
  // The position of each junction, which the edges ending there share as their first or last: that of its
  // first point, mostly a vertex of a road (see at()). Two new arrays per edge were 1.3 million on the walks
  // network, kept as long as the network. Nothing writes to positions (reports already share them).
  const nodePos: Position[] = [];
  for (let n = 0; n < nodeCount; n++) {
    nodeLon[n] = pointLon[rootOfNode[n]];
    nodeLat[n] = pointLat[rootOfNode[n]];
    nodePos.push(pointPos[rootOfNode[n]]);
  }
  const nodeOfPoint = (i: number) => nodeOfRoot[root[i]];
  const nodeAt = (road: number, pos: number) => nodeOfPoint(firstPoint[road] + positions[road].indexOf(pos));

  // Edges: the pieces of each road between consecutive cuts. Their segments are packed into typed arrays in
  // the same pass, while the positions just read are still in the cache: a second pass over a million
  // position arrays scattered on the heap cost more than the packing itself. The arrays are sized to the
  // pieces' segments, counted from the cut positions (a piece has a segment per road vertex strictly inside
  // it, plus one), less only the short loops dropped below: a bound of a segment per road segment and per cut
  // was 10 % too large on the grid and 45 % on the real-shaped walks, typed arrays kept as long as the network.
  const segEdgeAll = new Int32Array(segBound);
  const segVertexAll = new Int32Array(segBound);
  const segCoordsAll = new Float64Array(4 * segBound);
  let segCount = 0;
  let span = 0;
  const edges: NetworkEdge[] = [];
  // A loop, not a callback: segCount and span written from a closure would live in a context object, where
  // each new value of span (a double) was a new heap number, one per segment.
  for (let r = 0; r < roads.length; r++) {
    const road = roads[r];
    const list = positions[r];
    let n = 0;
    for (let i = 0; i + 1 < list.length; i++) {
      const from = nodeOfPoint(firstPoint[r] + i);
      const to = nodeOfPoint(firstPoint[r] + i + 1);
      // One pass over the piece's positions makes its line, packs its segments and sums its length (the sum
      // lineLengthKm makes, in the same order): each position array is read once, not three times.
      const index = edges.length;
      const roadCoords = coords[r];
      const first = segCount;
      let px = nodeLon[from];
      let py = nodeLat[from];
      const line: Position[] = [nodePos[from]];
      let lengthKm = 0;
      const end = list[i + 1];
      // The road's vertices strictly inside the piece, then the junction it ends at.
      for (let v = Math.floor(list[i]) + 1; ; v++) {
        const last = !(v < end);
        const p = last ? nodePos[to] : roadCoords[v];
        const x = p[0];
        const y = p[1];
        line.push(p);
        segEdgeAll[segCount] = index;
        segVertexAll[segCount] = segCount - first;
        const k = 4 * segCount++;
        segCoordsAll[k] = px;
        segCoordsAll[k + 1] = py;
        segCoordsAll[k + 2] = x;
        segCoordsAll[k + 3] = y;
        lengthKm += haversineKmLonLat(px, py, x, y);
        px = x;
        py = y;
        if (last) break;
      }
      if (from === to && lengthKm < 3 * options.snapToleranceKm) {
        segCount = first;
        continue;
      }
      for (let k = 4 * first; k < 4 * segCount; k += 4) {
        const w =
          segCoordsAll[k] < segCoordsAll[k + 2]
            ? segCoordsAll[k + 2] - segCoordsAll[k]
            : segCoordsAll[k] - segCoordsAll[k + 2];
        const h =
          segCoordsAll[k + 1] < segCoordsAll[k + 3]
            ? segCoordsAll[k + 3] - segCoordsAll[k + 1]
            : segCoordsAll[k + 1] - segCoordsAll[k + 3];
        span += w > h ? w : h;
      }
      edges.push({
        index,
        id: `${road.properties.id}#${n++}`,
        roadId: road.properties.id,
        road: road.properties,
        from,
        to,
        coords: line,
        lengthKm,
      });
    }
  }
  // Views on the first segCount entries (the bound is above the count by the dropped loops' segments).
  const segEdge = segEdgeAll.subarray(0, segCount);
  const segVertex = segVertexAll.subarray(0, segCount);
  const segCoords = segCoordsAll.subarray(0, 4 * segCount);

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
  // The junctions' tree serves routing alone (the nearest junctions of a route's ends), not the analysis: it
  // is made on the first route's demand, not in every build (25-60 ms of the grid's build).
  let nodeIndex: BoxIndex | undefined;

  return {
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
    segIndex: segGrid,
    get nodeIndex() {
      return (nodeIndex ??= createPointIndex(nodeLon, nodeLat));
    },
    crossingNode,
    nodeCrossings,
    siteAttachment,
    warnings,
  };
}

/** Position at `pos` (segment index + t) along a line. */
function at(line: readonly Position[], pos: number): Position {
  const k = Math.min(Math.floor(pos), line.length - 2);
  const t = pos - k;
  const a = line[k];
  const b = line[k + 1];
  return t === 0 ? a : t === 1 ? b : [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
