/**
 * `npm run bench:import`: a seeded 100,000-row ACLED-style incident CSV, parsed as `corridor import` does
 * (streamed through the CSV parser into the importer) and committed in one transaction to an embedded
 * PGlite database in a temporary folder. Prints the time of each step and the peak resident memory
 * against the targets of the issue (≤ 20 s, ≤ 500 MB). Then the command line's own costs (`cliCosts.ts`):
 * the start of `corridor --help` and the memory of an import into a new database. See docs/performance.md,
 * "Import".
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { openDatabase } from '../src/lib/server/db/client';
import { readEnv } from '../src/lib/server/env';
import { importFile } from '../src/lib/server/import/importFile';
import { cliCosts } from './cliCosts';
import { machine, mb, MemorySampler, ms } from './measure';
import { Rng } from './prng';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const SEED = 20230415;
const TARGETS = { totalMs: 20_000, peakMB: 500 };

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/** Event types with sub-event types, weighted roughly as in ACLED's Sudan data. */
const TYPES: [string, string, string, number][] = [
  ['Political violence', 'Battles', 'Armed clash', 30],
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 12],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike', 8],
  ['Political violence', 'Violence against civilians', 'Attack', 18],
  ['Political violence', 'Violence against civilians', 'Abduction/forced disappearance', 4],
  ['Demonstrations', 'Protests', 'Peaceful protest', 12],
  ['Demonstrations', 'Riots', 'Violent demonstration', 4],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction', 8],
  ['Strategic developments', 'Strategic developments', 'Change to group/activity', 4],
];
const PLACES = [
  'El Fasher',
  'Nyala',
  'Zalingei',
  'El Geneina',
  'Kutum',
  'Tawila',
  'Khartoum',
  'Omdurman',
  'Kadugli',
  'El Obeid',
];
const SOURCES = ['Radio Dabanga', 'Sudan Tribune', 'Darfur 24', 'Alintibaha', 'Xinhua', 'AFP'];

/** Writes the CSV with a stream (the generator holds one row at a time). */
async function writeCsv(path: string, rng: Rng): Promise<void> {
  const out = createWriteStream(path);
  const total = TYPES.reduce((n, t) => n + t[3], 0);
  const start = Date.UTC(2023, 3, 15);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < ROWS; i++) {
    let pick = rng.next() * total;
    const [disorder, type, sub] = TYPES.find((t) => (pick -= t[3]) < 0) ?? TYPES[0];
    const date = new Date(start + Math.floor(rng.next() * 730) * 86_400_000).toISOString().slice(0, 10);
    const place = PLACES[Math.floor(rng.next() * PLACES.length)];
    const lat = (9 + rng.next() * 12).toFixed(4);
    const lon = (22 + rng.next() * 15).toFixed(4);
    const fatalities = rng.next() < 0.6 ? 0 : Math.floor(rng.next() * rng.next() * 40);
    const sources = `${SOURCES[Math.floor(rng.next() * SOURCES.length)]}; ${SOURCES[Math.floor(rng.next() * SOURCES.length)]}`;
    const notes = `On ${date}, ${sub.toLowerCase()} reported in ${place} (${place}, Darfur) between armed groups; ${fatalities} fatalities. "Coded" from local reports.`;
    const line = `SUD${100000 + i},${date},${date.slice(0, 4)},1,${disorder},${type},${sub},Rapid Support Forces,,Rebel group,Military Forces of Sudan (2019-),,State forces,,,729,Northern Africa,Sudan,North Darfur,Al Fasher,,${place},${lat},${lon},1,${sources},National,"${notes.replace(/"/g, '""')}",${fatalities},,1681739331\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main() {
  const host = machine();
  console.log(
    `Corridor import benchmark — ${host.cpu}, ${host.cores} cores, ${host.memoryGB} GB, Node ${host.node}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-import-'));
  const memory = new MemorySampler(['generate', 'import']);
  try {
    const csv = join(dir, 'acled_synthetic.csv');
    memory.phase('generate');
    let t = performance.now();
    await writeCsv(csv, new Rng(SEED));
    const size = statSync(csv).size;
    console.log(
      `generated ${ROWS} ACLED-style rows (${mb(size)}, seed ${SEED}) in ${ms(performance.now() - t)}`,
    );

    // The database exists before the import, as it does for `corridor import` (see bench/initDatabase.ts).
    const dataDir = join(dir, 'data');
    const init = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./initDatabase.ts', import.meta.url)), dataDir],
      {
        stdio: 'inherit',
      },
    );
    if (init.status !== 0) throw new Error('could not create the database');
    const db = await openDatabase({
      dataDir,
      migrationsFolder: 'drizzle',
      // As `corridor import` opens it, with the default settings (src/lib/server/db/databaseOptionsOf.ts).
      pgliteSharedBuffersMb: Number(readEnv({}).PGLITE_SHARED_BUFFERS_MB),
    });
    try {
      // The command line's path: the CSV streamed into the importer, each batch of 2,000 valid incidents
      // written at once inside the one transaction, committed at the end.
      memory.phase('import');
      const rssBefore = process.memoryUsage.rss();
      let writeMs = 0;
      // CPU time as well as the wall clock: on a machine others share, the wall clock counts the time the
      // process waited for a core; the CPU time (every thread of the process) is what the import costs.
      const cpuBefore = process.cpuUsage();
      const loadBefore = loadavg()[0];
      t = performance.now();
      const { preview, written } = await importFile(csv, {
        fileName: 'acled_synthetic.csv',
        layer: 'incidents',
        extent: [14.5, 8.4, 38.8, 22.4],
        db: db.db,
        actor: 'bench',
        feed: false,
        onWrite: (ms) => (writeMs += ms),
      });
      const totalMs = performance.now() - t;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const loadAfter = loadavg()[0];
      const after = process.memoryUsage();
      const errors = preview.problems.filter((p) => p.level === 'error').length;
      console.log(
        `import (stream → records → incidents, validated, written): ${ms(totalMs)}; ${preview.counts.valid} valid, ${errors} errors, format ${preview.format}; ${written?.created ?? 0} created`,
      );
      if (written?.created !== ROWS) throw new Error(`expected ${ROWS} incidents written`);
      const parseMs = totalMs - writeMs;
      const peaks = memory.peaks();
      const peak = Math.max(...Object.values(peaks));
      console.log('');
      console.log('| measure | figure | target | met? |');
      console.log('| --- | ---: | ---: | :---: |');
      console.log(`| parse and validate ${ROWS} rows | ${ms(parseMs)} | | |`);
      console.log(`| write ${ROWS} incidents (one transaction) | ${ms(writeMs)} | | |`);
      console.log(
        `| parse + commit | ${ms(totalMs)} | ≤ ${ms(TARGETS.totalMs)} | ${totalMs <= TARGETS.totalMs ? '✓' : '✗'} |`,
      );
      console.log(
        `| CPU time of parse + commit (user + system, every thread) | ${ms(cpuMs)} | ≤ ${ms(TARGETS.totalMs)} | ${cpuMs <= TARGETS.totalMs ? '✓' : '✗'} |`,
      );
      console.log(
        `| peak RSS (whole process) | ${mb(peak)} | ≤ ${TARGETS.peakMB} MB | ${peak <= TARGETS.peakMB * 2 ** 20 ? '✓' : '✗'} |`,
      );
      console.log(
        `\nload average (1 min) ${loadBefore.toFixed(1)} before the import, ${loadAfter.toFixed(1)} after, on ${host.cores} cores: the wall clock is ${(totalMs / cpuMs).toFixed(2)}× the CPU time`,
      );
      console.log(
        `\nRSS with the database open, before the import ${mb(rssBefore)}; peak while generating ${mb(peaks.generate)}, importing ${mb(peaks.import)}`,
      );
      // The embedded PostgreSQL (WebAssembly) keeps its memory outside the JavaScript heap.
      console.log(
        `after the commit: RSS ${mb(after.rss)}, JavaScript heap in use ${mb(after.heapUsed)}, outside the heap (PGlite's WebAssembly memory, buffers) ${mb(after.rss - after.heapTotal)}`,
      );
    } finally {
      await db.close();
    }
  } finally {
    await memory.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main()
  .then(() => {
    if (!process.exitCode) cliCosts();
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
