/**
 * Part of `npm run bench:http`: a public OGC API read (`/ogc/collections/sites/items?limit=100`, anonymous)
 * measured with autocannon on the built server, first alone (the baseline, in the same run), then during a
 * flood of 40 parallel sign-ins that never stops (each from its own address through X-Forwarded-For, as 40
 * clients behind a proxy, each a wrong password for its own e-mail, so that every one needs a password hash).
 * Prints p50/p99 of both, the ratio of the p99s, and what the flood was answered. Each run lasts
 * BENCH_HTTP_SECONDS (default 8, at most 10). See docs/performance.md, "HTTP".
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { startBuiltServer } from '../tests/helpers/builtServer';

const SECONDS = Math.min(10, Number(process.env.BENCH_HTTP_SECONDS ?? 8));
const CONNECTIONS = 4;
const FLOOD = 40;

const log = (line: string) => console.log(line);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function read(url: string): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (r.errors || r.timeouts || r.non2xx > 0)
    throw new Error(`public read: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} not 2xx`);
  return r;
}

/** 40 sign-in loops until `stop`; counts the answers by status, and the 503s that carried Retry-After. */
function flood(base: string) {
  const counts: Record<string, number> = {};
  let withRetryAfter = 0;
  let next = 0;
  let stopped = false;
  const one = async () => {
    const n = next++;
    const r = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: base,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: new URLSearchParams({ email: `flood${n}@example.org`, password: 'not the password' }).toString(),
    });
    await r.arrayBuffer();
    counts[r.status] = (counts[r.status] ?? 0) + 1;
    if (r.status === 503 && r.headers.get('retry-after')) withRetryAfter++;
  };
  const loops = Array.from({ length: FLOOD }, async () => {
    while (!stopped) await one();
  });
  return {
    counts,
    get withRetryAfter() {
      return withRetryAfter;
    },
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

log(
  `\nSign-in flood: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(`load average at start ${load()}`);
const server = await startBuiltServer(undefined, { ADDRESS_HEADER: 'x-forwarded-for' });
try {
  const url = `${server.base}/ogc/collections/sites/items?limit=100`;
  await (await fetch(url)).arrayBuffer();
  log(`GET ${url.replace(server.base, '')}, autocannon ${CONNECTIONS} connections, ${SECONDS} s each:`);
  const quiet = await read(url);
  log(
    `  without sign-ins          p50 ${quiet.latency.p50} ms, p99 ${quiet.latency.p99} ms, ${Math.round(quiet.requests.average)} req/s`,
  );
  const f = flood(server.base);
  // Let the flood fill the hashing queue before measuring.
  await new Promise((r) => setTimeout(r, 1_000));
  const busy = await read(url);
  await f.stop();
  log(
    `  during ${FLOOD} parallel sign-ins p50 ${busy.latency.p50} ms, p99 ${busy.latency.p99} ms, ${Math.round(busy.requests.average)} req/s`,
  );
  const total = Object.values(f.counts).reduce((a, b) => a + b, 0);
  const seconds = SECONDS + 1;
  log(
    `  the flood: ${total} sign-ins in about ${seconds} s: ` +
      Object.entries(f.counts)
        .map(([status, n]) => `${n} × ${status}`)
        .join(', ') +
      ` (${f.withRetryAfter} of the 503s with Retry-After; 400 = checked, a wrong password)`,
  );
  log('\n| measure | without flood | during flood | ratio |');
  log('| --- | ---: | ---: | ---: |');
  log(
    `| public OGC read p50 | ${quiet.latency.p50} ms | ${busy.latency.p50} ms | ${(busy.latency.p50 / Math.max(1, quiet.latency.p50)).toFixed(1)}× |`,
  );
  log(
    `| public OGC read p99 | ${quiet.latency.p99} ms | ${busy.latency.p99} ms | ${(busy.latency.p99 / Math.max(1, quiet.latency.p99)).toFixed(1)}× |`,
  );
  log(`load average at end ${load()}`);
} finally {
  await server.stop();
}
