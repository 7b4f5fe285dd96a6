/**
 * The walk of the range shared by two instances on one PostgreSQL (`sharedVerdicts.ts`), in one process: the
 * Sudan-scale situation of `npm run bench:map` (bench/generate.ts, `SUDAN_SCALE`, scaled by BENCH_MAP_SCALE,
 * default 1) seeded into a new database on BENCH_PG_URL, and two services objects on it, as two instances hold.
 * The first is asked a date and walks the range (its walk keeps every date in the database too); then the
 * second is asked a far date, which it takes from the database, and walks the range, taking every date from
 * there. The baseline, in the same run: the first instance's walk (every date analysed), and the far date
 * analysed by a store without the shared archive (`VerdictsArchive` with no database), asked the first date
 * before. Prints the wall and CPU time of each, the table's size, and the ratios.
 * `npm run bench:shared` (a throw-away PostgreSQL when installed, or BENCH_PG_URL).
 */
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { readEnv } from '../src/lib/server/env';
import { contentHash } from '../src/lib/server/http/contentVersion';
import { VerdictsArchive } from '../src/lib/server/mapView/verdictsArchive';
import { verdictsBody } from '../src/lib/server/mapView/verdictsBody';
import { warmNeighbours, warmUpSettled } from '../src/lib/server/mapView/verdictsWarmUp';
import { startServices, type Services } from '../src/lib/server/services';
import { SituationStore } from '../src/lib/server/situation/situationStore';
import { generateSituationInput, sudanScaled } from './generate';
import { loadAverages, wallAndCpu } from './measure';
import { scenarioFolder } from './scenarioFolder';
import { scratchDatabase } from './scratchDatabase';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const PG = process.env.BENCH_PG_URL;
const FAR = '2024-06-01';
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const s1 = (ms: number) => (ms / 1000).toFixed(1);

if (!PG) {
  console.log('bench:shared: no PostgreSQL (BENCH_PG_URL unset, PostgreSQL not installed): skipped');
  process.exit(0);
}

// The generated scenario as a scenario folder, which each instance's start seeds (the second finds it seeded).
const generated = generateSituationInput(sudanScaled(SCALE, 4));
const geodata = scenarioFolder(generated, 'shared-bench');
const first = (generated.input.scenario.json as { defaultAsOf: string }).defaultAsOf;

// A database of its own, dropped at the end.
const scratch = await scratchDatabase(PG, 'corridor_bench_shared');
const env = readEnv({ DATA_DIR: 'memory://', DATABASE_URL: scratch.url, GEODATA_DIR: geodata });

/** A public reader's date on `s`, as the route answers it, then the warm-up and walk it starts, to the end. */
async function ask(s: Services, date: string) {
  const situation = await s.store.situationFor(null);
  const body = await wallAndCpu(() => verdictsBody(s.store, s.verdictsArchive, situation, date));
  warmNeighbours(s.store, s.verdictsArchive, null, situation, date);
  const walk = await wallAndCpu(() => warmUpSettled());
  return { body, walk, dates: s.verdictsArchive.use().dates };
}

const instances: Services[] = [];
try {
  const started = performance.now();
  const one = await startServices(env);
  instances.push(one);
  const two = await startServices(env);
  instances.push(two);
  console.log(
    `Sudan scale ×${SCALE}: seeded and two instances started in ${n((performance.now() - started) / 1000)} s; ` +
      `load ${loadAverages()}`,
  );
  await one.store.situationFor(null);
  await two.store.situationFor(null);

  const a = await ask(one, first);
  const size = (await one.database.db.execute(
    sql`select count(*)::int as n, pg_total_relation_size('verdicts_archive')::bigint as bytes from verdicts_archive`,
  )) as unknown as { rows: { n: number; bytes: string }[] };
  console.log(
    `first instance, ${first}: verdicts in ${n(a.body.wall)} ms; its walk ${s1(a.walk.wall)} s ` +
      `(${s1(a.walk.cpu)} s CPU), ${a.dates} dates; the table: ${size.rows[0]!.n} rows, ` +
      `${n(Number(size.rows[0]!.bytes) / 2 ** 20)} MiB`,
  );

  // The second instance's far date, from the table. Its public content's hash is made first, as the route's
  // ETag makes it before the body.
  const twoSituation = await two.store.situationFor(null);
  contentHash(twoSituation);
  const shared = await wallAndCpu(() => verdictsBody(two.store, two.verdictsArchive, twoSituation, FAR));
  // The baseline: an instance without the table (a store and archive of its own on the same database), which
  // was asked the first date before, analyses the far date.
  const store = new SituationStore(two.database.db, two.store.scenarioId);
  const archive = new VerdictsArchive();
  const situation = await store.situationFor(null);
  await verdictsBody(store, archive, situation, first);
  const alone = await wallAndCpu(() => verdictsBody(store, archive, situation, FAR));
  const same = Buffer.from(alone.value).equals(Buffer.from(shared.value));
  console.log(
    `second instance, ${FAR}: ${n(shared.wall)} ms from the table against ${n(alone.wall)} ms analysed ` +
      `(${(shared.wall / alone.wall).toFixed(3)}×), ${same ? 'the same bytes' : 'DIFFERENT BYTES'}`,
  );
  const b = await ask(two, first);
  console.log(
    `second instance's walk: ${s1(b.walk.wall)} s (${s1(b.walk.cpu)} s CPU), ${b.dates} dates; ` +
      `${(b.walk.wall / a.walk.wall).toFixed(3)}× the first's; load ${loadAverages()}`,
  );
} finally {
  await warmUpSettled();
  for (const s of instances) await s.database.close();
  await scratch.drop();
  rmSync(geodata, { recursive: true, force: true });
}
