/**
 * Whole-network searches (`dijkstra`) on the walks' network, timed in CPU for the current code and for an
 * older copy of it given by BENCH_OLD (a module exporting `dijkstra`), alternated in one process; the two
 * must give the very same distances, edges and origins. Each round runs SEARCHES searches from 25 seeded
 * junctions over the edges' lengths, some edges made dearer or closed and some junctions stops (as the site
 * searches of an analysis are: six such searches over the whole network at full size).
 * `BENCH_SCALE=1 BENCH_OLD=<file> node --expose-gc --import tsx bench/dijkstraTimes.ts`
 */
import { createAnalyzer } from '../src/lib/domain/analysis';
import { dijkstra, type Graph, type SearchResult } from '../src/lib/domain/analysis/access/dijkstra';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, cpuMsSince, median } from './measure';
import { mulberry32 } from './prng';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 6);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 6);
type Search = typeof dijkstra;

async function main() {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
  const { net } = createAnalyzer(situation).context('2024-08-15');
  const g: Graph = net;
  const rand = mulberry32(5);
  const inputs = Array.from({ length: SEARCHES }, () => {
    const cost = new Float64Array(net.edges.length);
    for (let e = 0; e < cost.length; e++) {
      const r = rand();
      cost[e] = r < 0.03 ? Infinity : net.edges[e].lengthKm * (r < 0.2 ? 3 : 1);
    }
    const stopAt = new Uint8Array(net.nodeCount);
    for (let n = 0; n < stopAt.length; n++) if (rand() < 0.01) stopAt[n] = 1;
    const sources = Array.from({ length: 25 }, () => ({
      node: Math.floor(rand() * net.nodeCount),
      cost: rand(),
    }));
    return { cost, stopAt, sources };
  });
  const current: Search = process.env.BENCH_NEW
    ? ((await import(process.env.BENCH_NEW)) as { dijkstra: Search }).dijkstra
    : dijkstra;
  const old: Search | undefined = process.env.BENCH_OLD
    ? ((await import(process.env.BENCH_OLD)) as { dijkstra: Search }).dijkstra
    : undefined;
  const run = (f: Search) => {
    collectGarbage();
    const c = process.cpuUsage();
    const out = inputs.map((i) => f(g, i.sources, i.cost, i.stopAt));
    return { ms: cpuMsSince(c), out };
  };
  const same = (a: SearchResult[], b: SearchResult[]) =>
    a.every(
      (x, i) =>
        x.dist.every((v, k) => Object.is(v, b[i].dist[k])) &&
        x.prevEdge.every((v, k) => v === b[i].prevEdge[k]) &&
        x.origin.every((v, k) => v === b[i].origin[k]),
    );
  const olds: number[] = [];
  const news: number[] = [];
  for (let p = 0; p < PAIRS; p++) {
    // Each version runs first in every other pair.
    const o0 = old && p % 2 === 1 ? run(old) : undefined;
    const n = run(current);
    news.push(n.ms);
    if (!old) {
      console.log(`new ${Math.round(n.ms)} ms`);
      continue;
    }
    const o = o0 ?? run(old);
    olds.push(o.ms);
    console.log(`old ${Math.round(o.ms)} ms, new ${Math.round(n.ms)} ms, same ${same(o.out, n.out)}`);
  }
  console.log(
    `${SEARCHES} searches over ${net.nodeCount} junctions: median old ${Math.round(median(olds))} ms, new ${Math.round(median(news))} ms`,
  );
}

void main();
