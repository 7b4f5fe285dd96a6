import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { dijkstra, pathTo, type Graph } from '$lib/domain/analysis/access/dijkstra';
import { keptPathCourse } from '$lib/domain/analysis/access/keptGeometry';
import { pathGeometry } from '$lib/domain/analysis/access/pathGeometry';
import { TreeCourses } from '$lib/domain/analysis/access/treeCourses';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';

// A best path's course copies the part it shares with a course already made along the same search's tree
// (treeCourses.ts): seeded networks whose edges repeat positions, meet their junctions or stop short of
// them, several hubs, costs changed between analyses so that some courses are kept and others made anew,
// against the course made edge by edge.

/** A lattice of junctions with random extra links, edges stored either way round, on coarse positions. */
function randomNetwork(rand: () => number) {
  const side = 3 + Math.floor(rand() * 5);
  const size = side * side;
  const at = (n: number): Position => [n % side, Math.floor(n / side)];
  const edges: { id: string; from: number; to: number; coords: Position[] }[] = [];
  const join = (a: number, b: number) => {
    const [from, to] = rand() < 0.5 ? [a, b] : [b, a];
    const inner = Array.from({ length: Math.floor(rand() * 4) }, (): Position => [
      Math.floor(rand() * 3) / 2 + at(from)[0],
      Math.floor(rand() * 3) / 2 + at(from)[1],
    ]);
    // Mostly the junctions' own positions at the ends; now and then a line stopping short of one.
    const end = (n: number): Position => (rand() < 0.85 ? at(n) : [at(n)[0] + 0.25, at(n)[1]]);
    const coords = [end(from), ...inner, end(to)];
    // A position repeated in a row, which the course drops.
    if (rand() < 0.2) coords.splice(1, 0, coords[0]);
    edges.push({ id: `e${edges.length}`, from, to, coords });
  };
  for (let n = 0; n < size; n++) {
    if (n % side < side - 1) join(n, n + 1);
    if (n + side < size) join(n, n + side);
    if (rand() < 0.15) join(n, Math.floor(rand() * size));
  }
  const edgeFrom = Int32Array.from(edges, (e) => e.from);
  const edgeTo = Int32Array.from(edges, (e) => e.to);
  const adjStart = new Int32Array(size + 1);
  for (const e of edges) {
    adjStart[e.from + 1]++;
    if (e.to !== e.from) adjStart[e.to + 1]++;
  }
  for (let n = 0; n < size; n++) adjStart[n + 1] += adjStart[n];
  const fill = adjStart.slice(0, size);
  const adjEdge = new Int32Array(adjStart[size]);
  edges.forEach((e, i) => {
    adjEdge[fill[e.from]++] = i;
    if (e.to !== e.from) adjEdge[fill[e.to]++] = i;
  });
  const graph: Graph = { nodeCount: size, adjStart, adjEdge, edgeFrom, edgeTo };
  const net = {
    edges,
    edgeFrom,
    nodeLon: Float64Array.from({ length: size }, (_, n) => at(n)[0]),
    nodeLat: Float64Array.from({ length: size }, (_, n) => at(n)[1]),
  } as unknown as RoadNetwork;
  return { net, graph, edges, size };
}

describe('TreeCourses', () => {
  it('gives every best path the course made edge by edge', () => {
    let copied = 0;
    let kept = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const rand = mulberry32(seed);
      const { net, graph, edges, size } = randomNetwork(rand);
      const edgeCoords = (e: number) => edges[e].coords;
      const hasRepeats = (e: number) =>
        edges[e].coords.some(
          (p, k) => k > 0 && p[0] === edges[e].coords[k - 1][0] && p[1] === edges[e].coords[k - 1][1],
        );
      const told = rand() < 0.5 ? hasRepeats : undefined;
      const hubs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
        node: Math.floor(rand() * size),
        cost: Math.floor(rand() * 3),
        position: [rand() < 0.5 ? 0 : 9, Math.floor(rand() * 3)] as Position,
      }));
      const sites = Array.from({ length: 12 }, (_, i) => ({
        key: `site${i}`,
        node: Math.floor(rand() * size),
        position: [Math.floor(rand() * 3), 5] as Position,
      }));
      const lastMade = new Map<string, ReturnType<typeof keptPathCourse>>();
      const cost = Float64Array.from(edges, () => 1 + Math.floor(rand() * 4));
      // Analyses one after another, a few edges' costs changed in between (or none).
      for (let analysis = 0; analysis < 4; analysis++) {
        for (let k = Math.floor(rand() * 4); k > 0; k--)
          cost[Math.floor(rand() * edges.length)] = 1 + Math.floor(rand() * 4);
        const result = dijkstra(graph, hubs, cost);
        const tree = new TreeCourses(size);
        // Sites in a new order each time; some asked twice.
        const order = [...sites, ...sites.slice(0, 3)].sort(() => rand() - 0.5);
        for (const site of order) {
          if (result.dist[site.node] === Infinity) continue;
          const { edges: path, nodes } = pathTo(graph, result, site.node);
          const start = hubs[result.origin[site.node]].position;
          // Whether a course made before passes a junction of this path (when it is made anew, it copies).
          if (tree.prefixOf(nodes, new Int32Array(nodes.length))) copied++;
          const got = keptPathCourse(
            net,
            edgeCoords,
            site.key,
            path,
            nodes,
            [...start],
            site.position,
            told,
            tree,
          );
          const expected = pathGeometry(net, edgeCoords, path, nodes, start, site.position);
          const where = `seed ${seed}, analysis ${analysis}, ${site.key}`;
          expect(got.coordinates, where).toEqual(expected);
          expect(Object.keys(got.coordinates).length, where).toBe(got.coordinates.length);
          expect(got.segmentIds).toEqual(path.map((e) => edges[e].id));
          if (got === lastMade.get(site.key)) kept++;
          lastMade.set(site.key, got);
        }
      }
    }
    // The walk must copy shared parts often for the test to test it.
    expect(copied).toBeGreaterThan(1000);
    expect(kept).toBeGreaterThan(500);
  });
});
