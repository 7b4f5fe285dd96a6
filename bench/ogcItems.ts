/**
 * `npm run bench:http`: the OGC API items endpoint of the built server (127.0.0.1 only) for a page of 1,000
 * features, under load from autocannon: revalidations with a matching ETag (If-None-Match → 304), against the
 * target of 1,000 requests/s, and full 200 responses as the baseline, in the same run; then full responses
 * to a client that accepts gzip. Each run lasts BENCH_HTTP_SECONDS (default 8, at most 10). See
 * docs/performance.md, "HTTP".
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { insertFeatures } from '../src/lib/server/db/featureRepository';
import { startBuiltServer } from '../tests/helpers/builtServer';

const FEATURES = Number(process.env.BENCH_HTTP_FEATURES ?? 1_200);
const PAGE = 1_000;
const SECONDS = Math.min(10, Number(process.env.BENCH_HTTP_SECONDS ?? 8));
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const TARGET_RPS = 1_000;

const log = (line: string) => console.log(line);
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Public sites on a grid over Darfur, each with a name, a source and a dated figure, like real ones. */
function sites(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [22 + (i % 40) * 0.1, 11 + Math.floor(i / 40) * 0.1] },
    properties: {
      id: `bench_site_${i}`,
      name: `Bench site ${i}`,
      nameAr: `موقع ${i}`,
      source: 'HTTP benchmark (generated)',
      kind: i % 3 === 0 ? 'town' : 'idp_camp',
      country: 'SDN',
      figures: [{ date: '2024-06-01', population: 1_000 + i, source: 'generated' }],
    },
  }));
}

async function run(name: string, url: string, headers: Record<string, string>, expect: '2xx' | '3xx') {
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const wrong = r.totalRequests - r[expect];
  log(
    `  ${name.padEnd(34)} ${n(r.requests.average).padStart(7)} req/s   latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms   ` +
      `${n(r.throughput.average / 1024)} KiB/s   ${n(r[expect])} × ${expect}${wrong ? `, ${wrong} other` : ''}${r.errors ? `, ${r.errors} errors` : ''}`,
  );
  if (r.errors || r.timeouts || wrong > CONNECTIONS)
    throw new Error(
      `${name}: ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} responses other than ${expect}`,
    );
  return r;
}

log(
  `Corridor HTTP bench: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
log(`\nStarting the built server with ${n(FEATURES)} generated public sites besides the default scenario…`);
const server = await startBuiltServer(async (db) => {
  await insertFeatures(db, 'sites', sites(FEATURES), 'bench');
});
try {
  const url = `${server.base}/ogc/collections/sites/items?limit=${PAGE}`;
  // Node's fetch asks for gzip and decompresses by itself: ask for identity to see the plain page.
  const first = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const text = await first.text();
  const page = JSON.parse(text) as { numberReturned: number; numberMatched: number };
  const etag = first.headers.get('etag');
  const bytes = Buffer.byteLength(text);
  if (!etag || page.numberReturned !== PAGE)
    throw new Error(`expected ${PAGE} features and an ETag, got ${page.numberReturned} and ${etag}`);
  const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const gzBytes = Number(gz.headers.get('content-length') ?? 0);
  await gz.arrayBuffer();
  log(
    `GET ${url.replace(server.base, '')}: ${page.numberReturned} of ${page.numberMatched} features, ` +
      `${n(bytes / 1024)} KiB, ${n(gzBytes / 1024)} KiB gzipped (${gz.headers.get('content-encoding')}), ETag ${etag}`,
  );
  log(`\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s each, 127.0.0.1:`);
  const hits = await run('If-None-Match (304, no body)', url, { 'if-none-match': etag }, '3xx');
  const full = await run('full page (200, identity)', url, {}, '2xx');
  const gzip = await run('full page (200, Accept-Encoding gzip)', url, { 'accept-encoding': 'gzip' }, '2xx');
  const met = hits.requests.average >= TARGET_RPS;
  log('\n| measure | requests/s | target | met? |');
  log('| --- | ---: | ---: | :---: |');
  log(
    `| 304 revalidations of a 1,000-feature page | ${n(hits.requests.average)} | ≥ ${n(TARGET_RPS)} | ${met ? '✓' : '✗'} |`,
  );
  log(`| full 200 responses, same page (baseline) | ${n(full.requests.average)} | | |`);
  log(`| full 200 responses, gzip | ${n(gzip.requests.average)} | | |`);
  log(`| ratio 304 / full 200 | ${(hits.requests.average / full.requests.average).toFixed(1)}× | | |`);
  log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await server.stop();
}
