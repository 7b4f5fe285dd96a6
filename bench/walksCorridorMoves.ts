/**
 * The corridors' part of a re-analysis after one front line moves on the real-shaped network
 * (bench/walksReanalysis.ts's moves), alone: after a first analysis, `evaluateCorridors` is run on the context
 * of each move (BENCH_REANALYSIS_RUNS moves, default 40), and its CPU time printed (median of all, median from
 * the tenth on, when the code is warm), with a hash of every 97th corridor's report of every move so that
 * two versions can be compared. The rest of each move (hazards, site access) is not run.
 * `BENCH_SCALE=1 node --import tsx bench/walksCorridorMoves.ts`
 */
import { createHash } from 'node:crypto';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { evaluateCorridors } from '../src/lib/domain/analysis/corridors/evaluateCorridor';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { cpuMsSince, loadAverages, median } from './measure';
import { shiftedGeometry } from './moveFrontline';

const AS_OF = '2024-08-15';
const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const MOVES = Number(process.env.BENCH_REANALYSIS_RUNS ?? 40);

const situation = parseSituation(generateWalkSituationInput(walkOptionsAt(SCALE)).input);
const analyzer = createAnalyzer(situation);
analyzer.analyze(AS_OF);
const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
const cpu: number[] = [];
const hash = createHash('sha256');
for (let i = 0; i < MOVES; i++) {
  const ctx = analyzer.context(AS_OF, undefined, {
    frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
  });
  const c = process.cpuUsage();
  const reports = evaluateCorridors(ctx, ctx.layers.corridors);
  cpu.push(cpuMsSince(c));
  hash.update(JSON.stringify(reports.filter((_, k) => k % 97 === 0)));
}
console.log(
  `walks ×${SCALE}, load ${loadAverages()}: corridors of a move, cpu median ${median(cpu).toFixed(1)} ms, ` +
    `from the tenth move ${median(cpu.slice(10)).toFixed(1)} ms, sum ${Math.round(cpu.reduce((a, b) => a + b, 0))} ms; ` +
    `reports ${hash.digest('hex').slice(0, 16)}`,
);
