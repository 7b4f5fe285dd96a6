/**
 * The engine alone on the bench's synthetic situation, without the slow baselines of `npm run bench`: CPU time
 * (`process.cpuUsage`) and wall time of building the analyzer, its first analysis and re-analyses after one
 * front line moves (as bench/run.ts does), heap in use after each phase and the peak RSS (sampled every 5 ms).
 * `BENCH_SCALE` as in bench/run.ts; `BENCH_ROUNDS` full analyses (default 2), `BENCH_REANALYSIS_RUNS` moves
 * each (default 7, as the bench). `node --import tsx bench/engineTimes.ts`
 */
import { createAnalyzer, type Analyzer } from '../src/lib/domain/analysis';
import { parseSituation, type Situation } from '../src/lib/domain/schemas';
import { generateSituationInput, sudanScaled } from './generate';
import { collectGarbage, cpuMsSince, mb, median, MemorySampler } from './measure';
import { shiftedGeometry } from './moveFrontline';
import { createHash } from 'node:crypto';
import os from 'node:os';

const AS_OF = '2024-08-15';
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const MOVES = Number(process.env.BENCH_REANALYSIS_RUNS ?? 7);

const timed = <T>(fn: () => T): { value: T; cpu: number; wall: number } => {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  return { value, cpu: cpuMsSince(c), wall: performance.now() - t };
};
const f = (x: number) => `${Math.round(x)} ms`;

const memory = new MemorySampler(['data', 'engine']);
memory.phase('data');
const situation: Situation = parseSituation(generateSituationInput(sudanScaled(SCALE, 12)).input);
collectGarbage();
console.log(
  `scale ${SCALE}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, heap with the data ${mb(process.memoryUsage().heapUsed)}`,
);
memory.phase('engine');
const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
for (let round = 0; round < ROUNDS; round++) {
  let analyzer: Analyzer | null = null;
  const build = timed(() => createAnalyzer(situation));
  analyzer = build.value;
  const heapBuilt = process.memoryUsage().heapUsed;
  const first = timed(() => analyzer!.analyze(AS_OF));
  const hash = createHash('sha256').update(JSON.stringify(first.value)).digest('hex').slice(0, 16);
  const heapAnalysed = process.memoryUsage().heapUsed;
  const re: number[] = [];
  const reWall: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const r = timed(() =>
      analyzer!.analyze(AS_OF, undefined, {
        frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
      }),
    );
    re.push(r.cpu);
    reWall.push(r.wall);
  }
  console.log(
    `round ${round + 1}: build cpu ${f(build.cpu)} (wall ${f(build.wall)}), first analysis cpu ${f(first.cpu)} ` +
      `(wall ${f(first.wall)}), full cpu ${f(build.cpu + first.cpu)}; re-analysis cpu median ${f(median(re))} ` +
      `[${re.map(Math.round).join(', ')}] (wall median ${f(median(reWall))}); heap built ${mb(heapBuilt)}, ` +
      `analysed ${mb(heapAnalysed)}; report ${hash}`,
  );
  analyzer = null;
  collectGarbage();
}
const peaks = memory.peaks();
console.log(
  `peak RSS: generating and validating the data ${mb(peaks.data)}, the engine ${mb(peaks.engine)}; ` +
    `load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
await memory.stop();
