/**
 * `npm run bench:http`, the map page's data at Sudan scale (`bench/generate.ts`: about 60,000 features
 * stored), asked anonymously as the map asks for it: in tiled mode `/map/meta.json`, `/map/verdicts.json` of a
 * date and vector tiles (`/tiles/…`), and the whole situation (`situation.get`) as the map in whole mode and
 * older clients ask for it. For each, under load from autocannon: revalidations with the ETag the first
 * answer gave (If-None-Match → 304) against the target of 1,000 requests/s, and full 200 answers without a tag
 * as the baseline, in the same run. Requests/s on a loaded machine mislead (autocannon shares the cores with the
 * server and with whatever else runs), so the server's own CPU time per 1,000 answers is printed too, read
 * from /proc (Linux). The data is seeded into the server's database before it starts, as `corridor import`
 * would, so the start only validates the scenario. Each load lasts BENCH_HTTP_SECONDS (default 8, at most
 * 10); the full answers of the whole situation (seconds each) are counted to their tenth instead.
 * BENCH_MAP_SCALE (default 1) scales the generated data. See docs/performance.md, "HTTP" and "Map data".
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { seedSituation } from '../src/lib/server/db/featureRepository';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { startBuiltServer } from '../tests/helpers/builtServer';
import { generateSituationInput, SUDAN_SCALE, TIME_RANGE } from './generate';

const SECONDS = Math.min(10, Number(process.env.BENCH_HTTP_SECONDS ?? 8));
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const TARGET_RPS = 1_000;
// The issue's figures were taken with 60,000 features stored: Sudan scale with fewer roads and incidents.
const OPTIONS = {
  ...SUDAN_SCALE,
  roadSegments: Math.round(35_000 * SCALE),
  incidents: Math.round(19_000 * SCALE),
  sites: Math.round(SUDAN_SCALE.sites * SCALE),
  constraints: Math.round(SUDAN_SCALE.constraints * SCALE),
  areas: Math.max(4, Math.round(SUDAN_SCALE.areas * SCALE)),
};
const AS_OF = '2024-08-15';
/** A tile of roads around Khartoum at the zoom the map shows Sudan's middle at (one of the busiest). */
const TILE = { layer: 'roads', z: 6, lon: 32.5, lat: 15.6 };

const log = (line: string) => console.log(line);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** CPU time (user + system) of process `pid` so far, in ms; null where /proc is not there. */
function cpuMs(pid: number): number | null {
  try {
    // Fields after the command's name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks of 1/100 s (USER_HZ on Linux)
  } catch {
    return null;
  }
}

interface Measured {
  rate: number;
  p50: number;
  p99: number;
  /** The server's CPU time per 1,000 answers, ms (null without /proc). */
  cpuPer1000: number | null;
}

async function run(
  pid: number,
  name: string,
  url: string,
  headers: Record<string, string>,
  expect: '2xx' | '3xx',
  /** Counted to this many answers instead of for SECONDS (the whole situation's full answers take seconds). */
  amount?: number,
): Promise<Measured> {
  const cpu0 = cpuMs(pid);
  const r: Result = await autocannon({
    url,
    connections: CONNECTIONS,
    headers,
    ...(amount ? { amount, timeout: 600 } : { duration: SECONDS, timeout: 60 }),
  });
  const cpu1 = cpuMs(pid);
  const rate = r[expect] / Math.max(r.duration, 0.001);
  const wrong = r.totalRequests - r[expect];
  const cpuPer1000 = cpu0 === null || cpu1 === null || !r[expect] ? null : ((cpu1 - cpu0) * 1000) / r[expect];
  log(
    `  ${name.padEnd(44)} ${rate.toFixed(1).padStart(8)} req/s  p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms  ` +
      `server CPU ${cpuPer1000 === null ? '?' : n(cpuPer1000)} ms / 1,000  ` +
      `(${n(r[expect])} × ${expect} in ${r.duration.toFixed(1)} s${wrong ? `, ${wrong} other` : ''}${r.errors ? `, ${r.errors} errors` : ''}; load ${load()})`,
  );
  if (r.errors || r.timeouts || wrong > CONNECTIONS)
    throw new Error(
      `${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} responses other than ${expect}`,
    );
  return { rate, p50: r.latency.p50, p99: r.latency.p99, cpuPer1000 };
}

async function timed(url: string): Promise<{ ms: number; bytes: number; etag: string }> {
  const t0 = performance.now();
  const r = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url}: ${r.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  const etag = r.headers.get('etag');
  if (!etag) throw new Error(`${url}: no ETag on a public read`);
  return { ms: performance.now() - t0, bytes: body.byteLength, etag };
}

/** The tile of zoom `z` holding a position (Web Mercator, as MapLibre asks for it). */
function tileAt(lon: number, lat: number, z: number) {
  const k = 2 ** z;
  const r = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * k);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * k);
  return `${z}/${x}/${y}`;
}

log(
  `Corridor map data bench: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(`load average at start ${load()}`);
if (AS_OF < TIME_RANGE.from || AS_OF > TIME_RANGE.to) throw new Error(`${AS_OF} is outside the data`);
const dir = mkdtempSync(join(tmpdir(), 'corridor-mapdata-'));
// The generated scenario in full (what is seeded) and its document alone (what the server starts on: its
// start validates and seeds GEODATA_DIR, which would be the 60,000 features again, and a missing layer file
// is an empty layer).
const geodata = join(dir, 'full');
const served = join(dir, 'scenario');
try {
  mkdirSync(geodata);
  mkdirSync(served);
  const { input, stats } = generateSituationInput(OPTIONS);
  writeFileSync(join(geodata, 'scenario.json'), JSON.stringify(input.scenario.json));
  writeFileSync(join(served, 'scenario.json'), JSON.stringify(input.scenario.json));
  let stored = 0;
  for (const [layer, c] of Object.entries(input.layers)) {
    stored += (c.json as { features: unknown[] }).features.length;
    writeFileSync(join(geodata, `${layer}.geojson`), JSON.stringify(c.json));
  }
  log(
    `generated: ${n(stats.roads)} roads, ${n(stats.areas)} areas, ${n(stats.frontlines)} front lines, ${n(stats.sites)} sites, ` +
      `${n(stats.incidents)} incidents, ${n(stats.constraints)} constraints, ${n(stats.corridors)} corridors: ${n(stored)} features`,
  );
  const t0 = performance.now();
  let seeded = 0;
  // Seeded before the server starts (as `corridor import` would): the start only validates the scenario.
  const server = await startBuiltServer(
    async (db) => {
      await seedSituation(db, loadSituationFromDir(geodata));
      seeded = performance.now();
    },
    { GEODATA_DIR: served },
    1_800_000,
  );
  log(
    `seeded in ${((seeded - t0) / 1000).toFixed(1)} s, server answering ${((performance.now() - seeded) / 1000).toFixed(1)} s later`,
  );
  try {
    const urls = {
      meta: `${server.base}/map/meta.json`,
      verdicts: `${server.base}/map/verdicts.json?date=${AS_OF}`,
      tile: `${server.base}/tiles/${TILE.layer}/${tileAt(TILE.lon, TILE.lat, TILE.z)}.mvt`,
      situation: `${server.base}/api/trpc/situation.get`,
    };
    const first = {
      meta: await timed(urls.meta),
      verdicts: await timed(urls.verdicts),
      tile: await timed(urls.tile),
      situation: await timed(urls.situation),
    };
    log('\nfirst answers (identity):');
    for (const [k, f] of Object.entries(first))
      log(
        `  ${k.padEnd(10)} ${n(f.bytes / 1024).padStart(8)} KiB  ${n(f.ms).padStart(7)} ms  ${urls[k as keyof typeof urls]}`,
      );

    log(`\nautocannon, ${CONNECTIONS} connections, 127.0.0.1, server pid ${server.pid}:`);
    const results: Record<string, { r304: Measured; r200: Measured }> = {};
    for (const k of ['meta', 'verdicts', 'tile', 'situation'] as const) {
      const r304 = await run(
        server.pid,
        `${k}, If-None-Match (304)`,
        urls[k],
        { 'if-none-match': first[k].etag },
        '3xx',
      );
      const r200 = await run(
        server.pid,
        `${k}, no tag (200, baseline)`,
        urls[k],
        { 'accept-encoding': 'identity' },
        '2xx',
        k === 'situation' ? CONNECTIONS : undefined,
      );
      results[k] = { r304, r200 };
    }

    const ms = (x: number | null) => (x === null ? '?' : `${n(x)} ms`);
    log(
      `\n| ${n(stored)} features, anonymous | 304 /s | 304 p50 / p99 | server CPU / 1,000 × 304 | 200 /s (baseline) | server CPU / 1,000 × 200 | ratio /s | ratio CPU | ≥ 1,000 /s? |`,
    );
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
    for (const [k, { r304, r200 }] of Object.entries(results))
      log(
        `| ${k} (${n(first[k as keyof typeof first].bytes / 1024)} KiB) | ${n(r304.rate)} | ${r304.p50} / ${r304.p99} ms | ${ms(r304.cpuPer1000)} | ` +
          `${r200.rate < 1 ? r200.rate.toPrecision(2) : r200.rate.toFixed(1)} | ${ms(r200.cpuPer1000)} | ${n(r304.rate / r200.rate)}× | ` +
          `${r304.cpuPer1000 && r200.cpuPer1000 ? `${n(r200.cpuPer1000 / r304.cpuPer1000)}×` : '?'} | ${r304.rate >= TARGET_RPS ? '✓' : '✗'} |`,
      );
    log(`load average at end ${load()}`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
