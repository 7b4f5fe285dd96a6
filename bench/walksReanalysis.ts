/**
 * Re-analyses alone on the real-shaped network of bench/generateWalks.ts: CPU time (`process.cpuUsage`) of
 * each re-analysis after one front line moves (BENCH_REANALYSIS_RUNS moves, default 7, 2 km then 3 km ...
 * from its place), their median and maximum, and a hash of the last report, so that two versions of the
 * engine run one after the other can be compared move by move. `BENCH_SCALE` as bench/walksRun.ts (0.1).
 * Only the last report is hashed, after the moves: its JSON is 241 MB at full size, and making one after each
 * move put the collection of that string into the next move's time. `BENCH_GC_EACH=1` collects garbage
 * before each move, so that each time holds that move's own work and young garbage only. Its concurrent
 * sweeping (on other threads, counted by `process.cpuUsage`) overlaps the move: at full size it adds some
 * 150-200 ms to each. `BENCH_REST_MS` waits that long after each collection (the process idle), so that the
 * times hold the move's own work.
 * `node --expose-gc --import tsx bench/walksReanalysis.ts`
 */
import { createHash } from 'node:crypto';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, cpuMsSince, loadAverages, median } from './measure';
import { shiftedGeometry } from './moveFrontline';

const AS_OF = '2024-08-15';
const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const MOVES = Number(process.env.BENCH_REANALYSIS_RUNS ?? 7);
const GC_EACH = process.env.BENCH_GC_EACH === '1';
const REST_MS = Number(process.env.BENCH_REST_MS ?? 0);
const idle = new Int32Array(new SharedArrayBuffer(4));

const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
collectGarbage();
const analyzer = createAnalyzer(situation);
const c0 = process.cpuUsage();
analyzer.analyze(AS_OF);
const firstCpu = cpuMsSince(c0);
const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
const cpu: number[] = [];
let report: ReturnType<typeof analyzer.analyze> | undefined;
for (let i = 0; i < MOVES; i++) {
  if (GC_EACH) collectGarbage();
  if (REST_MS > 0) Atomics.wait(idle, 0, 0, REST_MS);
  const c = process.cpuUsage();
  report = analyzer.analyze(AS_OF, undefined, {
    frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
  });
  cpu.push(cpuMsSince(c));
}
const last = createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 16);
console.log(
  `walks ×${SCALE}${GC_EACH ? ' (gc before each move)' : ''}${REST_MS > 0 ? ` (${REST_MS} ms rest before each)` : ''}, load ${loadAverages()}: first analysis cpu ${Math.round(firstCpu)} ms; re-analysis cpu median ` +
    `${Math.round(median(cpu))} ms, max ${Math.round(Math.max(...cpu))} ms [${cpu.map(Math.round).join(', ')}]; ` +
    `last report ${last}`,
);
