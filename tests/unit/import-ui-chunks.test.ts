// An import sent in parts from the /data page: the features cut into chunks under the size the server takes
// in one request (UTF-8 bytes of JSON, a feature too large named), each chunk fetched from the worker and
// sent in order with the progress of all of them, a failed chunk sent once more, then finish; Cancel or a
// refusal aborts what the server staged. The worker and the server are small fakes written here.
import { TRPCClientError } from '@trpc/client';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  commitInChunks,
  ENVELOPE_BYTES,
  RequestTooLargeError,
  worthRetrying,
} from '$lib/editing/import/chunkedCommit';
import type { ImportApi, ImportParser } from '$lib/editing/import/importScreen.svelte';
import { FeatureTooLargeError, planChunks } from '$lib/import-worker/chunks';
import { utf8Length } from '$lib/import/bytes';
import { ImportCancelledError } from '$lib/import-worker/ImportClient';
import type { PreviewSummary } from '$lib/import-worker/protocol';
import { chunkBytesFor } from '$lib/server/import/importStaging';

const point = (id: string, name = id): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [25.3, 13.4] },
  properties: { id, name },
});
const many = (n: number) => Array.from({ length: n }, (_, i) => point(`p${i}`, `Site ${i}`));

const preview = (featureCount: number): PreviewSummary => ({
  layer: 'sites',
  format: 'csv',
  file: 'sites.csv',
  featureCount,
  problems: [],
  counts: { read: featureCount, valid: featureCount, rejected: 0, warnings: 0 },
  sourceKey: 'hdr:x',
  mapping: { fields: { lat: 'Lat' } },
});

/** The worker: keeps the features of preview 7, plans with the real planner, hands out slices. */
function fakeParser(features: Feature[]) {
  const sliced: [number, number][] = [];
  const parser: Pick<ImportParser, 'plan' | 'features'> = {
    plan: async (previewId, maxBytes) => {
      if (previewId !== 7) throw new Error('this preview is gone');
      return planChunks(features, maxBytes);
    },
    features: async (_previewId, from, to) => {
      sliced.push([from, to]);
      return features.slice(from, to);
    },
  };
  return { parser, sliced };
}

const refusal = (httpStatus: number, message: string) =>
  TRPCClientError.from({
    error: { code: -32600, message, data: { httpStatus, code: 'BAD_REQUEST' } },
  } as never);

/** The server: records every call; `failures` says which attempts of which chunk throw what. */
function fakeServer(maxChunkBytes: number, failures: Record<string, unknown> = {}) {
  const log: string[] = [];
  const received = new Map<number, Feature[]>();
  const attempts = new Map<number, number>();
  const api: Pick<ImportApi, 'begin' | 'append' | 'finish' | 'abort'> = {
    begin: async (p, count) => {
      log.push(`begin ${p.file} ${count}`);
      return { importId: 'imp-1', maxChunkBytes };
    },
    append: async (importId, seq, features, onupload, signal) => {
      const attempt = (attempts.get(seq) ?? 0) + 1;
      attempts.set(seq, attempt);
      log.push(`append ${seq}`);
      onupload(0.5);
      const failure = failures[`${seq}.${attempt}`];
      if (failure === 'cancel') {
        // The user presses Cancel while this chunk is on its way: the request is aborted.
        (signal as AbortSignal & { cancel: () => void }).cancel();
        throw new DOMException('the request was aborted', 'AbortError');
      }
      if (failure) throw failure;
      onupload(1);
      received.set(seq, features);
    },
    finish: async () => {
      log.push('finish');
      const all = [...received.keys()].sort((a, b) => a - b).flatMap((k) => received.get(k)!);
      return { created: all.length, updated: 0, unchanged: 0 };
    },
    abort: async (importId) => {
      log.push(`abort ${importId}`);
    },
  };
  return { api, log, received };
}

describe('cutting the features into chunks', () => {
  it('counts UTF-8 bytes: Arabic takes two, most other scripts three, emoji four', () => {
    for (const text of ['Zamzam', 'معسكر زمزم', 'ü€', '🚚 convoy', ''])
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('keeps each chunk under the limit, in order, every feature once, with its exact size', () => {
    const features = [...many(500), point('ar_1', 'معسكر زمزم'.repeat(20))];
    const { chunks, totalBytes } = planChunks(features, 4_000);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[0].from).toBe(0);
    expect(chunks.at(-1)!.to).toBe(features.length);
    for (const [i, c] of chunks.entries()) {
      if (i > 0) expect(c.from).toBe(chunks[i - 1].to);
      const bytes = new TextEncoder().encode(JSON.stringify(features.slice(c.from, c.to))).length;
      expect(c.bytes).toBe(bytes);
      expect(bytes).toBeLessThanOrEqual(4_000);
    }
    expect(totalBytes).toBe(chunks.reduce((n, c) => n + c.bytes, 0));
    expect(planChunks([], 4_000)).toEqual({ chunks: [], totalBytes: 0 });
  });

  it('names a feature too large to be sent in any chunk, by index and id', () => {
    const features = [...many(3), point('huge_area', 'x'.repeat(5_000))];
    const e = (() => {
      try {
        planChunks(features, 4_000);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(FeatureTooLargeError);
    expect(e).toMatchObject({
      index: 3,
      id: 'huge_area',
      message: expect.stringMatching(
        /^feature #3 \(id "huge_area"\) is 5 kB as JSON, more than the 4 kB the server takes in one request: simplify its geometry/,
      ),
    });
  });

  it('the server announces 400 kB, or less when its request size limit is lower', () => {
    expect(chunkBytesFor(undefined)).toBe(400_000);
    expect(chunkBytesFor('512K')).toBe(400_000);
    expect(chunkBytesFor('10M')).toBe(400_000);
    expect(chunkBytesFor('Infinity')).toBe(400_000);
    expect(chunkBytesFor('256K')).toBe(209_715);
    expect(chunkBytesFor('100000')).toBe(80_000);
    expect(chunkBytesFor('nonsense')).toBe(400_000);
  });
});

describe('sending an import in parts', () => {
  it('sends every chunk in order, fetched from the worker one at a time, with the progress of all, then finishes', async () => {
    const features = many(1_000);
    const { parser, sliced } = fakeParser(features);
    const { api, log, received } = fakeServer(10_000);
    const progress: { fraction: number; part: number; parts: number }[] = [];
    let writingAt = -1;
    const summary = await commitInChunks(preview(1_000), 7, parser, api, {
      onprogress: (p) => progress.push(p),
      onwriting: () => (writingAt = log.length),
    });
    const plan = planChunks(features, 10_000 - ENVELOPE_BYTES);
    expect(plan.chunks.length).toBeGreaterThan(5);
    expect(summary).toEqual({ created: 1_000, updated: 0, unchanged: 0 });
    expect(log).toEqual(['begin sites.csv 1000', ...plan.chunks.map((_, seq) => `append ${seq}`), 'finish']);
    expect(writingAt).toBe(log.length - 1); // told just before finish
    // Each chunk asked of the worker on its own: the page never holds them all.
    expect(sliced).toEqual(plan.chunks.map((c) => [c.from, c.to]));
    expect([...received.values()].flat()).toEqual(features);
    // One bar for all the chunks, never going back, reaching 1; the part being sent of how many.
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    const half = (plan.chunks[0].bytes * 0.5) / plan.totalBytes;
    expect(fractions).toContain(half);
    expect(progress.at(-1)).toMatchObject({ part: plan.chunks.length, parts: plan.chunks.length });
    expect(new Set(progress.map((p) => p.part)).size).toBe(plan.chunks.length);
  });

  it('sends a chunk that did not get through once more; a second failure aborts the import', async () => {
    const { parser } = fakeParser(many(300));
    const lost = new TypeError('the request did not reach the server');
    const once = fakeServer(5_000, { '1.1': lost });
    expect(await commitInChunks(preview(300), 7, parser, once.api, { onprogress: () => {} })).toMatchObject({
      created: 300,
    });
    expect(once.log.slice(0, 4)).toEqual(['begin sites.csv 300', 'append 0', 'append 1', 'append 1']);

    const twice = fakeServer(5_000, { '1.1': lost, '1.2': refusal(502, 'Bad Gateway') });
    await expect(
      commitInChunks(preview(300), 7, parser, twice.api, { onprogress: () => {} }),
    ).rejects.toMatchObject({ message: 'Bad Gateway' });
    expect(twice.log).toEqual(['begin sites.csv 300', 'append 0', 'append 1', 'append 1', 'abort imp-1']);
  });

  it('does not send again a chunk the server refused, and aborts', async () => {
    const { parser } = fakeParser(many(300));
    const refused = refusal(400, 'chunk 1 arrived before chunk 0');
    const server = fakeServer(5_000, { '1.1': refused });
    await expect(commitInChunks(preview(300), 7, parser, server.api, { onprogress: () => {} })).rejects.toBe(
      refused,
    );
    expect(server.log).toEqual(['begin sites.csv 300', 'append 0', 'append 1', 'abort imp-1']);
  });

  it('a feature too large for a request is named before any is sent, and the import aborted', async () => {
    const { parser } = fakeParser([...many(5), point('huge', 'x'.repeat(20_000))]);
    const server = fakeServer(10_000);
    await expect(commitInChunks(preview(6), 7, parser, server.api, { onprogress: () => {} })).rejects.toThrow(
      /^feature #5 \(id "huge"\) is 20 kB as JSON/,
    );
    expect(server.log).toEqual(['begin sites.csv 6', 'abort imp-1']);
  });

  it('Cancel while a chunk is sent stops there: the import is aborted, never finished', async () => {
    const { parser } = fakeParser(many(300));
    const server = fakeServer(5_000, { '2.1': 'cancel' });
    const controller = new AbortController();
    const signal = Object.assign(controller.signal, { cancel: () => controller.abort() });
    await expect(
      commitInChunks(preview(300), 7, parser, server.api, { onprogress: () => {}, signal }),
    ).rejects.toBeInstanceOf(ImportCancelledError);
    expect(server.log).toEqual(['begin sites.csv 300', 'append 0', 'append 1', 'append 2', 'abort imp-1']);
  });

  it('retries what may not have arrived, never what was refused or cancelled', () => {
    expect(worthRetrying(new TypeError('Failed to fetch'))).toBe(true);
    expect(worthRetrying(TRPCClientError.from(new TypeError('Failed to fetch')))).toBe(true);
    expect(worthRetrying(refusal(503, 'Service Unavailable'))).toBe(true);
    expect(worthRetrying(refusal(400, 'bad'))).toBe(false);
    expect(worthRetrying(refusal(404, 'gone'))).toBe(false);
    expect(worthRetrying(refusal(413, 'the server holds at most'))).toBe(false);
    expect(worthRetrying(TRPCClientError.from(new RequestTooLargeError('413')))).toBe(false);
    expect(worthRetrying(TRPCClientError.from(new DOMException('aborted', 'AbortError')))).toBe(false);
    expect(worthRetrying(new Error('something else'))).toBe(false);
  });
});
