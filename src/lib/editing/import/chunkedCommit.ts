// Sending an import in parts: the server takes a request of at most BODY_SIZE_LIMIT (512 kB by default), an
// import can be 100 MB. The features are cut into chunks in the worker that holds them, fetched and sent one
// chunk at a time (the page never holds more than one), then the server writes them all in one transaction.
// Pure orchestration over the parser and the API (fakes in unit tests).
import { TRPCClientError } from '@trpc/client';
import type { PreviewSummary } from '$lib/import-worker/protocol';
import { ImportCancelledError } from '$lib/import-worker/ImportClient';
import type { CommitSummary, ImportApi, ImportParser } from './importScreen.svelte';

/** Room left in each request for what wraps the features (`{"importId":"…","seq":12,"features":…}`). */
export const ENVELOPE_BYTES = 256;

export interface ChunkedCommitProgress {
  /** 0–1 of every chunk's bytes sent, never going back (a chunk sent again does not shrink it). */
  fraction: number;
  /** 1-based number of the chunk being sent, of `parts`. */
  part: number;
  parts: number;
}

export interface ChunkedCommitHandlers {
  onprogress: (progress: ChunkedCommitProgress) => void;
  /** Every chunk is sent and the server is asked to write them: from now on, Cancel can no longer stop it. */
  onwriting?: () => void;
  /** Cancels the upload (and drops what the server staged) until `onwriting`. */
  signal?: AbortSignal;
}

/**
 * Whether a chunk that failed is worth sending once more: yes when it may not have arrived (the connection,
 * or the server failing), no when the server refused it (4xx) or the user cancelled. A chunk sent again is
 * taken once by the server, so sending one that did arrive does no harm.
 */
export function worthRetrying(e: unknown): boolean {
  const cause = e instanceof TRPCClientError ? (e.cause as unknown) : e;
  if (cause instanceof DOMException && cause.name === 'AbortError') return false;
  if (cause instanceof RequestTooLargeError) return false;
  if (e instanceof TRPCClientError) {
    const status = (e.data as { httpStatus?: number } | undefined)?.httpStatus;
    return status === undefined || status >= 500;
  }
  return cause instanceof TypeError;
}

/** A request refused for its size before the server read it (a proxy's limit, or the server's). */
export class RequestTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestTooLargeError';
  }
}

/**
 * Writes the valid features of a preview held by the worker, all or nothing: begins a staging on the
 * server, sends the chunks in order (each retried once when it may not have arrived), then finishes it.
 * On Cancel or any failure before finish, the staging is aborted; nothing was written. Rejects with an
 * `ImportCancelledError` when cancelled.
 */
export async function commitInChunks(
  preview: PreviewSummary,
  previewId: number,
  parser: Pick<ImportParser, 'plan' | 'features'>,
  api: Pick<ImportApi, 'begin' | 'append' | 'finish' | 'abort'>,
  { onprogress, onwriting, signal }: ChunkedCommitHandlers,
): Promise<CommitSummary> {
  const cancelled = () => {
    if (signal?.aborted) throw new ImportCancelledError();
  };
  cancelled();
  const { importId, maxChunkBytes } = await api.begin(preview, preview.featureCount);
  try {
    cancelled();
    const { chunks, totalBytes } = await parser.plan(previewId, maxChunkBytes - ENVELOPE_BYTES);
    let sent = 0;
    let shown = 0;
    const report = (fraction: number, part: number) => {
      shown = Math.max(shown, Math.min(1, fraction));
      onprogress({ fraction: shown, part, parts: chunks.length });
    };
    for (const [seq, chunk] of chunks.entries()) {
      cancelled();
      report(sent / totalBytes, seq + 1);
      const features = await parser.features(previewId, chunk.from, chunk.to);
      const send = () =>
        api.append(
          importId,
          seq,
          features,
          (f) => report((sent + f * chunk.bytes) / totalBytes, seq + 1),
          signal,
        );
      try {
        await send();
      } catch (e) {
        cancelled();
        if (!worthRetrying(e)) throw e;
        await send();
      }
      sent += chunk.bytes;
    }
    cancelled();
    report(1, chunks.length);
  } catch (e) {
    // Nothing was written: the server drops what it staged (and drops it anyway once idle, should this fail).
    void api
      .abort(importId)
      .catch((err: unknown) => console.error('corridor: could not cancel the import:', err));
    if (signal?.aborted) throw new ImportCancelledError();
    throw e;
  }
  onwriting?.();
  return api.finish(importId);
}
