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
import { createAnalyzer, type AnalysisReport, type Analyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { generateWalkSituationInput, walkOptionsAt } from './generateWalks';
import { collectGarbage, machine, mb, MemorySampler, ms } from './measure';
import { shiftedGeometry } from './moveFrontline';
import { engineRoadStatuses, roadStatuses, sameStatusCount, type RoadStatus } from './engineRoadStatuses';
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
  const memory = new MemorySampler([
    'generate',
    'validate',
    'build',
    'analyze',
    'report',
    'reanalysis',
    'roads',
    'postgis',
  ]);
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
  let analyzer: Analyzer | undefined = createAnalyzer(situation);
  const buildMs = performance.now() - t2;
  const buildCpu = cpuMs() - c2;
  log(`build (graph and indexes): ${ms(buildMs)} (CPU ${ms(buildCpu)})`);
  memory.phase('analyze');
  const t3 = performance.now();
  const c3 = cpuMs();
  let report: AnalysisReport | undefined = analyzer.analyze(AS_OF);
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

  // The engine on PostGIS's question alone (each road's worst status), on a new analyzer: the one above, its
  // report and their memos are let go first, so that the two are not held at once.
  const p = report.parameters;
  const roads = situation.roads;
  const reported = roadStatuses(report);
  analyzer = undefined;
  report = undefined;
  collectGarbage();
  memory.phase('roads');
  const engine = engineRoadStatuses(situation, AS_OF, p);
  const count = (status: RoadStatus) => [...engine.statusByRoad.values()].filter((v) => v === status).length;
  log(
    `the engine on PostGIS's question (each road's worst status): build ${ms(engine.buildMs)}, the date's ` +
      `hazards ${ms(engine.hazardsMs)}, together ${ms(engine.buildMs + engine.hazardsMs)}; ` +
      `${count('blocked')} roads blocked, ${count('at_risk')} at risk; the same status as in the full ` +
      `analysis' report for ${sameStatusCount(roads, engine.statusByRoad, reported)} of ${roads.length} roads`,
  );

  // The same road-vs-hazard question in PostGIS, on the same data (skipped without BENCH_PG_URL).
  memory.phase('postgis');
  const pgResult = await postgisBench(situation, AS_OF, p, log);
  if (pgResult) {
    const agree = sameStatusCount(roads, engine.statusByRoad, pgResult.statusByRoad);
    log(
      `PostGIS (${pgResult.server}): load ${ms(pgResult.loadMs)}, query median ${ms(pgResult.queryMs)} ` +
        `(runs ${pgResult.runs.map(ms).join(', ')}); roads blocked ${pgResult.blockedRoads} (engine ${count('blocked')}), ` +
        `at risk ${pgResult.atRiskRoads} (engine ${count('at_risk')}); same status for ${agree} of ${roads.length} roads`,
    );
    log(
      `  the engine's date's hazards / PostGIS's query: ${(engine.hazardsMs / pgResult.queryMs).toFixed(2)}; ` +
        `the engine's build and hazards / PostGIS's load and query: ` +
        `${((engine.buildMs + engine.hazardsMs) / (pgResult.loadMs + pgResult.queryMs)).toFixed(2)}; ` +
        `PostGIS's query / the engine's full analysis: ${(pgResult.queryMs / (buildMs + analyzeMs)).toFixed(2)}`,
    );
  }
  const peaks = memory.peaks();
  log(
    `peak RSS per phase: ${Object.entries(peaks)
      .map(([k, v]) => `${k} ${mb(v)}`)
      .join(', ')}`,
  );
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
