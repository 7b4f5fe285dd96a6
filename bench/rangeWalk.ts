/**
 * The server's walk of the scenario's range (`verdictsWarmUp.ts`), in one process: the Sudan-scale situation
 * of `npm run bench:map` (bench/generate.ts, `SUDAN_SCALE`, scaled by BENCH_MAP_SCALE, default 1), one
 * analyzer, every date of the range in the walk's order (from the default date back to the first, then on to
 * the last), each date's verdicts serialised and kept in a `VerdictsArchive` of the default bound, as the walk
 * does. Prints the CPU time of the analyses, of the verdicts and their JSON, and of the compression, the
 * dates kept, the archive's bytes against the JSON's, the time to read a date back, and the peak RSS.
 * `npm run -s bench:prepare && node --import tsx bench/rangeWalk.ts`
 */
import { createAnalyzer } from '../src/lib/domain/analysis';
import { parseSituation } from '../src/lib/domain/schemas';
import { verdictsWireOf } from '../src/lib/map/verdictsWireOf';
import { VerdictsArchive } from '../src/lib/server/mapView/verdictsArchive';
import { walkOrder } from '../src/lib/server/mapView/walkOrder';
import { generateSituationInput, sudanScaled } from './generate';
import { cpuMsSince, loadAverages, maxRss, mb, median } from './measure';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const n = (x: number) => Math.round(x).toLocaleString('en-US');

const situation = parseSituation(generateSituationInput(sudanScaled(SCALE, 4)).input);
const { from, to } = situation.scenario.timeRange;
const start = situation.scenario.defaultAsOf ?? to;
const order = walkOrder(from, to, start);
console.log(`Sudan scale ×${SCALE}, ${order.length} dates from ${start}; load ${loadAverages()}`);

let c = process.cpuUsage();
const analyzer = createAnalyzer(situation);
console.log(`build ${n(cpuMsSince(c))} ms`);
const archive = new VerdictsArchive();
const utf8 = new TextEncoder();
const cpu = { analysis: 0, verdicts: 0, keep: 0 };
let json = 0;
let kept = 0;
const perDate: number[] = [];
const wall = performance.now();
for (const date of order) {
  c = process.cpuUsage();
  const report = analyzer.analyze(date);
  const analysis = cpuMsSince(c);
  c = process.cpuUsage();
  const body = utf8.encode(JSON.stringify(verdictsWireOf(situation, report)));
  const verdicts = cpuMsSince(c);
  c = process.cpuUsage();
  const done = await archive.keep(situation, { level: 'public', since: 1 }, date, body);
  // The compression runs on libuv's threads: their CPU is the process' too.
  const keep = cpuMsSince(c);
  cpu.analysis += analysis;
  cpu.verdicts += verdicts;
  cpu.keep += keep;
  perDate.push(analysis + verdicts + keep);
  if (done !== 'kept') break;
  json += body.byteLength;
  kept++;
}
const use = archive.use();
console.log(
  `walk: ${kept} of ${order.length} dates kept in ${n((performance.now() - wall) / 1000)} s; CPU: analyses ` +
    `${n(cpu.analysis)} ms, verdicts and JSON ${n(cpu.verdicts)} ms, compression ${n(cpu.keep)} ms; per date ` +
    `median ${n(median(perDate))} ms, max ${n(Math.max(...perDate))} ms`,
);
console.log(
  `archive: ${n(use.bytes / 1024 / 1024)} MiB of ${n(use.maxBytes / 1024 / 1024)} MiB for ${n(json / 1024 / 1024)} ` +
    `MiB of JSON (${(json / use.bytes).toFixed(1)}×)`,
);
const reads: number[] = [];
for (let i = 0; i < kept; i += Math.ceil(kept / 25)) {
  const t = performance.now();
  await archive.body(situation, order[i]);
  reads.push(performance.now() - t);
}
console.log(
  `${reads.length} dates read back: median ${median(reads).toFixed(1)} ms, max ` +
    `${Math.max(...reads).toFixed(1)} ms; peak RSS ${mb(maxRss())}; load ${loadAverages()}`,
);
