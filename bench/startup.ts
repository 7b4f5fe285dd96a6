// Server start-up and memory (issue: real database): time from spawning the built server to its first
// HTTP response, on a first start (empty DATA_DIR: migration and seeding included) and on a later start
// (data already there); the server's resident memory after serving the map's requests.
// Needs a build (`npm run build`). Run: `node --import tsx bench/startup.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 4599;
const base = `http://127.0.0.1:${PORT}`;

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

async function startAndTime(dataDir: string): Promise<{ ms: number; child: ChildProcess }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['build/index.js'], {
    // SHUTDOWN_TIMEOUT: do not wait for the fetch client's idle keep-alive connections when stopping.
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      ORIGIN: base,
      DATA_DIR: dataDir,
      SHUTDOWN_TIMEOUT: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/`);
      if (r.ok) return { ms: performance.now() - t0, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The date the map page opens on: the default scenario's (geodata/scenario.json). */
const FIRST_DATE = (JSON.parse(readFileSync('geodata/scenario.json', 'utf8')) as { defaultAsOf: string })
  .defaultAsOf;
/** How long after its first response a reader opens the map, for `firstVerdictsMs`. */
const READER_AFTER_MS = 3_000;

/** A request's time to its whole answer, ms. */
async function timed(path: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  await res.arrayBuffer();
  return performance.now() - t0;
}

export async function measureStartup(): Promise<{
  firstStartMs: number;
  laterStartMs: number[];
  /** Per later start, the map's first date's verdicts asked `READER_AFTER_MS` after the first response. */
  firstVerdictsMs: number[];
  rssMb: number;
}> {
  if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'corridor-startup-'));
  try {
    const first = await startAndTime(join(dir, 'data'));
    await stop(first.child);
    const later: number[] = [];
    const verdicts: number[] = [];
    let rss = 0;
    for (let i = 0; i < 3; i++) {
      const s = await startAndTime(join(dir, 'data'));
      later.push(s.ms);
      // A reader who opens the map a moment after the server started (a deploy, a restart): what the tiled map
      // asks first is the verdicts of the date it opens on.
      await new Promise((r) => setTimeout(r, READER_AFTER_MS));
      verdicts.push(await timed(`/map/verdicts.json?date=${FIRST_DATE}`));
      if (i === 2) {
        // What the map page asks for: the page, the situation, the basemap, then a few analyses.
        for (const path of ['/', '/api/trpc/situation.get', '/basemap/countries.geojson'])
          await (await fetch(base + path)).arrayBuffer();
        for (const d of ['2024-05-01', '2024-08-15', '2025-05-01'])
          await (
            await fetch(
              `${base}/api/trpc/analysis.run?input=${encodeURIComponent(JSON.stringify({ asOf: d }))}`,
            )
          ).arrayBuffer();
        rss = rssMb(s.child.pid!);
      }
      await stop(s.child);
    }
    return { firstStartMs: first.ms, laterStartMs: later, firstVerdictsMs: verdicts, rssMb: rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) {
  const r = await measureStartup();
  const median = [...r.laterStartMs].sort((a, b) => a - b)[1];
  console.log(
    `server start to first response, first start (migrate + seed): ${r.firstStartMs.toFixed(0)} ms`,
  );
  console.log(
    `server start to first response, later starts (median of 3):    ${median.toFixed(0)} ms  (goal ≤ 5000 ms)`,
  );
  const verdicts = [...r.firstVerdictsMs].sort((a, b) => a - b)[1];
  console.log(
    `the map's first date's verdicts, ${READER_AFTER_MS / 1000} s after (median of 3):     ${verdicts.toFixed(0)} ms  ` +
      `(${r.firstVerdictsMs.map((m) => m.toFixed(0)).join(', ')})`,
  );
  console.log(
    `server resident memory after the map's requests:                ${r.rssMb.toFixed(0)} MB  (goal ≤ 400 MB)`,
  );
}
