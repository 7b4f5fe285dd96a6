// How an import's features are cut into the chunks the browser sends one request at a time: consecutive
// runs of features whose JSON stays under the size the server takes in one request. Pure; run in the import
// worker, where the features are, so measuring 100 MB of them never blocks the page.
import type { Feature } from 'geojson';
import { formatBytes, utf8Length } from '$lib/import/bytes';

/** Features `from` (inclusive) to `to` (exclusive), `bytes` of JSON as an array (UTF-8). */
export interface ChunkSpan {
  from: number;
  to: number;
  bytes: number;
}

export interface ChunkPlan {
  chunks: ChunkSpan[];
  /** Bytes of all the chunks together: what the upload's progress counts. */
  totalBytes: number;
}

/** One feature alone is larger than a chunk may be: it cannot be sent at all. */
export class FeatureTooLargeError extends Error {
  constructor(
    public readonly index: number,
    public readonly id: string | undefined,
    public readonly bytes: number,
    public readonly maxBytes: number,
  ) {
    super(
      `feature #${index}${id ? ` (id "${id}")` : ''} is ${formatBytes(bytes)} as JSON, more than the ` +
        `${formatBytes(maxBytes)} the server takes in one request: simplify its geometry (fewer vertices) ` +
        'and check the file again, or import the file with the command line',
    );
    this.name = 'FeatureTooLargeError';
  }
}

const idOf = (f: Feature): string | undefined => {
  const id = (f.properties as { id?: unknown } | null)?.id ?? f.id;
  return id === undefined || id === null ? undefined : String(id);
};

/**
 * Cuts `features` into consecutive chunks of at most `maxBytes` of JSON each (`[`, the features, commas,
 * `]`), in order. Throws a {@link FeatureTooLargeError} naming the first feature too large for any chunk.
 */
export function planChunks(features: readonly Feature[], maxBytes: number): ChunkPlan {
  const chunks: ChunkSpan[] = [];
  let from = 0;
  let bytes = 2;
  for (let i = 0; i < features.length; i++) {
    const size = utf8Length(JSON.stringify(features[i]));
    if (size + 2 > maxBytes) throw new FeatureTooLargeError(i, idOf(features[i]), size, maxBytes);
    if (i > from && bytes + 1 + size > maxBytes) {
      chunks.push({ from, to: i, bytes });
      from = i;
      bytes = 2;
    }
    bytes += (i > from ? 1 : 0) + size;
  }
  if (features.length > from) chunks.push({ from, to: features.length, bytes });
  return { chunks, totalBytes: chunks.reduce((n, c) => n + c.bytes, 0) };
}
