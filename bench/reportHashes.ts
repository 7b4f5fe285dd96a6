/**
 * `npm run bench:hashes`: a sha256 of the analysis report on the default scenario (at several dates), on the
 * grid bench situation and on the real-shaped one (full analysis, after a front line moves, on another date).
 * Run it before and after a change to the engine that must keep every answer: the lines must be identical.
 * BENCH_SCALE (default 0.1) sets the size of the two synthetic situations.
 */
import { createHash } from 'node:crypto';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation, type Situation } from '../src/lib/domain/schemas';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { generateSituationInput, SUDAN_SCALE } from './generate';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { shiftedGeometry } from './moveFrontline';

const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function hashes(name: string, situation: Situation, dates: readonly string[]) {
  const analyzer = createAnalyzer(situation);
  const first = analyzer.analyze(dates[0]);
  for (const date of dates) console.log(`${name} ${date}: ${hash(analyzer.analyze(date))}`);
  // A drawn front line in force on the first date, so that moving it changes something.
  const drawn = new Set(first.frontlines.filter((f) => f.origin === 'drawn').map((f) => f.id));
  const inForce = situation.frontlines.filter((f) => drawn.has(f.properties.id));
  const moved = inForce[Math.floor(inForce.length / 2)];
  if (!moved) return;
  for (const km of [2, 5]) {
    const report = analyzer.analyze(dates[0], undefined, {
      frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, km) }],
    });
    console.log(`${name} ${dates[0]}, ${moved.properties.id} moved ${km} km: ${hash(report)}`);
  }
  console.log(`${name} ${dates[0]} again: ${hash(analyzer.analyze(dates[0]))}`);
}

const geodata = loadSituationFromDir('geodata');
hashes('default scenario', geodata, [
  geodata.scenario.defaultAsOf,
  '2023-06-01',
  '2024-01-15',
  '2024-08-15',
  '2025-03-01',
]);
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE));
const grid = generateSituationInput({
  ...SUDAN_SCALE,
  roadSegments: scaled(SUDAN_SCALE.roadSegments),
  areas: Math.max(12, scaled(SUDAN_SCALE.areas)),
  sites: scaled(SUDAN_SCALE.sites),
  incidents: scaled(SUDAN_SCALE.incidents),
  constraints: scaled(SUDAN_SCALE.constraints),
});
hashes(`grid ×${SCALE}`, parseSituation(grid.input), ['2024-08-15', '2024-02-01']);
const walks = generateWalkSituationInput(walkOptionsAt(SCALE));
hashes(`walks ×${SCALE}`, parseSituation(walks.input), ['2024-08-15', '2024-02-01']);
