import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { keptPathCourse } from '$lib/domain/analysis/access/keptGeometry';
import { pathGeometry } from '$lib/domain/analysis/access/pathGeometry';
import type { RoadNetwork } from '$lib/domain/analysis/network/roadNetwork';

// A site's best path keeps the segments and course made for it last time when it runs along the same
// edges between the same ends: a walk of random paths, often repeated, sometimes changed in one part only,
// against the course made anew each time.

/** A small lattice of junctions, each pair of neighbours joined by an edge stored either way round. */
function latticeNetwork(rand: () => number) {
  const side = 4;
  const at = (n: number): Position => [n % side, Math.floor(n / side)];
  const edges: { id: string; from: number; to: number; coords: Position[] }[] = [];
  const join = (a: number, b: number) => {
    const [from, to] = rand() < 0.5 ? [a, b] : [b, a];
    const mid: Position = [(at(a)[0] + at(b)[0]) / 2, (at(a)[1] + at(b)[1]) / 2];
    edges.push({ id: `e${edges.length}`, from, to, coords: [at(from), mid, at(to)] });
    // A second edge between the same junctions: the same junctions, another course.
    if (rand() < 0.3) edges.push({ id: `e${edges.length}`, from, to, coords: [at(from), at(to)] });
  };
  for (let n = 0; n < side * side; n++) {
    if (n % side < side - 1) join(n, n + 1);
    if (n + side < side * side) join(n, n + side);
  }
  const net = {
    edges,
    edgeFrom: Int32Array.from(edges, (e) => e.from),
    nodeLon: Float64Array.from({ length: side * side }, (_, n) => at(n)[0]),
    nodeLat: Float64Array.from({ length: side * side }, (_, n) => at(n)[1]),
  } as unknown as RoadNetwork;
  return { net, edges, size: side * side };
}

/** A random walk of up to eight edges from a random junction: its edges and junctions in travel order. */
function randomPath(rand: () => number, edges: { from: number; to: number }[], size: number) {
  const nodes = [Math.floor(rand() * size)];
  const path: number[] = [];
  const steps = Math.floor(rand() * 9);
  for (let k = 0; k < steps; k++) {
    const here = nodes[nodes.length - 1];
    const out = edges.flatMap((e, i) => (e.from === here || e.to === here ? [i] : []));
    const e = out[Math.floor(rand() * out.length)];
    path.push(e);
    nodes.push(edges[e].from === here ? edges[e].to : edges[e].from);
  }
  return { edges: path, nodes };
}

describe('keptPathCourse', () => {
  it('gives the course and segments made anew, reusing the last ones only for the same path', () => {
    let reused = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rand = mulberry32(seed);
      const { net, edges, size } = latticeNetwork(rand);
      // One lookup per analyzer: the cache is the lookup's.
      const edgeCoords = (e: number) => edges[e].coords;
      const ends: Position[] = [
        [0, 0],
        [9, 9],
        [0.5, 0.25],
      ];
      const last = new Map<string, { path: ReturnType<typeof randomPath>; start: Position; end: Position }>();
      const lastMade = new Map<string, ReturnType<typeof keptPathCourse>>();
      for (let step = 0; step < 80; step++) {
        const key = `site${Math.floor(rand() * 3)}`;
        const before = last.get(key);
        // Mostly the last path again (given as new but equal arrays), else a change of one part.
        const r = rand();
        let path = before?.path ?? randomPath(rand, edges, size);
        let start = before?.start ?? ends[Math.floor(rand() * 3)];
        let end = before?.end ?? ends[Math.floor(rand() * 3)];
        if (before && r < 0.15) path = randomPath(rand, edges, size);
        else if (before && r < 0.25) start = ends[Math.floor(rand() * 3)];
        else if (before && r < 0.35) end = ends[Math.floor(rand() * 3)];
        else if (before && r < 0.4 && path.edges.length === 1)
          // The same edge walked the other way.
          path = { edges: path.edges, nodes: [...path.nodes].reverse() };
        else if (before && r < 0.5 && path.edges.length > 0) {
          // The same junctions, the other edge between two of them where there is one.
          const k = Math.floor(rand() * path.edges.length);
          const e = path.edges[k];
          const twin = edges.findIndex((x, i) => i !== e && x.from === edges[e].from && x.to === edges[e].to);
          if (twin >= 0) path = { edges: path.edges.map((x, i) => (i === k ? twin : x)), nodes: path.nodes };
        }
        last.set(key, { path, start, end });
        const got = keptPathCourse(
          net,
          edgeCoords,
          key,
          [...path.edges],
          [...path.nodes],
          [...start],
          [...end],
        );
        const expected = pathGeometry(net, edgeCoords, path.edges, path.nodes, start, end);
        expect(got.coordinates, `seed ${seed} step ${step}`).toEqual(expected);
        expect(got.segmentIds).toEqual(path.edges.map((e) => edges[e].id));
        if (got === lastMade.get(key)) reused++;
        lastMade.set(key, got);
      }
    }
    // The walk repeats paths more often than not: the reuse must happen for the test to test it.
    expect(reused).toBeGreaterThan(1000);
  });
});
