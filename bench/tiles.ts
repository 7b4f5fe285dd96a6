/**
 * `npm run bench:tiles`: the time to make vector tiles at Sudan scale (bench/generate.ts, SUDAN_SCALE) by the
 * two writers, in the same run, from the same stored data: geojson-vt and vt-pbf in this process (the path of
 * the embedded database) and PostGIS's `ST_AsMVT` in the database (migration 0021). Needs a PostgreSQL server
 * with PostGIS: `BENCH_PG_URL`, or `TEST_DATABASE_URL` as scripts/with-postgres.sh sets it; `npm run bench:tiles`
 * starts a throw-away one when PostgreSQL and PostGIS are installed (scripts/with-postgis-bench.sh). A database of
 * its own is made there and dropped at the end.
 *
 * The same tiles are asked of both, all eight layer groups, as an administrator sees them (every record):
 * at zooms 4 to 14, the 4 × 3 tiles of a map view around Khartoum's side of the country. The JavaScript path
 * first reads the situation and builds one index per group (what a server pays after each change of the
 * data); PostGIS pays per tile. CPU time is this process's (`process.cpuUsage`) plus, for PostGIS, that of
 * the server's backend serving the one connection (from /proc, when the server runs on this machine); wall
 * time is printed too, but on a shared machine it follows the load. BENCH_TILES_SCALE (default 1) scales the
 * data. See docs/performance.md, "Vector tiles: JavaScript and PostGIS".
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { generateSituation, sudanScaled, type GenerateOptions } from './generate';
import { scratchDatabase } from './scratchDatabase';
import { layerGroups } from '../src/lib/map/layerGroups';
import type { Database } from '../src/lib/server/db/client';
import { openDatabase } from '../src/lib/server/db/client';
import { readSituation, seedSituation } from '../src/lib/server/db/featureRepository';
import * as schema from '../src/lib/server/db/schema';
import { hasTileGeometry, postgisTile } from '../src/lib/server/mapView/postgisTiles';
import { vectorTile } from '../src/lib/server/mapView/vectorTiles';

const url = process.env.BENCH_PG_URL ?? process.env.TEST_DATABASE_URL;
if (!url) {
  console.error(
    'bench:tiles: needs PostGIS: install PostgreSQL and PostGIS (npm run bench:tiles then starts a throw-away ' +
      'server), or set BENCH_PG_URL to a server with PostGIS',
  );
  process.exit(2);
}
const SCALE = Number(process.env.BENCH_TILES_SCALE ?? 1);
const options: GenerateOptions = sudanScaled(SCALE, 4);
const ALL = ['public', 'restricted', 'confidential'] as const;
const log = (line: string) => console.log(line);
const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** A Web Mercator tile's x and y at zoom z holding a position. */
function tileAt(lon: number, lat: number, z: number) {
  const k = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * k),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * k),
  };
}
const tiles = [4, 6, 8, 10, 12, 14].flatMap((z) => {
  const c = tileAt(30.5, 15.5, z);
  return [-2, -1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => ({ z, x: c.x + dx, y: c.y + dy })));
});

// CPU seconds of a process from /proc/<pid>/stat (utime + stime, in clock ticks of 1/100 s on Linux).
function procCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure<T>(backend: number | undefined, work: () => Promise<T>) {
  const [wall0, cpu0, db0] = [performance.now(), ownCpuMs(), backend ? procCpuMs(backend) : undefined];
  const value = await work();
  const db1 = backend ? procCpuMs(backend) : undefined;
  return {
    value,
    wallMs: performance.now() - wall0,
    cpuMs: ownCpuMs() - cpu0,
    dbCpuMs: db0 !== undefined && db1 !== undefined ? db1 - db0 : undefined,
  };
}

log(
  `Corridor tile bench: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// A database of the bench's own on the server.
const scratch = await scratchDatabase(url, 'corridor_tiles_bench');
const database = await openDatabase({
  databaseUrl: scratch.url,
  dataDir: 'memory://',
  migrationsFolder: resolve('drizzle'),
});
const client = new pg.Client({ connectionString: scratch.url });
try {
  if (!(await hasTileGeometry(database.db)))
    throw new Error('the server has no PostGIS: migration 0021 added nothing');
  const { situation } = generateSituation(options);
  const seeded = await measure(undefined, () => seedSituation(database.db, situation));
  log(
    `${n(seeded.value.inserted)} features seeded (scale ${SCALE}) in ${(seeded.wallMs / 1000).toFixed(1)} s wall, ` +
      `the geometry column and its index made by the server as they are written`,
  );
  const version = await client.connect().then(() => client.query('select postgis_lib_version() as v'));
  await client.query('analyze features');
  const backend = Number((await client.query('select pg_backend_pid() as pid')).rows[0].pid);
  const local = procCpuMs(backend) !== undefined;
  const single = drizzle(client, { schema }) as unknown as Database;
  log(
    `PostGIS ${version.rows[0].v}; ${tiles.length} tiles × ${layerGroups.length} groups per writer` +
      (local ? '' : ' (the server is not on this machine: its CPU time is not counted)'),
  );

  // JavaScript: read the situation, then every tile (each group's index built on its first tile).
  const read = await measure(undefined, () => readSituation(database.db, situation.scenario.id, [...ALL]));
  const jsBytes = { n: 0, empty: 0 };
  const js = await measure(undefined, async () => {
    for (const group of layerGroups)
      for (const t of tiles) {
        const b = vectorTile(read.value, group, t.z, t.x, t.y);
        jsBytes.n += b.length;
        if (b.length === 0) jsBytes.empty++;
      }
  });

  // The same tiles again, the indexes kept: what each further tile costs until the data changes.
  const again = await measure(undefined, async () => {
    for (const group of layerGroups) for (const t of tiles) vectorTile(read.value, group, t.z, t.x, t.y);
  });

  // PostGIS: one warm-up pass over the zoom-4 tiles (the server's caches), then every tile.
  const request = (group: (typeof layerGroups)[number], t: { z: number; x: number; y: number }) =>
    postgisTile(single, { group, ...t, sensitivities: ALL, actors: read.value.scenario.actors });
  for (const group of layerGroups) for (const t of tiles.filter((t) => t.z === 4)) await request(group, t);
  const pgBytes = { n: 0, empty: 0 };
  const perZoom = new Map<number, number>();
  const postgis = await measure(local ? backend : undefined, async () => {
    for (const group of layerGroups)
      for (const t of tiles) {
        const t0 = performance.now();
        const b = await request(group, t);
        perZoom.set(t.z, (perZoom.get(t.z) ?? 0) + performance.now() - t0);
        pgBytes.n += b.length;
        if (b.length === 0) pgBytes.empty++;
      }
  });

  const count = tiles.length * layerGroups.length;
  const cpu = (m: { cpuMs: number; dbCpuMs?: number }) => m.cpuMs + (m.dbCpuMs ?? 0);
  log('');
  log('| writer | what | CPU | wall | tiles | bytes | empty |');
  log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  log(`| geojson-vt | read the situation | ${n(read.cpuMs)} ms | ${n(read.wallMs)} ms | | | |`);
  log(
    `| geojson-vt | ${count} tiles (8 indexes built) | ${n(js.cpuMs)} ms | ${n(js.wallMs)} ms | ${count} | ${n(jsBytes.n)} | ${jsBytes.empty} |`,
  );
  log(
    `| geojson-vt | the same tiles again (indexes kept) | ${n(again.cpuMs)} ms | ${n(again.wallMs)} ms | ${count} | | |`,
  );
  log(
    `| PostGIS | ${count} tiles | ${n(cpu(postgis))} ms (server ${postgis.dbCpuMs === undefined ? '?' : n(postgis.dbCpuMs)}) | ${n(postgis.wallMs)} ms | ${count} | ${n(pgBytes.n)} | ${pgBytes.empty} |`,
  );
  log('');
  log(`PostGIS wall time per tile by zoom (${tiles.length / 6} tiles × 8 groups each):`);
  for (const [z, msTotal] of perZoom) log(`  z${z}: ${(msTotal / (tiles.length / 6) / 8).toFixed(1)} ms`);
} finally {
  await client.end().catch(() => undefined);
  await database.close();
  await scratch.drop();
}
