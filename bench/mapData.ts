/**
 * `npm run bench:http`, the map page's data: `situation.get` and `analysis.run` for a date, asked
 * anonymously as the map asks for them, from the built server holding Sudan-scale generated data
 * (`bench/generate.ts`: about 60,000 features stored). Under load from autocannon, for each: revalidations
 * with the ETag the first answer gave (If-None-Match → 304, answered from the public content's hash before
 * anything is analysed or serialised), against the target of 1,000 requests/s, and full 200 responses without
 * a tag as the baseline, in the same run (counted until each connection has had one answer: they take
 * seconds). A small OGC page's revalidation is measured too, as a reference for the machine's state. Also the cost of one analysis of a new date (computed) and of the
 * same date again (from the server's analysis cache). Each load lasts BENCH_HTTP_SECONDS (default 8, at most
 * 10). See docs/performance.md, "HTTP".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { startBuiltServer } from '../tests/helpers/builtServer';
import { generateSituationInput, SUDAN_SCALE, TIME_RANGE } from './generate';

const SECONDS = Math.min(10, Number(process.env.BENCH_HTTP_SECONDS ?? 8));
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const TARGET_RPS = 1_000;
// The issue's figures were taken with 60,000 features stored: Sudan scale with fewer roads and incidents.
const OPTIONS = { ...SUDAN_SCALE, roadSegments: 35_000, incidents: 19_000 };
const AS_OF = '2024-08-15';

const log = (line: string) => console.log(line);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Load {
  /** Run for SECONDS (the revalidations), or until `amount` requests are answered (the full answers, seconds each). */
  amount?: number;
}

async function run(
  name: string,
  url: string,
  headers: Record<string, string>,
  expect: '2xx' | '3xx',
  how: Load = {},
) {
  // Full answers of the whole situation take seconds each under load: they are counted to the last one, with
  // a long timeout, rather than cut off when the time is up (they would keep the server busy in the next run).
  const r: Result = await autocannon({
    url,
    connections: CONNECTIONS,
    headers,
    ...(how.amount ? { amount: how.amount, timeout: 600 } : { duration: SECONDS, timeout: 60 }),
  });
  const rate = r.requests.average || r[expect] / Math.max(r.duration, 0.001);
  const wrong = r.totalRequests - r[expect];
  log(
    `  ${name.padEnd(40)} ${rate.toFixed(1).padStart(8)} req/s   latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms   ` +
      `${n(r[expect])} × ${expect} in ${r.duration.toFixed(1)} s${wrong ? `, ${wrong} other` : ''}${r.errors ? `, ${r.errors} errors` : ''}`,
  );
  if (r.errors || r.timeouts || wrong > CONNECTIONS)
    throw new Error(
      `${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} responses other than ${expect}`,
    );
  return { rate, p99: r.latency.p99 };
}

async function timed(url: string): Promise<{ ms: number; bytes: number; etag: string | null }> {
  const t0 = performance.now();
  const r = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  return { ms: performance.now() - t0, bytes: body.byteLength, etag: r.headers.get('etag') };
}

log(
  `Corridor map data bench: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(`load average at start ${load()}`);
const dir = mkdtempSync(join(tmpdir(), 'corridor-mapdata-'));
try {
  const { input, stats } = generateSituationInput(OPTIONS);
  const geodata = join(dir, 'geodata');
  mkdirSync(geodata);
  writeFileSync(join(geodata, input.scenario.file), JSON.stringify(input.scenario.json));
  let stored = 0;
  for (const layer of Object.values(input.layers)) {
    stored += (layer.json as { features: unknown[] }).features.length;
    writeFileSync(join(geodata, layer.file), JSON.stringify(layer.json));
  }
  log(
    `generated: ${n(stats.roads)} roads, ${n(stats.areas)} areas, ${n(stats.frontlines)} front lines, ${n(stats.sites)} sites, ` +
      `${n(stats.incidents)} incidents, ${n(stats.constraints)} constraints, ${n(stats.corridors)} corridors: ${n(stored)} features`,
  );
  log('starting the built server on them (it validates and stores the scenario at start)…');
  const t0 = performance.now();
  const server = await startBuiltServer(undefined, { GEODATA_DIR: geodata }, 1_800_000);
  log(`  answering after ${(performance.now() - t0) / 1000} s`);
  try {
    const situationUrl = `${server.base}/api/trpc/situation.get`;
    const analysisUrl = (asOf: string) =>
      `${server.base}/api/trpc/analysis.run?input=${encodeURIComponent(JSON.stringify({ asOf }))}`;
    if (AS_OF < TIME_RANGE.from || AS_OF > TIME_RANGE.to) throw new Error(`${AS_OF} is outside the data`);

    const situation = await timed(situationUrl);
    log(
      `\nsituation.get: ${n(situation.bytes / 1024)} KiB, first answer ${n(situation.ms)} ms, ETag ${situation.etag}`,
    );
    const cold = await timed(analysisUrl(AS_OF));
    const warm = await timed(analysisUrl(AS_OF));
    const otherDate = await timed(analysisUrl('2024-09-15'));
    log(
      `analysis.run ${AS_OF}: ${n(cold.bytes / 1024)} KiB; first answer ${n(cold.ms)} ms (the analyzer built, then the ` +
        `analysis), again ${n(warm.ms)} ms (from the analysis cache), another date ${n(otherDate.ms)} ms; ETag ${cold.etag}`,
    );
    if (!situation.etag || !cold.etag) throw new Error('no ETag on the public reads');

    const ogcUrl = `${server.base}/ogc/collections/sites/items?limit=10`;
    const ogc = await timed(ogcUrl);
    log(`\nautocannon, ${CONNECTIONS} connections, 127.0.0.1, load average ${load()}:`);
    // The machine's state in this run: a small OGC page's revalidation (docs/performance.md has its figures).
    const ref = await run(
      'reference: OGC page, If-None-Match (304)',
      ogcUrl,
      { 'if-none-match': ogc.etag! },
      '3xx',
    );
    const s304 = await run(
      'situation.get, If-None-Match (304)',
      situationUrl,
      { 'if-none-match': situation.etag },
      '3xx',
    );
    const a304 = await run(
      'analysis.run, If-None-Match (304)',
      analysisUrl(AS_OF),
      { 'if-none-match': cold.etag },
      '3xx',
    );
    const s200 = await run('situation.get, no tag (200, baseline)', situationUrl, {}, '2xx', {
      amount: CONNECTIONS,
    });
    const a200 = await run('analysis.run, no tag (200, baseline)', analysisUrl(AS_OF), {}, '2xx', {
      amount: CONNECTIONS,
    });

    type Measured = Awaited<ReturnType<typeof run>>;
    const row = (what: string, r: Measured, target: boolean) =>
      `| ${what} | ${r.rate.toFixed(1)} | ${n(r.p99)} ms | ${target ? `≥ ${n(TARGET_RPS)}` : ''} | ${target ? (r.rate >= TARGET_RPS ? '✓' : '✗') : ''} |`;
    log(`\n| measure (${n(stored)} features stored, anonymous) | requests/s | p99 | target | met? |`);
    log('| --- | ---: | ---: | ---: | :---: |');
    log(row('situation.get, revalidation (304)', s304, true));
    log(row('situation.get, full answer (200, baseline)', s200, false));
    log(`| ratio 304 / 200, situation.get | ${n(s304.rate / s200.rate)}× | | | |`);
    log(row('analysis.run, revalidation (304)', a304, true));
    log(row('analysis.run, full answer from the cache (200, baseline)', a200, false));
    log(`| ratio 304 / 200, analysis.run | ${n(a304.rate / a200.rate)}× | | | |`);
    log(row('reference: OGC page of 10 sites, revalidation (304)', ref, false));
    log(`load average at end ${load()}`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
