/**
 * What the re-analyses after one front line moves on the real-shaped network (bench/walksReanalysis.ts) spend
 * their time on, taken only around them: a CPU profile (written to BENCH_PROFILE_OUT, the functions with most
 * self time printed), or with BENCH_PROFILE=first around the first analysis, with BENCH_PROFILE=heap the
 * allocations (sampled, collected objects included) by function, with BENCH_PROFILE=first-heap those of the first
 * analysis, with BENCH_PROFILE=none no profile. Each
 * move's CPU time and garbage-collection pauses (main thread) are printed. BENCH_WARMUP moves (default 0) are
 * made before the profile starts, with a collection after them: the first moves run code not yet optimised
 * and finish the first analysis' collection, which a profile of a warm move should not hold. The CPU profile
 * is also printed as self time by file. `BENCH_GC_EACH=1` collects garbage before each move, as in
 * bench/walksReanalysis.ts (the collection itself is in the profile, and its sweeping on other threads in the
 * CPU times, not in the profile).
 * `BENCH_SCALE=0.3 node --expose-gc --import tsx bench/walksProfile.ts`
 */
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, cpuMsSince } from './measure';
import { shiftedGeometry } from './moveFrontline';

const AS_OF = '2024-08-15';
const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const MOVES = Number(process.env.BENCH_REANALYSIS_RUNS ?? 5);
const WHAT = process.env.BENCH_PROFILE ?? 'reanalysis';
const OUT = process.env.BENCH_PROFILE_OUT ?? 'walks.cpuprofile';
const WARMUP = Number(process.env.BENCH_WARMUP ?? 0);
const GC_EACH = process.env.BENCH_GC_EACH === '1';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}
const session = new Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))),
  );

async function main() {
  const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
  collectGarbage();
  const analyzer = createAnalyzer(situation);
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  if (WHAT === 'first') await post('Profiler.start');
  if (WHAT === 'first-heap')
    await post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  const c0 = process.cpuUsage();
  analyzer.analyze(AS_OF);
  console.log(`first cpu ${Math.round(cpuMsSince(c0))} ms`);
  const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
  const move = (i: number) =>
    analyzer.analyze(AS_OF, undefined, {
      frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
    });
  for (let i = 0; i < (WHAT.startsWith('first') ? 0 : WARMUP); i++) move(i);
  if (WARMUP > 0) collectGarbage();
  let pauses = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses += e.duration;
  });
  gcs.observe({ entryTypes: ['gc'] });
  if (WHAT === 'heap')
    await post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  else if (WHAT === 'reanalysis') await post('Profiler.start');
  const cpu: number[] = [];
  const gc: number[] = [];
  for (let i = 0; i < (WHAT.startsWith('first') ? 0 : MOVES); i++) {
    if (GC_EACH) collectGarbage();
    const c = process.cpuUsage();
    pauses = 0;
    move(WARMUP + i);
    cpu.push(cpuMsSince(c));
    // The observer is told of the pauses asynchronously.
    await new Promise((resolve) => setImmediate(resolve));
    gc.push(pauses);
  }
  gcs.disconnect();
  console.log(
    `re-analysis cpu [${cpu.map(Math.round).join(', ')}], gc pauses [${gc.map(Math.round).join(', ')}]`,
  );
  if (WHAT === 'none') return;
  if (WHAT === 'heap' || WHAT === 'first-heap') {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
    const self = new Map<string, number>();
    const walk = (n: HeapNode, stack: string) => {
      const f = n.callFrame;
      const here = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/(src|bench)\//, '')}`;
      const name = f.url === '' ? `${here} < ${stack}` : here;
      self.set(name, (self.get(name) ?? 0) + n.selfSize);
      for (const c of n.children) walk(c, f.url === '' ? name : here);
    };
    walk(profile.head, '');
    const sum = [...self.values()].reduce((a, b) => a + b, 0);
    const over = WHAT === 'heap' ? `${MOVES} re-analyses` : 'the first analysis';
    console.log(`allocated (sampled) ${(sum / 1e6).toFixed(1)} MB over ${over}`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
      console.log(`${(v / 1e6).toFixed(1).padStart(7)} MB  ${k}`);
    return;
  }
  const { profile } = (await post('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync(OUT, JSON.stringify(profile));
  const self = new Map<string, number>();
  const total = profile.samples.length;
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\/src\//, 'src/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, v] of top) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  const byFile = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = f.url === '' ? f.functionName : f.url.replace(/^.*\/(src|node_modules)\//, '$1/');
    byFile.set(key, (byFile.get(key) ?? 0) + (n.hitCount ?? 0));
  }
  console.log('by file:');
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}
void main();
