// The import worker's logic without a worker: a file read in chunks with its progress, the text handed to
// the parser whole (multi-byte characters split across chunks intact), the parser's progress, errors per
// phase, and the text kept for a second parse of the same file. The parser is a small fake written here.
import { describe, expect, it } from 'vitest';
import { createImportHandler, progressReporter, type ParseFn } from '$lib/import-worker/importHandler';
import type { ImportWorkerRequest, ImportWorkerResponse } from '$lib/import-worker/protocol';
import { readText, TextEncodingError } from '$lib/import-worker/readText';
import type { ImportPreview } from '$lib/import/types';

/** A parser that counts lines and reports its progress in quarters. */
const fakeParse: ParseFn = (text, options) => {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (const f of [0.25, 0.5, 0.75, 1]) options.onProgress?.(f);
  return {
    layer: options.layer,
    format: 'csv',
    file: options.fileName,
    features: [],
    problems: [],
    counts: { read: lines.length, valid: lines.length, rejected: 0, warnings: 0 },
    mapping: options.mapping,
  } satisfies ImportPreview;
};

/** A file whose bytes arrive in chunks of `chunk` bytes, as a large file's do. */
function chunkedFile(text: string, chunk: number, name = 'sites.csv'): File {
  const bytes = new TextEncoder().encode(text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.slice(i, i + chunk));
  const file = new File([bytes], name, { type: 'text/csv', lastModified: 1 });
  // Blob.stream() in Node hands out the whole blob at once for small ones: feed it chunk by chunk instead.
  Object.defineProperty(file, 'stream', {
    value: () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const p of parts) c.enqueue(p);
          c.close();
        },
      }),
  });
  return file;
}

type ParseRequest = Extract<ImportWorkerRequest, { type: 'parse' }>;

function request(file: Blob, id = 1, mapping?: ParseRequest['options']['mapping']): ParseRequest {
  return {
    type: 'parse',
    id,
    file,
    encoding: 'utf-8',
    options: {
      fileName: (file as File).name,
      layer: 'sites',
      format: 'auto',
      ...(mapping ? { mapping } : {}),
    },
  };
}

async function run(handle: ReturnType<typeof createImportHandler>, r: ImportWorkerRequest) {
  const posted: ImportWorkerResponse[] = [];
  await handle(r, (m) => posted.push(m));
  return posted;
}

describe('readText', () => {
  it('decodes Arabic text whose characters are split across chunks, and reports the bytes read', async () => {
    const text = 'name,nameAr\nZamzam,معسكر زمزم\nAbu Shouk,أبو شوك\n';
    const seen: number[] = [];
    const out = await readText(chunkedFile(text, 3), 'utf-8', (b) => seen.push(b));
    expect(out).toBe(text);
    expect(seen.at(-1)).toBe(new TextEncoder().encode(text).byteLength);
    expect(seen.length).toBeGreaterThan(10);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('drops a byte-order mark (Excel writes one) so the first header is not "\\uFEFFname"', async () => {
    const out = await readText(chunkedFile('\uFEFFname,lat\n', 2), 'utf-8', () => {});
    expect(out).toBe('name,lat\n');
  });

  it('refuses bytes that are not UTF-8 with a message that names the encodings to try', async () => {
    // Three Arabic letters as windows-1256 bytes (what an older Excel writes on an Arabic system).
    const file = new File([new Uint8Array([0xe4, 0xd5, 0xe3, 0x2c, 0x31, 0x0a])], 'old.csv');
    const err = await readText(file, 'utf-8', () => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TextEncodingError);
    expect((err as Error).message).toMatch(/not valid UTF-8.*windows-1256/);
    expect(await readText(file, 'windows-1256', () => {})).toBe('نصم,1\n');
  });
});

describe('progressReporter', () => {
  it('posts the start, steps of at least 1 %, and the end; never goes backwards', () => {
    const posted: number[] = [];
    const report = progressReporter((f) => posted.push(f));
    for (let i = 0; i <= 1000; i++) report(i / 1000);
    report(0.5);
    report(1);
    expect(posted[0]).toBe(0);
    expect(posted.at(-1)).toBe(1);
    expect(posted.length).toBeLessThanOrEqual(102);
    expect(posted.length).toBeGreaterThan(90);
    expect([...posted].sort((a, b) => a - b)).toEqual(posted);
  });

  it('clamps nonsense fractions into 0–1', () => {
    const posted: number[] = [];
    const report = progressReporter((f) => posted.push(f));
    report(Number.NaN);
    report(7);
    expect(posted).toEqual([0, 1]);
  });
});

describe('createImportHandler', () => {
  const rows = ['name,lat,lon', ...Array.from({ length: 400 }, (_, i) => `site ${i},13.${i},25.${i}`)].join(
    '\n',
  );

  it('reports reading then parsing, each from 0 to 1, then posts the preview of the whole text', async () => {
    const handle = createImportHandler(fakeParse);
    const posted = await run(handle, request(chunkedFile(rows, 256), 7));
    const progress = posted.filter((m) => m.type === 'progress');
    const reading = progress.filter((m) => m.phase === 'reading').map((m) => m.fraction);
    const parsing = progress.filter((m) => m.phase === 'parsing').map((m) => m.fraction);
    expect(reading[0]).toBe(0);
    expect(reading.at(-1)).toBe(1);
    expect(reading.length).toBeGreaterThan(5); // the bar moves while the file is read, not only at the end
    expect(parsing).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // Every reading message comes before the first parsing one.
    const lastRead = posted.findLastIndex((m) => m.type === 'progress' && m.phase === 'reading');
    const firstParse = posted.findIndex((m) => m.type === 'progress' && m.phase === 'parsing');
    expect(lastRead).toBeLessThan(firstParse);
    const last = posted.at(-1)!;
    expect(last.type).toBe('preview');
    if (last.type !== 'preview') return;
    expect(last.id).toBe(7);
    expect(last.preview.counts.read).toBe(401);
    expect(posted.every((m) => m.id === 7)).toBe(true);
  });

  it('parses the same file again from the text it kept, with the new mapping', async () => {
    const seen: string[] = [];
    const handle = createImportHandler((text, o) => {
      seen.push(text);
      return fakeParse(text, o);
    });
    const file = chunkedFile(rows, 1024);
    await run(handle, request(file, 1));
    let streams = 0;
    const again = new File([rows], file.name, { type: file.type, lastModified: file.lastModified });
    Object.defineProperty(again, 'stream', {
      value: () => {
        streams++;
        return file.stream();
      },
    });
    const posted = await run(handle, request(again, 2, { fields: { lat: 'lon', lon: 'lat' } }));
    expect(streams).toBe(0);
    expect(seen).toEqual([rows, rows]);
    const last = posted.at(-1)!;
    expect(last.type === 'preview' && last.preview.mapping).toEqual({ fields: { lat: 'lon', lon: 'lat' } });
  });

  it('keeps the features in the worker: the preview counts them, slices are handed out on request', async () => {
    const point = (i: number) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [25, 13] },
      properties: { id: `f${i}` },
    });
    const handle = createImportHandler((text, o) => ({
      ...fakeParse(text, o),
      features: Array.from({ length: 60 }, (_, i) => point(i)),
    }));
    const posted = await run(handle, request(chunkedFile(rows, 4096), 5));
    const last = posted.at(-1)!;
    expect(last.type).toBe('preview');
    if (last.type !== 'preview') return;
    expect(last.preview.featureCount).toBe(60);
    expect('features' in last.preview).toBe(false);

    const page = await run(handle, { type: 'features', id: 6, previewId: 5, from: 50, to: 75 });
    expect(page).toHaveLength(1);
    expect(page[0].type === 'features' && page[0].features.map((f) => f.properties?.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `f${50 + i}`),
    );
    // A request for another parse's features (one replaced since) is refused, not answered wrongly.
    const stale = await run(handle, { type: 'features', id: 7, previewId: 4, from: 0, to: 25 });
    expect(stale[0]).toMatchObject({ type: 'error', id: 7, phase: 'features' });

    // How to cut them into chunks to send, measured here: features of 93 bytes (f0–f9), at most 500 a chunk.
    expect(JSON.stringify(point(0)).length).toBe(93);
    const planned = await run(handle, { type: 'plan', id: 8, previewId: 5, maxBytes: 500 });
    expect(planned).toHaveLength(1);
    const plan = planned[0].type === 'plan' ? planned[0].plan : undefined;
    expect(plan?.chunks[0]).toEqual({ from: 0, to: 5, bytes: 2 + 5 * 93 + 4 });
    expect(plan?.chunks.at(-1)?.to).toBe(60);
    expect(plan?.totalBytes).toBe(plan?.chunks.reduce((n, c) => n + c.bytes, 0));
    // A feature too large for any chunk is named; so is a preview that is gone.
    const tooSmall = await run(handle, { type: 'plan', id: 9, previewId: 5, maxBytes: 90 });
    expect(tooSmall[0]).toMatchObject({
      type: 'error',
      id: 9,
      phase: 'features',
      message: expect.stringMatching(/^feature #0 \(id "f0"\) is 93 B as JSON, more than the 90 B/),
    });
    const gone = await run(handle, { type: 'plan', id: 10, previewId: 4, maxBytes: 500 });
    expect(gone[0]).toMatchObject({ type: 'error', id: 10, message: expect.stringContaining('gone') });
  });

  it('names the phase that failed: a file that cannot be decoded, a parser that throws', async () => {
    const handle = createImportHandler(() => {
      throw new Error('no header row found');
    });
    const notUtf8 = new File([new Uint8Array([0xff, 0xfe, 0x00, 0xd8])], 'x.csv');
    const a = (await run(handle, request(notUtf8, 1))).at(-1);
    expect(a).toMatchObject({ type: 'error', id: 1, phase: 'reading' });
    const b = (await run(handle, request(chunkedFile(rows, 4096), 2))).at(-1);
    expect(b).toEqual({ type: 'error', id: 2, phase: 'parsing', message: 'no header row found' });
  });
});
