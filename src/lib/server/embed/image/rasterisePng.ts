import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RASTERISE_WORKER_SCRIPT } from './rasteriseWorkerScript';

// PNG from the still image's SVG, rasterised by resvg (compiled to WebAssembly, so nothing is built or
// downloaded at install or at run time). Its fonts are the app's own TrueType files (`fonts/`, the sources of
// the WOFF2 files the browser gets), so Latin and Arabic names render without any system font.
//
// A large image takes resvg 1–1.5 s of CPU. On the server's one thread that would hold every other request
// (the map's data, sign-ins, the planner) for as long, so the rendering runs on one worker thread, started with
// the first image and kept: images are drawn one after the other there while the server goes on answering.

const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansArabic-Regular.ttf'];
/** Where the fonts are: the app's folder, as for `geodata/` and `drizzle/` (the server runs from there). */
const FONTS_DIR = 'fonts';

type Pending = { resolve: (png: Uint8Array<ArrayBuffer>) => void; reject: (error: Error) => void };
type Answer = { id: number; png?: Uint8Array<ArrayBuffer>; error?: string };

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

/** The worker, started on first use. resvg and its .wasm are resolved from this module, as the server resolves its other dependencies. */
function rasteriser(): Worker {
  if (worker) return worker;
  const require = createRequire(import.meta.url);
  const started = new Worker(RASTERISE_WORKER_SCRIPT, {
    eval: true,
    workerData: {
      resvgModule: require.resolve('@resvg/resvg-wasm'),
      wasmFile: require.resolve('@resvg/resvg-wasm/index_bg.wasm'),
      fontFiles: FONT_FILES.map((f) => resolve(FONTS_DIR, f)),
    },
  });
  started.on('message', ({ id, png, error }: Answer) => {
    const job = pending.get(id);
    pending.delete(id);
    if (error !== undefined || !png) job?.reject(new Error(`PNG rendering failed: ${error ?? 'no image'}`));
    else job?.resolve(png);
    idleCheck(started);
  });
  // A worker that dies (a file missing at start, out of memory) fails what it held; the next image starts a new one.
  const fail = (reason: string) => {
    if (worker === started) worker = undefined;
    for (const job of pending.values()) job.reject(new Error(`PNG rendering failed: ${reason}`));
    pending.clear();
  };
  started.on('error', (e) => fail(e.message));
  started.on('exit', (code) => fail(`the renderer stopped (exit code ${code})`));
  worker = started;
  return started;
}

/** An idle worker must not keep a process alive (a command, a test run); one at work must. */
function idleCheck(w: Worker): void {
  if (pending.size === 0) w.unref();
  else w.ref();
}

/** The PNG of an SVG document, at the SVG's own size, drawn on the worker thread. */
export function rasterisePng(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const w = rasteriser();
  const id = nextId++;
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) =>
    pending.set(id, { resolve, reject }),
  );
  idleCheck(w);
  w.postMessage({ id, svg });
  return done;
}
