/**
 * `npm run bench:map`: the map page at Sudan scale in Chromium, drawn two ways from the same built server and
 * the same stored data, in the same run: the whole situation loaded with `situation.get` and analysed in the
 * browser's worker (the baseline, `?data=whole`), and the tiled map (`?data=tiles`): vector tiles of the
 * view and the server's verdicts of each date. It prints the bytes transferred for the first view (until the
 * map is drawn with its date's verdicts) and the time from a date change to the new verdicts drawn (the map
 * idle on the new date): at once to a far date the server has not reached yet in its walk of the range (it
 * walks from the first date back to the range's start, then on to its end); then, after waiting until the
 * server is quiet (its warm-up and walk done, as for a reader who looked at the map meanwhile) and going back
 * to the first date, to the next day, to a far date, and back; last, to the first date and, once the page is at
 * rest there (`pageAtRest`), to the next day again. Targets
 * (issue 14): first view ≤ 1 MB, date change ≤ 300 ms. BENCH_MAP_SCALE (default 1) scales the generated
 * data (bench/generate.ts, SUDAN_SCALE). See docs/performance.md, "The map at scale".
 */
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { generateSituationInput, sudanScaled, type GenerateOptions } from './generate';
import { scenarioFolder } from './scenarioFolder';
import { seedSituation } from '../src/lib/server/db/featureRepository';
import { loadSituationFromDir } from '../src/lib/server/geodata/loadSituationFromDir';
import { startBuiltServer } from '../tests/helpers/builtServer';

const SCALE = Number(process.env.BENCH_MAP_SCALE ?? 1);
const TARGET_BYTES = 1_000_000;
const TARGET_MS = 300;
const log = (line: string) => console.log(line);
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const kb = (b: number) => `${n(b / 1024)} KiB`;

const options: GenerateOptions = sudanScaled(SCALE, 4);

log(
  `Corridor map bench: ${cpus()[0]?.model ?? 'CPU'} (${availableParallelism()} cores), Node ${process.version}`,
);
log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// The generated scenario as a scenario folder: the server validates and seeds it as it would `geodata/`.
const generated = generateSituationInput(options);
const geodata = scenarioFolder(generated, 'map-bench');
const count = Object.values(generated.input.layers).reduce(
  (s, c) => s + (c.json as { features: unknown[] }).features.length,
  0,
);
const scenario = generated.input.scenario.json as { defaultAsOf: string; timeRange: { from: string } };
// At once a far date the walk of the range reaches last (`verdictsWarmUp.ts`); then, from the first date
// again, the next day (the date slider's arrow-key step), a far date no step from any date shown reaches, and
// back to the next day.
const nextDay = new Date(Date.parse(`${scenario.defaultAsOf}T00:00:00Z`) + 86_400_000)
  .toISOString()
  .slice(0, 10);
const dates = {
  first: scenario.defaultAsOf,
  cold: '2025-02-01',
  near: nextDay,
  far: '2024-06-01',
  back: nextDay,
};
log(
  `${n(count)} generated features (scale ${SCALE}); dates ${dates.first} → ${dates.cold} (at once) → ` +
    `${dates.first} → ${dates.near} (next day) → ${dates.far} (far) → ${dates.back} (back)`,
);

let started = Date.now();
// Seeded before the server starts (as `corridor import` would), so its start only validates the scenario.
const server = await startBuiltServer(
  async (db) => {
    await seedSituation(db, loadSituationFromDir(geodata));
  },
  // Nothing analysed before the first reader, as in the rounds before the warm-up at start: the first view and
  // the far date "the walk has not reached" keep their meaning (the whole map is measured first, long enough
  // for a walk begun at start to reach every date). `npm run bench:startup` measures the warm-up at start.
  { GEODATA_DIR: geodata, MAP_WARM_AT_START: 'off' },
  900_000,
);
log(`server started and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

const CLOCK_TICK_MS = 10; // USER_HZ = 100 on Linux
/** The server's peak resident memory so far (VmHWM), MB. */
function serverPeakRssMb(): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : NaN;
}

/** The server's CPU time so far (user + system), in ms, from /proc. */
function serverCpuMs(): number {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

/**
 * Waits, as a reader looking at the map would, until the server is quiet (under 20 ms of CPU in half a
 * second, and at least 3 s): whatever it does after an answer (the warm-up of the next dates and the walk
 * of the range, for the tiled map) is done. Meanwhile another reader asks for `/map/meta.json` every 200 ms:
 * how long those answers take shows whether that background work delays readers. Returns the wait, the
 * server's CPU in it, and the probes' times.
 */
async function serverQuiet(): Promise<Quiet> {
  const t0 = Date.now();
  const c0 = serverCpuMs();
  let last = c0;
  let lastAt = t0;
  const probes: number[] = [];
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const p0 = performance.now();
      await (await fetch(`${server.base}/map/meta.json`)).arrayBuffer();
      probes.push(performance.now() - p0);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = serverCpuMs();
    const quiet = now - last < 20 && Date.now() - t0 >= 3000;
    if (quiet || Date.now() - t0 > 600_000) {
      probing = false;
      await prober;
      return { ms: lastAt - t0, cpuMs: last - c0, probes };
    }
    if (now - last >= 20) lastAt = Date.now();
    last = now;
  }
}

interface Quiet {
  /** Until the server's CPU last moved (more than 20 ms in half a second), from the wait's start. */
  ms: number;
  cpuMs: number;
  /** Times of the other reader's requests during the wait, ms. */
  probes: number[];
}

interface Run {
  /** Bytes of the first view by kind of response (`kindOf`), largest first. */
  byKind: [string, number][];
  firstViewBytes: number;
  /** Of those, the bytes the service worker fetched for the page (`meter`). */
  workerBytes: number;
  dataBytes: number;
  firstViewMs: number;
  /** The map's zoom on its first view (the tiles' zoom is its integer part: 512-pixel tiles). */
  firstViewZoom: number;
  /**
   * The date changes: at once to a far date, then to the next day, to a far date, back to the next day; and
   * the next day again from the first date, the page at rest (`rest`).
   */
  changes: Record<'cold' | 'near' | 'far' | 'back' | 'rest', Change>;
  /** How long the page took to be at rest on the first date before `rest` (`pageAtRest`). */
  restMs: number;
  /** The waits for a quiet server before the changes, and its CPU in them. */
  quiet: Quiet[];
}

interface Change {
  ms: number;
  /** Tiled map: when applying the verdicts (feature state) started and ended, from setting the date. */
  appliedMs?: { start: number; end: number };
  /** Until the verdicts had arrived (tiled map only). */
  answerMs?: number;
  /** Tiled map: when the panels and the list showed the date's verdicts. */
  panelsMs?: number;
  /** The server's CPU from setting the date to the map drawn. */
  serverCpuMs: number;
}

/** What a response is, to list what the first view downloads: the tiles by layer, the verdicts, the app… */
function kindOf(path: string): string {
  const tile = /^\/tiles\/([a-z]+)\/(\d+)\//.exec(path);
  if (tile) return `tiles of ${tile[1]} (z${tile[2]})`;
  if (path.startsWith('/map/')) return path.split('?')[0];
  if (path.startsWith('/api/trpc/')) return 'tRPC';
  if (/\.(woff2?|pbf)$/.test(path)) return 'fonts';
  if (path.startsWith('/_app/')) return `app ${path.split('.').pop()}`;
  return 'other (page, basemap…)';
}

/**
 * Bytes on the wire (headers and encoded bodies) of every response the page and its service worker received so far.
 * Once the app's service worker (src/service-worker.ts) controls the page, which it may do before the first view's
 * tiles are asked, the page's requests are answered by the worker, with no bytes on the wire of their own: the
 * worker's requests to the network carry them. So the context's requests are counted, but not a response the
 * worker gave the page (counted as the worker's).
 */
function meter(context: BrowserContext) {
  let total = 0;
  let data = 0;
  let byWorker = 0;
  const byKind = new Map<string, number>();
  const add = (path: string, b: number) => {
    total += b;
    if (/\/(tiles|map|api\/trpc)\//.test(path)) data += b;
    const kind = kindOf(path);
    byKind.set(kind, (byKind.get(kind) ?? 0) + b);
  };
  // Answers the browser reported with no body bytes though they had a body: MapLibre's worker script, loaded by
  // the map's own worker while no service worker controls the page (about 121 KiB left out of a run's first view).
  const bodiless = new Set<string>();
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (r) => {
    pending.push(
      (async () => {
        const response = await r.response();
        if (response?.fromServiceWorker()) return;
        const s = await r.sizes();
        const b = s.responseBodySize + s.responseHeadersSize;
        add(new URL(r.url()).pathname, b);
        if (r.serviceWorker()) byWorker += b;
        else if (s.responseBodySize === 0 && response?.status() === 200) bodiless.add(r.url());
      })()
        // A request that finished as the page closed (after the first view was counted) has no sizes to read.
        .catch(() => {}),
    );
  });
  /** The totals so far; with `page`, the bodies of `bodiless` answers taken from the page's resource timing. */
  return async (page?: Page) => {
    await Promise.all(pending);
    const entries = !page
      ? []
      : await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => [e.name, (e as PerformanceResourceTiming).encodedBodySize] as const),
        );
    for (const [url, size] of entries) if (size > 0 && bodiless.delete(url)) add(new URL(url).pathname, size);
    return { total, data, byWorker, byKind: [...byKind].sort((a, b) => b[1] - a[1]) };
  };
}

async function waitDrawn(page: Page, date: string) {
  await page
    .locator(`#analysis-status[data-analysis-state="done"][data-analysis-date="${date}"]`)
    .waitFor({ state: 'attached', timeout: 900_000 });
  await page
    .locator(`#map[data-map-state="idle"][data-map-date="${date}"]`)
    .waitFor({ state: 'attached', timeout: 900_000 });
}

/**
 * Waits until the page draws its frames on time again: ten animation frames in a row, each within 50 ms of the
 * last, and at least a second. Right after a date is drawn the browser may still be busy with the map's last
 * frames (in this bench its WebGL is drawn in software, on the cores the server and the page share); then a
 * date change started at once waits for them, though no script of the page runs meanwhile. Returns the wait,
 * ms. A string, so that nothing the bench's compiler adds to named functions reaches the page.
 */
async function pageAtRest(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    let last = t0;
    let onTime = 0;
    const step = (t) => {
      onTime = t - last < 50 ? onTime + 1 : 0;
      last = t;
      if (onTime >= 10 && t - t0 >= 1000) resolve(t - t0);
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })`);
}

/** From setting the date field to the map idle on that date with its verdicts, measured in the page. */
async function changeDate(page: Page, date: string, tiled: boolean): Promise<Change> {
  const c0 = serverCpuMs();
  const t0 = await page.evaluate((date) => {
    const input = document.querySelector<HTMLInputElement>('#as-of')!;
    const t = performance.now();
    input.value = date;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return t;
  }, date);
  await waitDrawn(page, date);
  // The first idle on the new date, as the page recorded it, not when Playwright noticed it.
  // The tiled map fills its panels after the map's frame (src/lib/state/mapPage.svelte.ts).
  const panels = !tiled
    ? undefined
    : await page
        .waitForFunction((date) => window.__corridorPanels?.date === date, date, { timeout: 10_000 })
        .then(() => page.evaluate(() => window.__corridorPanels?.ms))
        .catch(() => undefined);
  const { drawn, applied } = await page.evaluate(() => ({
    drawn: window.__corridorMap?.drawn,
    applied: window.__corridorMap?.applied,
  }));
  if (drawn?.date !== date) throw new Error(`the map reports ${drawn?.date} drawn, not ${date}`);
  // Where the time went: until the date's answer had arrived (the tiled map's verdicts; none on the whole
  // map, which analyses in the page), and from there to the map drawn.
  const answered = await page.evaluate(
    (date) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(`/map/verdicts.json?date=${date}`))
        .map((e) => (e as PerformanceResourceTiming).responseEnd)
        .pop(),
    date,
  );
  return {
    ms: drawn.ms - t0,
    answerMs: answered === undefined ? undefined : answered - t0,
    appliedMs: applied?.date === date ? { start: applied.startMs - t0, end: applied.endMs - t0 } : undefined,
    panelsMs: panels === undefined ? undefined : panels - t0,
    serverCpuMs: serverCpuMs() - c0,
  };
}

async function measure(mode: 'whole' | 'tiles'): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const bytes = meter(context);
  started = Date.now();
  await page.goto(`${server.base}/?data=${mode}&date=${dates.first}`);
  await waitDrawn(page, dates.first);
  const firstViewMs = Date.now() - started;
  const first = await bytes(page);
  const firstViewZoom = await page.evaluate(() => window.__corridorMap?.map.getZoom() ?? NaN);
  const cold = await changeDate(page, dates.cold, mode === 'tiles');
  const quiet = [await serverQuiet()];
  // Back to the first date (answered before, not timed), so that the next day is a day's step from the date
  // shown, as the slider's arrow key makes it.
  await changeDate(page, dates.first, mode === 'tiles');
  const near = await changeDate(page, dates.near, mode === 'tiles');
  quiet.push(await serverQuiet());
  const far = await changeDate(page, dates.far, mode === 'tiles');
  quiet.push(await serverQuiet());
  const back = await changeDate(page, dates.back, mode === 'tiles');
  // The next day again, from the first date, but once the page is at rest after going there, as for a reader
  // who looked at the map before pressing the arrow key: the step above starts as soon as the first date is
  // drawn.
  quiet.push(await serverQuiet());
  await changeDate(page, dates.first, mode === 'tiles');
  const restMs = await pageAtRest(page);
  const rest = await changeDate(page, dates.near, mode === 'tiles');
  await context.close();
  return {
    byKind: first.byKind,
    firstViewBytes: first.total,
    workerBytes: first.byWorker,
    dataBytes: first.data,
    firstViewMs,
    firstViewZoom,
    changes: { cold, near, far, back, rest },
    restMs,
    quiet,
  };
}

try {
  log('\nwhole situation (baseline)…');
  const whole = await measure('whole');
  const peakAfterWhole = serverPeakRssMb();
  log('tiled map…');
  const tiled = await measure('tiles');
  const ok = (met: boolean) => (met ? '✓' : '✗');
  log(`\n| measure | whole situation (baseline) | tiled map | ratio | target | met? |`);
  log('| --- | ---: | ---: | ---: | ---: | :---: |');
  log(
    `| first view, bytes transferred | ${kb(whole.firstViewBytes)} | ${kb(tiled.firstViewBytes)} | ` +
      `${(whole.firstViewBytes / tiled.firstViewBytes).toFixed(1)}× less | ≤ ${kb(TARGET_BYTES)} | ${ok(tiled.firstViewBytes <= TARGET_BYTES)} |`,
  );
  log(
    `| of which map data (situation, or tiles + verdicts) | ${kb(whole.dataBytes)} | ${kb(tiled.dataBytes)} | ` +
      `${(whole.dataBytes / tiled.dataBytes).toFixed(1)}× less | | |`,
  );
  log(
    `| first view drawn, from navigation | ${n(whole.firstViewMs)} ms | ${n(tiled.firstViewMs)} ms | ${(whole.firstViewMs / tiled.firstViewMs).toFixed(1)}× | | |`,
  );
  const rows: [keyof Run['changes'], string][] = [
    ['cold', `date change at once to a far date (${dates.cold}; the server's walk has not reached it)`],
    ['near', `date change to the next day (${dates.near}; at once after the first date was drawn)`],
    ['far', `date change to a far date (${dates.far}; after the server was quiet: walked)`],
    ['back', `date change back to the next day (analysed)`],
    ['rest', `date change to the next day again, from the first date, the page at rest`],
  ];
  for (const [k, what] of rows) {
    const w = whole.changes[k].ms;
    const t = tiled.changes[k].ms;
    log(
      `| ${what} | ${n(w)} ms | ${n(t)} ms | ${(w / t).toFixed(1)}× | ≤ ${TARGET_MS} ms | ${ok(t <= TARGET_MS)} |`,
    );
  }
  const ms = (x?: number) => (x === undefined ? '–' : `${n(x)} ms`);
  for (const [k, what] of rows)
    log(
      `tiled map, ${what}: verdicts arrived after ${ms(tiled.changes[k].answerMs)}, applied as feature ` +
        `state from ${ms(tiled.changes[k].appliedMs?.start)} to ${ms(tiled.changes[k].appliedMs?.end)}, map ` +
        `idle at ${ms(tiled.changes[k].ms)}, panels filled at ${ms(tiled.changes[k].panelsMs)}; server CPU ` +
        `${ms(tiled.changes[k].serverCpuMs)}`,
    );
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;
  const waits = (r: Run) =>
    r.quiet
      .map(
        (q) =>
          `busy ${n(q.ms)} ms (server CPU ${n(q.cpuMs)} ms; ${q.probes.length} reads of the meta meanwhile, ` +
          `p50 ${n(pct(q.probes, 0.5))} ms, max ${n(Math.max(...q.probes))} ms)`,
      )
      .join('; ');
  log(
    `before the last change, the page came to rest on the first date in ${n(whole.restMs)} ms (whole map), ` +
      `${n(tiled.restMs)} ms (tiled map)`,
  );
  log(`before each change after the first, the server after the last answer: whole map ${waits(whole)}`);
  log(`tiled map ${waits(tiled)}`);
  log(
    `the server's peak RSS: ${n(peakAfterWhole)} MB after the whole map, ${n(serverPeakRssMb())} MB after ` +
      `the tiled map and its walk of the range`,
  );
  log(`tiled first view at zoom ${tiled.firstViewZoom.toFixed(2)} (1280 × 800 window)`);
  log(`tiled first view by kind: ${tiled.byKind.map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`);
  log(
    `first view, fetched by the service worker for the page: ${kb(whole.workerBytes)} (whole), ` +
      `${kb(tiled.workerBytes)} (tiled)`,
  );
  log(
    `load average at end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(geodata, { recursive: true, force: true });
}
