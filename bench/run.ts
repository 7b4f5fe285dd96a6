/**
 * `npm run bench`: the analysis engine on a synthetic Sudan-scale situation, against a naive Turf baseline
 * measured in the same run (and PostGIS when BENCH_PG_URL is set). Prints figures as it goes, a table at the
 * end, and writes bench/results.json. See docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createAnalyzer,
  planRoutes,
  route,
  seriesOf,
  seriesWith,
  type Analyzer,
} from '../src/lib/domain/analysis';
import { addDays } from '../src/lib/domain/calendarDays';
import { haversineKm } from '../src/lib/domain/geo/haversineKm';
import { parseSituation, type AnalysisReport, type Situation } from '../src/lib/domain/schemas';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { naiveBaseline, sampleRoads, type NaiveParams } from './baseline';
import { generateSituationInput, SUDAN_SCALE, sudanScaled, type GenerateOptions } from './generate';
import type { MemoryFitResult } from './memoryFit';
import {
  collectGarbage,
  machine,
  maxRss,
  mb,
  median,
  MemorySampler,
  ms,
  percentile,
  timeRuns,
} from './measure';
import { shiftedGeometry } from './moveFrontline';
import { engineRoadStatuses, roadStatuses, sameStatusCount } from './engineRoadStatuses';
import { postgisBench, type PostgisResult } from './postgis';
import { Rng } from './prng';

const AS_OF = '2024-08-15';
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 5);
const REANALYSIS_RUNS = Number(process.env.BENCH_REANALYSIS_RUNS ?? 7);
const ROUTES = Number(process.env.BENCH_ROUTES ?? 200);
/** Convoy plans on long trips (hub and site at least LONG_KM apart in a straight line). */
const LONG_PLANS = Number(process.env.BENCH_LONG_PLANS ?? 60);
const LONG_KM = 600;
const BASELINE_SAMPLE = Number(process.env.BENCH_BASELINE_SAMPLE ?? 500);
/** V8 heap cap of the child process that checks whether the engine fits in a small process. */
const FIT_HEAP_MB = Number(process.env.BENCH_FIT_HEAP_MB ?? 400);
/** Alternatives asked of each route besides the best one: the most the engine gives. */
const ALTERNATIVES = 3;
/** BENCH_SCALE=0.1 runs everything on a tenth of the data, for a quick try; figures are only meaningful at 1. */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const OPTIONS = sudanScaled(SCALE, 12);

/** The targets of the issue, on a 2-core machine. */
const TARGETS = {
  fullMs: 1500,
  reanalysisMs: 150,
  routeP50Ms: 30,
  planRoundTripP95Ms: 300,
  baselineRatio: 30,
  peakMB: 600,
  /** Issue 11: a weekly series over the default scenario's whole range. */
  defaultSeriesMs: 2000,
};
/** Issue 11: a year of weekly points on the Sudan-scale data. */
const SERIES_WEEKS = 52;

const log = (line: string) => console.log(line);
const step = (n: number, total: number, what: string) => log(`\n[${n}/${total}] ${what}`);
const STEPS = 8;

/** Runs bench/memoryFit.ts in a child Node with `--max-old-space-size=heapMB`; never throws. */
function memoryFit(
  heapMB: number,
  options: GenerateOptions,
  asOf: string,
): (MemoryFitResult & { completed: true }) | { completed: false; heapCapMB: number; error: string } {
  const file = fileURLToPath(new URL('./memoryFit.ts', import.meta.url));
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, '--import', 'tsx', file], {
    env: { ...process.env, BENCH_FIT_OPTIONS: JSON.stringify(options), BENCH_FIT_AS_OF: asOf },
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  try {
    if (child.status === 0) return JSON.parse(last) as MemoryFitResult & { completed: true };
  } catch {
    // fall through: report what the child said
  }
  const stderr = `${child.stderr ?? ''}`;
  const said = /heap out of memory|Reached heap limit/.test(stderr)
    ? `ran out of heap at --max-old-space-size=${heapMB}`
    : stderr.trim().split('\n').slice(-3).join(' / ') || last;
  return { completed: false, heapCapMB: heapMB, error: `exit ${child.status ?? child.signal}: ${said}` };
}

interface Row {
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}

async function main() {
  const phases = ['generate', 'validate', 'full', 'reanalysis', 'routing', 'baseline', 'postgis', 'series'];
  const memory = new MemorySampler(phases);
  const host = machine();
  log(`Corridor benchmark — ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, Node ${host.node}`);
  log(`as-of ${AS_OF}, seed ${SUDAN_SCALE.seed}`);
  collectGarbage();
  const atStart = process.memoryUsage();
  log(
    `RSS at start (Node, the TypeScript loader, the modules): ${mb(atStart.rss)}, heap in use ${mb(atStart.heapUsed)}`,
  );

  // ---------- data ----------
  step(1, STEPS, 'generating the synthetic situation and validating it with parseSituation');
  memory.phase('generate');
  const t0 = performance.now();
  const generated = generateSituationInput(OPTIONS);
  const generateMs = performance.now() - t0;
  const { stats } = generated;
  log(
    `  generated in ${ms(generateMs)}: ${stats.roads} road segments (${stats.roadVertices} vertices, ${stats.roadNodes} junctions), ` +
      `${stats.areas} areas (${stats.areaVertices} vertices), ${stats.frontlines} front lines, ${stats.sites} sites ` +
      `(${stats.hubs} hubs, ${stats.sitesAbroad} abroad), ${stats.internationalCrossings}+${stats.crosslineCrossings} crossings, ` +
      `${stats.corridors} corridors, ${stats.incidents} incidents, ${stats.constraints} constraints`,
  );
  memory.phase('validate');
  const t1 = performance.now();
  const situation: Situation = parseSituation(generated.input);
  const validateMs = performance.now() - t1;
  log(`  parseSituation (zod schemas + geometry checks) in ${ms(validateMs)}`);
  // Only the validated situation is kept, as the server keeps it.
  (generated as { input: unknown }).input = null;
  collectGarbage();
  const rssBefore = process.memoryUsage.rss();
  const heapHoldingSituation = process.memoryUsage().heapUsed;
  log(`  RSS holding the validated situation: ${mb(rssBefore)}, heap in use ${mb(heapHoldingSituation)}`);

  // ---------- full analysis ----------
  step(2, STEPS, `full analysis: createAnalyzer (graph + indexes) + analyze, ${FULL_RUNS} runs`);
  memory.phase('full');
  const buildRuns: number[] = [];
  const analyzeRuns: number[] = [];
  const fullRuns: number[] = [];
  let analyzer: Analyzer | undefined;
  let report: AnalysisReport | undefined;
  timeRuns(
    FULL_RUNS,
    (i) => {
      // The previous run's analyzer is garbage now; collect it so each run builds from the same state.
      if (i > 0) {
        analyzer = undefined;
        report = undefined;
        collectGarbage();
      }
      const a = performance.now();
      analyzer = createAnalyzer(situation);
      const b = performance.now();
      report = analyzer.analyze(AS_OF);
      const c = performance.now();
      buildRuns.push(b - a);
      analyzeRuns.push(c - b);
      fullRuns.push(c - a);
      log(`  run ${i + 1}: ${ms(c - a)} (build ${ms(b - a)}, analyze ${ms(c - b)})`);
    },
    40_000,
  );
  const fullMs = median(fullRuns);
  const heapAfterFull = process.memoryUsage().heapUsed;
  const r = report!;
  const engineRoads = roadStatuses(r);
  const access = r.sites.reduce<Record<string, number>>(
    (acc, s) => ((acc[s.access] = (acc[s.access] ?? 0) + 1), acc),
    {},
  );
  log(
    `  median of ${fullRuns.length}: ${ms(fullMs)} — report: ${r.segments.length} non-open segments ` +
      `(${[...engineRoads.values()].filter((s) => s === 'blocked').length} roads blocked, ` +
      `${[...engineRoads.values()].filter((s) => s === 'at_risk').length} at risk), ${r.frontlines.length} active front lines, ` +
      `sites ${JSON.stringify(access)}`,
  );
  log(`  medians of the parts: build ${ms(median(buildRuns))}, analyze ${ms(median(analyzeRuns))}`);

  // ---------- re-analysis after one front line moves ----------
  step(3, STEPS, `re-analysis after one front line moves (same analyzer), ${REANALYSIS_RUNS} runs`);
  memory.phase('reanalysis');
  const a = analyzer!;
  const moved = situation.frontlines[Math.floor(situation.frontlines.length / 2)];
  // Each run moves the line to a different place, so nothing of the previous run can be reused by accident.
  const re = timeRuns(
    REANALYSIS_RUNS,
    (i) =>
      a.analyze(AS_OF, undefined, {
        frontlines: [{ id: moved.properties.id, geometry: shiftedGeometry(moved, 2 + i) }],
      }),
    20_000,
  );
  const reanalysisMs = median(re.runs);
  log(
    `  front line ${moved.properties.id} moved 2–${1 + re.runs.length} km: runs ${re.runs.map(ms).join(', ')}`,
  );
  log(`  median of ${re.runs.length}: ${ms(reanalysisMs)}`);
  const sameRuns = timeRuns(3, () => a.analyze(AS_OF), 10_000).runs;
  log(`  for reference, re-analysis with nothing changed: median ${ms(median(sameRuns))}`);

  // ---------- routing ----------
  step(4, STEPS, `routing: ${ROUTES} hub → site routes, each with up to ${ALTERNATIVES} alternatives`);
  memory.phase('routing');
  const rng = new Rng(SUDAN_SCALE.seed + 1);
  const hubs = situation.sites.filter((s) => s.properties.hub);
  const pairs = Array.from(
    { length: ROUTES + 1 },
    () => [rng.pick(hubs), rng.pick(situation.sites)] as const,
  );
  let found = 0;
  let alternatives = 0;
  const connected: boolean[] = [];
  const routeRuns = timeRuns(
    pairs.length,
    (i) => {
      const [from, to] = pairs[i];
      const result = route(
        a,
        { siteId: from.properties.id },
        { siteId: to.properties.id },
        {
          asOf: AS_OF,
          alternatives: ALTERNATIVES,
        },
      );
      if (result.routes.length > 0) found++;
      alternatives += result.routes.length;
      connected.push(result.routes.length > 0);
    },
    60_000,
  ).runs.slice(1); // the first call warms up
  const routeP50 = percentile(routeRuns, 50);
  const routeP95 = percentile(routeRuns, 95);
  // Pairs with no route (the site is cut off on that date) cost a search of everything reachable and an
  // explanation; they are kept in the figures above, and shown apart here.
  const connectedRuns = routeRuns.filter((_, i) => connected[i + 1]);
  const unconnectedRuns = routeRuns.filter((_, i) => !connected[i + 1]);
  log(
    `  ${routeRuns.length} queries: p50 ${ms(routeP50)}, p95 ${ms(routeP95)}, max ${ms(Math.max(...routeRuns))}; ` +
      `${found}/${connected.length} pairs connected, ${(alternatives / Math.max(1, found)).toFixed(1)} routes per connected pair`,
  );
  log(
    `  connected pairs: p50 ${ms(percentile(connectedRuns, 50))}, p95 ${ms(percentile(connectedRuns, 95))}; ` +
      `no route (cut off): p50 ${ms(percentile(unconnectedRuns, 50))}, p95 ${ms(percentile(unconnectedRuns, 95))}`,
  );

  // The convoy planner (what /plan and `corridor route` run) on long trips: the best route and up to three
  // alternatives described stretch by stretch, crossings, travel time, and the closed crossings tried.
  const far = (a: Situation['sites'][number], b: Situation['sites'][number]) =>
    haversineKm(a.geometry.coordinates, b.geometry.coordinates) >= LONG_KM;
  const longPairs: (readonly [Situation['sites'][number], Situation['sites'][number]])[] = [];
  for (let tries = 0; longPairs.length < LONG_PLANS + 1 && tries < LONG_PLANS * 200; tries++) {
    const pair = [rng.pick(hubs), rng.pick(situation.sites)] as const;
    if (far(pair[0], pair[1])) longPairs.push(pair);
  }
  let planned = 0;
  let plannedKm = 0;
  const planRuns = timeRuns(
    longPairs.length,
    (i) => {
      const [from, to] = longPairs[i];
      const result = planRoutes(a, {
        asOf: AS_OF,
        from: from.properties.id,
        to: to.properties.id,
        alternatives: ALTERNATIVES,
      });
      if (result.routes.length > 0) {
        planned++;
        plannedKm += result.routes[0].lengthKm;
      }
    },
    60_000,
  ).runs.slice(1);
  const planP50 = percentile(planRuns, 50);
  const planP95 = percentile(planRuns, 95);
  log(
    `  convoy planner on ${planRuns.length} long trips (≥ ${LONG_KM} km apart): p50 ${ms(planP50)}, p95 ${ms(planP95)}; ` +
      `${planned} with a route, best route ${Math.round(plannedKm / Math.max(1, planned))} km on average`,
  );

  // The round trip of a route request through the API handler, on the default scenario (a child process:
  // the server's modules need the $lib alias).
  const roundTripFile = fileURLToPath(new URL('./plannerRoundTrip.ts', import.meta.url));
  const rt = spawnSync(process.execPath, ['--import', 'tsx', roundTripFile], {
    encoding: 'utf8',
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: fileURLToPath(new URL('../bin/tsconfig.cli.json', import.meta.url)),
    },
  });
  const roundTrip =
    rt.status === 0
      ? (JSON.parse(rt.stdout.trim().split('\n').at(-1)!) as {
          requests: number;
          p50Ms: number;
          p95Ms: number;
          maxMs: number;
        })
      : null;
  log(
    roundTrip
      ? `  routes.plan request round trip (default scenario, through the API handler): ${roundTrip.requests} requests, p50 ${ms(roundTrip.p50Ms)}, p95 ${ms(roundTrip.p95Ms)}, max ${ms(roundTrip.maxMs)}`
      : `  routes.plan round trip failed: ${rt.stderr.slice(0, 500)}`,
  );

  // ---------- naive Turf baseline ----------
  const params: NaiveParams = {
    frontlineBufferKm: r.parameters.frontlineBufferKm,
    incidentWindowDays: r.parameters.incidentWindowDays,
    incidentRadiusKm: r.parameters.incidentRadiusKm,
    constraintRadiusKm: r.parameters.constraintRadiusKm,
    crosslineToleranceKm: r.parameters.crosslineToleranceKm,
  };
  step(5, STEPS, `naive Turf baseline: ${BASELINE_SAMPLE} sampled road segments × every active hazard`);
  memory.phase('baseline');
  const sample = sampleRoads(situation, BASELINE_SAMPLE);
  const naive = naiveBaseline(situation, AS_OF, params, sample);
  const ratio = naive.estimatedFullMs / fullMs;
  let agree = 0;
  for (const [id, status] of naive.statusByRoad) if ((engineRoads.get(id) ?? 'open') === status) agree++;
  log(
    `  ${naive.hazards} active hazards; buffers and circles ${ms(naive.prepMs)}; ${naive.sample} roads in ${ms(naive.sampleMs)} ` +
      `(${ms(naive.sampleMs / naive.sample)} per road)`,
  );
  log(
    `  scaled estimate from a sample of ${naive.sample} to ${naive.total} roads: ${ms(naive.estimatedFullMs)} ` +
      `→ the engine's full analysis is ${ratio.toFixed(0)}× faster`,
  );
  log(`  the naive method and the engine agree on ${agree} of ${naive.sample} sampled roads' status`);

  // ---------- PostGIS ----------
  step(6, STEPS, 'PostGIS: the same segment-vs-hazard work as one SQL query, and the engine on it alone');
  memory.phase('postgis');
  let postgis: PostgisResult | null = null;
  try {
    postgis = await postgisBench(situation, AS_OF, params, log);
  } catch (e) {
    log(`  PostGIS comparison failed: ${(e as Error).message}`);
  }
  if (postgis)
    log(
      `  query median ${ms(postgis.queryMs)} (runs ${postgis.runs.map(ms).join(', ')}), ${postgis.rows} (road, reason) rows; ` +
        `${postgis.blockedRoads} roads blocked, ${postgis.atRiskRoads} at risk; ` +
        `PostGIS query / engine full analysis = ${(postgis.queryMs / fullMs).toFixed(2)}`,
    );
  // The engine on the query's question alone (bench/engineRoadStatuses.ts): a new analyzer's build and the
  // date's hazards, three times, whether PostGIS ran or not.
  const questionRuns = [0, 1, 2].map(() => engineRoadStatuses(situation, AS_OF, params));
  collectGarbage();
  const question = {
    buildMs: median(questionRuns.map((q) => q.buildMs)),
    hazardsMs: median(questionRuns.map((q) => q.hazardsMs)),
    sameAsReport: sameStatusCount(situation.roads, questionRuns[0].statusByRoad, engineRoads),
    sameAsPostgis:
      postgis && sameStatusCount(situation.roads, questionRuns[0].statusByRoad, postgis.statusByRoad),
  };
  log(
    `  the engine on the same question (each road's worst status; a new analyzer, 3 runs): build median ` +
      `${ms(question.buildMs)}, the date's hazards median ${ms(question.hazardsMs)}; the same status as the full ` +
      `analysis' report for ${question.sameAsReport} of ${situation.roads.length} roads` +
      (postgis
        ? `, as PostGIS's for ${question.sameAsPostgis}; the engine's hazards / PostGIS's query = ` +
          `${(question.hazardsMs / postgis.queryMs).toFixed(2)}, its build and hazards / PostGIS's load and query = ` +
          `${((question.buildMs + question.hazardsMs) / (postgis.loadMs + postgis.queryMs)).toFixed(2)}`
        : ''),
  );

  // ---------- weekly series (issue 11, trends) ----------
  // Last of the measured phases, in a memory phase of its own: the memos of 52 dates must not count in the
  // engine's peak above or slow the phases before it.
  memory.phase('series');
  // 52 weekly dates ending on AS_OF on the same analyzer (its memos carry from date to date), against 52 full
  // analyses: the median full analysis above times 52 (extrapolated from those runs, not run 52 times).
  log(
    `\n[6+] series: ${SERIES_WEEKS} weekly steps on the same analyzer; a weekly series of the default scenario`,
  );
  const seriesFrom = addDays(AS_OF, -7 * (SERIES_WEEKS - 1));
  const ts = performance.now();
  const weekly = seriesWith(a, seriesFrom, AS_OF, 7);
  const seriesMs = performance.now() - ts;
  const fullEquivalentMs = SERIES_WEEKS * fullMs;
  const seriesRatio = fullEquivalentMs / seriesMs;
  const moves = weekly.points.filter((p, i) => i > 0 && p.peopleCutOff !== weekly.points[i - 1].peopleCutOff);
  log(
    `  ${weekly.points.length} weekly points ${seriesFrom} … ${AS_OF}: ${ms(seriesMs)} (${ms(seriesMs / weekly.points.length)} a point); ` +
      `people cut off moved at ${moves.length} of them`,
  );
  log(
    `  52 full analyses, extrapolated from the ${fullRuns.length} measured above (52 × median ${ms(fullMs)}): ${ms(fullEquivalentMs)} — ` +
      `the series is ${seriesRatio.toFixed(1)}× faster`,
  );
  const sudanDefault = loadSituationFromDir(fileURLToPath(new URL('../geodata', import.meta.url)));
  const { from: rangeFrom, to: rangeTo } = sudanDefault.scenario.timeRange;
  const defaultSeriesRuns = timeRuns(3, () => seriesOf(sudanDefault, rangeFrom, rangeTo, 7), 20_000);
  const defaultSeriesMs = median(defaultSeriesRuns.runs);
  log(
    `  default scenario ${rangeFrom} … ${rangeTo}, weekly (${defaultSeriesRuns.result.points.length} points, analyzer built each run): ` +
      `runs ${defaultSeriesRuns.runs.map(ms).join(', ')}, median ${ms(defaultSeriesMs)}`,
  );

  // ---------- memory ----------
  step(7, STEPS, 'memory');
  await memory.stop();
  const peaks = memory.peaks();
  const enginePeak = Math.max(peaks.full, peaks.reanalysis, peaks.routing);
  log(`  peak RSS per phase: ${phases.map((p) => `${p} ${mb(peaks[p])}`).join(', ')}`);
  log(
    `  peak RSS of the whole process (getrusage): ${mb(maxRss())}; heap in use after the full analysis: ${mb(heapAfterFull)}`,
  );
  // V8 grows its heap lazily when memory is plentiful, so the figures above include garbage not yet
  // collected. The same work in a child process with the heap capped shows what the engine needs.
  log(
    `  the same work in a child process with the V8 heap capped at ${FIT_HEAP_MB} MB (--max-old-space-size) …`,
  );
  const fit = memoryFit(FIT_HEAP_MB, OPTIONS, AS_OF);
  log(
    fit.completed
      ? `  completed: peak RSS ${fit.peakRssMB} MB; full analysis ${ms(fit.fullMs)}, re-analysis median ${ms(fit.reanalysisMs)}, route median ${ms(fit.routeMedianMs)}`
      : `  did not complete: ${fit.error}`,
  );

  // Measured after the memory phases: serialising the report takes memory of its own.
  const jsonMB = (x: unknown) => JSON.stringify(x).length / 2 ** 20;
  const reportSize = {
    totalMB: jsonMB(r),
    bestPathGeometryMB: jsonMB(
      r.sites.map((s) => (s.bestPath as { geometry?: unknown } | null)?.geometry ?? null),
    ),
    segmentGeometryMB: jsonMB(r.segments.map((s) => s.geometry)),
  };
  log(
    `  the report as JSON: ${reportSize.totalMB.toFixed(1)} MB, of which best-path geometries ` +
      `${reportSize.bestPathGeometryMB.toFixed(1)} MB and non-open segment geometries ${reportSize.segmentGeometryMB.toFixed(1)} MB`,
  );

  // ---------- summary ----------
  step(8, STEPS, 'summary');
  const rows: Row[] = [
    {
      measure: 'Full analysis (build graph + indexes, analyse), median',
      figure: ms(fullMs),
      target: `≤ ${ms(TARGETS.fullMs)}`,
      met: fullMs <= TARGETS.fullMs,
    },
    {
      measure: 'Re-analysis after one front line moves, median',
      figure: ms(reanalysisMs),
      target: `≤ ${ms(TARGETS.reanalysisMs)}`,
      met: reanalysisMs <= TARGETS.reanalysisMs,
    },
    {
      measure: `Series of ${SERIES_WEEKS} weekly steps (same analyzer)`,
      figure: ms(seriesMs),
      target: '—',
      met: null,
    },
    {
      measure: `${SERIES_WEEKS} full analyses (extrapolated) / the series`,
      figure: `${seriesRatio.toFixed(1)}×`,
      target: '—',
      met: null,
    },
    {
      measure: "Weekly series over the default scenario's range, median",
      figure: ms(defaultSeriesMs),
      target: `≤ ${ms(TARGETS.defaultSeriesMs)}`,
      met: defaultSeriesMs <= TARGETS.defaultSeriesMs,
    },
    {
      measure: 'Route with up to 3 alternatives, p50',
      figure: ms(routeP50),
      target: `≤ ${ms(TARGETS.routeP50Ms)}`,
      met: routeP50 <= TARGETS.routeP50Ms,
    },
    { measure: 'Route with up to 3 alternatives, p95', figure: ms(routeP95), target: '—', met: null },
    {
      measure: `Convoy plan on long trips (≥ ${LONG_KM} km), 3 alternatives, p50`,
      figure: ms(planP50),
      target: `≤ ${ms(TARGETS.routeP50Ms)}`,
      met: planP50 <= TARGETS.routeP50Ms,
    },
    {
      measure: 'Route request round trip (routes.plan, default scenario), p95',
      figure: roundTrip ? ms(roundTrip.p95Ms) : 'failed',
      target: `≤ ${ms(TARGETS.planRoundTripP95Ms)}`,
      met: roundTrip !== null && roundTrip.p95Ms <= TARGETS.planRoundTripP95Ms,
    },
    {
      measure: 'Peak RSS while analysing and routing',
      // One decimal: a peak a fraction above the target must not print as the target itself, marked unmet.
      figure: `${(enginePeak / 2 ** 20).toFixed(1)} MB`,
      target: `≤ ${TARGETS.peakMB} MB`,
      met: enginePeak / 2 ** 20 <= TARGETS.peakMB,
    },
    {
      measure: `Peak RSS with the V8 heap capped at ${FIT_HEAP_MB} MB`,
      figure: fit.completed ? `${fit.peakRssMB} MB` : 'failed',
      target: `≤ ${TARGETS.peakMB} MB`,
      met: fit.completed && fit.peakRssMB <= TARGETS.peakMB,
    },
    {
      measure: `Naive Turf baseline (scaled estimate from a sample of ${naive.sample})`,
      figure: ms(naive.estimatedFullMs),
      target: '—',
      met: null,
    },
    {
      measure: 'Speed-up over the naive baseline',
      figure: `${ratio.toFixed(0)}×`,
      target: `≥ ${TARGETS.baselineRatio}×`,
      met: ratio >= TARGETS.baselineRatio,
    },
  ];
  if (postgis)
    rows.push(
      {
        measure: 'PostGIS segment-vs-hazard query, median',
        figure: ms(postgis.queryMs),
        target: '—',
        met: null,
      },
      {
        measure: "The engine on the query's question (the date's hazards), median",
        figure: ms(question.hazardsMs),
        target: '≤ PostGIS',
        met: question.hazardsMs <= postgis.queryMs,
      },
    );
  const width = Math.max(...rows.map((x) => x.measure.length));
  for (const x of rows)
    log(
      `  ${x.measure.padEnd(width)}  ${x.figure.padStart(9)}  ${x.target.padEnd(10)} ${x.met === null ? '' : x.met ? '✓' : '✗'}`,
    );

  const results = {
    machine: host,
    data: {
      seed: SUDAN_SCALE.seed,
      options: OPTIONS,
      scale: SCALE,
      asOf: AS_OF,
      stats,
      generateMs,
      validateMs,
    },
    engine: {
      fullMs,
      fullRuns: fullRuns,
      buildRuns,
      buildMs: median(buildRuns),
      analyzeRuns,
      analyzeMs: median(analyzeRuns),
      reanalysisMs,
      reanalysisRuns: re.runs,
      reanalysisNothingChangedMs: median(sameRuns),
      movedFrontlineId: moved.properties.id,
      series: {
        weeks: weekly.points.length,
        from: seriesFrom,
        ms: seriesMs,
        fullEquivalentMs,
        fullEquivalentMethod: `${SERIES_WEEKS} × the median full analysis of this run (extrapolated)`,
        ratio: seriesRatio,
        defaultScenario: {
          points: defaultSeriesRuns.result.points.length,
          runs: defaultSeriesRuns.runs,
          medianMs: defaultSeriesMs,
        },
      },
      routes: {
        count: routeRuns.length,
        p50Ms: routeP50,
        p95Ms: routeP95,
        maxMs: Math.max(...routeRuns),
        connected: found,
        connectedP50Ms: percentile(connectedRuns, 50),
        connectedP95Ms: percentile(connectedRuns, 95),
        unconnectedP50Ms: percentile(unconnectedRuns, 50),
        unconnectedP95Ms: percentile(unconnectedRuns, 95),
      },
      plans: {
        longTripKm: LONG_KM,
        count: planRuns.length,
        p50Ms: planP50,
        p95Ms: planP95,
        withRoute: planned,
        meanBestKm: plannedKm / Math.max(1, planned),
        roundTrip,
      },
      report: { nonOpenSegments: r.segments.length, sites: access, frontlines: r.frontlines.length },
    },
    memory: {
      peakRssByPhaseMB: Object.fromEntries(phases.map((p) => [p, Math.round(peaks[p] / 2 ** 20)])),
      enginePeakMB: Math.round(enginePeak / 2 ** 20),
      processPeakMB: Math.round(maxRss() / 2 ** 20),
      heapAfterFullMB: Math.round(heapAfterFull / 2 ** 20),
      rssAtStartMB: Math.round(atStart.rss / 2 ** 20),
      heapAtStartMB: Math.round(atStart.heapUsed / 2 ** 20),
      rssHoldingSituationMB: Math.round(rssBefore / 2 ** 20),
      heapHoldingSituationMB: Math.round(heapHoldingSituation / 2 ** 20),
      reportJson: reportSize,
      heapCapped: fit,
    },
    baseline: {
      method: 'Turf booleanIntersects + lineSplit, every sampled road × every active hazard',
      label: `scaled estimate from a sample of ${naive.sample} of ${naive.total} road segments`,
      sample: naive.sample,
      hazards: naive.hazards,
      prepMs: naive.prepMs,
      sampleMs: naive.sampleMs,
      estimatedFullMs: naive.estimatedFullMs,
      ratio,
      agreement: { same: agree, of: naive.sample },
    },
    postgis: postgis && { ...postgis, statusByRoad: undefined, ratioToEngineFull: postgis.queryMs / fullMs },
    engineOnPostgisQuestion: question,
    targets: Object.fromEntries(
      rows
        .filter((x) => x.met !== null)
        .map((x) => [x.measure, { figure: x.figure, target: x.target, met: x.met }]),
    ),
  };
  log('\n  As a Markdown table:\n');
  log('  | measure | figure | target | met? |');
  log('  | --- | ---: | ---: | :---: |');
  for (const x of rows)
    log(`  | ${x.measure} | ${x.figure} | ${x.target} | ${x.met === null ? '' : x.met ? '✓' : '✗'} |`);
  log('\nImports are measured apart: npm run bench:import (100,000 ACLED rows parsed and committed).');
  if (SCALE !== 1) {
    log(`\nBENCH_SCALE=${SCALE}: bench/results.json not written (only full-scale figures are kept).`);
    return;
  }
  const out = fileURLToPath(new URL('./results.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwrote bench/results.json`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
