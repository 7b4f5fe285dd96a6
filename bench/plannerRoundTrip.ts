/**
 * The convoy planner's request round trip on the default scenario: `routes.plan` requests sent through the
 * app's API handler (the tRPC fetch adapter of src/routes/api/trpc, JSON in and out) as a signed-in account,
 * with the server's services on an in-memory database. No socket: this is the server's share of a request.
 * Run by bench/run.ts in a child process (it needs the `$lib` alias of bin/tsconfig.cli.json); on its own:
 * `TSX_TSCONFIG_PATH=bin/tsconfig.cli.json node --import tsx bench/plannerRoundTrip.ts`. Prints JSON.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readEnv } from '$lib/server/env';
import { startServices } from '$lib/server/services';
import { appRouter } from '$lib/server/trpc/router';
import { percentile } from './measure';

const REQUESTS = Number(process.env.BENCH_PLAN_REQUESTS ?? 60);
// Long and short trips of the default scenario (ids that have been in geodata/ since the start), on
// dates before and after the crossings changed status.
const TRIPS = [
  { from: 'td_adre_transit', to: 'sd_zamzam', asOf: '2024-08-20' },
  { from: 'sd_port_sudan', to: 'sd_el_fasher', asOf: '2023-05-01' },
  { from: 'td_abeche', to: 'sd_nyala', asOf: '2024-03-01' },
  { from: 'sd_port_sudan', to: 'sd_kosti', asOf: '2025-06-01' },
];

async function main() {
  const services = await startServices(readEnv({ DATA_DIR: 'memory://' }));
  const viewer = { id: 1, email: 'bench@example.org', role: 'viewer' as const };
  const call = async (i: number) => {
    const trip = TRIPS[i % TRIPS.length];
    const input = encodeURIComponent(JSON.stringify({ ...trip, alternatives: 3 }));
    const res = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/routes.plan?input=${input}`),
      router: appRouter,
      createContext: () => ({ services, viewer }),
    });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`routes.plan answered ${res.status}: ${body.slice(0, 300)}`);
    return body.length;
  };
  await call(0); // the first request builds the analyzer
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    bytes += await call(i);
    runs.push(performance.now() - t);
  }
  await services.database.close();
  console.log(
    JSON.stringify({
      requests: runs.length,
      p50Ms: percentile(runs, 50),
      p95Ms: percentile(runs, 95),
      maxMs: Math.max(...runs),
      meanResponseKB: bytes / runs.length / 1024,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
