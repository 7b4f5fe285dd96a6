// The worker thread's program, as source text run with `eval`: the worker lives outside the server's bundle,
// so it cannot import a module of it. Everything it loads comes from paths the server resolved for it
// (`workerData`: resvg's CommonJS entry and .wasm, and the font files), as the server resolves its own.
//
// One message in, `{ id, svg }`; one message out, `{ id, png }` (the PNG's buffer transferred, not copied) or
// `{ id, error }`. A font or WebAssembly file that cannot be read ends the worker after answering, so the next
// image starts a new one and tries again rather than failing forever.
export const RASTERISE_WORKER_SCRIPT = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { initWasm, Resvg } = require(workerData.resvgModule);

// Started once: the WebAssembly module, then the fonts (both read from files the server resolved).
const started = (async () => {
  await initWasm(readFileSync(workerData.wasmFile));
  return workerData.fontFiles.map((f) => new Uint8Array(readFileSync(f)));
})();
started.catch(() => {}); // answered per message below

parentPort.on('message', async ({ id, svg }) => {
  let buffers;
  try {
    buffers = await started;
  } catch (e) {
    parentPort.postMessage({ id, error: 'the image renderer could not start: ' + (e && e.message ? e.message : e) });
    process.exit(1);
  }
  try {
    const resvg = new Resvg(svg, {
      font: { fontBuffers: buffers, loadSystemFonts: false, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
      // Labels are shaped and kerned as in the browser; shapes anti-aliased.
      textRendering: 1,
      shapeRendering: 2,
    });
    try {
      const image = resvg.render();
      const png = new Uint8Array(image.asPng());
      image.free();
      parentPort.postMessage({ id, png }, [png.buffer]);
    } finally {
      resvg.free();
    }
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? e.message : String(e) });
  }
});
`;
