/**
 * The graph build alone (`buildRoadNetwork`) on the bench's grid or on the real-shaped walks: CPU time
 * (`process.cpuUsage`) of each build, the heap after it, peak RSS of the build phase, and a hash of the whole
 * network (junctions, edges, packed segments, attachments) so that two versions can be shown to build the same
 * graph. `BENCH_DATA=grid|walks`, `BENCH_SCALE` (default 1 for the grid, 0.1 for the walks), `BENCH_ROUNDS`
 * (default 3). `BENCH_BUILD_MODULE`, paths relative to this file separated by commas, times other copies of the
 * build (older versions kept aside) in the same process, round by round in turn, so that they share the load.
 * Last, a site added: the network built again taking where the roads meet from the last build (as a server's
 * store does after a site is written, network/roadNetworkOf.ts), against a build from nothing, in turn; the two
 * networks' hashes must be the same.
 * `node --import tsx bench/buildTimes.ts`
 */
import { createHash } from 'node:crypto';
import { buildJoinedRoadNetwork } from '../src/lib/domain/analysis/network/buildRoadNetwork';
import type { RoadNetwork } from '../src/lib/domain/analysis/network/roadNetwork';
import { defaultNetworkOptions } from '../src/lib/domain/analysis/network/networkOptions';
import { parseSituation, type Situation } from '../src/lib/domain/schemas';
import { generateSituationInput, sudanScaled } from './generate';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, loadAverages, mb, median, MemorySampler } from './measure';

const DATA = process.env.BENCH_DATA ?? 'grid';
const SCALE = Number(process.env.BENCH_SCALE ?? (DATA === 'walks' ? 0.1 : 1));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODULES = (
  process.env.BENCH_BUILD_MODULE ?? '../src/lib/domain/analysis/network/buildRoadNetwork'
).split(',');

type Build = typeof import('../src/lib/domain/analysis/network/buildRoadNetwork').buildRoadNetwork;
const builds: Build[] = [];
for (const m of MODULES) builds.push(((await import(m)) as { buildRoadNetwork: Build }).buildRoadNetwork);

/** A digest of everything the analysis reads from the network. */
function networkHash(net: RoadNetwork): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayBufferView) => h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  h.update(`${net.nodeCount}|${net.edges.length}|`);
  for (const a of [net.nodeLon, net.nodeLat, net.edgeFrom, net.edgeTo, net.adjStart, net.adjEdge]) bytes(a);
  for (const a of [net.segEdge, net.segVertex, net.segCoords]) bytes(a);
  for (const e of net.edges)
    h.update(`${e.index},${e.id},${e.from},${e.to},${e.lengthKm},${e.coords.join(';')}|`);
  h.update(JSON.stringify([...net.crossingNode], null, 0));
  h.update(JSON.stringify([...net.nodeCrossings], null, 0));
  h.update(JSON.stringify([...net.siteAttachment], null, 0));
  h.update(JSON.stringify(net.warnings));
  return h.digest('hex').slice(0, 16);
}

const memory = new MemorySampler(['data', 'build']);
memory.phase('data');
const situation: Situation =
  DATA === 'walks'
    ? parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input)
    : parseSituation(generateSituationInput(sudanScaled(SCALE, 12)).input);
collectGarbage();
const rssData = process.memoryUsage.rss();
console.log(
  `${DATA} at scale ${SCALE}, modules ${MODULES.join(', ')}, load ${loadAverages()}, RSS with the data ${mb(rssData)}`,
);
memory.phase('build');
const cpu: number[][] = MODULES.map(() => []);
const hashes = MODULES.map(() => '');
for (let round = 0; round < ROUNDS; round++)
  for (let m = 0; m < MODULES.length; m++) {
    const c = process.cpuUsage();
    const t = performance.now();
    let net: RoadNetwork | null = builds[m](
      situation.roads,
      situation.crossings,
      situation.sites,
      defaultNetworkOptions,
    );
    const u = process.cpuUsage(c);
    const wall = performance.now() - t;
    cpu[m].push((u.user + u.system) / 1000);
    const heap = process.memoryUsage().heapUsed;
    hashes[m] = networkHash(net);
    console.log(
      `round ${round + 1}, module ${m + 1}: build cpu ${Math.round(cpu[m][round])} ms (wall ${Math.round(wall)} ms), ` +
        `${net.nodeCount} junctions, ${net.edges.length} edges, heap after ${mb(heap)}, network ${hashes[m]}, ` +
        `load ${loadAverages()}`,
    );
    net = null;
    collectGarbage();
  }
for (let m = 0; m < MODULES.length; m++)
  console.log(
    `module ${m + 1}: median build cpu ${Math.round(median(cpu[m]))} ms [${cpu[m].map(Math.round).join(', ')}]; ` +
      `ratio to module 1 ${(median(cpu[m]) / median(cpu[0])).toFixed(2)}; network ${hashes[m]}`,
  );
console.log(
  `peak RSS while building ${mb(memory.peaks().build)} (${mb(memory.peaks().build - rssData)} above the data; ` +
    `with several modules, that of the largest)`,
);

// A site added, a kilometre east of the first site: built from nothing, and again taking the road joins.
const [site] = situation.sites;
const [lon, lat] = site.geometry.coordinates;
const added = {
  ...site,
  geometry: { ...site.geometry, coordinates: [lon + 0.01, lat] },
  properties: { ...site.properties, id: `${site.properties.id}-added` },
};
const sitesAdded = [...situation.sites, added];
const { joins } = buildJoinedRoadNetwork(
  situation.roads,
  situation.crossings,
  situation.sites,
  defaultNetworkOptions,
);
const again: Record<'nothing' | 'joins', { cpu: number[]; wall: number[]; hash: string }> = {
  nothing: { cpu: [], wall: [], hash: '' },
  joins: { cpu: [], wall: [], hash: '' },
};
for (let round = 0; round < ROUNDS; round++)
  for (const way of ['nothing', 'joins'] as const) {
    collectGarbage();
    const c = process.cpuUsage();
    const t = performance.now();
    const built = buildJoinedRoadNetwork(
      situation.roads,
      situation.crossings,
      sitesAdded,
      defaultNetworkOptions,
      way === 'joins' ? joins : undefined,
    );
    again[way].wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    again[way].cpu.push((u.user + u.system) / 1000);
    again[way].hash = networkHash(built.network);
  }
const times = (way: 'nothing' | 'joins', of: 'cpu' | 'wall') =>
  `${Math.round(median(again[way][of]))} ms [${again[way][of].map(Math.round).join(', ')}]`;
const ratio = (of: 'cpu' | 'wall') => (median(again.joins[of]) / median(again.nothing[of])).toFixed(2);
console.log(
  `a site added, the network built again: from nothing median cpu ${times('nothing', 'cpu')}, wall ` +
    `${times('nothing', 'wall')}; taking the road joins of the last build median cpu ${times('joins', 'cpu')} ` +
    `(${ratio('cpu')}×), wall ${times('joins', 'wall')} (${ratio('wall')}×); networks ${again.nothing.hash} and ` +
    `${again.joins.hash}${again.nothing.hash === again.joins.hash ? ' (the same)' : ' (DIFFERENT)'}`,
);
await memory.stop();
