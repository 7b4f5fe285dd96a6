/**
 * `npm run bench:walks`: the engine on the real-shaped network of bench/generateWalks.ts (meandering walks
 * noded where they cross, overlapping areas, every road a corridor). BENCH_SCALE=0.1 (the default) is the
 * development size, BENCH_SCALE=1 the full set of issue 14. Prints the time to build the graph, the first
 * analysis, a re-analysis after one front line moves, peak RSS, the report's size and a hash of the report,
 * so that two versions of the engine can be compared on the same data. See docs/performance.md.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, machine, mb, MemorySampler, ms } from './measure';
import { shiftedGeometry } from './moveFrontline';
import { postgisBench } from './postgis';

const AS_OF = '2024-08-15';
const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
/** When set, the generated layers are also written there as GeoJSON files (for loading elsewhere). */
const OUT = process.env.BENCH_WALKS_OUT;

const log = (line: string) => console.log(line);
/** CPU time of this process (user + system) in ms: steadier than wall time on a machine shared with others. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const memory = new MemorySampler(['generate', 'validate', 'build', 'analyze', 'report', 'reanalysis']);
  const host = machine();
  log(`Real-shaped network bench — ${host.cpu}, ${host.cores} cores, Node ${host.node}, scale ${SCALE}`);
  memory.phase('generate');
  const options = walkOptionsAt(SCALE);
  const t0 = performance.now();
  const { input, stats } = generateWalkSituationInput(options);
  log(
    `generated in ${ms(performance.now() - t0)}: ${stats.roads} roads (${stats.roadVertices} vertices, ` +
      `${stats.sharedVertices} shared by two roads or more), ${stats.areas} areas (${stats.areaVertices} vertices), ` +
      `${stats.frontlines} front lines, ${stats.sites} sites (${stats.hubs} hubs), ${stats.corridors} corridors, ` +
      `${stats.incidents} incidents`,
  );
  if (OUT) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, input.scenario.file), JSON.stringify(input.scenario.json));
    for (const layer of Object.values(input.layers))
      writeFileSync(join(OUT, layer.file), JSON.stringify(layer.json));
    log(`files written to ${OUT}`);
  }
  memory.phase('validate');
  const t1 = performance.now();
  const situation = parseSituation(input);
  log(`parseSituation in ${ms(performance.now() - t1)}`);
  (input as { layers: unknown }).layers = null;
  collectGarbage();
  log(`RSS holding the validated situation: ${mb(process.memoryUsage.rss())}`);

  memory.phase('build');
  const t2 = performance.now();
  const c2 = cpuMs();
  const analyzer = createAnalyzer(situation);
  const buildMs = performance.now() - t2;
  const buildCpu = cpuMs() - c2;
  log(`build (graph and indexes): ${ms(buildMs)} (CPU ${ms(buildCpu)})`);
  memory.phase('analyze');
  const t3 = performance.now();
  const c3 = cpuMs();
  const report = analyzer.analyze(AS_OF);
  const analyzeMs = performance.now() - t3;
  const analyzeCpu = cpuMs() - c3;
  log(
    `first analysis: ${ms(analyzeMs)} (CPU ${ms(analyzeCpu)}); full (build + analysis): ${ms(buildMs + analyzeMs)} ` +
      `(CPU ${ms(buildCpu + analyzeCpu)})`,
  );
  // The bench's own JSON of the report (241 MB at full size), to hash it: a phase of its own, so that the
  // analysis' peak is the engine's, and made in a function, so that the string is not held through the
  // re-analyses (the command line streams a report, it never holds its whole JSON).
  memory.phase('report');
  const { bytes, hash } = digest(report);
  const blocked = report.corridors.filter((c) => c.status === 'blocked').length;
  const access: Record<string, number> = {};
  for (const site of report.sites) access[site.access] = (access[site.access] ?? 0) + 1;
  log(
    `report: ${mb(bytes)} of JSON, ${report.segments.length} non-open segments, ` +
      `${blocked} of ${report.corridors.length} corridors blocked, sites ${JSON.stringify(access)}, sha256 ${hash}`,
  );

  memory.phase('reanalysis');
  const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
  const runs: number[] = [];
  const c4 = cpuMs();
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    analyzer.analyze(AS_OF, undefined, {
      frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
    });
    runs.push(performance.now() - t);
  }
  log(
    `re-analysis after one front line moves: ${runs.map(ms).join(', ')} (CPU ${ms((cpuMs() - c4) / runs.length)} each)`,
  );
  const peaks = memory.peaks();
  log(
    `peak RSS per phase: ${Object.entries(peaks)
      .map(([k, v]) => `${k} ${mb(v)}`)
      .join(', ')}`,
  );

  // The same road-vs-hazard question in PostGIS, on the same data (skipped without BENCH_PG_URL).
  const p = report.parameters;
  const pgResult = await postgisBench(situation, AS_OF, p, log);
  if (pgResult) {
    const engine = new Map<string, 'at_risk' | 'blocked'>();
    for (const seg of report.segments)
      if (seg.status === 'blocked') engine.set(seg.roadId, 'blocked');
      else if (seg.status === 'at_risk' && !engine.has(seg.roadId)) engine.set(seg.roadId, 'at_risk');
    let agree = 0;
    for (const road of situation.roads) {
      const id = road.properties.id;
      if ((engine.get(id) ?? 'open') === (pgResult.statusByRoad.get(id) ?? 'open')) agree++;
    }
    log(
      `PostGIS (${pgResult.server}): load ${ms(pgResult.loadMs)}, query median ${ms(pgResult.queryMs)} ` +
        `(runs ${pgResult.runs.map(ms).join(', ')}) against the engine's first analysis ${ms(analyzeMs)} and full ` +
        `${ms(buildMs + analyzeMs)}; roads blocked ${pgResult.blockedRoads} (engine ${[...engine.values()].filter((v) => v === 'blocked').length}), ` +
        `at risk ${pgResult.atRiskRoads} (engine ${[...engine.values()].filter((v) => v === 'at_risk').length}); ` +
        `same status for ${agree} of ${situation.roads.length} roads`,
    );
  }
  void memory.stop();
}

/** The length of a report's JSON and a hash of it (the string is dropped on return). */
function digest(report: unknown): { bytes: number; hash: string } {
  const json = JSON.stringify(report);
  return {
    bytes: Buffer.byteLength(json),
    hash: createHash('sha256').update(json).digest('hex').slice(0, 16),
  };
}

await main();
