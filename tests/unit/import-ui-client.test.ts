// The import worker's client: one parse at a time, progress passed on, Cancel terminating the worker (a
// running parser cannot be stopped otherwise) and the next parse on a fresh one, stale answers dropped.
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  ImportCancelledError,
  ImportClient,
  ImportWorkerError,
  type ImportWorkerLike,
} from '$lib/import-worker/ImportClient';
import type { ImportWorkerRequest, ImportWorkerResponse } from '$lib/import-worker/protocol';
import type { PreviewSummary } from '$lib/import-worker/protocol';

class FakeWorker implements ImportWorkerLike {
  onmessage: ImportWorkerLike['onmessage'] = null;
  onerror: ImportWorkerLike['onerror'] = null;
  received: ImportWorkerRequest[] = [];
  terminated = false;
  postMessage(message: ImportWorkerRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: ImportWorkerResponse): void {
    this.onmessage?.({ data: message } as MessageEvent<ImportWorkerResponse>);
  }
}

const preview = (file: string): PreviewSummary => ({
  layer: 'incidents',
  format: 'acled',
  file,
  featureCount: 0,
  problems: [],
  counts: { read: 0, valid: 0, rejected: 0, warnings: 0 },
});

function setup() {
  const workers: FakeWorker[] = [];
  const client = new ImportClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const progress: string[] = [];
  const parse = (name: string) =>
    client.parse(new Blob(['x']), { fileName: name, layer: 'incidents' }, 'utf-8', (p, f) =>
      progress.push(`${p} ${f}`),
    );
  return { client, workers, progress, parse };
}

describe('ImportClient', () => {
  it('sends the file and options, passes progress on, and resolves with the preview', async () => {
    const { workers, progress, parse } = setup();
    const done = parse('events.csv');
    const w = workers[0];
    expect(w.received).toMatchObject([
      { type: 'parse', id: 1, encoding: 'utf-8', options: { fileName: 'events.csv' } },
    ]);
    w.answer({ type: 'progress', id: 1, phase: 'reading', fraction: 0.5 });
    w.answer({ type: 'progress', id: 1, phase: 'parsing', fraction: 1 });
    w.answer({ type: 'preview', id: 1, preview: preview('events.csv'), readMs: 3, parseMs: 9 });
    const r = await done;
    expect(r.preview.file).toBe('events.csv');
    expect(r.parseMs).toBe(9);
    expect(progress).toEqual(['reading 0.5', 'parsing 1']);
    expect(w.terminated).toBe(false); // kept for the next parse (it holds the text of the file)
  });

  it('starts the worker ahead of the first file when warmed, and only one', async () => {
    const { client, workers, parse } = setup();
    client.warm();
    client.warm();
    expect(workers).toHaveLength(1);
    const done = parse('events.csv');
    expect(workers).toHaveLength(1);
    workers[0].answer({ type: 'preview', id: 1, preview: preview('events.csv'), readMs: 0, parseMs: 1 });
    await done;
  });

  it('hands out slices of the features the worker keeps, until the worker is stopped', async () => {
    const { client, workers, parse } = setup();
    const done = parse('sites.csv');
    workers[0].answer({ type: 'preview', id: 1, preview: preview('sites.csv'), readMs: 1, parseMs: 1 });
    const { previewId } = await done;
    const page = client.features(previewId, 25, 50);
    expect(workers[0].received.at(-1)).toEqual({ type: 'features', id: 2, previewId: 1, from: 25, to: 50 });
    const f: Feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [25, 13] },
      properties: { id: 'x' },
    };
    workers[0].answer({ type: 'features', id: 2, features: [f] });
    expect(await page).toEqual([f]);

    const gone = client.features(previewId, 0, 25);
    workers[0].answer({ type: 'error', id: 3, phase: 'features', message: 'this preview is gone' });
    await expect(gone).rejects.toThrow('this preview is gone');

    const lost = client.features(previewId, 0, 25);
    client.destroy();
    await expect(lost).rejects.toBeInstanceOf(ImportCancelledError);
    await expect(client.features(previewId, 0, 25)).rejects.toThrow(/gone/);
  });

  it('asks the worker how to cut the features into chunks, and passes on why it cannot', async () => {
    const { client, workers, parse } = setup();
    const done = parse('areas.geojson');
    workers[0].answer({ type: 'preview', id: 1, preview: preview('areas.geojson'), readMs: 1, parseMs: 1 });
    const { previewId } = await done;
    const planned = client.plan(previewId, 399_744);
    expect(workers[0].received.at(-1)).toEqual({ type: 'plan', id: 2, previewId: 1, maxBytes: 399_744 });
    const plan = { chunks: [{ from: 0, to: 3, bytes: 900 }], totalBytes: 900 };
    workers[0].answer({ type: 'plan', id: 2, plan });
    expect(await planned).toEqual(plan);
    const refused = client.plan(previewId, 100);
    workers[0].answer({ type: 'error', id: 3, phase: 'features', message: 'feature #0 (id "a") is 1 kB' });
    await expect(refused).rejects.toMatchObject({
      name: 'ImportWorkerError',
      message: 'feature #0 (id "a") is 1 kB',
    });
  });

  it('Cancel terminates the worker, rejects as cancelled, and the next parse starts a new worker', async () => {
    const { client, workers, parse } = setup();
    const first = parse('big.geojson');
    expect(client.busy).toBe(true);
    expect(client.cancel()).toBe(true);
    await expect(first).rejects.toBeInstanceOf(ImportCancelledError);
    expect(workers[0].terminated).toBe(true);
    expect(client.busy).toBe(false);
    expect(client.cancel()).toBe(false);

    const second = parse('small.geojson');
    expect(workers).toHaveLength(2);
    workers[1].answer({ type: 'preview', id: 2, preview: preview('small.geojson'), readMs: 1, parseMs: 1 });
    expect((await second).preview.file).toBe('small.geojson');
  });

  it('a parse asked for while one runs replaces it; answers for the old one are never passed on', async () => {
    const { workers, progress, parse } = setup();
    const first = parse('a.csv');
    const second = parse('b.csv');
    await expect(first).rejects.toBeInstanceOf(ImportCancelledError);
    // A late message from the old worker (already in its queue) changes nothing.
    workers[0].onmessage?.({
      data: { type: 'progress', id: 1, phase: 'reading', fraction: 0.9 },
    } as MessageEvent);
    workers[1].answer({ type: 'progress', id: 1, phase: 'reading', fraction: 0.9 });
    workers[1].answer({ type: 'preview', id: 2, preview: preview('b.csv'), readMs: 1, parseMs: 1 });
    expect((await second).preview.file).toBe('b.csv');
    expect(progress).toEqual([]);
  });

  it('rejects with the phase of a failure, and with the message when the worker itself dies', async () => {
    const { workers, parse } = setup();
    const failed = parse('bad.csv');
    workers[0].answer({ type: 'error', id: 1, phase: 'reading', message: 'not valid UTF-8' });
    const e = await failed.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportWorkerError);
    expect(e).toMatchObject({ phase: 'reading', message: 'not valid UTF-8' });

    const crashed = parse('huge.geojson');
    workers[0].onerror?.({ message: 'Out of memory', preventDefault() {} } as ErrorEvent);
    await expect(crashed).rejects.toThrow('Out of memory');
    expect(workers[0].terminated).toBe(true);
    parse('again.geojson').catch(() => {});
    expect(workers).toHaveLength(2);
  });
});
